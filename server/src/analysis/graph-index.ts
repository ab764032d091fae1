import { LINK_KINDS } from '@kopplingskartan/schema/interchange';
import type { Coupling, LinkKind } from '@kopplingskartan/schema/interchange';

import { invalidInput } from '../domain/errors.ts';
import type { FieldIssue } from '../domain/errors.ts';
import type { ChainGraph } from './chain-graph.ts';

/** What an index keeps of its graph: everything but the links, which it holds as columns. */
export type IndexedGraph = Omit<ChainGraph, 'links'>;

/** Rank given to actors of a side level (support): beside the chain, outside its order. */
export const SIDE_RANK = -1;

/** Per-direction rating as a byte: not assessed, no, yes. */
export const RATING_UNKNOWN = 2;

/**
 * A `ChainGraph` turned into integer ids and typed arrays, built once per scenario and shared by
 * every analysis (graphology's `indices/neighborhood.js` idea: CSR `starts` + flat neighbour
 * arrays). Actor i is `graph.actors[i]`; link e is read through the index's columns only
 * (`linkId`, `linkSource`, …, `arenaIdOf`), so the worker pool need not build an object per link.
 */
export interface GraphIndex {
  readonly graph: IndexedGraph;
  /** Number of actors and of links. */
  readonly n: number;
  readonly m: number;
  readonly actorIndex: ReadonlyMap<string, number>;
  /**
   * Link number of every link that has perceptions (all a perception needs; hashing every link id
   * of a national map would cost more than most analyses).
   */
  readonly perceivedLinkIndex: ReadonlyMap<string, number>;
  /** Index of each actor's level in `graph.levels`. */
  readonly levelOf: Int32Array;
  /** Chain rank of each actor's level (0 = top of the declared chain), or SIDE_RANK. */
  readonly rankOf: Int32Array;
  /** Chain rank of each level of `graph.levels` (SIDE_RANK for side levels). */
  readonly levelRanks: Int32Array;
  /** Chain level indices (into `graph.levels`) in chain order. */
  readonly chainLevelIndices: readonly number[];
  /** Actors per level (index into `graph.levels`). */
  readonly actorsPerLevel: Int32Array;
  /**
   * Rank of the top level used by the analyses: the highest chain level that has at least one
   * actor (so an empty politics level hands the top to administration); -1 when no chain level
   * has actors.
   */
  readonly topRank: number;
  readonly linkSource: Uint32Array;
  readonly linkTarget: Uint32Array;
  /** COUPLING_STRENGTH per link: 2 tight, 1 loose, 0 decoupled. */
  readonly linkStrength: Uint8Array;
  /** Index into LINK_KINDS. */
  readonly linkKind: Uint8Array;
  /** 0 no, 1 yes, RATING_UNKNOWN. */
  readonly linkTargetResponds: Uint8Array;
  readonly linkSourceResponds: Uint8Array;
  /** 1 for a link held in an arena (`arenaId` set), else 0. */
  readonly linkInArena: Uint8Array;
  /**
   * Link e's id: from the links (`idsOf`), or, in the worker pool, read from its wire only when an
   * analysis names the link.
   */
  linkId(e: number): string;
  /** The arena link e is held in (read only for links with `linkInArena`). */
  arenaIdOf(e: number): string | null;
  /** Undirected incidence CSR over every link: for actor u, slots incStart[u]..incStart[u+1]. */
  readonly incStart: Uint32Array;
  readonly incLink: Uint32Array;
  readonly incNeighbour: Uint32Array;
  /**
   * The responsive graph as a simple undirected graph (tight and loose links; parallel links
   * merged, self-links dropped): CSR over actors. Components, articulation points and
   * betweenness are computed on it.
   */
  readonly respStart: Uint32Array;
  readonly respNeighbour: Uint32Array;
}

/**
 * COUPLING_STRENGTH of a coupling, by comparison: a keyed lookup hashes the string each time it
 * was read from a store or a message (half a million times on a national map).
 */
export function strengthOf(coupling: string): number {
  return coupling === 'TIGHT' ? 2 : coupling === 'LOOSE' ? 1 : 0;
}

/**
 * LINK_KINDS read once: an imported binding is read through a getter of the compiled module on
 * every use, which cost about a third of building a national index.
 */
