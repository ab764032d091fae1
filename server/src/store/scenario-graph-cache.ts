import type { ScenarioGraph } from '../domain/records.ts';
import { narrowScenarioGraph } from '../domain/scenario-graph.ts';
import type { ScenarioGraphOptions } from './graph-store.ts';

/**
 * Records (actors, links, …) a store's scenario graph cache keeps by default: about 500 bytes
 * each, so ~100 MB; enough for one scenario of a 20,000-actor organisation (~165,000 records).
 */
export const DEFAULT_GRAPH_CACHE_RECORDS = 200_000;

/**
 * Whole scenario graphs as last read, shared by every reader while their organisation's write
 * stamp (GraphStore.writeStamp) stays the same. Both adapters read through it, so a graph read
 * again is the same object, and the analyses' report cache (keyed on the graph) answers too.
 * The stamp changes with every committed write, by this process or another on the same
 * database, so a graph is never served after a write it does not hold.
 *
 * Graphs are deeply frozen before they are shared, so a caller that changed one (none does: the
 * readers build new objects, e.g. `redactForAudience`) fails loudly instead of changing the map
 * for everyone. The cache holds at most `budget` records (actors, links and the rest), least
 * recently read graphs leaving first; a graph bigger than the budget is not kept.
 */
export class ScenarioGraphCache {
  private readonly graphs = new Map<string, { graph: ScenarioGraph; stamp: string; records: number }>();
  private records = 0;

  constructor(private readonly budget = DEFAULT_GRAPH_CACHE_RECORDS) {}

  /**
   * The scenario's graph under `stamp`, from the cache or from `load`, narrowed to
   * `options.levelKeys` when given. `stamp` must be read before `load` reads the graph, so that a
   * graph read after a write is never kept under the stamp from before it; null keeps nothing.
   * `load` is called before this function first awaits, so a synchronous store reads its
   * stamp and its graph in one step.
   */
  async read(
    organisationId: string,
    scenarioId: string,
    stamp: string | null,
    load: () => ScenarioGraph | null | Promise<ScenarioGraph | null>,
    options: ScenarioGraphOptions = {},
  ): Promise<ScenarioGraph | null> {
    const cached = stamp === null ? undefined : this.get(organisationId, scenarioId, stamp);
    const graph = cached ?? (await load());
    const shared = graph && stamp !== null && !cached ? this.add(organisationId, scenarioId, stamp, graph) : graph;
    return shared && options.levelKeys ? narrowToLevels(shared, options.levelKeys) : shared;
  }

  /** The graph kept under `stamp`, if any (and it becomes the most recently read). */
  get(organisationId: string, scenarioId: string, stamp: string): ScenarioGraph | undefined {
    const key = keyOf(organisationId, scenarioId);
    const entry = this.graphs.get(key);
    if (!entry || entry.stamp !== stamp) return undefined;
    // Map keeps insertion order: re-inserting makes this the most recently read.
    this.graphs.delete(key);
    this.graphs.set(key, entry);
    return entry.graph;
  }

  /**
   * Keeps the graph under `stamp`, dropping the organisation's graphs kept under another stamp
   * (a write came between: none of them can be served again); returns it frozen.
   * NOTE: mutates `graph` (freezes it).
   */
  add(organisationId: string, scenarioId: string, stamp: string, graph: ScenarioGraph): ScenarioGraph {
    const prefix = keyOf(organisationId, '');
    for (const [key, entry] of this.graphs) if (key.startsWith(prefix) && entry.stamp !== stamp) this.remove(key);
    const records = recordCount(graph);
    if (records > this.budget) return graph;
    const key = keyOf(organisationId, scenarioId);
    this.remove(key);
    for (const [oldest, entry] of this.graphs) {
      if (this.records + records <= this.budget) break;
      this.graphs.delete(oldest);
      this.records -= entry.records;
    }
    this.graphs.set(key, { graph: deepFreeze(graph), stamp, records });
    this.records += records;
    return graph;
  }

  private remove(key: string): void {
    const entry = this.graphs.get(key);
    if (!entry) return;
    this.graphs.delete(key);
    this.records -= entry.records;
  }
}

/** Only the actors of these levels, and what concerns them (`narrowScenarioGraph`). */
function narrowToLevels(graph: ScenarioGraph, levelKeys: readonly string[]): ScenarioGraph {
  const keys = new Set(levelKeys);
  return narrowScenarioGraph({ ...graph, actors: graph.actors.filter((actor) => keys.has(actor.levelKey)) });
}

function keyOf(organisationId: string, scenarioId: string): string {
  return `${organisationId}\u0000${scenarioId}`;
}

function recordCount(graph: ScenarioGraph): number {
  const { units, actors, links, arenas, perceptions, initiatives } = graph;
  return 2 + units.length + actors.length + links.length + arenas.length + perceptions.length + initiatives.length;
}

function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  for (const child of Object.values(value)) deepFreeze(child);
  return Object.freeze(value);
}
