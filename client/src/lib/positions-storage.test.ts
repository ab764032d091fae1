import { describe, expect, it } from 'vitest';

import { loadPositions, positionsKey, savePositions } from './positions-storage.ts';

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
    data,
  };
}

describe('positions storage', () => {
  it('round-trips positions per organisation and scenario', () => {
    const s = memoryStorage();
    const key = positionsKey('org', 'now');
    savePositions(key, new Map([['a', { x: 1, y: 2 }]]), s);
    expect(loadPositions(key, s)).toEqual(new Map([['a', { x: 1, y: 2 }]]));
    expect(loadPositions(positionsKey('org', 'desired'), s).size).toBe(0);
  });
  it('survives a corrupt entry and removes the entry when emptied', () => {
    const s = memoryStorage();
    s.setItem('k', '{not json');
    expect(loadPositions('k', s).size).toBe(0);
    savePositions('k', new Map(), s);
    expect(s.data.has('k')).toBe(false);
  });
});
