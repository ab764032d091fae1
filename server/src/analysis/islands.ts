import { count, makeFinding } from './findings.ts';
import type { Finding } from './findings.ts';
import type { GraphIndex } from './graph-index.ts';

export interface Components {
  /** Component number of each actor, numbered in order of their lowest actor index. */
  componentOf: Int32Array;
  count: number;
  sizes: Int32Array;
}

/**
 * Connected components of the responsive graph (tight and loose links, either direction), by
 * breadth-first search over the CSR. O(n + m).
 */
export function responsiveComponents(index: GraphIndex): Components {
  const { n, respStart, respNeighbour } = index;
  const componentOf = new Int32Array(n).fill(-1);
  const queue = new Uint32Array(n);
  const sizeList: number[] = [];
  let components = 0;
  for (let root = 0; root < n; root++) {
    if (componentOf[root] !== -1) continue;
    let head = 0;
    let tail = 0;
    queue[tail++] = root;
    componentOf[root] = components;
    while (head < tail) {
      const v = queue[head++]!;
      for (let slot = respStart[v]!, end = respStart[v + 1]!; slot < end; slot++) {
        const w = respNeighbour[slot]!;
        if (componentOf[w] === -1) {
          componentOf[w] = components;
          queue[tail++] = w;
        }
      }
    }
    sizeList.push(tail);
    components++;
  }
  return { componentOf, count: components, sizes: Int32Array.from(sizeList) };
}

export interface LevelCount {
  levelKey: string;
  count: number;
}

export interface Island {
  actorIds: string[];
  /** Actors per level, in the organisation's level order (levels with none left out). */
  levelComposition: LevelCount[];
  /** Tight and loose links inside the island. */
  linkIds: string[];
  /** Decoupled links between the island and the rest of the map. */
  boundaryLinkIds: string[];
}

export interface IslandsOptions {
  /** Smallest island reported (1 includes actors with no responsive link at all). Default 1. */
  minSize?: number;
}

export const ISLANDS_DEFAULTS: Required<IslandsOptions> = { minSize: 1 };

export interface IslandsResult {
  componentCount: number;
  /** The component holding the top level (null when no chain level has actors). */
  mainland: { actorIds: string[]; levelComposition: LevelCount[] } | null;
  /** Largest first. */
  islands: Island[];
  findings: Finding[];
}

/**
 * Islands (DOMAIN.md analysis 3: "groups connected among themselves but decoupled from the rest").
 *
 * Connected components of the responsive graph: actors joined by tight or loose links, in either
 * direction (per-direction responsiveness does not split a component: a one-way link still
 * couples). The **mainland** is the component holding the top level (the highest chain level with
 * actors; see brokenChains); when top-level actors sit in several components, the one with most
 * of them, then the larger, then the one with the lowest actor index. Every other component of at
 * least `minSize` actors is an **island**, with its level composition. With no chain actors there
 * is no mainland and every component is an island.
 *
 * O(n + m).
 */
