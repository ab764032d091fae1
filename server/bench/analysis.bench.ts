/**
 * Benchmark (prints figures; asserts nothing). On synthetic chains of one authority (~2,000
 * actors), a region (~20,000) and a nation (~147,000 actors, ~533,000 links), each figure is
 * printed beside its reference, measured in the same run where there is one (igraph, networkx,
 * the same work on one thread), else the goal of issue 15, and the ratio of the two:
 *
 * - the nine analyses in this thread (`runAnalyses` on a graph whose strings are flat, as read
 *   from a store), and all but betweenness: from actor ids, and from the current and desired
 *   links already numbered as the worker pool receives them;
 * - the analyses through the worker pool, as the API runs them: the graph encoded on the main
 *   thread (once per stored version), the worker's run, the report decoded in slices; the main
 *   thread's longest stall meanwhile; betweenness on one thread and shared by two; the same
 *   version analysed again with other parameters (warm: encoded, and decoded in the thread that
 *   analysed it before); a repeated analysis of the unchanged scenario (the cache);
 * - the first analysis of a new pool, on threads started for it and on threads started with the
 *   pool and kept (as the server does);
 * - the graph kernels (components, articulation points, betweenness) against igraph and networkx
 *   on the same responsive graph.
 *
 *   npm run bench                                    all three sizes
 *   BENCH_SIZES=authority,region npm run bench       some of them
 *   BENCH_NX_MAX_SAMPLES=16 (default)                networkx betweenness pivots at most; above,
 *                                                    its time is scaled linearly in k ("~")
 *
 * Debian's python-igraph (0.10.2) computes betweenness exactly only: where ours samples, igraph's
 * figure is its exact time on one authority scaled to the same sources × graph size ("≈").
 */
import { availableParallelism, loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

import { DEFAULT_ANALYSIS_LIMITS } from '../src/analysis-pool/analysis-limits.ts';
import { AnalysisRunner } from '../src/analysis-pool/analysis-runner.ts';
import type { AnalysisRequest } from '../src/analysis-pool/analysis-runner.ts';
import type { Selection } from '../src/analysis-pool/selection.ts';
import { articulationPoints } from '../src/analysis/articulation-points.ts';
import { betweenness } from '../src/analysis/betweenness.ts';
import type { ChainGraph } from '../src/analysis/chain-graph.ts';
import { ANALYSIS_IDS } from '../src/analysis/findings.ts';
import { CLIENT_QUERY, EVERYTHING } from './analysis-selections.ts';
import { numberDesiredLinks } from '../src/analysis/desired-distance.ts';
import type { DesiredLinks } from '../src/analysis/desired-distance.ts';
import { buildGraphIndex, emptyLinkColumns, perceivedLinkIds, resolveLinks } from '../src/analysis/graph-index.ts';
import type { LinkColumns } from '../src/analysis/graph-index.ts';
import { responsiveComponents } from '../src/analysis/islands.ts';
import { KEY_ACTORS_DEFAULTS } from '../src/analysis/key-actors.ts';
import { runAnalyses, runOnIndex } from '../src/analysis/registry.ts';
import type { ScenarioGraph } from '../src/domain/records.ts';
import { findPython, referenceKernels } from './reference.ts';
import type { KernelSeconds, Library } from './reference.ts';
import { syntheticChain } from './synthetic-chain.ts';

const SIZES = [
  { name: 'authority', authorities: 1, runs: 5, goalFull: 50, goalRest: 20 },
  { name: 'region', authorities: 10, runs: 3, goalFull: 150, goalRest: 50 },
  { name: 'nation', authorities: 75, runs: 1, goalFull: 1500, goalRest: 300 },
] as const;
const CACHE_GOAL_MS = 5;
/** Time given to kept threads to start and load their code before the first analysis. */
const THREAD_LOAD_MS = 3000;
const wanted = process.env.BENCH_SIZES?.split(',') ?? SIZES.map((size) => size.name);
const nxMaxSamples = Number(process.env.BENCH_NX_MAX_SAMPLES ?? 16);

interface Timing {
  wall: number;
  cpu: number;
}

/** Median wall and CPU time (all threads of this process) of `runs` runs, each after `prepare`. */
async function measure<T>(runs: number, prepare: () => T | Promise<T>, fn: (input: T) => unknown): Promise<Timing> {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    const input = await prepare();
    const cpu = process.cpuUsage();
    const start = performance.now();
    await fn(input);
    walls.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpus.push((used.user + used.system) / 1000);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return { wall: median(walls), cpu: median(cpus) };
}

const rows: string[][] = [];
function row(size: string, figure: string, ours: Timing | number, reference: string, referenceMs: number | null) {
  const oursMs = typeof ours === 'number' ? ours : ours.wall;
  const oursText = typeof ours === 'number' ? ours.toFixed(1) : `${ours.wall.toFixed(1)} (cpu ${ours.cpu.toFixed(0)})`;
  const ratio = referenceMs ? (oursMs / referenceMs).toFixed(2) : '–';
  rows.push([size, figure, oursText, reference, ratio]);
}

/** The chain as the store hands it out: strings flat (a copy), wrapped as a scenario graph. */
function storedGraph(graph: ChainGraph): ScenarioGraph {
  const copy = structuredClone(graph);
  // The store hands out an initiative's evidence notes; the analyses count them.
  const initiatives = copy.initiatives.map(({ evidenceCount, ...initiative }) => ({
    ...initiative,
    evidence: Array.from({ length: evidenceCount }, () => ({ text: 'Protokoll', date: null, source: null })),
  }));
  return { ...copy, initiatives, organisation: { levels: copy.levels } } as unknown as ScenarioGraph;
}

/** Runs `work` and reports the main thread's longest stall meanwhile (event-loop delay, ms). */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  const delay = monitorEventLoopDelay({ resolution: 2 });
  delay.enable();
  await work();
  delay.disable();
  return delay.max / 1e6;
}

