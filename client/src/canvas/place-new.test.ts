import { describe, expect, it } from 'vitest';

import { freeSpot } from './place-new.ts';

const size = { width: 100, height: 40 };

describe('freeSpot', () => {
  it('takes the preferred point when it is free', () => {
    expect(freeSpot(size, { x: 0, y: 0 }, [{ x: 300, y: 0, width: 100, height: 40 }])).toEqual({ x: 0, y: 0 });
  });

  it('goes down a row in its own column before it goes sideways, and covers no one', () => {
    const occupied = [
      { x: 0, y: 0, width: 100, height: 40 },
      { x: 0, y: 52, width: 100, height: 40 },
    ];
    const spot = freeSpot(size, { x: 0, y: 0 }, occupied, 12);
    expect(spot.x).toBe(0);
    for (const b of occupied) {
      const isCovering =
        Math.abs(b.x - spot.x) < (b.width + size.width) / 2 && Math.abs(b.y - spot.y) < (b.height + size.height) / 2;
      expect(isCovering).toBe(false);
    }
  });
});
