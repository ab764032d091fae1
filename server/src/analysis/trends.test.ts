import { describe, expect, it } from 'vitest';

import { timeline, trends } from './trends.ts';
import { LEVELS } from './test-graphs.ts';

describe('timeline', () => {
  it('orders the current state and the observations by date, an undated current state first, without the desired state', () => {
    const scenarios = [
      { id: 'o2', name: 'O2', kind: 'OBSERVATION' as const, observedAt: '2026-03-01' },
      { id: 'd', name: 'D', kind: 'DESIRED' as const, observedAt: null },
      { id: 'o1', name: 'O1', kind: 'OBSERVATION' as const, observedAt: '2025-11-01' },
      { id: 'c', name: 'C', kind: 'CURRENT' as const, observedAt: null },
      { id: 'o0', name: 'O0', kind: 'OBSERVATION' as const, observedAt: '2025-11-01' },
    ];
    expect(timeline(scenarios).map((s) => s.id)).toEqual(['c', 'o0', 'o1', 'o2']);
    // A dated current state takes its place by date.
    const dated = scenarios.map((s) => (s.id === 'c' ? { ...s, observedAt: '2025-12-24' } : s));
    expect(timeline(dated).map((s) => s.id)).toEqual(['o0', 'o1', 'c', 'o2']);
  });
});

describe('trends', () => {
  it('follows the adjacent chain level pairs, cut-off actors and the distance over the points', () => {
    // Chain: politics > administration > principal > teacher (support beside it, left out).
    // Point 1: politics–administration 2 of 4 responsive, principal–teacher 0 of 3, and a cell the
    //          other way round (teacher, principal is never given: cells are in level order).
    // Point 2: administration–principal 3 of 3, no politics–administration links at all.
    const result = trends(LEVELS, [
      {
        cells: [
          { levelKeys: ['politics', 'administration'], total: 4, responsive: 2 },
          { levelKeys: ['principal', 'teacher'], total: 3, responsive: 0 },
          { levelKeys: ['administration', 'support'], total: 5, responsive: 5 },
          { levelKeys: ['politics', 'politics'], total: 1, responsive: 1 },
        ],
        cutOffCount: 7,
        distance: 12,
      },
      {
        cells: [{ levelKeys: ['administration', 'principal'], total: 3, responsive: 3 }],
        cutOffCount: 0,
        distance: null,
      },
    ]);
    expect(result).toEqual({
      levelPairs: [
        { levelKeys: ['politics', 'administration'], responsive: [2, 0], total: [4, 0], share: [0.5, null] },
        { levelKeys: ['administration', 'principal'], responsive: [0, 3], total: [0, 3], share: [null, 1] },
        { levelKeys: ['principal', 'teacher'], responsive: [0, 0], total: [3, 0], share: [0, null] },
      ],
      cutOff: [7, 0],
      distance: [12, null],
    });
  });

  it('has no pairs with a single chain level, and empty lists without points', () => {
    expect(trends([{ key: 'a', name: 'A', isSide: false }], [])).toEqual({ levelPairs: [], cutOff: [], distance: [] });
  });
});
