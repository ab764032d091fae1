import { describe, expect, it } from 'vitest';

import { ANALYSIS_IDS } from './findings.ts';
import type { ChainGraph } from './chain-graph.ts';
import { buildGraphIndex, emptyLinkColumns, perceivedLinkIds, resolveLinks } from './graph-index.ts';
import { ANALYSES, findingsOf, runAnalyses, runOnIndex } from './registry.ts';
import { syntheticChain } from '../../bench/synthetic-chain.ts';
import { chainA, makeGraph } from './test-graphs.ts';

describe('registry', () => {
  it('rejects a link to an unknown actor before running anything', () => {
    expect(() => runAnalyses(makeGraph([['a', 'politics']], [['L', 'a', 'nobody', 'TIGHT']]))).toThrow(/no such actor/);
  });

  it('lists the nine analyses in DOMAIN.md order with explicit i18n keys', () => {
    expect(Object.keys(ANALYSES)).toEqual([...ANALYSIS_IDS]);
    expect(ANALYSES.keyActors.parameters.map((p) => [p.name, p.default])).toEqual([
      ['exactLimit', 4000],
      ['samples', 128],
      ['seed', 1],
      ['confidence', 0.95],
      ['betweennessLimit', 5],
    ]);
    expect(ANALYSES.islands.labelKey).toBe('analysis.islands.label');
  });

  it('passes parameter values through and ignores values of the wrong type', () => {
    // Chain A has islands of one actor (t4, t5): minSize 2 leaves none.
    expect(runAnalyses(chainA()).islands.islands.length).toBeGreaterThan(0);
    expect(runAnalyses(chainA(), { parameters: { islands: { minSize: 2 } } }).islands.islands).toEqual([]);
    // More actors than the default 128 samples, so the sample count decides the method.
    const graph = syntheticChain({ schools: 4, teachers: 40 }).current;
    expect(graph.actors.length).toBeGreaterThan(128);
    const sampled = runAnalyses(graph, { parameters: { keyActors: { exactLimit: 5, samples: 20 } } });
    expect(sampled.keyActors.method).toMatchObject({ exact: false, samples: 20 });
    const ignored = runAnalyses(graph, { parameters: { keyActors: { exactLimit: 5, samples: true } } });
    expect(ignored.keyActors.method).toMatchObject({ exact: false, samples: 128 });
  });

  it('reports the same findings for the findings alone, without the lists of every actor and link', () => {
    const { current, desired } = syntheticChain({ schools: 4, teachers: 20, seed: 5 });
    const index = buildGraphIndex(current);
    const full = runOnIndex({ index, desired }, ANALYSIS_IDS, {});
    const brief = runOnIndex({ index, desired, findingsOnly: true }, ANALYSIS_IDS, {});
    // The lists left out are not empty in the full report, so the comparison below means something.
    expect(full.brokenChains!.paths.length).toBeGreaterThan(0);
    expect(full.keyActors!.betweenness.length).toBe(current.actors.length);
    expect(full.asymmetry!.oneWayLinks.length).toBeGreaterThan(0);
    expect(brief.brokenChains!.paths).toEqual([]);
    expect(brief.keyActors!.betweenness).toEqual([]);
    expect(brief.asymmetry!.oneWayLinks).toEqual([]);
    expect(full.desiredDistance!.differences.length).toBeGreaterThan(0);
    expect(brief.desiredDistance!.differences).toEqual([]);
    expect(brief.desiredDistance!.totals).toEqual(full.desiredDistance!.totals);
    // Loaded actors past the findings' limit of 5, so choosing the first five means something.
    expect(full.initiativeCongestion!.actors.filter((actor) => actor.load >= 2).length).toBeGreaterThan(5);
    expect(brief.initiativeCongestion!.actors).toEqual(full.initiativeCongestion!.actors.slice(0, 5));
    expect(full.initiativeReach!.initiatives.length).toBe(current.initiatives.length);
    expect(full.initiativeReach!.classroom.length).toBeGreaterThan(0);
    expect(brief.initiativeReach!.initiatives).toEqual([]);
    expect(brief.initiativeReach!.classroom).toEqual([]);
    expect(brief.initiativeReach!.traces).toEqual(full.initiativeReach!.traces);
    expect(findingsOf(brief)).toEqual(findingsOf(full));
    expect(findingsOf(full).map((finding) => finding.analysis)).toEqual(
      expect.arrayContaining([
        'brokenChains',
        'keyActors',
        'asymmetry',
        'desiredDistance',
        'initiativeCongestion',
        'initiativeReach',
      ]),
    );
  });

  it('answers the same from an index of the links as columns, as the worker pool builds it without link objects', () => {
    const synthetic = syntheticChain({ schools: 4, teachers: 20, seed: 5 });
    const chains: Array<[ChainGraph, ChainGraph]> = [
      [chainA(), { ...chainA(), links: chainA().links.slice(3) }],
      [synthetic.current, synthetic.desired],
    ];
    for (const [graph, desired] of chains) {
      const { links, ...rest } = graph;
      const plain = buildGraphIndex(graph);
      const columns = {
        ...emptyLinkColumns(links.length),
        idOf: (e: number) => links[e]!.id,
        arenaIdOf: (e: number) => links[e]!.arenaId,
      };
      resolveLinks(links, plain.actorIndex, perceivedLinkIds(graph), columns);
      const fromColumns = buildGraphIndex(rest, columns);
      expect(runOnIndex({ index: fromColumns, desired }, ANALYSIS_IDS, {})).toEqual(
        runOnIndex({ index: plain, desired }, ANALYSIS_IDS, {}),
      );
    }
    // Chain A holds a link in an arena, so the shared arenas above read an arena from the columns.
    expect(chainA().links.some((link) => link.arenaId !== null)).toBe(true);
  });

  it('gives every finding ids to highlight and both languages', () => {
    const report = runAnalyses(chainA());
    expect(report.findings.length).toBeGreaterThan(10);
    for (const finding of report.findings) {
      expect(finding.explanation.sv.length).toBeGreaterThan(0);
      expect(finding.explanation.en.length).toBeGreaterThan(0);
      expect(
        finding.actorIds.length + finding.linkIds.length + finding.unitIds.length + finding.levelKeys.length,
      ).toBeGreaterThan(0);
    }
    expect(new Set(report.findings.map((f) => f.id)).size).toBe(report.findings.length);
  });

  describe('edge cases (every analysis at once)', () => {
    it('an empty map', () => {
      const report = runAnalyses(makeGraph([], []));
      expect(report.findings.map((f) => f.kind)).toEqual(['LEVEL_GAP', 'LEVEL_GAP', 'LEVEL_GAP', 'NO_CHAIN_ACTORS']);
      expect(report.islands.componentCount).toBe(0);
    });

    it('one level with a cycle: no gaps, no skips, no articulation point', () => {
      const graph = makeGraph(
        [
          ['a', 'teacher'],
          ['b', 'teacher'],
          ['c', 'teacher'],
        ],
        [
          ['L1', 'a', 'b', 'TIGHT'],
          ['L2', 'b', 'c', 'LOOSE'],
          ['L3', 'c', 'a', 'TIGHT'],
        ],
        { levels: [{ key: 'teacher', name: 'Lärare', isSide: false }] },
      );
      const report = runAnalyses(graph);
      expect(report.levelMatrix.gaps).toEqual([]);
      expect(report.levelSkipping.skips).toEqual([]);
      expect(report.keyActors.articulationPoints).toEqual([]);
      expect(report.brokenChains.paths).toEqual([]); // every actor is on the top level
      expect(report.islands.islands).toEqual([]);
    });

    it('support actors only: no top, everything an island, no level pair to meet', () => {
      const report = runAnalyses(
        makeGraph(
          [
            ['u', 'support'],
            ['v', 'support'],
          ],
          [['L', 'u', 'v', 'LOOSE', 'SUPPORT']],
        ),
      );
      expect(report.brokenChains.topLevelKey).toBeNull();
      expect(report.islands.islands).toHaveLength(1);
      expect(report.sharedArenas.pairs).toEqual([]);
      expect(report.initiativeCongestion.actors.map((a) => a.actorId)).toEqual(['v']);
    });

    it('decoupled everywhere: all adjacent pairs are gaps, everyone below the top is cut off', () => {
      const graph = makeGraph(
        [
          ['p', 'politics'],
          ['a', 'administration'],
          ['r', 'principal'],
          ['t', 'teacher'],
        ],
        [
          ['L1', 'p', 'a', 'DECOUPLED'],
          ['L2', 'a', 'r', 'DECOUPLED'],
          ['L3', 'r', 't', 'DECOUPLED'],
        ],
      );
      const report = runAnalyses(graph);
      expect(report.levelMatrix.gaps.map((g) => g.linkIds)).toEqual([['L1'], ['L2'], ['L3']]);
      expect(report.brokenChains.cutOffActorIds).toEqual(['a', 'r', 't']);
      expect(report.islands.islands.map((i) => i.actorIds)).toEqual([['a'], ['r'], ['t']]);
      expect(report.keyActors.betweenness.every((b) => b.betweenness === 0)).toBe(true);
    });
  });
});
