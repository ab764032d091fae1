import { actorName, makeFinding } from './findings.ts';
import type { Finding } from './findings.ts';
import { SIDE_RANK } from './graph-index.ts';
import type { GraphIndex } from './graph-index.ts';

export interface KeyActorsOptions {
  /** Exact betweenness up to this many actors; sampled above. Default 4000. */
  exactLimit?: number;
  /** Source actors (pivots) sampled above `exactLimit`. Default 128. */
  samples?: number;
  /** Seed of the pivot sampling, so a run can be repeated. Default 1. */
  seed?: number;
  /** Confidence of the stated error bound when sampled. Default 0.95. */
  confidence?: number;
  /** How many of the highest-betweenness actors become findings. Default 5. */
  betweennessLimit?: number;
}

export const KEY_ACTORS_DEFAULTS: Required<KeyActorsOptions> = {
  exactLimit: 4000,
  samples: 128,
  seed: 1,
  confidence: 0.95,
  betweennessLimit: 5,
};

export interface ArticulationPoint {
  actorId: string;
  /** Sizes of the parts its component falls into without it, largest first (at least two). */
  partSizes: number[];
  /** The actor is on a side level: a support actor coupling parts that do not otherwise hang together. */
  isSide: boolean;
}

export interface BetweennessScore {
  actorId: string;
  /** Brandes betweenness on the undirected responsive graph, each pair counted once. */
  betweenness: number;
  /** Divided by the number of pairs of other actors, (n − 1)(n − 2) / 2, as networkx normalises. */
  normalized: number;
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

export interface KeyActorsResult {
  articulationPoints: ArticulationPoint[];
  /** Every actor, highest betweenness first (ties by actor order). */
  betweenness: BetweennessScore[];
  method: BetweennessMethod;
  findings: Finding[];
}

/**
 * Key persons and couplers (DOMAIN.md analysis 4: "actors whose removal would split the chain").
 *
 * **Articulation points** of the responsive graph (tight and loose links as an undirected simple
 * graph): actors whose removal increases the number of connected components. Found by
 * Hopcroft & Tarjan's depth-first low-point method (Hopcroft & Tarjan 1973, "Algorithm 447:
 * efficient algorithms for graph manipulation", CACM 16(6)), iterative so deep chains cannot
 * overflow the stack. O(n + m).
 *
 * **Betweenness centrality** on the same graph, unweighted, by Brandes' accumulation
 * (Brandes 2001, "A faster algorithm for betweenness centrality", J. Math. Sociol. 25(2)):
 * O(n·m) exact. Above `exactLimit` actors, k = `samples` source actors are drawn uniformly without
 * replacement and the sums scaled by n/k (Brandes & Pich 2007, "Centrality estimation in large
 * networks"). Each source contributes δ_s(v)/(n − 2) ∈ [0, 1] to an actor's normalised score, so
 * by Hoeffding's inequality (which also holds when sampling without replacement, Hoeffding 1963)
 * and a union bound over the n actors, every normalised score is within
 * ε = n/(n − 1) · √(ln(2n/δ) / (2k)) of the exact value with probability 1 − δ (δ = 1 − confidence).
 * O(k·m).
 */
export function keyActors(index: GraphIndex, options: KeyActorsOptions = {}): KeyActorsResult {
  const settings = { ...KEY_ACTORS_DEFAULTS, ...options };
  const { graph } = index;
  const articulationPoints = articulationPointsOf(index);
  const { scores, method } = betweennessOf(index, settings);
  const n = index.n;
  const pairs = ((n - 1) * (n - 2)) / 2;
  const order = Array.from({ length: n }, (_, u) => u).sort((a, b) => scores[b]! - scores[a]! || a - b);
  const betweenness = order.map((u) => ({
    actorId: graph.actors[u]!.id,
    betweenness: scores[u]!,
    normalized: pairs > 0 ? scores[u]! / pairs : 0,
  }));

  const findings: Finding[] = articulationPoints.map((point) => {
    const u = index.actorIndex.get(point.actorId)!;
    const sizes = point.partSizes.join(', ');
    return makeFinding({
      analysis: 'keyActors',
      kind: 'ARTICULATION_POINT',
      subject: point.actorId,
      actorIds: [point.actorId],
      levelKeys: [graph.levels[index.levelOf[u]!]!.key],
      explanation: {
        sv: `Utan ${actorName(index, u)} faller den lyhörda kedjan isär i ${point.partSizes.length} delar (${sizes} aktörer)${point.isSide ? '; en stödaktör som kopplar ihop delarna' : ''}.`,
        en: `Without ${actorName(index, u)} the responsive chain falls into ${point.partSizes.length} parts (${sizes} actors)${point.isSide ? '; a support actor coupling the parts' : ''}.`,
      },
    });
  });
  // The share as a percentage of pairs, with the sampling error in percentage points when sampled.
  const points = Math.max(1, Math.round(method.errorBound * 100));
  const approx = method.exact
    ? { sv: '', en: '' }
    : { sv: ` (uppskattat, ±${points} procentenheter)`, en: ` (estimated, ±${points} percentage points)` };
  for (const score of betweenness.slice(0, settings.betweennessLimit)) {
    if (score.betweenness <= 0) break;
    const u = index.actorIndex.get(score.actorId)!;
    const percent = Math.round(score.normalized * 100);
    findings.push(
      makeFinding({
        analysis: 'keyActors',
        kind: 'BETWEENNESS',
        subject: score.actorId,
        actorIds: [score.actorId],
        levelKeys: [graph.levels[index.levelOf[u]!]!.key],
        explanation: {
          sv: `${actorName(index, u)} ligger på de kortaste lyhörda vägarna mellan andra aktörer: ${percent} % av vägarna mellan par av andra aktörer går via ${actorName(index, u)}${approx.sv}.`,
          en: `${actorName(index, u)} lies on the shortest responsive paths between other actors: ${percent}% of the paths between pairs of other actors go through ${actorName(index, u)}${approx.en}.`,
        },
      }),
    );
  }
  return { articulationPoints, betweenness, method, findings };
}

/**
 * Articulation points with the sizes of the parts they separate, by iterative Hopcroft–Tarjan
 * over the responsive simple graph. O(n + m).
 */
export function articulationPointsOf(index: GraphIndex): ArticulationPoint[] {
  const { n, respStart, respNeighbour } = index;
  const disc = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const next = new Uint32Array(n);
  const size = new Int32Array(n);
  const stack = new Uint32Array(n);
  /** Sizes of the DFS subtrees each actor separates (children whose low point does not climb above it). */
  const separated = new Map<number, number[]>();
  const points: ArticulationPoint[] = [];
  let time = 0;
  for (let root = 0; root < n; root++) {
    if (disc[root] !== -1) continue;
    let top = 0;
    stack[top++] = root;
    disc[root] = low[root] = time++;
    next[root] = respStart[root]!;
    size[root] = 1;
    while (top > 0) {
      const v = stack[top - 1]!;
      const slot = next[v]!;
      if (slot < respStart[v + 1]!) {
        next[v] = slot + 1;
        const w = respNeighbour[slot]!;
        if (disc[w] === -1) {
          parent[w] = v;
          disc[w] = low[w] = time++;
          next[w] = respStart[w]!;
          size[w] = 1;
          stack[top++] = w;
        } else if (w !== parent[v] && disc[w]! < low[v]!) {
          low[v] = disc[w]!;
        }
        continue;
      }
      top--;
      const p = parent[v]!;
      if (p < 0) continue;
      if (low[v]! < low[p]!) low[p] = low[v]!;
      size[p]! += size[v]!;
      if (low[v]! >= disc[p]!) {
        const list = separated.get(p);
        if (list) list.push(size[v]!);
        else separated.set(p, [size[v]!]);
      }
    }
    // The component is complete: decide its articulation points now that sizes are known.
    const componentSize = size[root]!;
    for (const [u, parts] of separated) {
      const isRoot = u === root;
      if (isRoot && parts.length < 2) continue;
      const partSizes = isRoot ? [...parts] : [...parts, componentSize - 1 - parts.reduce((a, b) => a + b, 0)];
      partSizes.sort((a, b) => b - a);
      points.push({ actorId: index.graph.actors[u]!.id, partSizes, isSide: index.rankOf[u] === SIDE_RANK });
    }
    separated.clear();
  }
  points.sort((a, b) => index.actorIndex.get(a.actorId)! - index.actorIndex.get(b.actorId)!);
  return points;
}

/** Deterministic 32-bit generator (mulberry32), so sampled runs can be repeated. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The pivots a sampled run uses: `k` distinct actors by a seeded partial Fisher–Yates shuffle. */
export function samplePivots(n: number, k: number, seed: number): Uint32Array {
  const all = new Uint32Array(n);
  for (let i = 0; i < n; i++) all[i] = i;
  const random = mulberry32(seed);
  const take = Math.min(k, n);
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(random() * (n - i));
    const swap = all[i]!;
    all[i] = all[j]!;
    all[j] = swap;
  }
  return all.slice(0, take);
}

