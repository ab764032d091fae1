import { describe, expect, it } from 'vitest';

import { fromReportWire, toReportWire } from './report-wire.ts';

describe('report wire', () => {
  it('cuts a value into pieces of bounded weight and puts it back together unchanged', async () => {
    // 300 findings of 5 actor ids each, one of 1,000 ids, and a small part: with pieces of at most
    // 100 values the big list must be cut, and so must the one finding heavier than a piece.
    const findings = Array.from({ length: 300 }, (_, i) => ({
      id: `f${i}`,
      actorIds: Array.from({ length: i === 7 ? 1000 : 5 }, (_, a) => `a${a}`),
      explanation: { sv: `text ${i}`, en: `text ${i}` },
    }));
    const value = { findings, levelMatrix: { cells: [{ levelKeys: ['politics', 'teacher'], total: 3 }] }, empty: [] };
    const wire = toReportWire(value, 100);
    expect(wire.offsets.length - 1).toBeGreaterThan((300 * 9) / 100);
    expect(await fromReportWire(wire)).toEqual(value);
  });

  it('sends a small value as one piece', async () => {
    const wire = toReportWire({ islands: { componentCount: 1, islands: [] } });
    expect(wire.offsets).toHaveLength(2);
    expect(await fromReportWire(wire)).toEqual({ islands: { componentCount: 1, islands: [] } });
  });
});
