import { ANALYSIS_IDS } from '../analysis/findings.ts';
import type { AnalysisId } from '../analysis/findings.ts';
import { resolveParameters } from '../analysis/registry.ts';
import type { ParameterValues } from '../analysis/registry.ts';
import { DomainError } from '../domain/errors.ts';
import type { ScenarioGraph } from '../domain/records.ts';
import { analysisCost } from './analysis-cost.ts';
import type { AnalysisLimits } from './analysis-limits.ts';
import { AnalysisPool } from './analysis-pool.ts';
import type { PartialReport } from './report-parts.ts';
import { desiredLinksWire, graphWire } from './graph-wire.ts';
import { PerUserLimit } from './per-user-limit.ts';
import { ReportCache } from './report-cache.ts';
import { selectionKey } from './selection.ts';
import type { Selection } from './selection.ts';

export interface AnalysisRequest {
  userId: string;
  current: ScenarioGraph;
  /** The scenario to measure the distance to, if any. */
  desired: ScenarioGraph | null;
  parameters: Partial<Record<AnalysisId, ParameterValues>>;
  /** What the request reads: analyses' results and/or the findings of all ten, down to the fields. */
  selection: Selection;
}

/**
 * Runs analyses for the API: from the cache when the scenario is unchanged, else in the worker
 * pool, within the cost budget and the per-user limit.
 */
export class AnalysisRunner {
  private readonly pool: AnalysisPool;
  private readonly perUser: PerUserLimit;
  private readonly cache = new ReportCache();

  constructor(private readonly limits: AnalysisLimits) {
    this.pool = new AnalysisPool({
      threads: limits.threads,
      queueLimit: limits.queueLimit,
      keepsThreads: limits.keepsThreads,
    });
    this.perUser = new PerUserLimit(limits.perUser);
  }

  /**
   * @throws DomainError ANALYSIS_TOO_LARGE over the cost budget, ANALYSIS_BUSY over the user's or
   *   the server's limit, BAD_USER_INPUT when the graph is inconsistent.
   */
  run(request: AnalysisRequest): Promise<PartialReport> {
    const { selection } = request;
    const analyses = 'findings' in selection ? [...ANALYSIS_IDS] : ANALYSIS_IDS.filter((id) => id in selection);
    if (analyses.length === 0) return Promise.resolve({});
    const parameters = Object.fromEntries(
      analyses.map((id) => [id, resolveParameters(id, request.parameters[id])]),
    ) as Partial<Record<AnalysisId, ParameterValues>>;
    const { current } = request;
    const desired = analyses.includes('desiredDistance') ? request.desired : null;
    const key = `${selectionKey(selection)} ${JSON.stringify(parameters)}`;
    const cached = this.cache.get(current, desired, key);
    if (cached) return cached;

    const links = current.links.length + (desired?.links.length ?? 0);
    const owners = new Set(current.initiatives.flatMap((initiative) => initiative.ownerId ?? [])).size;
    const { cost, sources } = analysisCost(current.actors.length, links, analyses, parameters.keyActors, {
      owners,
      values: parameters.initiativeReach,
    });
    if (cost > this.limits.costLimit) {
      throw new DomainError(
        'ANALYSIS_TOO_LARGE',
        `This analysis would take about ${cost.toExponential(1)} steps (${current.actors.length} actors, ${links} links, ${sources} betweenness sources); the limit is ${this.limits.costLimit.toExponential(1)}. Lower keyActors' exactLimit or samples, or ask for fewer analyses.`,
        {
          cost,
          limit: this.limits.costLimit,
          setting: 'ANALYSIS_COST_LIMIT',
          actors: current.actors.length,
          links,
          sources,
        },
      );
    }
    const release = this.perUser.acquire(request.userId);
    const report = (async () => {
      try {
        const graph = await graphWire(current);
        // Encoded while the worker starts: it reads them last.
        const desiredLinks = desired && desiredLinksWire(desired, current);
        return await this.pool.analyse({ graph, analyses, selection, parameters }, desiredLinks);
      } finally {
        release();
      }
    })();
    this.cache.set(current, desired, key, report);
    return report;
  }

  close(): Promise<void> {
    return this.pool.close();
  }
}
