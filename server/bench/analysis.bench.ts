/**
 * Benchmark (prints figures; asserts nothing): the full analysis (index + all nine analyses,
 * including the distance to a desired scenario) on synthetic chains of one authority (~2,000
 * actors), a region (~20,000) and a nation (~150,000 actors, ~530,000 links), next to networkx
 * doing components + articulation points + betweenness (exact where ours is exact, else the same
 * number of sampled pivots) on the same responsive graph in the same run.
 *
 *   npx tsx server/bench/analysis.bench.ts            all three sizes
 *   BENCH_SIZES=authority,region npx tsx …            some of them
 *   BENCH_NX_MAX_SAMPLES=16 (default)                 networkx betweenness pivots per size at most;
 *                                                     above that its time is extrapolated linearly
 *                                                     in k (Brandes is O(k·m)) and marked "~"
 */
import { buildGraphIndex } from '../src/analysis/graph-index.ts';
import { responsiveComponents } from '../src/analysis/islands.ts';
import { articulationPoints } from '../src/analysis/articulation-points.ts';
import { betweenness } from '../src/analysis/betweenness.ts';
import { KEY_ACTORS_DEFAULTS } from '../src/analysis/key-actors.ts';
import { runAnalyses } from '../src/analysis/registry.ts';
import { findNetworkxPython, runNetworkx } from './networkx.ts';
import { syntheticChain } from './synthetic-chain.ts';

const SIZES = [
  { name: 'authority', authorities: 1, runs: 7 },
  { name: 'region', authorities: 10, runs: 3 },
  { name: 'nation', authorities: 75, runs: 1 },
] as const;

const wanted = process.env.BENCH_SIZES?.split(',') ?? SIZES.map((s) => s.name);
const nxMaxSamples = Number(process.env.BENCH_NX_MAX_SAMPLES ?? 16);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(fn: () => unknown, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

const python = findNetworkxPython();
if (!python) console.warn('networkx not found (apt-get install python3-networkx): networkx columns skipped');

// Warm up the JIT on a small chain so the first size is not charged for compilation.
const warm = syntheticChain({ schools: 5 });
for (let i = 0; i < 5; i++) runAnalyses(warm.current, { desired: warm.desired });

const rows: string[][] = [];
for (const size of SIZES) {
  if (!wanted.includes(size.name)) continue;
  const { current, desired } = syntheticChain({ authorities: size.authorities });
  const full = time(() => runAnalyses(current, { desired }), size.runs);
  const index = buildGraphIndex(current);
  const settings = KEY_ACTORS_DEFAULTS;
  const exact = index.n <= settings.exactLimit;
  const graphPart = time(() => {
    responsiveComponents(index);
    articulationPoints(index);
    betweenness(index, settings);
  }, size.runs);
  let nxCell = 'skipped';
  let ratioFull = '–';
  let ratioGraph = '–';
  if (python) {
    const k = exact ? 0 : Math.min(settings.samples, nxMaxSamples);
    const nx = runNetworkx(index, k, settings.seed);
    const scale = exact ? 1 : settings.samples / k;
    const nxMs = 1000 * (nx.seconds.components + nx.seconds.articulationPoints + nx.seconds.betweenness * scale);
    nxCell = `${scale > 1 ? '~' : ''}${nxMs.toFixed(0)}`;
    ratioFull = (nxMs / full).toFixed(1);
    ratioGraph = (nxMs / graphPart).toFixed(1);
  }
  rows.push([
    size.name,
    String(index.n),
    String(index.m),
    exact ? 'exact' : `k=${settings.samples}`,
    full.toFixed(1),
    graphPart.toFixed(1),
    nxCell,
    ratioFull,
    ratioGraph,
  ]);
  console.error(`done: ${size.name}`);
}

const header = [
  'size',
  'actors',
  'links',
  'betweenness',
  'ours full ms',
  'ours C+AP+BC ms',
  'networkx C+AP+BC ms',
  'nx/full',
  'nx/ours C+AP+BC',
];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
console.log(line(header));
for (const row of rows) console.log(line(row));
console.log(
  `(median of runs; "~" = networkx betweenness timed with k=${nxMaxSamples} pivots and scaled to k=${KEY_ACTORS_DEFAULTS.samples}; ${process.version}, ${(await import('node:os')).cpus().length} cores)`,
);
