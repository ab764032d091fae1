import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { buildGraphIndex } from './graph-index.ts';
import { responsiveComponents } from './islands.ts';
import { articulationPoints } from './articulation-points.ts';
import { betweennessErrorBound } from './betweenness-sampling.ts';
import { KEY_ACTORS_DEFAULTS, keyActors } from './key-actors.ts';
import type { ChainGraph } from './chain-graph.ts';
import { chainA, makeGraph } from './test-graphs.ts';

describe('keyActors', () => {
  it('rejects a link to an unknown actor (through the index)', () => {
    expect(() => keyActors(buildGraphIndex(makeGraph([['a', 'teacher']], [['L', 'ghost', 'a', 'TIGHT']])))).toThrow();
  });

  it('finds articulation points with the parts they separate (chain A)', () => {
    // Responsive graph: pol–sup, sup–r1, sup–t3, r1–t1, r1–t2, t1–t2, t3–r2, r2–uni (8 actors).
    const result = keyActors(buildGraphIndex(chainA()));
    expect(result.articulationPoints).toEqual([
      { actorId: 'sup', partSizes: [3, 3, 1], isSide: false },
      { actorId: 'r1', partSizes: [5, 2], isSide: false },
      { actorId: 'r2', partSizes: [6, 1], isSide: false },
      { actorId: 't3', partSizes: [5, 2], isSide: false },
    ]);
  });

  it('computes exact betweenness by hand on chain A', () => {
    // Shortest paths are unique, so betweenness(v) = pairs separated by v:
    // sup 1·3 + 1·3 + 3·3 = 15; r1 2·5 = 10; t3 2·5 = 10; r2 1·6 = 6; others 0. n = 10 → 36 pairs.
    const result = keyActors(buildGraphIndex(chainA()));
    const score = Object.fromEntries(result.betweenness.map((b) => [b.actorId, b.betweenness]));
    expect(score).toEqual({ sup: 15, r1: 10, t3: 10, r2: 6, pol: 0, t1: 0, t2: 0, t4: 0, t5: 0, uni: 0 });
    expect(result.betweenness[0]).toEqual({ actorId: 'sup', betweenness: 15, normalized: 15 / 36 });
    expect(result.method).toEqual({ exact: true, samples: 10, errorBound: 0, confidence: 0.95 });
    // 15 of 36 pairs is 42 %: said in plain words, not as an "andel" of 0.42.
    expect(result.findings.find((f) => f.id === 'keyActors:BETWEENNESS:sup')?.explanation).toEqual({
      sv: 'sup ligger på de kortaste lyhörda vägarna mellan andra aktörer: 42 % av vägarna mellan par av andra aktörer går via sup.',
      en: 'sup lies on the shortest responsive paths between other actors: 42% of the paths between pairs of other actors go through sup.',
    });
  });

  it('splits shortest paths evenly on a 4-cycle and finds no articulation point', () => {
    // a–b–c–d–a: a and c are joined by two shortest paths (via b, via d): each middle gets ½.
    const graph = makeGraph(
      [
        ['a', 'teacher'],
        ['b', 'teacher'],
        ['c', 'teacher'],
        ['d', 'teacher'],
      ],
      [
        ['L1', 'a', 'b', 'TIGHT'],
        ['L2', 'b', 'c', 'LOOSE'],
        ['L3', 'c', 'd', 'TIGHT'],
        ['L4', 'd', 'a', 'LOOSE'],
        ['L5', 'a', 'b', 'LOOSE', 'DIALOGUE'], // parallel: must not double the path count
      ],
    );
    const result = keyActors(buildGraphIndex(graph));
    expect(result.articulationPoints).toEqual([]);
    expect(result.betweenness.map((b) => b.betweenness)).toEqual([0.5, 0.5, 0.5, 0.5]);
  });

  it('marks a support actor that couples two parts', () => {
    const graph = makeGraph(
      [
        ['r', 'principal'],
        ['u', 'support'],
        ['t', 'teacher'],
      ],
      [
        ['L1', 'u', 'r', 'LOOSE', 'SUPPORT'],
        ['L2', 'u', 't', 'LOOSE', 'SUPPORT'],
        ['L3', 'r', 't', 'DECOUPLED'],
      ],
    );
    expect(keyActors(buildGraphIndex(graph)).articulationPoints).toEqual([
      { actorId: 'u', partSizes: [1, 1], isSide: true },
    ]);
  });

  it('has nothing to report on an empty or fully decoupled map', () => {
    expect(keyActors(buildGraphIndex(makeGraph([], [])))).toMatchObject({
      articulationPoints: [],
      betweenness: [],
      findings: [],
    });
    const decoupled = makeGraph(
      [
        ['a', 'teacher'],
        ['b', 'teacher'],
        ['c', 'teacher'],
      ],
      [
        ['L1', 'a', 'b', 'DECOUPLED'],
        ['L2', 'b', 'c', 'DECOUPLED'],
      ],
    );
    const result = keyActors(buildGraphIndex(decoupled));
    expect(result.articulationPoints).toEqual([]);
    expect(result.betweenness.every((b) => b.betweenness === 0)).toBe(true);
  });

  it('samples above the exact limit and states the Hoeffding bound', () => {
    // n = 10, k = 4, δ = 0.05: ε = 10/9 · √(ln(2·10/0.05) / 8) = 10/9 · √(ln 400 / 8).
    const expected = (10 / 9) * Math.sqrt(Math.log(400) / 8);
    expect(betweennessErrorBound(10, 4, 0.95)).toBeCloseTo(expected, 12);
    const result = keyActors(buildGraphIndex(chainA()), { exactLimit: 5, samples: 4 });
    expect(result.method).toMatchObject({ exact: false, samples: 4 });
    expect(result.method.errorBound).toBeCloseTo(expected, 12);
  });
});

