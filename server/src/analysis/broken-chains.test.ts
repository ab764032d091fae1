import { describe, expect, it } from 'vitest';

import { brokenChains } from './broken-chains.ts';
import { buildGraphIndex } from './graph-index.ts';
import { chainA, makeGraph } from './test-graphs.ts';

describe('brokenChains', () => {
  it('finds each actor’s widest, then shortest, path up and its weakest link (chain A)', () => {
    const result = brokenChains(buildGraphIndex(chainA()));
    const path = (id: string) => result.paths.find((p) => p.actorId === id);
    expect(result.topLevelKey).toBe('politics');
    expect(path('sup')).toEqual({
      actorId: 'sup',
      coupling: 'TIGHT',
      hops: 1,
      weakestLinkId: 'L1',
      pathLinkIds: ['L1'],
    });
    expect(path('r1')).toEqual({
      actorId: 'r1',
      coupling: 'LOOSE',
      hops: 2,
      weakestLinkId: 'L2',
      pathLinkIds: ['L2', 'L1'],
    });
    expect(path('t1')).toMatchObject({
      coupling: 'LOOSE',
      hops: 3,
      weakestLinkId: 'L2',
      pathLinkIds: ['L4', 'L2', 'L1'],
    });
    // t2 does not respond to r1 (L5), so its way up goes through its colleague t1.
    expect(path('t2')).toMatchObject({
      coupling: 'LOOSE',
      hops: 4,
      weakestLinkId: 'L2',
      pathLinkIds: ['L6', 'L4', 'L2', 'L1'],
    });
    // r2's direct link up is decoupled; it reaches the top through t3 and the skip link L9.
    expect(path('r2')).toMatchObject({
      coupling: 'LOOSE',
      hops: 3,
      weakestLinkId: 'L9',
      pathLinkIds: ['L7', 'L9', 'L1'],
    });
    expect(path('t3')).toMatchObject({ coupling: 'LOOSE', hops: 2, weakestLinkId: 'L9' });
    // The support actor has a path (L8 and L9 are both loose: the one nearer the top is reported).
    expect(path('uni')).toMatchObject({ coupling: 'LOOSE', hops: 4, weakestLinkId: 'L9' });
    expect(path('t4')).toEqual({ actorId: 't4', coupling: null, hops: null, weakestLinkId: null, pathLinkIds: [] });
    expect(path('pol')).toBeUndefined();
    expect(result.cutOffActorIds).toEqual(['t4', 't5']);
    expect(result.weakestLinks).toEqual([
      { linkId: 'L2', coupling: 'LOOSE', actorCount: 3 },
      { linkId: 'L9', coupling: 'LOOSE', actorCount: 2 },
      { linkId: 'L1', coupling: 'TIGHT', actorCount: 1 },
    ]);
    expect(result.units).toEqual([
      { unitId: 's1', actorCount: 3, cutOffCount: 0 },
      { unitId: 's2', actorCount: 3, cutOffCount: 1 },
      { unitId: 's3', actorCount: 1, cutOffCount: 1 },
    ]);
    expect(result.findings.map((f) => f.id)).toEqual([
      'brokenChains:CUT_OFF:teacher',
      'brokenChains:WEAKEST_LINK:L2',
      'brokenChains:WEAKEST_LINK:L9',
      'brokenChains:UNIT_CUT_OFF:s3',
    ]);
    expect(result.findings[0]!.explanation.en).toBe('2 actors at level Lärare have no responsive path up to Politik.');
    expect(result.findings[0]!.explanation.sv).toBe('2 aktörer på nivån Lärare har ingen lyhörd väg upp till Politik.');
    // L2 (sup–r1, loose) is the least responsive link on the path up of r1, t1 and t2: no verdict on it.
    expect(result.findings[1]!.explanation).toEqual({
      sv: 'Länken sup–r1 (lös) är den minst lyhörda länken på vägen upp för 3 aktörer.',
      en: 'The link sup–r1 (loose) is the least responsive link on the path up for 3 actors.',
    });
  });

  it('prefers a longer tight path to a shorter loose one', () => {
    const graph = makeGraph(
      [
        ['pol', 'politics'],
        ['a', 'administration'],
        ['r', 'principal'],
        ['t', 'teacher'],
      ],
      [
        ['short', 'pol', 't', 'LOOSE'],
        ['L1', 'pol', 'a', 'TIGHT'],
        ['L2', 'a', 'r', 'TIGHT'],
        ['L3', 'r', 't', 'TIGHT'],
      ],
    );
    const t = brokenChains(buildGraphIndex(graph)).paths.find((p) => p.actorId === 't');
    expect(t).toMatchObject({ coupling: 'TIGHT', hops: 3, pathLinkIds: ['L3', 'L2', 'L1'], weakestLinkId: 'L1' });
  });

  it('lets order-giving hold the chain but not a lower end that does not respond', () => {
    const graph = makeGraph(
      [
        ['pol', 'politics'],
        ['a', 'administration'],
        ['b', 'administration'],
      ],
      [
        // pol does not listen to a, but a responds to pol: a is reached.
        ['L1', 'pol', 'a', 'LOOSE', 'STEERING', { targetResponds: true, sourceResponds: false }],
        // b does not respond to pol: b is cut off.
        ['L2', 'pol', 'b', 'LOOSE', 'STEERING', { targetResponds: false, sourceResponds: true }],
      ],
    );
    expect(brokenChains(buildGraphIndex(graph)).cutOffActorIds).toEqual(['b']);
  });

  it('uses the highest chain level with actors as the top when politics is empty', () => {
    const graph = makeGraph(
      [
        ['a', 'administration'],
        ['r', 'principal'],
      ],
      [['L', 'a', 'r', 'TIGHT']],
    );
    const result = brokenChains(buildGraphIndex(graph));
    expect(result.topLevelKey).toBe('administration');
    expect(result.findings[0]).toMatchObject({ kind: 'TOP_LEVEL_EMPTY', levelKeys: ['politics', 'administration'] });
    expect(result.paths).toEqual([
      { actorId: 'r', coupling: 'TIGHT', hops: 1, weakestLinkId: 'L', pathLinkIds: ['L'] },
    ]);
  });

  it('handles an empty map, support actors only and a map decoupled everywhere', () => {
    expect(brokenChains(buildGraphIndex(makeGraph([], []))).findings.map((f) => f.kind)).toEqual(['NO_CHAIN_ACTORS']);
    expect(
      brokenChains(
        buildGraphIndex(
          makeGraph(
            [
              ['u', 'support'],
              ['v', 'support'],
            ],
            [['L', 'u', 'v', 'TIGHT']],
          ),
        ),
      ).paths,
    ).toEqual([]);
    const decoupled = makeGraph(
      [
        ['pol', 'politics'],
        ['a', 'administration'],
        ['t', 'teacher'],
      ],
      [
        ['L1', 'pol', 'a', 'DECOUPLED'],
        ['L2', 'a', 't', 'DECOUPLED'],
      ],
    );
    const result = brokenChains(buildGraphIndex(decoupled));
    expect(result.cutOffActorIds).toEqual(['a', 't']);
    expect(result.weakestLinks).toEqual([]);
  });

  it('walks around a cycle and through parallel links (the tight one of two parallels counts)', () => {
    const graph = makeGraph(
      [
        ['pol', 'politics'],
        ['a', 'administration'],
        ['b', 'administration'],
      ],
      [
        ['L1', 'pol', 'a', 'LOOSE'],
        ['L1b', 'pol', 'a', 'TIGHT', 'DIALOGUE'],
        ['L2', 'a', 'b', 'TIGHT'],
        ['L3', 'b', 'pol', 'DECOUPLED'],
      ],
    );
    const paths = brokenChains(buildGraphIndex(graph)).paths;
    expect(paths).toEqual([
      { actorId: 'a', coupling: 'TIGHT', hops: 1, weakestLinkId: 'L1b', pathLinkIds: ['L1b'] },
      { actorId: 'b', coupling: 'TIGHT', hops: 2, weakestLinkId: 'L1b', pathLinkIds: ['L2', 'L1b'] },
    ]);
  });
});
