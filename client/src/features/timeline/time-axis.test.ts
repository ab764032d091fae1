import { describe, expect, it } from 'vitest';

import { axisPositions } from './TimeAxis.tsx';

const point = (observedAt: string | null) => ({
  id: observedAt ?? 'x',
  name: 'n',
  kind: 'OBSERVATION' as const,
  observedAt,
});

describe('axisPositions', () => {
  it('places dated points by their dates: a long gap looks long', () => {
    // 2025-01-01 → 2025-01-11 → 2025-01-31: ten days, then twenty.
    expect(axisPositions([point('2025-01-01'), point('2025-01-11'), point('2025-01-31')])).toEqual([0, 1 / 3, 1]);
  });
  it('spreads points evenly when one has no date, and centres a single point', () => {
    expect(axisPositions([point(null), point('2025-01-11'), point('2025-01-31')])).toEqual([0, 0.5, 1]);
    expect(axisPositions([point('2025-01-11')])).toEqual([0.5]);
  });
});