export function islands(index: GraphIndex, options: IslandsOptions = {}): IslandsResult {
  const { minSize } = { ...ISLANDS_DEFAULTS, ...options };
  const { graph, n } = index;
  const components = responsiveComponents(index);
  const topCount = new Int32Array(components.count);
  for (let u = 0; u < n; u++)
    if (index.topRank >= 0 && index.rankOf[u] === index.topRank) topCount[components.componentOf[u]!]!++;
  let mainland = -1;
  for (let c = 0; c < components.count; c++) {
    if (topCount[c] === 0) continue;
    if (
      mainland === -1 ||
      topCount[c]! > topCount[mainland]! ||
      (topCount[c] === topCount[mainland] && components.sizes[c]! > components.sizes[mainland]!)
    ) {
      mainland = c;
    }
  }

  // Members of each component in actor order, as CSR (a counting sort by component).
  const memberStart = new Uint32Array(components.count + 1);
  for (let c = 0; c < components.count; c++) memberStart[c + 1] = memberStart[c]! + components.sizes[c]!;
  const fill = memberStart.slice(0, components.count);
  const memberList = new Uint32Array(n);
  for (let u = 0; u < n; u++) memberList[fill[components.componentOf[u]!]!++] = u;
  const members = (c: number): Uint32Array => memberList.subarray(memberStart[c]!, memberStart[c + 1]!);
  const composition = (actors: Uint32Array): LevelCount[] => {
    const perLevel = new Int32Array(graph.levels.length);
    for (let i = 0; i < actors.length; i++) perLevel[index.levelOf[actors[i]!]!]!++;
    return graph.levels.flatMap((level, l) => (perLevel[l]! > 0 ? [{ levelKey: level.key, count: perLevel[l]! }] : []));
  };
  // A plain loop: Array.from over a typed array steps an iterator per actor (the mainland is most
  // of a national map). Pushed rather than written into `new Array(length)`, whose holes would
  // make v8.serialize (the pool's report wire) write the list as a sparse array, 2.5× slower.
  const idsOf = (actors: Uint32Array): string[] => {
    const ids: string[] = [];
    for (let i = 0; i < actors.length; i++) ids.push(graph.actors[actors[i]!]!.id);
    return ids;
  };

  const islandIds: number[] = [];
  for (let c = 0; c < components.count; c++) if (c !== mainland && components.sizes[c]! >= minSize) islandIds.push(c);
  islandIds.sort((a, b) => components.sizes[b]! - components.sizes[a]! || a - b);
  const islandNumber = new Int32Array(components.count).fill(-1);
  islandIds.forEach((c, i) => (islandNumber[c] = i));
  const found: Island[] = islandIds.map((c) => ({
    actorIds: idsOf(members(c)),
    levelComposition: composition(members(c)),
    linkIds: [],
    boundaryLinkIds: [],
  }));
  for (let e = 0; e < index.m; e++) {
    const a = components.componentOf[index.linkSource[e]!]!;
    const b = components.componentOf[index.linkTarget[e]!]!;
    if (a === b) {
      if (islandNumber[a]! >= 0 && index.linkStrength[e]! > 0) found[islandNumber[a]!]!.linkIds.push(index.linkId(e));
    } else {
      if (islandNumber[a]! >= 0) found[islandNumber[a]!]!.boundaryLinkIds.push(index.linkId(e));
      if (islandNumber[b]! >= 0) found[islandNumber[b]!]!.boundaryLinkIds.push(index.linkId(e));
    }
  }

  const levelName = (key: string): string => graph.levels.find((level) => level.key === key)?.name ?? key;
  const findings = found.map((island, i) => {
    const parts = island.levelComposition.map((lc) => `${lc.count} ${levelName(lc.levelKey)}`).join(', ');
    const size = island.actorIds.length;
    const first = graph.actors[members(islandIds[i]!)[0]!]!;
    return makeFinding({
      analysis: 'islands',
      kind: 'ISLAND',
      subject: island.actorIds[0] ?? String(i),
      actorIds: island.actorIds,
      linkIds: [...island.linkIds, ...island.boundaryLinkIds],
      levelKeys: island.levelComposition.map((lc) => lc.levelKey),
      explanation:
        size === 1
          ? {
              sv: `${first.name} (${parts}) har ingen lyhörd länk till resten av kartan.`,
              en: `${first.name} (${parts}) has no responsive link to the rest of the map.`,
            }
          : {
              sv: `${count(size, 'aktör', 'aktörer')} (${parts}) hänger ihop med varandra men har ingen lyhörd länk till ${mainland >= 0 ? 'kedjans topp' : 'varandras grupper'}.`,
              en: `${count(size, 'actor', 'actors')} (${parts}) are connected among themselves but have no responsive link to ${mainland >= 0 ? 'the top of the chain' : 'the other groups'}.`,
            },
    });
  });
  return {
    componentCount: components.count,
    mainland:
      mainland >= 0
        ? {
            actorIds: idsOf(members(mainland)),
            levelComposition: composition(members(mainland)),
          }
        : null,
    islands: found,
    findings,
  };
}
