import { describe, expect, it } from 'vitest';

import { chainFirst, keyForLevel, moveItem } from './levels.ts';

describe('keyForLevel', () => {
  it('makes a plain key from a Swedish name', () => {
    expect(keyForLevel('Förstelärare', [])).toBe('forstelarare');
    expect(keyForLevel('  Område / Väst ', [])).toBe('omrade-vast');
  });
  it('never reuses a key that is taken', () => {
    expect(keyForLevel('Lärare', ['larare', 'larare-2'])).toBe('larare-3');
  });
  it('falls back to "level" for a name without letters or digits', () => {
    expect(keyForLevel('—', ['level'])).toBe('level-2');
  });
});

describe('moveItem', () => {
  it('moves up, down and to either end, leaving the input alone', () => {
    const list = ['a', 'b', 'c', 'd'];
    expect(moveItem(list, 2, 1)).toEqual(['a', 'c', 'b', 'd']);
    expect(moveItem(list, 0, 3)).toEqual(['b', 'c', 'd', 'a']);
    expect(moveItem(list, 3, -5)).toEqual(['d', 'a', 'b', 'c']);
    expect(list).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('chainFirst', () => {
  it('puts side levels after the chain, keeping each group’s order', () => {
    const levels = [
      { key: 'stod', name: 'Stöd', isSide: true },
      { key: 'politik', name: 'Politik', isSide: false },
      { key: 'elevhalsa', name: 'Elevhälsa', isSide: true },
      { key: 'rektor', name: 'Rektor', isSide: false },
    ];
    expect(chainFirst(levels).map((l) => l.key)).toEqual(['politik', 'rektor', 'stod', 'elevhalsa']);
  });
});
