import { describe, expect, it } from 'vitest';

import { knobPlace } from './knob-place.ts';

describe('knobPlace', () => {
  it("puts the knob on the actor's right edge, centred vertically", () => {
    expect(knobPlace({ x: 100, y: 50, width: 60 }, 800, 600)).toEqual({ x: 130, y: 50 });
  });

  it('gives no knob to an actor drawn too narrow to be grabbed beside it', () => {
    // The knob is 14 px across: on a 27 px actor it would cover more than half of it.
    expect(knobPlace({ x: 100, y: 50, width: 27 }, 800, 600)).toBeNull();
    expect(knobPlace({ x: 100, y: 50, width: 28 }, 800, 600)).toEqual({ x: 114, y: 50 });
  });

  it('gives no knob outside the map', () => {
    expect(knobPlace({ x: 780, y: 50, width: 40 }, 800, 600)).toBeNull(); // right edge at 800
    expect(knobPlace({ x: 100, y: 3, width: 40 }, 800, 600)).toBeNull();
  });
});
