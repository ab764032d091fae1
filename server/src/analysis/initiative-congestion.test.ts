import { describe, expect, it } from 'vitest';

import { buildGraphIndex } from './graph-index.ts';
import { initiativeCongestion } from './initiative-congestion.ts';
import { chainA, makeGraph } from './test-graphs.ts';

describe('initiativeCongestion', () => {
  it('rejects an initiative aimed at an unknown actor (through the index)', () => {
    const graph = makeGraph([], [], {
      initiatives: [{ id: 'I', name: 'I', ownerId: null, targetActorIds: ['x'], targetUnitIds: [], evidenceCount: 0 }],
    });
    expect(() => initiativeCongestion(buildGraphIndex(graph))).toThrow();
  });

  it('counts support links and initiatives reaching actors and units (chain A)', () => {
    // I1 → t1 and unit s2; I2 → unit area (⊃ s1, s2). L8 uni→r2 is the only SUPPORT link.
    const result = initiativeCongestion(buildGraphIndex(chainA()));
    expect(result.actors.map((a) => [a.actorId, a.load, a.initiativeIds, a.supportLinkIds])).toEqual([
      ['r2', 3, ['I1', 'I2'], ['L8']],
      ['t1', 2, ['I1', 'I2'], []],
      ['t3', 2, ['I1', 'I2'], []],
      ['t4', 2, ['I1', 'I2'], []],
      ['r1', 1, ['I2'], []],
      ['t2', 1, ['I2'], []],
    ]);
    expect(result.units.map((u) => [u.unitId, u.load, u.initiativeIds, u.supportActorIds])).toEqual([
      ['s2', 3, ['I1', 'I2'], ['uni']],
      ['s1', 2, ['I1', 'I2'], []],
      ['area', 1, ['I2'], []],
    ]);
    expect(result.findings.map((f) => f.id)).toEqual([
      'initiativeCongestion:ACTOR_CONGESTION:r2',
      'initiativeCongestion:ACTOR_CONGESTION:t1',
      'initiativeCongestion:ACTOR_CONGESTION:t3',
      'initiativeCongestion:ACTOR_CONGESTION:t4',
      'initiativeCongestion:UNIT_CONGESTION:s2',
      'initiativeCongestion:UNIT_CONGESTION:s1',
    ]);
    expect(result.findings[4]!.explanation.en).toBe(
      'Skola 2 is reached by 2 initiatives and 1 support link from 1 support actor.',
    );
  });

  it('names each support actor once, however many of its links reach an actor or a unit', () => {
    // s1 reaches a twice (S1, S2) and b once (S3); s2 reaches b (S4). a and b make up unit U.
    const graph = makeGraph(
      [
        ['a', 'teacher', 'U'],
        ['b', 'teacher', 'U'],
        ['s1', 'support'],
        ['s2', 'support'],
      ],
      [
        ['S1', 's1', 'a', 'LOOSE', 'SUPPORT'],
        ['S2', 's1', 'a', 'TIGHT', 'SUPPORT'],
        ['S3', 's1', 'b', 'LOOSE', 'SUPPORT'],
        ['S4', 's2', 'b', 'LOOSE', 'SUPPORT'],
      ],
      { units: [{ id: 'U', name: 'Skola', parentId: null }] },
    );
    const result = initiativeCongestion(buildGraphIndex(graph));
    expect(result.actors.map((a) => [a.actorId, a.supportLinkIds, a.supportActorIds])).toEqual([
      ['a', ['S1', 'S2'], ['s1']],
      ['b', ['S3', 'S4'], ['s1', 's2']],
    ]);
    expect(result.units.map((u) => [u.unitId, u.supportLinkIds, u.supportActorIds])).toEqual([
      ['U', ['S1', 'S2', 'S3', 'S4'], ['s1', 's2']],
    ]);
  });

  it('finds nothing on an empty map', () => {
    expect(initiativeCongestion(buildGraphIndex(makeGraph([], [])))).toEqual({ actors: [], units: [], findings: [] });
  });
});
