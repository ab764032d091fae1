import { describe, expect, it } from 'vitest';

import { buildGraphIndex } from './graph-index.ts';
import { initiativeReach } from './initiative-reach.ts';
import { chainA, makeGraph } from './test-graphs.ts';

/**
 * A widest path that is not the shortest, a one-way link and an owner that targets itself:
 *
 * ```
 *   o ══ L1 tight ══ a ══ L2 tight ══ x        o administration, a principal, x and y teacher
 *   o ── L3 loose ────────────────── x
 *   o ── L4 loose ── y                        y records that it does not respond to o
 * ```
 */
function detour() {
  return makeGraph(
    [
      ['o', 'administration'],
      ['a', 'principal'],
      ['x', 'teacher'],
      ['y', 'teacher'],
    ],
    [
      ['L1', 'o', 'a', 'TIGHT'],
      ['L2', 'a', 'x', 'TIGHT'],
      ['L3', 'o', 'x', 'LOOSE'],
      ['L4', 'o', 'y', 'LOOSE', 'STEERING', { targetResponds: false }],
    ],
    {
      initiatives: [
        { id: 'J', name: 'Lyft', ownerId: 'o', targetActorIds: ['x', 'y', 'o'], targetUnitIds: [], evidenceCount: 0 },
      ],
    },
  );
}

