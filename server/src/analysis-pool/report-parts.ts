import { ANALYSIS_IDS } from '../analysis/findings.ts';
import type { AnalysisId, Finding } from '../analysis/findings.ts';
import { findingsOf } from '../analysis/registry.ts';
import type { AnalysisResults } from '../analysis/registry.ts';
import { project } from './selection.ts';
import type { Selection } from './selection.ts';

/** The parts of a report a request selected (each projected onto the selected fields). */
export type PartialReport = Partial<AnalysisResults> & { findings?: Finding[] };

/**
 * What some of a request's analyses give: their selected results, their findings in DOMAIN.md
 * order, and how many findings each gave. A thread sends the analyses done before betweenness as
 * one part while it finishes betweenness, so that the main thread decodes that part meanwhile,
 * and key actors as the last part; the counts put the findings back in order.
 */
export interface ReportPart {
  report: PartialReport;
  findingCounts: Partial<Record<AnalysisId, number>>;
}

/** The selected part of `results`. */
export function reportPart(results: Partial<AnalysisResults>, selection: Selection): ReportPart {
  const findingCounts: Partial<Record<AnalysisId, number>> = {};
  for (const id of ANALYSIS_IDS) {
    const found = results[id]?.findings;
    if (found) findingCounts[id] = found.length;
  }
  const report: Record<string, unknown> = {};
  for (const [field, selected] of Object.entries(selection)) {
    const value = field === 'findings' ? findingsOf(results) : results[field as AnalysisId];
    if (value !== undefined) report[field] = project(value, selected);
  }
  return { report: report as PartialReport, findingCounts };
}

/** The parts as one report, findings in DOMAIN.md order whichever part holds them. */
export function joinReportParts(parts: readonly ReportPart[]): PartialReport {
  const report: PartialReport = Object.assign({}, ...parts.map((part) => part.report));
  if (!parts.some((part) => part.report.findings)) return report;
  const findings: Finding[] = [];
  const taken = parts.map(() => 0);
  for (const id of ANALYSIS_IDS) {
    parts.forEach((part, p) => {
      const count = part.findingCounts[id] ?? 0;
      const from = part.report.findings ?? [];
      for (let i = taken[p]!; i < taken[p]! + count; i++) findings.push(from[i]!);
      taken[p]! += count;
    });
  }
  report.findings = findings;
  return report;
}
