import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { decodeList, encodeList, parseCell, protectCell, unprotectCell } from './cell-values.ts';

describe('cell values', () => {
  it('neutralises formula starts with one quote and takes exactly that quote back', () => {
    expect(protectCell('=1+1')).toBe("'=1+1");
    expect(protectCell('+46 70')).toBe("'+46 70");
    expect(protectCell('-x')).toBe("'-x");
    expect(protectCell('@SUM')).toBe("'@SUM");
    expect(protectCell("'=x")).toBe("''=x");
    expect(protectCell("it's")).toBe("it's");
    expect(unprotectCell("'=1+1")).toBe('=1+1');
    expect(unprotectCell("'plain")).toBe("'plain");
    fc.assert(fc.property(fc.string(), (s) => unprotectCell(protectCell(s)) === s));
  });

  it('writes lists with ; and escapes it inside items', () => {
    expect(encodeList(['a', 'b;c', 'd\\e'])).toBe('a; b\\;c; d\\\\e');
    expect(decodeList('a; b\\;c; d\\\\e')).toEqual(['a', 'b;c', 'd\\e']);
    fc.assert(
      fc.property(fc.array(fc.string().filter((s) => s.trim() === s && s !== '')), (items) => {
        expect(decodeList(encodeList(items))).toEqual(items);
      }),
    );
  });

  it('reads coupling words in Swedish and English, and refuses others', () => {
    const coupling = { type: 'enum', values: 'coupling' } as const;
    expect(parseCell(coupling, 'Tät')).toEqual({ ok: true, value: 'TIGHT' });
    expect(parseCell(coupling, ' lös ')).toEqual({ ok: true, value: 'LOOSE' });
    expect(parseCell(coupling, 'FRIKOPPLAD')).toEqual({ ok: true, value: 'DECOUPLED' });
    expect(parseCell(coupling, 'decoupled')).toEqual({ ok: true, value: 'DECOUPLED' });
    expect(parseCell(coupling, '')).toEqual({ ok: true, value: null });
    expect(parseCell(coupling, 'medium')).toMatchObject({ ok: false, problem: { reason: 'INVALID' } });
    expect(parseCell({ type: 'rating' }, 'Ja')).toEqual({ ok: true, value: true });
    expect(parseCell({ type: 'rating' }, 'kanske')).toMatchObject({ ok: false });
    expect(parseCell({ type: 'text', isRequired: true }, '  ')).toMatchObject({
      ok: false,
      problem: { reason: 'REQUIRED' },
    });
  });
});
