import { timeline, trends } from '../analysis/trends.ts';
import type { TrendPoint, Trends } from '../analysis/trends.ts';
import type { Scenario, ScenarioGraph } from '../domain/records.ts';
import { listScenarios, loadScenarioGraph } from '../editing/read-map.ts';
import type { GraphStore } from '../store/graph-store.ts';

/** Runs what the trends read on one scenario (in the worker pool for the API, in the thread for the report command). */
export type AnalysePoint = (current: ScenarioGraph, desired: ScenarioGraph | null) => Promise<TrendPoint>;

export interface TimelineTrends extends Trends {
  /** The timeline's scenarios, in time order (`timeline`). */
  scenarios: Scenario[];
  /** The desired scenario the distances are measured to, if the organisation has one. */
  desiredScenarioId: string | null;
}

/**
 * An organisation's trends over its timeline: each scenario analysed in turn (one at a time, so a
 * user's analyses stay within the per-user limit), then `trends`.
 */
export async function timelineTrends(
  store: GraphStore,
  organisationId: string,
  analyse: AnalysePoint,
): Promise<TimelineTrends> {
  const all = await listScenarios(store, organisationId);
  const desiredScenario = all.find((scenario) => scenario.kind === 'DESIRED') ?? null;
  const desired = desiredScenario ? await loadScenarioGraph(store, organisationId, desiredScenario.id) : null;
  const scenarios = timeline(all);
  const points: TrendPoint[] = [];
  let levels: ScenarioGraph['organisation']['levels'] = [];
  for (const scenario of scenarios) {
    const graph = await loadScenarioGraph(store, organisationId, scenario.id);
    levels = graph.organisation.levels;
    points.push(await analyse(graph, desired));
  }
  return { scenarios, desiredScenarioId: desiredScenario?.id ?? null, ...trends(levels, points) };
}

/** What the worker pool is asked for, per point: only the fields the trends read. */
export const TREND_SELECTION = {
  levelMatrix: { cells: { levelKeys: true, total: true, responsive: true } },
  brokenChains: { cutOffActorIds: true },
  desiredDistance: { hasDesired: true, totals: { distance: true } },
} as const;

/** A report holding TREND_SELECTION's fields as one trend point. */
export function trendPointOf(report: {
  levelMatrix?: { cells: TrendPoint['cells'] };
  brokenChains?: { cutOffActorIds: readonly string[] };
  desiredDistance?: { hasDesired: boolean; totals: { distance: number } };
}): TrendPoint {
  return {
    cells: report.levelMatrix?.cells ?? [],
    cutOffCount: report.brokenChains?.cutOffActorIds.length ?? 0,
    distance: report.desiredDistance?.hasDesired ? report.desiredDistance.totals.distance : null,
  };
}
