import { deserialize, serialize } from 'node:v8';

import { CHAIN_ROWS, chainLevels } from '../analysis/chain-graph.ts';
import type { ChainGraph, ChainLink } from '../analysis/chain-graph.ts';
import { perceivedLinkIds, resolveLinks } from '../analysis/graph-index.ts';
import type { IndexedGraph, LinkColumns, ResolvedLinks } from '../analysis/graph-index.ts';
import type { ScenarioGraph } from '../domain/records.ts';
import { LoopSlicer, toShared } from './loop-slicer.ts';

/**
 * A scenario graph as the analysis workers receive it, built on the main thread in slices (so no
 * user waits while a national map is encoded) and kept in shared memory for as long as the
 * stored graph object lives, so every later analysis of it (other parameters, another user)
 * reaches a worker without a copy. Strings travel as v8-serialised slices of columns; the links'
 * ends, couplings, kinds and ratings as typed columns already resolved against the actor order,
 * which spares each analysis the hashing of two actor ids per link. A slice of links holds their
 * ids as one string (where each ends is a typed column) and only the arenas of links held in one,
 * so a worker reads an id only when an analysis names its link instead of building half a
 * million strings on a national map.
 */
export interface GraphWire {
  /** This encoding's number, never another's in this process: the worker threads keep what they decode under it. */
  version: number;
  levels: ChainGraph['levels'];
  /** Per slice: [ids, names, levelKeys, unitIds]. */
  actors: Slices;
  links: LinksWire;
  units: Slices;
  arenas: Slices;
  perceptions: Slices;
  initiatives: Slices;
}

export interface Slices {
  count: number;
  slices: Uint8Array[];
}

export interface LinksWire extends Slices {
  /** This encoding's number, never another's in this process: the worker threads keep what they decode under it. */
  version: number;
  /**
   * The links as numbers, against the current graph's actor order, and where each link's id ends
   * in its slice's string (slices then hold [ids joined, [link number, arena id] of the links in
   * an arena]); null when a link names an actor that graph lacks (then the slices hold whole rows,
   * and the worker resolves and refuses them).
   */
  columns:
    | (Omit<LinkColumns, 'perceivedLinkIndex' | 'idOf' | 'arenaIdOf'> & {
        perceived: Array<[string, number]>;
        idEnd: Uint32Array;
      })
    | null;
}

/** A slice of resolved links: their ids one after another, and the arenas of those held in one. */
type LinkSlice = [ids: string, arenas: Array<[link: number, arenaId: string]>];

const SLICE_ROWS = 4096;

/**
 * Each wire is numbered when it is encoded, never twice in a process: a worker thread keeps what
 * it decoded from a wire by that number (analysis-worker.ts), and since a stored graph object is
 * never changed (a write makes a new one, encoded anew), a number always stands for one graph.
 */
let lastVersion = 0;

const actorNumberCache = new WeakMap<ScenarioGraph, Promise<Map<string, number>>>();
const graphCache = new WeakMap<ScenarioGraph, Promise<GraphWire>>();
const desiredCache = new WeakMap<ScenarioGraph, WeakMap<ScenarioGraph, Promise<LinksWire>>>();

/**
 * The graph's wire form, encoded once per graph object: the SQLite store hands out the same
 * frozen object until the next write, so an unchanged scenario is encoded once.
 */
export function graphWire(graph: ScenarioGraph): Promise<GraphWire> {
  let wire = graphCache.get(graph);
  if (!wire) {
    wire = encodeGraph(graph);
    graphCache.set(graph, wire);
  }
  return wire;
}

/** The desired scenario's links (all the distance analysis reads), numbered as `current`'s actors. */
export function desiredLinksWire(desired: ScenarioGraph, current: ScenarioGraph): Promise<LinksWire> {
  let byCurrent = desiredCache.get(desired);
  if (!byCurrent) desiredCache.set(desired, (byCurrent = new WeakMap()));
  let wire = byCurrent.get(current);
  if (!wire) {
    wire = actorNumbers(current).then((actorIndex) =>
      encodeLinks(desired.links, actorIndex, new Set(), new LoopSlicer()),
    );
    byCurrent.set(current, wire);
  }
  return wire;
}

async function encodeGraph(graph: ScenarioGraph): Promise<GraphWire> {
  const slicer = new LoopSlicer();
  const actorIndex = await actorNumbers(graph);
  return {
    version: ++lastVersion,
    levels: chainLevels(graph),
    actors: await encodeRows(
      graph.actors,
      (part) => [
        part.map((a) => a.id),
        part.map((a) => a.name),
        part.map((a) => a.levelKey),
        part.map((a) => a.unitId),
      ],
      slicer,
    ),
    links: await encodeLinks(graph.links, actorIndex, perceivedLinkIds(graph), slicer),
    units: await encodeRows(graph.units, (part) => part.map(CHAIN_ROWS.units), slicer),
    arenas: await encodeRows(graph.arenas, (part) => part.map(CHAIN_ROWS.arenas), slicer),
    perceptions: await encodeRows(graph.perceptions, (part) => part.map(CHAIN_ROWS.perceptions), slicer),
    initiatives: await encodeRows(graph.initiatives, (part) => part.map(CHAIN_ROWS.initiatives), slicer),
  };
}

function actorNumbers(graph: ScenarioGraph): Promise<Map<string, number>> {
  let numbers = actorNumberCache.get(graph);
  if (!numbers) {
    numbers = (async () => {
      const slicer = new LoopSlicer();
      const index = new Map<string, number>();
      for (let i = 0; i < graph.actors.length; i++) {
        index.set(graph.actors[i]!.id, i);
        if (i % SLICE_ROWS === 0) await slicer.breathe();
      }
      return index;
    })();
    actorNumberCache.set(graph, numbers);
  }
  return numbers;
}