const KINDS: readonly LinkKind[] = [...LINK_KINDS];

/** The index of a kind in LINK_KINDS (0 when unknown), by comparison as `strengthOf`. */
export function kindIndexOf(kind: string): number {
  for (let k = 0; k < KINDS.length; k++) if (KINDS[k] === kind) return k;
  return 0;
}

export function couplingOfStrength(strength: number): Coupling {
  return strength === 2 ? 'TIGHT' : strength === 1 ? 'LOOSE' : 'DECOUPLED';
}

export function kindOfIndex(index: number): LinkKind {
  return KINDS[index] ?? 'STEERING';
}

/** The ids of link e's ends. */
export function sourceIdOf(index: Pick<GraphIndex, 'graph' | 'linkSource'>, e: number): string {
  return index.graph.actors[index.linkSource[e]!]!.id;
}

export function targetIdOf(index: Pick<GraphIndex, 'graph' | 'linkTarget'>, e: number): string {
  return index.graph.actors[index.linkTarget[e]!]!.id;
}

function rating(value: boolean | null): number {
  return value === null ? RATING_UNKNOWN : value ? 1 : 0;
}

/** The per-direction rating a byte stands for. */
export function ratingOf(byte: number): boolean | null {
  return byte === RATING_UNKNOWN ? null : byte === 1;
}

function unknownActor(field: string, value: string): FieldIssue {
  return { field, reason: 'UNKNOWN_REFERENCE', value, message: 'no such actor' };
}

/**
 * The links as numbers: what the index keeps of each link, and the link number of each link that
 * has perceptions. Resolving the ends means hashing two actor ids per link, the largest part of
 * building an index; the server resolves a stored graph's links once, when it first sends it to
 * the worker pool, and hands them to `buildGraphIndex` for every later analysis of that graph.
 */
export interface LinkColumns {
  source: Uint32Array;
  target: Uint32Array;
  /** COUPLING_STRENGTH per link: 2 tight, 1 loose, 0 decoupled. */
  strength: Uint8Array;
  /** Index into LINK_KINDS. */
  kind: Uint8Array;
  /** 0 no, 1 yes, RATING_UNKNOWN. */
  targetResponds: Uint8Array;
  sourceResponds: Uint8Array;
  /** 1 for a link held in an arena, so that only those links are read for their arena. */
  inArena: Uint8Array;
  perceivedLinkIndex: Map<string, number>;
  /** Link e's id, when the caller has the ids elsewhere than in link objects. */
  idOf?: (e: number) => string;
  /** Link e's arena, likewise (asked only of links with `inArena`). */
  arenaIdOf?: (e: number) => string | null;
}

/** Links resolved with their ids and arenas: all an index needs of them, so the graph may come without links. */
export type ResolvedLinks = LinkColumns & Required<Pick<LinkColumns, 'idOf' | 'arenaIdOf'>>;

export function emptyLinkColumns(m: number): LinkColumns {
  return {
    source: new Uint32Array(m),
    target: new Uint32Array(m),
    strength: new Uint8Array(m),
    kind: new Uint8Array(m),
    targetResponds: new Uint8Array(m),
    sourceResponds: new Uint8Array(m),
    inArena: new Uint8Array(m),
    perceivedLinkIndex: new Map(),
  };
}

/**
 * Resolves links[from, to) into `into`, against the actor numbers and the ids of perceived links.
 * Returns the issues (links naming an unknown actor), empty when all resolved.
 */
export function resolveLinks(
  links: ChainGraph['links'],
  actorIndex: ReadonlyMap<string, number>,
  perceived: ReadonlySet<string>,
  into: LinkColumns,
  from = 0,
  to = links.length,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (let e = from; e < to; e++) {
    const link = links[e]!;
    if (perceived.size > 0 && perceived.has(link.id)) into.perceivedLinkIndex.set(link.id, e);
    const s = actorIndex.get(link.sourceId);
    const t = actorIndex.get(link.targetId);
    if (s === undefined || t === undefined) {
      if (s === undefined) issues.push(unknownActor(`links[${e}].sourceId`, link.sourceId));
      if (t === undefined) issues.push(unknownActor(`links[${e}].targetId`, link.targetId));
      continue;
    }
    into.source[e] = s;
    into.target[e] = t;
    into.strength[e] = strengthOf(link.coupling);
    into.kind[e] = kindIndexOf(link.kind);
    into.targetResponds[e] = rating(link.targetResponds);
    into.sourceResponds[e] = rating(link.sourceResponds);
    into.inArena[e] = link.arenaId === null ? 0 : 1;
  }
  return issues;
}

