import { describe, expect, it } from 'vitest';

import { deriveCoupling } from './coupling.ts';

describe('deriveCoupling (Orton & Weick 1990)', () => {
  it('is null while any rating is missing', () => {
    expect(deriveCoupling({ targetResponds: true, sourceResponds: null, distinctive: false })).toBeNull();
    expect(deriveCoupling({ targetResponds: null, sourceResponds: null, distinctive: null })).toBeNull();
  });

  it.each([
    // targetResponds, sourceResponds, distinctive → coupling
    [true, true, false, 'TIGHT'],
    [true, true, true, 'LOOSE'],
    [false, false, true, 'DECOUPLED'],
    [false, false, false, 'DECOUPLED'],
    // one-way responsiveness (order-giving) still couples
    [true, false, false, 'TIGHT'],
    [false, true, true, 'LOOSE'],
  ] as const)('target %s, source %s, distinctive %s → %s', (targetResponds, sourceResponds, distinctive, expected) => {
    expect(deriveCoupling({ targetResponds, sourceResponds, distinctive })).toBe(expected);
  });
});
