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
  /** The actors reached, in the order reached: queue[0, reached). */
  queue: Uint32Array;
  reached: number;
}

/** The widest paths from a set of source actors: one search over tight links, one over all responsive links. */
export interface WidestPaths {
  tight: Search;
  all: Search;
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
  const sources: number[] = [];
  for (let u = 0; u < index.n; u++) if (isSource[u]) sources.push(u);
  const paths = widestWorkspace(index.n);
  widestSearch(index, sources, 2, paths.tight, null, Infinity);
  widestSearch(index, sources, 1, paths.all, null, Infinity);
  return paths;
}

/** Paths for many searches on one graph, with a mark per actor for the actors a search must reach. */
export interface WidestWorkspace extends WidestPaths {
  isWanted: Uint8Array;
}

/**
 * Scratch for many searches on one graph (initiative reach searches from each owner in turn): the
 * arrays are allocated once, and each search resets only the actors the previous one reached.
 */
export function widestWorkspace(n: number): WidestWorkspace {
  const search = (): Search => ({
    hops: new Int32Array(n).fill(-1),
    parentActor: new Int32Array(n).fill(-1),
    parentLink: new Int32Array(n).fill(-1),
    weakest: new Int32Array(n).fill(-1),
    queue: new Uint32Array(n),
    reached: 0,
  });
  return { tight: search(), all: search(), isWanted: new Uint8Array(n) };
}

/**
 * The widest paths from `sources` (ascending) to `targets`, in `work` (its previous searches
 * forgotten). Each search stops once it has reached the targets it is needed for: the search over
 * tight links every target, the one over all responsive links those the first did not reach (the
 * others keep their tight path, `searchOf`). An actor's path is fixed when a search first reaches
 * it, so the targets' paths are those of whole searches; the paths to other actors are not all there.
 */
export function widestPathsTo(
  index: GraphIndex,
  sources: readonly number[],
  targets: readonly number[],
  work: WidestWorkspace,
): WidestPaths {
  const { isWanted, tight } = work;
  let wanted = 0;
  for (const u of targets) {
    if (isWanted[u]) continue;
    isWanted[u] = 1;
    wanted++;
  }
  widestSearch(index, sources, 2, tight, isWanted, wanted);
  wanted = 0;
  for (const u of targets) {
    if (isWanted[u] !== 1) continue;
    isWanted[u] = tight.hops[u] === -1 ? 2 : 0;
    if (isWanted[u]) wanted++;
  }
  widestSearch(index, sources, 1, work.all, isWanted, wanted);
  for (const u of targets) isWanted[u] = 0;
  return work;
}

/** The search that holds actor u's best path: over tight links when it reaches u, else over all; null when neither does. */
export function searchOf(paths: WidestPaths, u: number): Search | null {
  return paths.tight.hops[u]! >= 0 ? paths.tight : paths.all.hops[u]! >= 0 ? paths.all : null;
}

/** The links of actor u's path in `search`, from u to a source, each as `as` gives it (say its id). */
export function pathLinks<T>(search: Search, u: number, as: (e: number) => T): T[] {
  const hops = search.hops[u]!;
  const links = new Array<T>(hops);
  for (let v = u, i = 0; i < hops; v = search.parentActor[v]!, i++) links[i] = as(search.parentLink[v]!);
  return links;
}

/**
 * Multi-source breadth-first search from the sources over links of strength ≥ minStrength,
 * walking each step in reverse: from v (nearer the sources) to u when u responds to v. Clears
 * what `search` held first; stops once it has reached `wanted` actors marked in `isWanted`.
 */
function widestSearch(
  index: GraphIndex,
  sources: readonly number[],
  minStrength: number,
  search: Search,
  isWanted: Uint8Array | null,
  wanted: number,
): void {
  const { incStart, incLink, incNeighbour, linkStrength, linkSource, linkTargetResponds, linkSourceResponds } = index;
  const { hops, parentActor, parentLink, weakest, queue } = search;
  for (let i = 0; i < search.reached; i++) {
    const u = queue[i]!;
    hops[u] = -1;
    parentActor[u] = -1;
    parentLink[u] = -1;
    weakest[u] = -1;
  }
  let left = wanted;
  let head = 0;
  let tail = 0;
  for (const u of sources) {
    hops[u] = 0;
    queue[tail++] = u;
    if (isWanted?.[u]) left--;
  }
  while (head < tail && left > 0) {
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
      if (isWanted?.[u]) left--;
    }
  }
  search.reached = tail;
}