/** The ids of the links that have perceptions. */
export function perceivedLinkIds(graph: Pick<ChainGraph, 'perceptions'>): Set<string> {
  return new Set(graph.perceptions.map((perception) => perception.linkId));
}

/**
 * Link e's id from the links, gathered into one array once (reading half a million link objects
 * scattered over the heap takes tens of milliseconds, and the paths of broken chains and initiative
 * reach name link after link). Gathered when the index is built: a reader that gathered on its
 * first call took broken chains at the region from 17 to 104 ms (measured, V8 of Node 20).
 */
function idsOf(links: ChainGraph['links']): (e: number) => string {
  const ids = links.map((link) => link.id);
  return (e) => ids[e]!;
}

/** What an index holds of its links' ends: the incidence CSR and the responsive simple graph. */
export type Adjacency = Pick<GraphIndex, 'incStart' | 'incLink' | 'incNeighbour' | 'respStart' | 'respNeighbour'>;

/**
 * The adjacency of n actors' links, from their ends and strengths alone (so the worker pool can
 * start betweenness on it before it has decoded the rest of the graph). O(n + m).
 */
export function adjacencyOf(n: number, links: Pick<LinkColumns, 'source' | 'target' | 'strength'>): Adjacency {
  const { source: linkSource, target: linkTarget, strength: linkStrength } = links;
  const m = linkSource.length;
  // Incidence CSR: prefix sums of degrees, then fill (Gustavson's two-pass construction).
  const incStart = new Uint32Array(n + 1);
  for (let e = 0; e < m; e++) {
    incStart[linkSource[e]! + 1]!++;
    incStart[linkTarget[e]! + 1]!++;
  }
  for (let u = 0; u < n; u++) incStart[u + 1]! += incStart[u]!;
  const fill = incStart.slice(0, n);
  const incLink = new Uint32Array(2 * m);
  const incNeighbour = new Uint32Array(2 * m);
  for (let e = 0; e < m; e++) {
    const s = linkSource[e]!;
    const t = linkTarget[e]!;
    let slot = fill[s]!++;
    incLink[slot] = e;
    incNeighbour[slot] = t;
    slot = fill[t]!++;
    incLink[slot] = e;
    incNeighbour[slot] = s;
  }

  // Responsive simple graph: one pass per actor with a "seen by" marker instead of sorting.
  const respStart = new Uint32Array(n + 1);
  const respBuffer = new Uint32Array(2 * m);
  const seenBy = new Int32Array(n).fill(-1);
  let size = 0;
  for (let u = 0; u < n; u++) {
    respStart[u] = size;
    for (let slot = incStart[u]!, end = incStart[u + 1]!; slot < end; slot++) {
      if (linkStrength[incLink[slot]!] === 0) continue;
      const v = incNeighbour[slot]!;
      if (v === u || seenBy[v] === u) continue;
      seenBy[v] = u;
      respBuffer[size++] = v;
    }
  }
  respStart[n] = size;
  const respNeighbour = respBuffer.slice(0, size);
  return { incStart, incLink, incNeighbour, respStart, respNeighbour };
}

/**
 * Builds the index. O(n + m) time and memory. `resolved` are the graph's links already resolved
 * by `resolveLinks` (against the same actor order), when the caller has them; `adjacency` their
 * `adjacencyOf`, when the caller has made it.
 * @throws DomainError BAD_USER_INPUT when an actor has a level the organisation lacks, an id is
 *   used twice, a link, arena or initiative refers to an unknown actor, or a perception to an
 *   unknown link (all issues listed).
 */