const python = { networkx: findPython('networkx'), igraph: findPython('igraph') };

let igraphPerUnit: number | undefined;
/** igraph's exact betweenness of one authority, in ms per source per (actors + adjacency slots). */
function igraphExactPerUnit(): number {
  if (igraphPerUnit === undefined) {
    const authority = buildGraphIndex(syntheticChain().current);
    const seconds = referenceKernels(authority, 'igraph', 0, 1).betweenness!;
    igraphPerUnit = (1000 * seconds) / (authority.n * (authority.n + authority.respNeighbour.length));
  }
  return igraphPerUnit;
}
for (const library of ['networkx', 'igraph'] as const) {
  if (!python[library])
    console.warn(`${library} not found (apt-get install python3-${library}): its columns are skipped`);
}
console.error(
  `load average before: ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);

// Warm up the JIT on a small chain so the first size is not charged for compilation.
const warm = syntheticChain({ schools: 5 });
for (let i = 0; i < 5; i++) runAnalyses(warm.current, { desired: warm.desired });

for (const size of SIZES) {
  if (!wanted.includes(size.name)) continue;
  const chain = syntheticChain({ authorities: size.authorities });
  const current = structuredClone(chain.current);
  const desired = structuredClone(chain.desired);
  const index = buildGraphIndex(current);
  const label = `${size.name} (${index.n} actors, ${index.m} links)`;
  const settings = KEY_ACTORS_DEFAULTS;
  const exact = index.n <= settings.exactLimit;

  // In this thread.
  const full = await measure(
    size.runs,
    () => null,
    () => runAnalyses(current, { desired }),
  );
  row(label, 'nine analyses, one thread', full, `goal ${size.goalFull} ms`, size.goalFull);
  const allButBetweenness = ANALYSIS_IDS.filter((id) => id !== 'keyActors');
  const rest = (numbered?: { columns: LinkColumns; desiredLinks: DesiredLinks }) => {
    const restIndex = buildGraphIndex(current, numbered?.columns);
    articulationPoints(restIndex);
    runOnIndex({ index: restIndex, desired, desiredLinks: numbered?.desiredLinks }, allButBetweenness, {});
  };
  row(
    label,
    'all but betweenness, from ids',
    await measure(size.runs, () => undefined, rest),
    `goal ${size.goalRest} ms`,
    size.goalRest,
  );
  // The current and the desired links numbered against the actors, as the pool sends them.
  const resolved = () => {
    const columns = emptyLinkColumns(index.m);
    resolveLinks(current.links, index.actorIndex, perceivedLinkIds(current), columns);
    return { columns, desiredLinks: numberDesiredLinks(index, desired.links) };
  };
  row(
    label,
    'all but betweenness, links numbered',
    await measure(size.runs, resolved, rest),
    `goal ${size.goalRest} ms`,
    size.goalRest,
  );

  // Through the worker pool, as the API runs them.
  const desiredStored = storedGraph(desired);
  const request = (graph: ScenarioGraph, selection: Selection, parameters: AnalysisRequest['parameters'] = {}) => ({
    userId: 'bench',
    current: graph,
    desired: desiredStored,
    parameters,
    selection,
  });
  let oneThread = 0;
  for (const threads of [1, 2]) {
    const runner = new AnalysisRunner({ ...DEFAULT_ANALYSIS_LIMITS, threads, costLimit: Infinity });
    // Start every thread and warm its compiler on this size, untimed.
    await Promise.all([
      runner.run(request(storedGraph(warm.current), { levelMatrix: true })),
      runner.run(request(storedGraph(warm.current), { islands: true })),
    ]);
    await runner.run(request(storedGraph(current), EVERYTHING));
    const keyActorsOnly = await measure(
      size.runs,
      () => storedGraph(current),
      (graph) => runner.run(request(graph, { keyActors: { method: { samples: true } } })),
    );
    row(
      label,
      `key actors in the pool, ${threads} thread${threads > 1 ? 's' : ''} (cold)`,
      keyActorsOnly,
      threads === 2 ? 'same, 1 thread' : '–',
      threads === 2 ? oneThread : null,
    );
    oneThread = keyActorsOnly.wall;
    if (threads === 1) {
      await runner.close();
      continue;
    }
    for (const [figure, selection] of [
      ["the client's query in the pool (findings, level matrix; cold)", CLIENT_QUERY],
      ['nine analyses + findings in the pool (cold, whole report back)', EVERYTHING],
    ] as const) {
      let stall = 0;
      const pooled = await measure(
        size.runs,
        () => storedGraph(current),
        async (graph) => {
          stall = Math.max(stall, await longestStall(() => runner.run(request(graph, selection))));
        },
      );
      row(label, figure, pooled, `goal ${size.goalFull} ms`, size.goalFull);
      row(label, '  longest main-thread stall meanwhile', stall, 'goal 100 ms', 100);
    }
    // The same version analysed again with other parameters: not from the report cache, but
    // encoded already, and decoded already by the thread that ran it before if it runs it again.
    const warmQuery = await measure(
      size.runs,
      async () => {
        const graph = storedGraph(current);
        await runner.run(request(graph, CLIENT_QUERY));
        return graph;
      },
      (graph) => runner.run(request(graph, CLIENT_QUERY, { keyActors: { betweennessLimit: 6 } })),
    );
    row(
      label,
      "the client's query, same version, other parameters (warm)",
      warmQuery,
      `goal ${size.goalFull} ms`,
      size.goalFull,
    );
    const graph = storedGraph(current);
    const selection: Selection = { findings: { id: true, kind: true } };
    await runner.run(request(graph, selection));
    const cached = await measure(
      Math.max(5, size.runs),
      () => null,
      () => runner.run(request(graph, selection)),
    );
    row(label, 'repeated analysis, unchanged scenario (cache)', cached, `goal ${CACHE_GOAL_MS} ms`, CACHE_GOAL_MS);
    await runner.close();
  }

  // Last of the pool's figures, so that the garbage of two more pools does not fall into the others.
  // The first analysis of a new pool with two threads: on threads started for it, then on threads
  // the pool started and kept, as the server does (it starts long before its first analysis, so
  // they are given time to load first).
  const firstOfPool = async (keepsThreads: boolean): Promise<Timing> => {
    const runner = new AnalysisRunner({ ...DEFAULT_ANALYSIS_LIMITS, threads: 2, costLimit: Infinity, keepsThreads });
    if (keepsThreads) await sleep(THREAD_LOAD_MS);
    const first = await measure(
      1,
      () => storedGraph(current),
      (graph) => runner.run(request(graph, CLIENT_QUERY)),
    );
    await runner.close();
    return first;
  };
  const onDemand = await firstOfPool(false);
  row(label, "the client's query, first of a new pool, threads on demand", onDemand, '–', null);
  row(
    label,
    "the client's query, first of a new pool, threads kept",
    await firstOfPool(true),
    'same, on demand',
    onDemand.wall,
  );
  // The graph kernels against igraph and networkx on the same responsive graph.
  const kernels = await measure(
    size.runs,
    () => null,
    () => {
      responsiveComponents(index);
      articulationPoints(index);
      betweenness(index, settings);
    },
  );
  const componentsAndPoints = await measure(
    size.runs,
    () => null,
    () => {
      responsiveComponents(index);
      articulationPoints(index);
    },
  );
  const between = await measure(
    size.runs,
    () => null,
    () => betweenness(index, settings),
  );
  for (const library of ['igraph', 'networkx'] as Library[]) {
    if (!python[library]) continue;
    const sources = exact ? index.n : settings.samples;
    const k = exact ? 0 : library === 'networkx' ? Math.min(settings.samples, nxMaxSamples) : settings.samples;
    const seconds: KernelSeconds = referenceKernels(index, library, k, settings.seed);
    const cap = 1000 * (seconds.components + seconds.articulationPoints);
    // Betweenness costs sources × (actors + adjacency): scaled up from fewer sources ("~"), or,
    // where igraph cannot sample, from its exact run on one authority ("≈").
    let bc: number;
    let mark = '';
    if (seconds.betweenness === null) {
      bc = igraphExactPerUnit() * sources * (index.n + index.respNeighbour.length);
      mark = '≈';
    } else {
      const measured = exact ? index.n : k;
      bc = (1000 * seconds.betweenness * sources) / measured;
      if (measured !== sources) mark = '~';
    }
    const method = exact ? 'exact' : `k=${settings.samples}`;
    row(label, 'kernels: components + articulation points', componentsAndPoints, `${library} ${cap.toFixed(1)}`, cap);
    row(label, `kernels: betweenness (${method})`, between, `${library} ${mark}${bc.toFixed(0)}`, bc);
    row(label, 'kernels: all three', kernels, `${library} ${mark}${(cap + bc).toFixed(0)}`, cap + bc);
  }
  console.error(
    `done: ${size.name}; load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}

const header = ['size', 'figure', 'ours ms (cpu ms)', 'reference', 'ours / reference'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) =>
  cells.map((cell, i) => (i < 2 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
console.log(line(header));
for (const cells of rows) console.log(line(cells));
console.log(
  `(median wall time of runs, CPU time of all this process's threads in brackets; "~" = networkx betweenness timed with k=${nxMaxSamples} pivots and scaled to k=${KEY_ACTORS_DEFAULTS.samples}; "≈" = igraph's exact betweenness of one authority scaled to the same sources × size; ${process.version}, ${availableParallelism()} cores, load average ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')})`,
);
