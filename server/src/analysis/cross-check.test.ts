/**
 * Cross-check against an independent implementation. networkx (server/bench/reference.py) builds
 * its own responsive graph from the raw links (couplings, ratings, self-links and parallel links
 * as stored) and computes, from the definitions in README.md, what our typed-array code computes
 * from its index: components and islands with their sizes and levels, articulation points with
 * the parts they separate, exact betweenness, widest paths up to the top level with their widths
 * and hops, widest paths from each initiative's owner to its target actors, level gaps and level
 * skips. Sampled betweenness is held to its stated error bound
 * against networkx's exact values. Skipped, visibly, when no python can import networkx
 * (Debian: apt-get install python3-networkx; .ci/run installs it).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';

import { findPython, referenceAnalyses } from '../../bench/reference.ts';
import type { ReferenceAnalyses } from '../../bench/reference.ts';
import { syntheticChain } from '../../bench/synthetic-chain.ts';
import type { ChainGraph, ChainLink } from './chain-graph.ts';
import { COUPLING_STRENGTH } from '../domain/coupling.ts';
import { buildGraphIndex } from './graph-index.ts';
import { keyActors } from './key-actors.ts';
import { runAnalyses } from './registry.ts';
import type { AnalysisReport } from './registry.ts';
import { LEVELS } from './test-graphs.ts';

const hasNetworkx = findPython('networkx') !== null;
const suite = hasNetworkx ? describe : describe.skip;
const skipped = hasNetworkx ? '' : ' (SKIPPED: no python can import networkx; apt-get install python3-networkx)';

/** Random maps on the five default levels with every kind of link the store may hold, and some it refuses. */
const arbitraryGraph = fc.integer({ min: 2, max: 40 }).chain((n) =>
  fc
    .array(
      fc.record({
        s: fc.nat(n - 1),
        t: fc.nat(n - 1),
        coupling: fc.constantFrom('TIGHT', 'LOOSE', 'DECOUPLED' as const),
        kind: fc.constantFrom('STEERING', 'DIALOGUE' as const),
        targetResponds: fc.constantFrom(true, false, null),
        sourceResponds: fc.constantFrom(true, false, null),
      }),
      { maxLength: 3 * n },
    )
    .map((links): ChainGraph => ({
      levels: LEVELS,
      units: [],
      arenas: [],
      perceptions: [],
      // Two initiatives aimed at every actor, from owners spread over the levels.
      initiatives: [0, 1].map((k) => ({
        id: `I${k}`,
        name: `I${k}`,
        ownerId: `a${(7 * k + 1) % n}`,
        targetActorIds: Array.from({ length: n }, (_, i) => `a${i}`),
        targetUnitIds: [],
        evidenceCount: k,
      })),
      actors: Array.from({ length: n }, (_, i) => ({
        id: `a${i}`,
        name: `a${i}`,
        levelKey: LEVELS[i % LEVELS.length]!.key,
        unitId: null,
      })),
      // Self-links (s = t) and parallel links are kept: the responsive graph must drop and merge them.
      links: links.map(({ s, t, ...rest }, e): ChainLink => ({
        id: `L${e}`,
        sourceId: `a${s}`,
        targetId: `a${t}`,
        arenaId: null,
        ...rest,
      })),
    })),
);

