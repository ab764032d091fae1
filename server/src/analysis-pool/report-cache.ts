import type { PartialReport } from './report-parts.ts';

/** Stands for "no desired scenario" as a WeakMap key. */
const NO_DESIRED = {};

/**
 * Reports of unchanged scenarios. Keyed by the graph objects themselves (plus the desired
 * scenario's graph and the parameters): the SQLite store hands out the same frozen graph until
 * the next write to its organisation (by any process), so a changed scenario is a new key and the
 * old reports go with the old graph, with no invalidation to get wrong. A store that reads a new
 * graph each time (Neo4j) simply never hits. Pending analyses are kept too, so identical requests
 * arriving together run once; a failed one is forgotten.
 */
export class ReportCache {
  private readonly byGraph = new WeakMap<object, WeakMap<object, Map<string, Promise<PartialReport>>>>();

  /** @param perGraph reports kept per pair of graphs (parameter sets), least recently used leaving first. */
  constructor(private readonly perGraph = 8) {}

  get(current: object, desired: object | null, key: string): Promise<PartialReport> | undefined {
    const reports = this.byGraph.get(current)?.get(desired ?? NO_DESIRED);
    const report = reports?.get(key);
    if (reports && report) {
      reports.delete(key);
      reports.set(key, report);
    }
    return report;
  }

  set(current: object, desired: object | null, key: string, report: Promise<PartialReport>): void {
    let byDesired = this.byGraph.get(current);
    if (!byDesired) this.byGraph.set(current, (byDesired = new WeakMap()));
    let reports = byDesired.get(desired ?? NO_DESIRED);
    if (!reports) byDesired.set(desired ?? NO_DESIRED, (reports = new Map()));
    reports.set(key, report);
    for (const oldest of reports.keys()) {
      if (reports.size <= this.perGraph) break;
      reports.delete(oldest);
    }
    report.catch(() => {
      if (reports.get(key) === report) reports.delete(key);
    });
  }
}
