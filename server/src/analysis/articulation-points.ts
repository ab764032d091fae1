import { SIDE_RANK } from './graph-index.ts';
import type { GraphIndex } from './graph-index.ts';

export interface ArticulationPoint {
  actorId: string;
  /** Sizes of the parts its component falls into without it, largest first (at least two). */
  partSizes: number[];
  /** The actor is on a side level: a support actor coupling parts that do not otherwise hang together. */
  isSide: boolean;
}

/**
 * Articulation points of the responsive graph (actors whose removal increases the number of
 * connected components), with the sizes of the parts each one separates. Hopcroft & Tarjan's
 * depth-first low-point method (Hopcroft & Tarjan 1973, "Algorithm 447: efficient algorithms for
 * graph manipulation", CACM 16(6)), iterative so deep chains cannot overflow the stack.
 * In actor order. O(n + m).
 */
export function articulationPoints(index: GraphIndex): ArticulationPoint[] {
  const { n, respStart, respNeighbour } = index;
  const disc = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const next = new Uint32Array(n);
  const size = new Int32Array(n);
  const stack = new Uint32Array(n);
  /** Sizes of the DFS subtrees each actor separates (children whose low point does not climb above it). */
  const separated = new Map<number, number[]>();
  const found: Array<{ actor: number; partSizes: number[] }> = [];
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
      found.push({ actor: u, partSizes });
    }
    separated.clear();
  }
  found.sort((a, b) => a.actor - b.actor);
  return found.map(({ actor, partSizes }) => ({
    actorId: index.graph.actors[actor]!.id,
    partSizes,
    isSide: index.rankOf[actor] === SIDE_RANK,
  }));
}