async function encodeRows<T>(
  rows: readonly T[],
  toSlice: (part: readonly T[]) => unknown,
  slicer: LoopSlicer,
): Promise<Slices> {
  const slices: Uint8Array[] = [];
  for (let from = 0; from < rows.length; from += SLICE_ROWS) {
    slices.push(toShared(serialize(toSlice(rows.slice(from, from + SLICE_ROWS)))));
    await slicer.breathe();
  }
  return { count: rows.length, slices };
}

async function encodeLinks(
  links: readonly ChainLink[],
  actorIndex: ReadonlyMap<string, number>,
  perceived: ReadonlySet<string>,
  slicer: LoopSlicer,
): Promise<LinksWire> {
  const m = links.length;
  const shared = <T>(Type: new (buffer: SharedArrayBuffer) => T, bytesPerElement: number): T =>
    new Type(new SharedArrayBuffer(bytesPerElement * m));
  const columns: LinkColumns = {
    source: shared(Uint32Array, 4),
    target: shared(Uint32Array, 4),
    strength: shared(Uint8Array, 1),
    kind: shared(Uint8Array, 1),
    targetResponds: shared(Uint8Array, 1),
    sourceResponds: shared(Uint8Array, 1),
    inArena: shared(Uint8Array, 1),
    perceivedLinkIndex: new Map(),
  };
  let isResolved = true;
  for (let from = 0; from < m && isResolved; from += SLICE_ROWS) {
    isResolved = resolveLinks(links, actorIndex, perceived, columns, from, Math.min(m, from + SLICE_ROWS)).length === 0;
    await slicer.breathe();
  }
  const { perceivedLinkIndex, ...typed } = columns;
  if (!isResolved) {
    const rows = await encodeRows(links, (part) => part.map(CHAIN_ROWS.links), slicer);
    return { ...rows, version: ++lastVersion, columns: null };
  }
  const idEnd = shared(Uint32Array, 4);
  const slices: Uint8Array[] = [];
  for (let from = 0; from < m; from += SLICE_ROWS) {
    const ids: string[] = [];
    const arenas: LinkSlice[1] = [];
    let end = 0;
    for (let e = from; e < Math.min(m, from + SLICE_ROWS); e++) {
      const { id, arenaId } = links[e]!;
      ids.push(id);
      idEnd[e] = end += id.length;
      if (arenaId !== null) arenas.push([e, arenaId]);
    }
    const slice: LinkSlice = [ids.join(''), arenas];
    slices.push(toShared(serialize(slice)));
    await slicer.breathe();
  }
  return {
    version: ++lastVersion,
    count: m,
    slices,
    columns: { ...typed, perceived: [...perceivedLinkIndex], idEnd },
  };
}

/**
 * The worker's side: the graph without its links and the links as columns (all an index reads of
 * them: no object per link is built, half a million on a national map), or, when a link names an
 * unknown actor, the graph with its links as rows, for the index to refuse.
 */
export function decodeGraph(
  wire: GraphWire,
): { graph: IndexedGraph; columns: ResolvedLinks } | { graph: ChainGraph; columns: undefined } {
  const [ids, names, levelKeys, unitIds] = columnsOf<[string[], string[], string[], Array<string | null>]>(
    wire.actors,
    4,
  );
  const graph: IndexedGraph = {
    levels: wire.levels,
    actors: ids.map((id, i) => ({ id, name: names[i]!, levelKey: levelKeys[i]!, unitId: unitIds[i]! })),
    units: rowsOf(wire.units),
    arenas: rowsOf(wire.arenas),
    perceptions: rowsOf(wire.perceptions),
    initiatives: rowsOf(wire.initiatives),
  };
  const links = decodeLinks(wire.links);
  return 'columns' in links
    ? { graph, columns: links.columns }
    : { graph: { ...graph, links: links.rows }, columns: undefined };
}

/** Links back as columns when they were resolved (an id cut out of its slice when asked for), else as rows. */
export function decodeLinks(wire: LinksWire): { columns: ResolvedLinks } | { rows: ChainLink[] } {
  if (!wire.columns) return { rows: rowsOf(wire) };
  const { perceived, idEnd, ...typed } = wire.columns;
  const ids: string[] = [];
  const arenaIds = new Map<number, string>();
  for (const slice of wire.slices) {
    const [joined, arenas] = deserialize(slice) as LinkSlice;
    ids.push(joined);
    for (const [e, arenaId] of arenas) arenaIds.set(e, arenaId);
  }
  return {
    columns: {
      ...typed,
      perceivedLinkIndex: new Map(perceived),
      idOf: (e) => ids[Math.floor(e / SLICE_ROWS)]!.slice(e % SLICE_ROWS === 0 ? 0 : idEnd[e - 1]!, idEnd[e]!),
      arenaIdOf: (e) => arenaIds.get(e) ?? null,
    },
  };
}

function rowsOf<T>(wire: Slices): T[] {
  const rows: T[] = [];
  for (const slice of wire.slices) for (const row of deserialize(slice) as T[]) rows.push(row);
  return rows;
}

function columnsOf<T extends unknown[][]>(wire: Slices, width: number): T {
  const columns = Array.from({ length: width }, (): unknown[] => []);
  for (const slice of wire.slices) {
    const parts = deserialize(slice) as unknown[][];
    parts.forEach((part, c) => {
      const column = columns[c]!;
      for (const value of part) column.push(value);
    });
  }
  return columns as T;
}