suite(`cross-check against networkx${skipped}`, () => {
  const graphs: Array<{ name: string; graph: ChainGraph }> = [
    {
      name: 'a synthetic authority (3 schools, one in three links decoupled)',
      graph: syntheticChain({ schools: 3, teachers: 12, decoupledShare: 0.35, seed: 11 }).current,
    },
    ...fc
      .sample(arbitraryGraph, { numRuns: 25, seed: 20251203 })
      .map((graph, i) => ({ name: `random map ${i} (${graph.actors.length} actors)`, graph })),
  ];
  const cases: Array<{ name: string; graph: ChainGraph; ours: AnalysisReport; theirs: ReferenceAnalyses }> = [];
  beforeAll(() => {
    const theirs = referenceAnalyses(graphs.map(({ graph }) => graph));
    graphs.forEach(({ name, graph }, i) =>
      cases.push({
        name,
        graph,
        ours: runAnalyses(graph, { parameters: { keyActors: { exactLimit: Number.MAX_SAFE_INTEGER } } }),
        theirs: theirs[i]!,
      }),
    );
  }, 120_000);

  it('the graphs exercise what is checked: self-links, parallel links, one-way ratings, islands, paths', () => {
    const links = graphs.flatMap(({ graph }) => graph.links);
    expect(links.some((link) => link.sourceId === link.targetId && link.coupling !== 'DECOUPLED')).toBe(true);
    expect(
      links.some(
        (link) => link.coupling !== 'DECOUPLED' && (link.sourceResponds === false || link.targetResponds === false),
      ),
    ).toBe(true);
    const pairs = links.map((link) => [link.sourceId, link.targetId].sort().join('|'));
    expect(new Set(pairs).size).toBeLessThan(pairs.length);
    expect(cases.some(({ theirs }) => theirs.islands.islands.some((island) => island.size > 1))).toBe(true);
    expect(cases.some(({ theirs }) => Object.values(theirs.paths).some((path) => path.width === 1))).toBe(true);
    expect(cases.some(({ theirs }) => theirs.levelGaps.length > 0 && theirs.levelSkips.length > 0)).toBe(true);
  });

  it('agrees on components, the mainland and the islands with their sizes and levels', () => {
    for (const { name, ours, theirs } of cases) {
      const context = `${name}: islands`;
      expect(ours.islands.componentCount, context).toBe(theirs.islands.componentCount);
      expect(ours.islands.mainland?.actorIds ?? null, context).toEqual(theirs.islands.mainland);
      expect(
        ours.islands.islands.map((island) => ({
          actorIds: island.actorIds,
          size: island.actorIds.length,
          levelComposition: Object.fromEntries(island.levelComposition.map((lc) => [lc.levelKey, lc.count])),
        })),
        context,
      ).toEqual(theirs.islands.islands);
    }
  });

  it('agrees on the articulation points and the sizes of the parts each separates', () => {
    for (const { name, ours, theirs } of cases) {
      expect(
        Object.fromEntries(ours.keyActors.articulationPoints.map((point) => [point.actorId, point.partSizes])),
        name,
      ).toEqual(theirs.articulationPoints);
    }
  });

  it('agrees on exact betweenness', () => {
    for (const { name, ours, theirs } of cases) {
      for (const score of ours.keyActors.betweenness) {
        expect(score.betweenness, `${name}: ${score.actorId}`).toBeCloseTo(theirs.betweenness[score.actorId]!, 6);
      }
    }
  });

  it('agrees on the top level and the width and hops of every widest path up, and each path is a real one', () => {
    for (const { name, graph, ours, theirs } of cases) {
      expect(ours.brokenChains.topLevelKey, name).toBe(theirs.topLevelKey);
      const linkById = new Map(graph.links.map((link) => [link.id, link]));
      const levelOf = new Map(graph.actors.map((actor) => [actor.id, actor.levelKey]));
      for (const path of ours.brokenChains.paths) {
        const context = `${name}: ${path.actorId}`;
        const reference = theirs.paths[path.actorId];
        expect(
          path.coupling === null ? null : { width: COUPLING_STRENGTH[path.coupling], hops: path.hops },
          context,
        ).toEqual(reference ?? null);
        // Walk the reported links: each a step the actor at hand may take, ending on the top level.
        let at = path.actorId;
        let width = 2;
        for (const id of path.pathLinkIds) {
          const link = linkById.get(id)!;
          const isSource = link.sourceId === at;
          expect(isSource || link.targetId === at, context).toBe(true);
          expect(isSource ? link.sourceResponds : link.targetResponds, context).not.toBe(false);
          width = Math.min(width, COUPLING_STRENGTH[link.coupling]);
          at = isSource ? link.targetId : link.sourceId;
        }
        if (reference) {
          expect(levelOf.get(at), context).toBe(theirs.topLevelKey);
          expect({ width, hops: path.pathLinkIds.length }, context).toEqual(reference);
        }
      }
    }
  });

  it('agrees on which targets each initiative reaches from its owner, with width and hops, and each path is a real one', () => {
    const widths: number[] = [];
    for (const { name, graph, ours, theirs } of cases) {
      const linkById = new Map(graph.links.map((link) => [link.id, link]));
      graph.initiatives.forEach((initiative, k) => {
        const reach = ours.initiativeReach.initiatives[k]!;
        const reference = theirs.initiativeReach[initiative.id]!;
        for (const target of reach.targets) {
          if (!target.direct || target.actorId === initiative.ownerId) continue;
          const context = `${name}: ${initiative.id} → ${target.actorId}`;
          const expected = reference[target.actorId] ?? null;
          expect(
            target.reached ? { width: COUPLING_STRENGTH[target.coupling!], hops: target.hops } : null,
            context,
          ).toEqual(expected);
          if (!expected) continue;
          widths.push(expected.width);
          // Walk the reported links from the target: each a step the actor at hand may take, ending at the owner.
          let at = target.actorId;
          let width = 2;
          for (const id of target.pathLinkIds) {
            const link = linkById.get(id)!;
            const isSource = link.sourceId === at;
            expect(isSource || link.targetId === at, context).toBe(true);
            expect(isSource ? link.sourceResponds : link.targetResponds, context).not.toBe(false);
            width = Math.min(width, COUPLING_STRENGTH[link.coupling]);
            at = isSource ? link.targetId : link.sourceId;
          }
          expect({ at, width, hops: target.pathLinkIds.length }, context).toEqual({
            at: initiative.ownerId,
            ...expected,
          });
        }
      });
    }
    // The graphs give paths to compare (42 with this seed), loose and tight ones.
    expect(widths.length).toBeGreaterThan(30);
    expect(new Set(widths)).toEqual(new Set([1, 2]));
  });

  it('agrees on level gaps and level skips', () => {
    for (const { name, ours, theirs } of cases) {
      expect(
        ours.levelMatrix.gaps.map((gap) => gap.levelKeys),
        name,
      ).toEqual(theirs.levelGaps);
      expect(
        ours.levelSkipping.skips.map((skip) => skip.linkId),
        name,
      ).toEqual(theirs.levelSkips);
    }
  });

  it('keeps sampled betweenness within its stated error bound of the exact values, a bound tight enough to matter', () => {
    // Two large schools: central principals, so a wrong estimate shows (about 440 actors).
    const graph = syntheticChain({ schools: 2, teachers: 200, seed: 2 }).current;
    const index = buildGraphIndex(graph);
    const n = index.n;
    const samples = 150;
    const sampled = keyActors(index, { exactLimit: 0, samples, seed: 1 });
    expect(sampled.method).toMatchObject({ exact: false, samples });
    const bound = sampled.method.errorBound;
    const exact = referenceAnalyses([graph])[0]!.betweenness;
    const pairs = ((n - 1) * (n - 2)) / 2;
    let largestError = 0;
    for (const score of sampled.betweenness) {
      largestError = Math.max(largestError, Math.abs(score.normalized - exact[score.actorId]! / pairs));
    }
    expect(largestError).toBeLessThanOrEqual(bound);
    // The bound would catch an estimate that forgot to scale by n / k: for the most central actor
    // that error alone is its exact share times (1 − k/n).
    const top = Math.max(...Object.values(exact)) / pairs;
    expect(top * (1 - samples / n)).toBeGreaterThan(bound);
  });
});
