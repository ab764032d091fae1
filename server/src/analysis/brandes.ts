import type { GraphIndex } from './graph-index.ts';

/** The responsive simple graph as CSR: all that betweenness reads, so it can live in shared memory. */
export type ResponsiveGraph = Pick<GraphIndex, 'n' | 'respStart' | 'respNeighbour'>;

/**
 * Scratch arrays for Brandes' accumulation, allocated once per graph and reused for every source
 * (as graphology's indexed Brandes preallocates its typed arrays).
 */
export interface BrandesWorkspace {
  dist: Int32Array;
  sigma: Float64Array;
  delta: Float64Array;
  order: Uint32Array;
}

export function brandesWorkspace(n: number): BrandesWorkspace {
  return {
    dist: new Int32Array(n).fill(-1),
    sigma: new Float64Array(n),
    delta: new Float64Array(n),
    order: new Uint32Array(n),
  };
}

/**
 * Adds one source's dependencies δ_s(v) to `into` (Brandes 2001, "A faster algorithm for
 * betweenness centrality", J. Math. Sociol. 25(2)): a breadth-first search counting shortest paths
 * σ, then the dependencies in reverse order. Without predecessor lists: in the backward pass a
 * neighbour v of w is a predecessor exactly when dist[v] = dist[w] − 1 (the variant of graphology's
 * indexed Brandes). A separate small function so V8 optimises it whole instead of through
 * on-stack replacement of one long loop (measured: about three times faster). O(n + m).
 */
export function accumulateFrom(graph: ResponsiveGraph, work: BrandesWorkspace, s: number, into: Float64Array): void {
  const { respStart, respNeighbour } = graph;
  const { dist, sigma, delta, order } = work;
  let head = 0;
  let tail = 0;
  order[tail++] = s;
  dist[s] = 0;
  sigma[s] = 1;
  while (head < tail) {
    const v = order[head++]!;
    const dv = dist[v]! + 1;
    const sv = sigma[v]!;
    const end = respStart[v + 1]!;
    for (let slot = respStart[v]!; slot < end; slot++) {
      const w = respNeighbour[slot]!;
      const dw = dist[w]!;
      if (dw === -1) {
        dist[w] = dv;
        sigma[w] = sv;
        order[tail++] = w;
      } else if (dw === dv) {
        sigma[w]! += sv;
      }
    }
  }
  for (let j = tail - 1; j > 0; j--) {
    const w = order[j]!;
    const coefficient = (1 + delta[w]!) / sigma[w]!;
    const dPrev = dist[w]! - 1;
    const end = respStart[w + 1]!;
    for (let slot = respStart[w]!; slot < end; slot++) {
      const v = respNeighbour[slot]!;
      if (dist[v] === dPrev) delta[v]! += sigma[v]! * coefficient;
    }
    into[w]! += delta[w]!;
  }
  // Reset only what this source touched.
  for (let j = 0; j < tail; j++) {
    const w = order[j]!;
    dist[w] = -1;
    sigma[w] = 0;
    delta[w] = 0;
  }
}
