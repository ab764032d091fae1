import { describe, expect, it } from 'vitest';

import type { CanvasLink } from '../../canvas/model.ts';
import { compareScenarios, couplingMarks } from './compare.ts';

const link = (
  id: string,
  sourceId: string,
  targetId: string,
  coupling: CanvasLink['coupling'] = 'LOOSE',
): CanvasLink => ({
  id,
  sourceId,
  targetId,
  kind: 'STEERING',
  coupling,
  targetResponds: null,
  sourceResponds: null,
});

describe('compareScenarios', () => {
  it('reports nothing for identical scenarios', () => {
    const links = [link('l1', 'a', 'b')];
    const diff = compareScenarios(links, links);
    expect([diff.added, diff.removed, diff.changed]).toEqual([[], [], []]);
    expect(diff.marks.size).toBe(0);
  });

  it('matches cloned links by endpoints and kind, and finds added, removed and changed', () => {
    const desired = [link('d1', 'a', 'b', 'TIGHT'), link('d2', 'b', 'c'), link('d3', 'c', 'd')];
    const current = [link('c1', 'a', 'b', 'LOOSE'), link('c2', 'b', 'c'), link('c4', 'a', 'd')];
    const diff = compareScenarios(desired, current);
    expect(diff.added.map((l) => l.id)).toEqual(['d3']);
    expect(diff.removed.map((l) => l.id)).toEqual(['c4']);
    expect(diff.changed.map((c) => [c.link.id, c.before.coupling])).toEqual([['d1', 'LOOSE']]);
    expect(Object.fromEntries(diff.marks)).toEqual({ d3: 'added', d1: 'changed', c4: 'removed' });
    expect(diff.links.map((l) => l.id)).toEqual(['d1', 'd2', 'd3', 'c4']);
  });

  it('says which way a coupling moved along the timeline, and keeps other changes as changed', () => {
    const before = [link('a1', 'a', 'b', 'LOOSE'), link('a2', 'b', 'c', 'TIGHT'), link('a3', 'c', 'd', 'DECOUPLED')];
    const after = [
      link('b1', 'a', 'b', 'TIGHT'),
      link('b2', 'b', 'c', 'DECOUPLED'),
      { ...link('b3', 'c', 'd', 'DECOUPLED'), targetResponds: true },
      link('b4', 'd', 'e'),
    ];
    const marks = couplingMarks(compareScenarios(after, before));
    expect(Object.fromEntries(marks)).toEqual({ b1: 'tightened', b2: 'loosened', b3: 'changed', b4: 'added' });
  });
});
