import type { Coupling } from '@kopplingskartan/schema/interchange';

import type { GraphIndex } from './graph-index.ts';

/** One breadth-first search of `widestPaths` over links of at least one strength. */
export interface Search {
  /** Fewest hops from the sources over links of at least the search's strength, or -1. */
  hops: Int32Array;
  /** Next actor and link towards the sources on the chosen path (-1 at a source or when unreached). */
  parentActor: Int32Array;
  parentLink: Int32Array;
  /** The weakest link of the path, nearest the sources among equals. */
  weakest: Int32Array;
}

/** The widest paths from a set of source actors: one search over tight links, one over all responsive links. */
export interface WidestPaths {
  tight: Search;
  all: Search;
}

/** An actor's best path to the sources. */
export interface BestPath {
  /** The path's width: its weakest coupling. */
  coupling: Coupling;
  hops: number;
  /** The weakest link (nearest the sources among equally weak ones). */
  weakestLink: number;
  /** Ids of the links from the actor to a source. */
  linkIds: string[];
}

/**
 * The widest path (maximise the weakest coupling, tight > loose), then the fewest hops, from the
 * source actors to every actor. A step from v (nearer the sources) to u over link e is taken when
 * e is tight or loose and u responds to v: a recorded "no" on u's side of the link forbids it,
 * an unassessed side follows the coupling. Because there are only two responsive strengths this
 * is two multi-source breadth-first searches: one over tight links only (actors reached get width
 * tight), one over all responsive links (the rest get width loose). O(n + m).
 */
export function widestPaths(index: GraphIndex, isSource: Uint8Array): WidestPaths {
  return { tight: widestSearch(index, isSource, 2), all: widestSearch(index, isSource, 1) };
}

/** The search that holds actor u's best path: over tight links when it reaches u, else over all; null when neither does. */
export function searchOf(paths: WidestPaths, u: number): Search | null {
  return paths.tight.hops[u]! >= 0 ? paths.tight : paths.all.hops[u]! >= 0 ? paths.all : null;
}

/**
 * Actor u's best path, or null when no allowed path leads to a source (a source has a path of 0
 * hops). `linkIds` are the graph's link ids by link number, read once by the caller.
 */
export function bestPath(paths: WidestPaths, u: number, linkIds: readonly string[]): BestPath | null {
  const search = searchOf(paths, u);
  if (!search) return null;
  const hops = search.hops[u]!;
  const ids = new Array<string>(hops);
  for (let v = u, i = 0; i < hops; v = search.parentActor[v]!, i++) ids[i] = linkIds[search.parentLink[v]!]!;
  return {
    coupling: search === paths.tight ? 'TIGHT' : 'LOOSE',
    hops,
    weakestLink: search.weakest[u]!,
    linkIds: ids,
  };
}

/**
 * Multi-source breadth-first search from the sources over links of strength ≥ minStrength,
 * walking each step in reverse: from v (nearer the sources) to u when u responds to v.
 */
function widestSearch(index: GraphIndex, isSource: Uint8Array, minStrength: number): Search {
  const { n, incStart, incLink, incNeighbour, linkStrength, linkSource, linkTargetResponds, linkSourceResponds } =
    index;
  const hops = new Int32Array(n).fill(-1);
  const parentActor = new Int32Array(n).fill(-1);
  const parentLink = new Int32Array(n).fill(-1);
  const weakest = new Int32Array(n).fill(-1);
  const queue = new Uint32Array(n);
  let head = 0;
  let tail = 0;
  for (let u = 0; u < n; u++) {
    if (isSource[u]) {
      hops[u] = 0;
      queue[tail++] = u;
    }
  }
  while (head < tail) {
    const v = queue[head++]!;
    for (let slot = incStart[v]!, end = incStart[v + 1]!; slot < end; slot++) {
      const u = incNeighbour[slot]!;
      if (hops[u] !== -1) continue;
      const e = incLink[slot]!;
      const strength = linkStrength[e]!;
      if (strength < minStrength) continue;
      // u responds to v: u's own side of the link's ratings (0 = recorded "no").
      const uResponds = linkSource[e] === u ? linkSourceResponds[e] : linkTargetResponds[e];
      if (uResponds === 0) continue;
      hops[u] = hops[v]! + 1;
      parentActor[u] = v;
      parentLink[u] = e;
      const above = weakest[v]!;
      weakest[u] = above >= 0 && linkStrength[above]! <= strength ? above : e;
      queue[tail++] = u;
    }
  }
  return { hops, parentActor, parentLink, weakest };
}
