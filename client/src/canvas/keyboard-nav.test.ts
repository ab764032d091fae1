import { describe, expect, it } from 'vitest';

import { nextInDirection } from './keyboard-nav.ts';

//        a (0,0)
//   b (-100,100)   c (20,100)      d (400, 10)
const points = [
  { id: 'a', x: 0, y: 0 },
  { id: 'b', x: -100, y: 100 },
  { id: 'c', x: 20, y: 100 },
  { id: 'd', x: 400, y: 10 },
];

describe('nextInDirection', () => {
  it('goes to the nearest point on that side, favouring the one straight ahead', () => {
    const from = points[0] as (typeof points)[number];
    const others = points.slice(1);
    expect(nextInDirection(from, others, 'down')?.id).toBe('c');
    expect(nextInDirection(from, others, 'right')?.id).toBe('d');
    expect(nextInDirection(from, others, 'left')?.id).toBe('b');
    expect(nextInDirection(from, others, 'up')).toBeNull();
  });

  it('takes a point further to the side only when nothing lies within the arrow’s cone', () => {
    expect(nextInDirection({ x: 0, y: 0 }, [{ id: 'far', x: 10, y: 200 }], 'right')?.id).toBe('far');
  });
});