export function buildGraphIndex(graph: ChainGraph, resolved?: LinkColumns): GraphIndex;
export function buildGraphIndex(graph: IndexedGraph, resolved: ResolvedLinks, adjacency?: Adjacency): GraphIndex;
export function buildGraphIndex(
  graph: IndexedGraph & Partial<Pick<ChainGraph, 'links'>>,
  resolved?: LinkColumns,
  adjacency?: Adjacency,
): GraphIndex {
  const issues: FieldIssue[] = [];
  const levelIndexByKey = new Map<string, number>();
  graph.levels.forEach((level, index) => levelIndexByKey.set(level.key, index));
  const levelRanks = new Int32Array(graph.levels.length);
  const chainLevelIndices: number[] = [];
  graph.levels.forEach((level, index) => {
    levelRanks[index] = level.isSide ? SIDE_RANK : chainLevelIndices.length;
    if (!level.isSide) chainLevelIndices.push(index);
  });

  const n = graph.actors.length;
  const actorIndex = new Map<string, number>();
  const levelOf = new Int32Array(n);
  const rankOf = new Int32Array(n);
  const actorsPerLevel = new Int32Array(graph.levels.length);
  graph.actors.forEach((actor, i) => {
    // One hash per actor: an id seen before leaves the size as it was.
    const size = actorIndex.size;
    actorIndex.set(actor.id, i);
    if (actorIndex.size === size) {
      issues.push({ field: `actors[${i}].id`, reason: 'DUPLICATE', value: actor.id, message: 'actor id used twice' });
    }
    const level = levelIndexByKey.get(actor.levelKey);
    if (level === undefined) {
      issues.push({
        field: `actors[${i}].levelKey`,
        reason: 'UNKNOWN_LEVEL',
        value: actor.levelKey,
        message: `"${actor.levelKey}" is not a level of this organisation`,
      });
      return;
    }
    levelOf[i] = level;
    rankOf[i] = levelRanks[level] ?? SIDE_RANK;
    actorsPerLevel[level] = (actorsPerLevel[level] ?? 0) + 1;
  });
  let topRank = -1;
  for (let rank = 0; rank < chainLevelIndices.length; rank++) {
    if ((actorsPerLevel[chainLevelIndices[rank] ?? 0] ?? 0) > 0) {
      topRank = rank;
      break;
    }
  }

  // The overloads give either the links or their columns with ids and arenas.
  const links = graph.links ?? [];
  const m = resolved ? resolved.source.length : links.length;
  let columns = resolved;
  if (!columns) {
    columns = emptyLinkColumns(m);
    issues.push(...resolveLinks(links, actorIndex, perceivedLinkIds(graph), columns));
  }
  const { perceivedLinkIndex } = columns;
  graph.arenas.forEach((arena, a) =>
    arena.participantIds.forEach((id, p) => {
      if (!actorIndex.has(id)) issues.push(unknownActor(`arenas[${a}].participantIds[${p}]`, id));
    }),
  );
  graph.initiatives.forEach((initiative, k) =>
    initiative.targetActorIds.forEach((id, p) => {
      if (!actorIndex.has(id)) issues.push(unknownActor(`initiatives[${k}].targetActorIds[${p}]`, id));
    }),
  );
  graph.perceptions.forEach((perception, k) => {
    if (!perceivedLinkIndex.has(perception.linkId)) {
      issues.push({
        field: `perceptions[${k}].linkId`,
        reason: 'UNKNOWN_REFERENCE',
        value: perception.linkId,
        message: 'no such link',
      });
    }
  });
  if (issues.length > 0) throw invalidInput(issues);

  const { incStart, incLink, incNeighbour, respStart, respNeighbour } = adjacency ?? adjacencyOf(n, columns);

  return {
    graph,
    n,
    m,
    actorIndex,
    perceivedLinkIndex,
    levelOf,
    rankOf,
    levelRanks,
    chainLevelIndices,
    actorsPerLevel,
    topRank,
    linkSource: columns.source,
    linkTarget: columns.target,
    linkStrength: columns.strength,
    linkKind: columns.kind,
    linkTargetResponds: columns.targetResponds,
    linkSourceResponds: columns.sourceResponds,
    linkInArena: columns.inArena,
    linkId: columns.idOf ?? idsOf(links),
    arenaIdOf: columns.arenaIdOf ?? ((e) => links[e]!.arenaId),
    incStart,
    incLink,
    incNeighbour,
    respStart,
    respNeighbour,
  };
}
