import type { GraphIndex } from './graph-index.ts';

/** The responsive simple graph as CSR: all that betweenness reads, so it can live in shared memory. */
export type ResponsiveGraph = Pick<GraphIndex, 'n' | 'respStart' | 'respNeighbour'>;

/** The responsive graph renumbered for Brandes' searches (`inBreadthFirstOrder`). */
export interface OrderedGraph extends ResponsiveGraph {
  /** The number of actor u in this graph: `numberOf[u]`. */
  numberOf: Uint32Array;
}

/**
 * The responsive graph renumbered in breadth-first order (each component from its lowest actor,
 * Cuthill–McKee without the degree sort), every neighbour list kept in its order. A search then
 * finds the actors of each distance close together in memory instead of scattered over the
 * whole map (measured on the national chain: two thirds of the time in actor order). Because every
 * neighbour list keeps its order, the search from `numberOf[s]` is the very image of the search
 * from s: each sum is taken in the same order and the scores are the same to the last bit. O(n + m).
 */
export function inBreadthFirstOrder(graph: ResponsiveGraph): OrderedGraph {
  const { n, respStart, respNeighbour } = graph;
  const numberOf = new Uint32Array(n);
  const actorAt = new Uint32Array(n);
  const isNumbered = new Uint8Array(n);
  let numbered = 0;
  for (let root = 0; root < n; root++) {
    if (isNumbered[root]) continue;
    isNumbered[root] = 1;
    actorAt[numbered++] = root;
    for (let head = numbered - 1; head < numbered; head++) {
      const v = actorAt[head]!;
      for (let slot = respStart[v]!, end = respStart[v + 1]!; slot < end; slot++) {
        const w = respNeighbour[slot]!;
        if (isNumbered[w]) continue;
        isNumbered[w] = 1;
        actorAt[numbered++] = w;
      }
    }
  }
  for (let i = 0; i < n; i++) numberOf[actorAt[i]!] = i;
  const start = new Uint32Array(n + 1);
  const neighbour = new Uint32Array(respNeighbour.length);
  let size = 0;
  for (let i = 0; i < n; i++) {
    const v = actorAt[i]!;
    start[i] = size;
    for (let slot = respStart[v]!, end = respStart[v + 1]!; slot < end; slot++)
      neighbour[size++] = numberOf[respNeighbour[slot]!]!;
  }
  start[n] = size;
  return { n, respStart: start, respNeighbour: neighbour, numberOf };
}

/**
 * Scratch arrays for Brandes' accumulation, allocated once per graph and reused for every source
 * (as graphology's indexed Brandes preallocates its typed arrays).
 */
export interface BrandesWorkspace {
  dist: Int32Array;
  sigma: Float64Array;
  delta: Float64Array;
  order: Uint32Array;
  /** Actor w's predecessors on shortest paths at pred[respStart[w]], … (it has at most its degree of them). */
  pred: Uint32Array;
  predCount: Uint32Array;
}

export function brandesWorkspace(graph: ResponsiveGraph): BrandesWorkspace {
  const { n } = graph;
  return {
    dist: new Int32Array(n).fill(-1),
    sigma: new Float64Array(n),
    delta: new Float64Array(n),
    order: new Uint32Array(n),
    pred: new Uint32Array(graph.respNeighbour.length),
    predCount: new Uint32Array(n),
  };
}

/**
 * Adds one source's dependencies δ_s(v) to `into` (Brandes 2001, "A faster algorithm for
 * betweenness centrality", J. Math. Sociol. 25(2)): a breadth-first search counting shortest paths
 * σ and listing each actor's predecessors (in its own CSR slots, so no allocation), then the
 * dependencies in reverse order over those lists only (measured on the national chain: a tenth
 * faster than checking every neighbour's distance, as graphology's indexed Brandes does). Each
 * predecessor gets one addition per actor, in the same reverse order either way, so the sums are
 * the same to the last bit. A separate small function so V8 optimises it whole instead of through
 * on-stack replacement of one long loop (measured: about three times faster). O(n + m).
 */
export function accumulateFrom(graph: ResponsiveGraph, work: BrandesWorkspace, s: number, into: Float64Array): void {
  const { respStart, respNeighbour } = graph;
  const { dist, sigma, delta, order, pred, predCount } = work;
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
        pred[respStart[w]!] = v;
        predCount[w] = 1;
      } else if (dw === dv) {
        sigma[w]! += sv;
        pred[respStart[w]! + predCount[w]!++] = v;
      }
    }
  }
  for (let j = tail - 1; j > 0; j--) {
    const w = order[j]!;
    const coefficient = (1 + delta[w]!) / sigma[w]!;
    const first = respStart[w]!;
    const end = first + predCount[w]!;
    for (let slot = first; slot < end; slot++) {
      const v = pred[slot]!;
      delta[v]! += sigma[v]! * coefficient;
    }
    into[w]! += delta[w]!;
    // w is done: the actors still to come are nearer the source, and w is none of their
    // predecessors, so nothing reads w again in this search.
    dist[w] = -1;
    sigma[w] = 0;
    delta[w] = 0;
  }
  dist[s] = -1;
  sigma[s] = 0;
  delta[s] = 0;
}