/** The Hoeffding + union bound stated in keyActors' comment. */
export function betweennessErrorBound(n: number, samples: number, confidence: number): number {
  if (n < 3 || samples >= n) return 0;
  return (n / (n - 1)) * Math.sqrt(Math.log((2 * n) / (1 - confidence)) / (2 * samples));
}

/**
 * Brandes' betweenness over the responsive simple graph, from the given sources (all when exact),
 * without predecessor lists: in the backward pass a neighbour v of w is a predecessor exactly when
 * dist[v] = dist[w] − 1 (the variant of graphology's indexed Brandes). Returns undirected values
 * (each pair once).
 */
export function betweennessOf(
  index: GraphIndex,
  settings: Required<KeyActorsOptions>,
): { scores: Float64Array; method: BetweennessMethod } {
  const { n, respStart, respNeighbour } = index;
  const scores = new Float64Array(n);
  const exact = n <= settings.exactLimit || settings.samples >= n;
  const sources = exact ? null : samplePivots(n, settings.samples, settings.seed);
  const sourceCount = sources ? sources.length : n;
  const state: BrandesState = {
    respStart,
    respNeighbour,
    scores,
    dist: new Int32Array(n).fill(-1),
    sigma: new Float64Array(n),
    delta: new Float64Array(n),
    order: new Uint32Array(n),
  };
  for (let i = 0; i < sourceCount; i++) accumulateFrom(state, sources ? sources[i]! : i);
  // Undirected: each pair was counted from both ends; sampled: scale up by n / k.
  const scale = 0.5 * (exact ? 1 : n / sourceCount);
  for (let u = 0; u < n; u++) scores[u]! *= scale;
  return {
    scores,
    method: {
      exact,
      samples: sourceCount,
      errorBound: exact ? 0 : betweennessErrorBound(n, sourceCount, settings.confidence),
      confidence: settings.confidence,
    },
  };
}

interface BrandesState {
  respStart: Uint32Array;
  respNeighbour: Uint32Array;
  scores: Float64Array;
  dist: Int32Array;
  sigma: Float64Array;
  delta: Float64Array;
  order: Uint32Array;
}

/**
 * One source's breadth-first search and dependency accumulation. A separate small function so
 * V8 optimises it as a whole instead of through on-stack replacement of one long loop (measured:
 * about three times faster).
 */
function accumulateFrom(state: BrandesState, s: number): void {
  const { respStart, respNeighbour, scores, dist, sigma, delta, order } = state;
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
    scores[w]! += delta[w]!;
  }
  // Reset only what this source touched.
  for (let j = 0; j < tail; j++) {
    const w = order[j]!;
    dist[w] = -1;
    sigma[w] = 0;
    delta[w] = 0;
  }
}
