import { describe, expect, it } from 'vitest';

import { RecentValues } from './recent-values.ts';

describe('RecentValues', () => {
  it('makes a value once per version and keeps the most recently used', () => {
    const made: number[] = [];
    const recent = new RecentValues<string>(2);
    const get = (version: number) =>
      recent.get(version, () => {
        made.push(version);
        return `value ${version}`;
      });
    expect(get(1)).toBe('value 1');
    expect(get(2)).toBe('value 2');
    expect(get(1)).toBe('value 1'); // kept; now the most recently used
    expect(get(3)).toBe('value 3'); // 2 leaves
    expect(get(1)).toBe('value 1');
    expect(get(2)).toBe('value 2'); // made again; 3 leaves
    expect(made).toEqual([1, 2, 3, 2]);
  });

  it('keeps nothing when making the value throws', () => {
    const recent = new RecentValues<string>(2);
    expect(() =>
      recent.get(1, () => {
        throw new Error('inconsistent graph');
      }),
    ).toThrow('inconsistent graph');
    expect(recent.get(1, () => 'made')).toBe('made');
  });
});