/** Random small graphs: n actors on the default levels, links with random couplings. */
const arbitraryGraph = fc.integer({ min: 1, max: 14 }).chain((n) =>
  fc
    .array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1), fc.constantFrom('TIGHT', 'LOOSE', 'DECOUPLED' as const)), {
      maxLength: 30,
    })
    .map((edges): ChainGraph =>
      makeGraph(
        Array.from({ length: n }, (_, i) => [
          `a${i}`,
          ['politics', 'administration', 'principal', 'teacher', 'support'][i % 5]!,
        ]),
        edges.filter(([s, t]) => s !== t).map(([s, t, coupling], e) => [`L${e}`, `a${s}`, `a${t}`, coupling]),
      ),
    ),
);

/** The graph with one actor and its links removed. */
function without(graph: ChainGraph, actorId: string): ChainGraph {
  return {
    ...graph,
    actors: graph.actors.filter((a) => a.id !== actorId),
    links: graph.links.filter((l) => l.sourceId !== actorId && l.targetId !== actorId),
  };
}

describe('keyActors properties', () => {
  it('removing an articulation point increases the component count by its parts − 1; removing any other actor does not', () => {
    fc.assert(
      fc.property(arbitraryGraph, (graph) => {
        const before = responsiveComponents(buildGraphIndex(graph)).count;
        const points = new Map(articulationPoints(buildGraphIndex(graph)).map((p) => [p.actorId, p]));
        for (const actor of graph.actors) {
          const after = responsiveComponents(buildGraphIndex(without(graph, actor.id))).count;
          const point = points.get(actor.id);
          if (point) expect(after - (before - 1)).toBe(point.partSizes.length);
          else expect(after).toBeLessThanOrEqual(before);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('betweenness is non-negative, bounded by the pair count, and zero for actors of degree ≤ 1', () => {
    fc.assert(
      fc.property(arbitraryGraph, (graph) => {
        const index = buildGraphIndex(graph);
        const result = keyActors(index, KEY_ACTORS_DEFAULTS);
        const n = graph.actors.length;
        for (const score of result.betweenness) {
          const u = index.actorIndex.get(score.actorId)!;
          expect(score.betweenness).toBeGreaterThanOrEqual(0);
          expect(score.betweenness).toBeLessThanOrEqual(((n - 1) * (n - 2)) / 2 + 1e-9);
          if (index.respStart[u + 1]! - index.respStart[u]! <= 1) expect(score.betweenness).toBe(0);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('an actor with positive betweenness lies between two others, so it is an articulation point or on a cycle', () => {
    fc.assert(
      fc.property(arbitraryGraph, (graph) => {
        const index = buildGraphIndex(graph);
        const result = keyActors(index);
        const points = new Set(result.articulationPoints.map((p) => p.actorId));
        // Every articulation point separates ≥ 2 parts, hence carries betweenness ≥ 1 (one separated pair).
        for (const score of result.betweenness)
          if (points.has(score.actorId)) expect(score.betweenness).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 150 },
    );
  });
});
