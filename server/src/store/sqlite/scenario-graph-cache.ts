import type { ScenarioGraph } from '../../domain/records.ts';

/**
 * Whole scenario graphs as last read, shared by every reader until the next write to their
 * organisation. The map query reads one scenario's graph per request; under load (200 readers)
 * that read was a third of the server's time, and most reads saw no change since the last.
 *
 * Graphs are deeply frozen before they are shared, so a caller that changed one (none does: the
 * readers build new objects, e.g. `redactForAudience`) fails loudly instead of changing the map
 * for everyone. The cache holds at most `budget` records (actors, links and the rest), least
 * recently read graphs leaving first; a graph bigger than the budget is not kept.
 */
export class ScenarioGraphCache {
  private readonly graphs = new Map<string, { graph: ScenarioGraph; records: number }>();
  private records = 0;

  constructor(private readonly budget: number) {}

  get(organisationId: string, scenarioId: string): ScenarioGraph | undefined {
    const key = keyOf(organisationId, scenarioId);
    const entry = this.graphs.get(key);
    if (!entry) return undefined;
    // Map keeps insertion order: re-inserting makes this the most recently read.
    this.graphs.delete(key);
    this.graphs.set(key, entry);
    return entry.graph;
  }

  /** Keeps the graph; returns it frozen. NOTE: mutates `graph` (freezes it). */
  add(organisationId: string, scenarioId: string, graph: ScenarioGraph): ScenarioGraph {
    const records = recordCount(graph);
    if (records > this.budget) return graph;
    const key = keyOf(organisationId, scenarioId);
    this.remove(key);
    for (const [oldest, entry] of this.graphs) {
      if (this.records + records <= this.budget) break;
      this.graphs.delete(oldest);
      this.records -= entry.records;
    }
    this.graphs.set(key, { graph: deepFreeze(graph), records });
    this.records += records;
    return graph;
  }

  /** Drops the organisation's graphs: called by every write to it. */
  forget(organisationId: string): void {
    const prefix = keyOf(organisationId, '');
    for (const key of this.graphs.keys()) if (key.startsWith(prefix)) this.remove(key);
  }

  clear(): void {
    this.graphs.clear();
    this.records = 0;
  }

  private remove(key: string): void {
    const entry = this.graphs.get(key);
    if (!entry) return;
    this.graphs.delete(key);
    this.records -= entry.records;
  }
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
