import { samplePivots, betweennessErrorBound } from './betweenness-sampling.ts';
import { accumulateFrom, brandesWorkspace, inBreadthFirstOrder } from './brandes.ts';
import type { OrderedGraph, ResponsiveGraph } from './brandes.ts';

export interface BetweennessSettings {
  /** Exact up to this many actors; sampled above. */
  exactLimit: number;
  /** Source actors (pivots) sampled above `exactLimit`. */
  samples: number;
  /** Seed of the pivot sampling. */
  seed: number;
  /** Confidence of the stated error bound when sampled. */
  confidence: number;
}

export interface BetweennessMethod {
  exact: boolean;
  /** Pivots used (n when exact). */
  samples: number;
  /**
   * When sampled: every actor's normalised betweenness is within this of the exact value,
   * simultaneously for all actors, with probability `confidence`. 0 when exact.
   */
  errorBound: number;
  confidence: number;
}

/** Sources are summed in this many fixed chunks, whoever computes them (see BetweennessPlan). */
const CHUNKS = 16;

/**
 * Which sources a betweenness run uses, cut into fixed chunks. Each chunk's dependencies are
 * summed on their own and the chunks are then added in chunk order, so the result is the same
 * to the last bit whether one thread computes every chunk or several threads share them.
 */
export interface BetweennessPlan {
  n: number;
  /** Every actor when exact, else the sampled pivots, in the order they are summed. */
  sources: Uint32Array;
  chunkCount: number;
  method: BetweennessMethod;
}

/** Exact up to `exactLimit` actors, or when as many samples as actors are asked for. */
export function isExact(n: number, settings: Pick<BetweennessSettings, 'exactLimit' | 'samples'>): boolean {
  return n <= settings.exactLimit || settings.samples >= n;
}

/** How many sources a run accumulates from: its cost is this many breadth-first searches. */
export function sourceCount(n: number, settings: Pick<BetweennessSettings, 'exactLimit' | 'samples'>): number {
  return isExact(n, settings) ? n : Math.max(0, Math.min(settings.samples, n));
}

export function planBetweenness(n: number, settings: BetweennessSettings): BetweennessPlan {
  const exact = isExact(n, settings);
  const sources = exact
    ? Uint32Array.from({ length: n }, (_, i) => i)
    : samplePivots(n, settings.samples, settings.seed);
  return {
    n,
    sources,
    chunkCount: Math.min(CHUNKS, sources.length),
    method: {
      exact,
      samples: sources.length,
      errorBound: exact ? 0 : betweennessErrorBound(n, sources.length, settings.confidence),
      confidence: settings.confidence,
    },
  };
}

/** Adds the dependencies of chunk `chunk`'s sources to `into` (zeroed by the caller), in the graph's numbering. */
export function accumulateChunk(
  graph: OrderedGraph,
  plan: Pick<BetweennessPlan, 'sources' | 'chunkCount'>,
  chunk: number,
  into: Float64Array,
  work = brandesWorkspace(graph),
): void {
  const k = plan.sources.length;
  const end = Math.floor(((chunk + 1) * k) / plan.chunkCount);
  for (let i = Math.floor((chunk * k) / plan.chunkCount); i < end; i++)
    accumulateFrom(graph, work, graph.numberOf[plan.sources[i]!]!, into);
}

/** Adds one chunk's sums into `total`; chunks must be added in chunk order. */
export function addChunk(total: Float64Array, chunkSum: Float64Array): void {
  for (let u = 0; u < total.length; u++) total[u]! += chunkSum[u]!;
}

/**
 * The scores in actor order from the sum of all chunks (in the graph's numbering): each unordered
 * pair was counted from both ends (× ½), and a sampled sum stands for n / k times as many sources.
 */
export function scoresOf(plan: BetweennessPlan, graph: OrderedGraph, total: Float64Array): Float64Array {
  const scale = 0.5 * (plan.method.exact ? 1 : plan.n / plan.sources.length);
  const scores = new Float64Array(graph.n);
  for (let u = 0; u < graph.n; u++) scores[u] = total[graph.numberOf[u]!]! * scale;
  return scores;
}

/**
 * Betweenness centrality of every actor on the responsive simple graph, unweighted, each unordered
 * pair counted once (networkx's `normalized=False` for undirected graphs). Exact up to
 * `exactLimit` actors (O(n·m)), else estimated from `samples` pivots scaled by n/k (O(k·m)) with
 * the error bound of `betweennessErrorBound`. One thread; the analysis worker pool computes the
 * same chunks on several threads and gets the same numbers.
 */
export function betweenness(
  graph: ResponsiveGraph,
  settings: BetweennessSettings,
): { scores: Float64Array; method: BetweennessMethod } {
  const plan = planBetweenness(graph.n, settings);
  const ordered = inBreadthFirstOrder(graph);
  const total = new Float64Array(graph.n);
  const chunkSum = new Float64Array(graph.n);
  const work = brandesWorkspace(ordered);
  for (let chunk = 0; chunk < plan.chunkCount; chunk++) {
    chunkSum.fill(0);
    accumulateChunk(ordered, plan, chunk, chunkSum, work);
    addChunk(total, chunkSum);
  }
  return { scores: scoresOf(plan, ordered, total), method: plan.method };
}