describe('initiativeReach', () => {
  it('rejects an initiative aimed at an unknown actor (through the index)', () => {
    const graph = makeGraph([], [], {
      initiatives: [{ id: 'I', name: 'I', ownerId: null, targetActorIds: ['x'], targetUnitIds: [], evidenceCount: 0 }],
    });
    expect(() => initiativeReach(buildGraphIndex(graph))).toThrow(/no such actor|BAD_USER_INPUT|invalid/i);
  });

  it('follows the widest path from the owner, not the shortest, and stops at a recorded "no" (detour)', () => {
    const result = initiativeReach(buildGraphIndex(detour()));
    expect(result.initiatives).toEqual([
      {
        initiativeId: 'J',
        ownerId: 'o',
        searched: true,
        evidenceCount: 0,
        reachedCount: 2,
        targets: [
          // Tight over L2, L1 (2 hops) beats loose over L3 (1 hop); all tight, the weakest is the one nearest the owner.
          {
            actorId: 'x',
            direct: true,
            viaUnitIds: [],
            reached: true,
            coupling: 'TIGHT',
            hops: 2,
            weakestLinkId: 'L1',
            pathLinkIds: ['L2', 'L1'],
          },
          // L4 is loose, but y does not respond to o.
          {
            actorId: 'y',
            direct: true,
            viaUnitIds: [],
            reached: false,
            coupling: null,
            hops: null,
            weakestLinkId: null,
            pathLinkIds: [],
          },
          // The owner reaches itself in no hops.
          {
            actorId: 'o',
            direct: true,
            viaUnitIds: [],
            reached: true,
            coupling: null,
            hops: 0,
            weakestLinkId: null,
            pathLinkIds: [],
          },
        ],
      },
    ]);
    expect(result.classroom).toEqual([
      { actorId: 'x', reachedBy: ['J'], notReachedBy: [] },
      { actorId: 'y', reachedBy: [], notReachedBy: ['J'] },
    ]);
    expect(result.traces).toEqual({
      reachedWithTrace: 0,
      reachedWithoutTrace: 2,
      notReachedWithTrace: 0,
      notReachedWithoutTrace: 1,
    });
  });

  it('reaches targets and unit members through a loose bottleneck and names who it misses (chain A)', () => {
    // I1 (owner uni, 1 evidence note) → t1 and unit s2 = {r2, t3, t4}. From uni every path starts
    // with L8 (loose), so no tight path exists and L8 is the weakest link nearest the owner:
    //   r2: L8 (1 hop); t3: L7, L8 (2); t1: L4 r1, L2 sup, L9 t3, L7 r2, L8 uni (5);
    //   t4: only L10, decoupled, so not reached.
    // I2 (no owner, no evidence) → unit area ⊃ s1, s2 = r1, r2, t1, t2, t3, t4 in actor order.
    const result = initiativeReach(buildGraphIndex(chainA()));
    expect(result.classroomLevelKey).toBe('teacher');
    const [i1, i2] = result.initiatives;
    expect(i1!.targets.map((t) => [t.actorId, t.direct, t.viaUnitIds, t.coupling, t.hops, t.weakestLinkId])).toEqual([
      ['t1', true, [], 'LOOSE', 5, 'L8'],
      ['r2', false, ['s2'], 'LOOSE', 1, 'L8'],
      ['t3', false, ['s2'], 'LOOSE', 2, 'L8'],
      ['t4', false, ['s2'], null, null, null],
    ]);
    expect(i1!.targets[0]!.pathLinkIds).toEqual(['L4', 'L2', 'L9', 'L7', 'L8']);
    expect(i1!.targets[2]!.pathLinkIds).toEqual(['L7', 'L8']);
    expect(i1!.reachedCount).toBe(3);
    expect(i2).toMatchObject({ ownerId: null, searched: false, reachedCount: 0, evidenceCount: 0 });
    expect(i2!.targets.map((t) => [t.actorId, t.viaUnitIds, t.reached])).toEqual([
      ['r1', ['area'], false],
      ['r2', ['area'], false],
      ['t1', ['area'], false],
      ['t2', ['area'], false],
      ['t3', ['area'], false],
      ['t4', ['area'], false],
    ]);
    expect(result.classroom).toEqual([
      { actorId: 't1', reachedBy: ['I1'], notReachedBy: ['I2'] },
      { actorId: 't2', reachedBy: [], notReachedBy: ['I2'] },
      { actorId: 't3', reachedBy: ['I1'], notReachedBy: ['I2'] },
      { actorId: 't4', reachedBy: [], notReachedBy: ['I1', 'I2'] },
      { actorId: 't5', reachedBy: [], notReachedBy: [] },
    ]);
    // I1 has evidence: 3 reached, 1 not; I2 has none: 6 not reached.
    expect(result.traces).toEqual({
      reachedWithTrace: 3,
      reachedWithoutTrace: 0,
      notReachedWithTrace: 1,
      notReachedWithoutTrace: 6,
    });
    expect(result.findings.map((f) => [f.id, f.actorIds, f.linkIds])).toEqual([
      ['initiativeReach:INITIATIVE_REACH:I1', ['uni', 't1', 'r2', 't3'], ['L4', 'L2', 'L9', 'L7', 'L8']],
      ['initiativeReach:TARGETS_NOT_REACHED:I1', ['t4'], []],
      ['initiativeReach:INITIATIVE_WITHOUT_OWNER:I2', ['r1', 'r2', 't1', 't2', 't3', 't4'], []],
      ['initiativeReach:INITIATIVE_WITHOUT_TRACE:I2', ['r1', 'r2', 't1', 't2', 't3', 't4'], []],
      ['initiativeReach:CLASSROOM_NOT_REACHED:teacher', ['t2', 't4', 't5'], []],
    ]);
    expect(result.findings.map((f) => f.explanation)).toEqual([
      {
        sv: '”Läslyft” når 3 av 4 målaktörer från uni längs lyhörda länkar.',
        en: '“Läslyft” reaches 3 of 4 target actors from uni along responsive links.',
      },
      {
        sv: 't4 för ”Läslyft” nås inte längs lyhörda länkar från uni.',
        en: 't4 of “Läslyft” is not reached along responsive links from uni.',
      },
      {
        sv: '”Matematiklyft” har ingen ägare på kartan, så ingen väg till 6 målaktörer följs.',
        en: '“Matematiklyft” has no owner on the map, so no path to its 6 target actors is followed.',
      },
      {
        sv: '”Matematiklyft” har inga evidensanteckningar (spår) för 6 målaktörer.',
        en: '“Matematiklyft” has no evidence notes (traces) for its 6 target actors.',
      },
      {
        sv: '3 aktörer av 5 på nivån Lärare nås inte av någon insats längs lyhörda länkar.',
        en: '3 actors of 5 at level Lärare are reached by no initiative along responsive links.',
      },
    ]);
  });

  it('states the same findings when only they are read, without listing initiatives or the classroom (chain A)', () => {
    const brief = initiativeReach(buildGraphIndex(chainA()), {}, true);
    expect(brief.initiatives).toEqual([]);
    expect(brief.classroom).toEqual([]);
    expect(brief.traces).toEqual({
      reachedWithTrace: 3,
      reachedWithoutTrace: 0,
      notReachedWithTrace: 1,
      notReachedWithoutTrace: 6,
    });
    // The full run's findings, checked by hand above (the classroom still counts its 5 actors).
    expect(brief.findings).toEqual(initiativeReach(buildGraphIndex(chainA())).findings);
  });

  it('searches from as many owners as searchLimit allows and says how many initiatives were left out', () => {
    // One owner's searches cost 2 · (4 actors + 2 · 4 links) = 24 steps; 47 allow one owner, not two.
    const graph = detour();
    const second = { id: 'K', name: 'K', ownerId: 'a', targetActorIds: ['x'], targetUnitIds: [], evidenceCount: 2 };
    const result = initiativeReach(buildGraphIndex({ ...graph, initiatives: [...graph.initiatives, second] }), {
      searchLimit: 47,
    });
    expect(result.initiatives.map((i) => [i.initiativeId, i.searched, i.reachedCount])).toEqual([
      ['J', true, 2],
      ['K', false, 0],
    ]);
    expect(
      initiativeReach(buildGraphIndex({ ...graph, initiatives: [...graph.initiatives, second] }), { searchLimit: 48 })
        .initiatives[1]!.searched,
    ).toBe(true);
    expect(result.findings.find((f) => f.kind === 'INITIATIVES_NOT_SEARCHED')).toMatchObject({
      id: 'initiativeReach:INITIATIVES_NOT_SEARCHED:searchLimit',
      explanation: {
        en: 'Paths were followed from 1 owner within the searchLimit setting; 1 initiative with other owners was not counted.',
      },
    });
  });

  it('searches from each owner afresh: what an earlier owner reached does not count for the next one', () => {
    // p ══ L1 tight ══ t ══ L2 tight ══ s      q ── L3 loose ── u
    // P (owner p) reaches t and s over tight links; Q (owner q) reaches u over L3 and neither t nor s.
    const graph = makeGraph(
      [
        ['p', 'administration'],
        ['q', 'administration'],
        ['t', 'principal'],
        ['s', 'teacher'],
        ['u', 'teacher'],
      ],
      [
        ['L1', 'p', 't', 'TIGHT'],
        ['L2', 't', 's', 'TIGHT'],
        ['L3', 'q', 'u', 'LOOSE'],
      ],
      {
        initiatives: [
          { id: 'P', name: 'P', ownerId: 'p', targetActorIds: ['s', 't'], targetUnitIds: [], evidenceCount: 0 },
          { id: 'Q', name: 'Q', ownerId: 'q', targetActorIds: ['t', 's', 'u'], targetUnitIds: [], evidenceCount: 0 },
        ],
      },
    );
    const result = initiativeReach(buildGraphIndex(graph));
    const summary = result.initiatives.map((initiative) =>
      initiative.targets.map((target) => [target.actorId, target.coupling, target.hops, target.pathLinkIds]),
    );
    expect(summary).toEqual([
      [
        ['s', 'TIGHT', 2, ['L2', 'L1']],
        ['t', 'TIGHT', 1, ['L1']],
      ],
      [
        ['t', null, null, []],
        ['s', null, null, []],
        ['u', 'LOOSE', 1, ['L3']],
      ],
    ]);
  });

  it('finds nothing without initiatives, and still lists the classroom', () => {
    const result = initiativeReach(buildGraphIndex(makeGraph([['t', 'teacher']], [])));
    expect(result).toEqual({
      classroomLevelKey: 'teacher',
      initiatives: [],
      classroom: [{ actorId: 't', reachedBy: [], notReachedBy: [] }],
      traces: { reachedWithTrace: 0, reachedWithoutTrace: 0, notReachedWithTrace: 0, notReachedWithoutTrace: 0 },
      findings: [],
    });
  });
});
