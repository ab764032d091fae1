import type { PartialReport } from '../analysis-pool/report-parts.ts';
import type { Selection } from '../analysis-pool/selection.ts';
import { toChainGraph } from '../analysis/chain-graph.ts';
import { ANALYSIS_IDS } from '../analysis/findings.ts';
import type { AnalysisId, Finding } from '../analysis/findings.ts';
import type { InitiativeReach } from '../analysis/initiative-reach.ts';
import { runAnalyses } from '../analysis/registry.ts';
import { redactForAudience } from '../auth/redact.ts';
import { DomainError } from '../domain/errors.ts';
import type { ScenarioGraph } from '../domain/records.ts';
import { listScenarios, loadScenarioGraph } from '../editing/read-map.ts';
import { anonymiseGraph, anonymity, nameReplacer } from '../presenting/anonymise.ts';
import type { Language } from '../presenting/unit-stand-ins.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { timelineTrends, TREND_SELECTION, trendPointOf } from './timeline-trends.ts';
import type { TimelineTrends } from './timeline-trends.ts';

/**
 * Runs analyses on one scenario as the report shows it: in the worker pool for the app's report
 * route (off the event loop, within the analysis limits), in this thread for `npm run report`.
 */
export type ReportAnalyse = (
  current: ScenarioGraph,
  desired: ScenarioGraph | null,
  selection: Selection,
) => Promise<PartialReport>;

/** In this thread: the whole report, which holds whatever is selected. */
export const analyseInThread: ReportAnalyse = async (current, desired) =>
  runAnalyses(toChainGraph(current), { desired: desired && toChainGraph(desired) });

/** What the report reads of the shown scenario's analyses. */
const REPORT_SELECTION = { findings: true, initiativeReach: true } as const;

/**
 * Most actors a report is made for by default (REPORT_MAX_ACTORS): a 2,000-actor map holds the
 * event loop under 0.1 s while its report is built, a 20,000-actor one 5–7 s (npm run
 * bench:report), and one page cannot show that many actors anyway.
 */
export const DEFAULT_REPORT_MAX_ACTORS = 2_500;

export interface MeetingReportOptions {
  /** The scenario shown; the current one when null. */
  scenarioId: string | null;
  language: Language;
  /** Actors by role and level, units that point at one person by stand-ins, no notes or evidence; default true. */
  anonymised: boolean;
  /** Refuse (REPORT_TOO_LARGE) a scenario with more actors, before any other work; no limit when unset. */
  maxActors?: number;
}

/** Everything the meeting report shows, already redacted and in one language. */
export interface MeetingReport {
  organisationName: string;
  scenarioName: string;
  language: Language;
  anonymised: boolean;
  /** The scenario's map as shown: levels, actors (by label when anonymised), links. */
  map: Pick<ScenarioGraph, 'actors' | 'links' | 'units'> & { levels: ScenarioGraph['organisation']['levels'] };
  /** Findings grouped by analysis, in the registry's order (statements in `language`). */
  findings: Array<{ analysis: AnalysisId; statements: string[] }>;
  trends: TimelineTrends;
  /** Per initiative: its name, owner and which targets it reaches, by name. */
  reach: Array<{ name: string; owner: string | null; reached: string[]; notReached: string[]; evidenceCount: number }>;
  /** The links whose perceptions disagree: its ends and the aspects (the answers' statements). */
  disagreements: string[];
}

/**
 * The material of a dialogue meeting's report, built on the server with the presentations' rules:
 * when anonymised, every map read is redacted for the audience (no confidential links, notes or
 * evidence texts, no person names) and anonymised (`anonymity`, `anonymiseGraph`), and the
 * statements pass `nameReplacer`. Perceptions that disagree are shown by link and answer, the
 * respondents by their actors' labels (never their own words or comments), confidential ones left out.
 */
export async function meetingReport(
  store: GraphStore,
  organisationId: string,
  options: MeetingReportOptions,
  analyse: ReportAnalyse = analyseInThread,
): Promise<MeetingReport> {
  const { language, anonymised } = options;
  const raw = await loadScenarioGraph(store, organisationId, options.scenarioId);
  const { maxActors = Infinity } = options;
  if (raw.actors.length > maxActors) {
    throw new DomainError(
      'REPORT_TOO_LARGE',
      `A meeting report is made for at most ${maxActors} actors; this map has ${raw.actors.length}. An administrator can raise REPORT_MAX_ACTORS.`,
      { actors: raw.actors.length, limit: maxActors, setting: 'REPORT_MAX_ACTORS' },
    );
  }
  const current = await loadScenarioGraph(store, organisationId, null);
  const { actors, units, organisation } = current;
  const anonymous = anonymised ? anonymity(actors, units, organisation.levels, false) : null;
  const replace = nameReplacer(actors, units, anonymous, language);
  const shown = (graph: ScenarioGraph): ScenarioGraph => {
    if (!anonymous) return graph;
    const perceptions = graph.perceptions
      .filter((perception) => !perception.confidential)
      .map((perception) => ({
        ...perception,
        respondent: (perception.respondentActorId && anonymous.labels.get(perception.respondentActorId)) || '–',
        comment: null,
      }));
    const redacted = redactForAudience(graph);
    const visible = new Set(redacted.links.map((link) => link.id));
    const anonymisedGraph = anonymiseGraph(redacted, anonymous);
    return {
      ...anonymisedGraph,
      perceptions: perceptions.filter((perception) => visible.has(perception.linkId)),
      // The evidence texts stay withheld; how many notes an initiative has is what initiative reach reads.
      initiatives: anonymisedGraph.initiatives.map((initiative, k) => ({
        ...initiative,
        name: replace(initiative.name),
        evidence: graph.initiatives[k]!.evidence.map(() => ({ text: '–', date: null, source: null })),
      })),
    };
  };

  const scenarios = await listScenarios(store, organisationId);
  const desiredScenario = scenarios.find((scenario) => scenario.kind === 'DESIRED' && scenario.id !== raw.scenario.id);
  const desired = desiredScenario ? shown(await loadScenarioGraph(store, organisationId, desiredScenario.id)) : null;
  const graph = shown(raw);
  const report = await analyse(graph, desired, REPORT_SELECTION);
  const findings = report.findings ?? [];
  // Anonymised findings are made from the anonymised graph, so they name no one: replacing names
  // in them again would replace inside the labels.
  const say = (finding: Finding): string =>
    anonymous ? finding.explanation[language] : replace(finding.explanation[language]);
  const nameOf = new Map(graph.actors.map((actor) => [actor.id, actor.name]));
  const named = (ids: readonly string[]): string[] => ids.map((id) => nameOf.get(id) ?? id);
  const initiativeName = new Map(graph.initiatives.map((initiative) => [initiative.id, initiative.name]));

  const trends = await timelineTrends(store, organisationId, async (point, target) =>
    trendPointOf(await analyse(shown(point), target && shown(target), TREND_SELECTION)),
  );

  return {
    organisationName: organisation.name,
    scenarioName: raw.scenario.name,
    language,
    anonymised,
    map: { levels: organisation.levels, actors: graph.actors, links: graph.links, units: graph.units },
    findings: ANALYSIS_IDS.map((analysis) => ({
      analysis,
      statements: findings.filter((finding) => finding.analysis === analysis).map(say),
    })).filter((group) => group.statements.length > 0),
    trends,
    reach: (report.initiativeReach?.initiatives ?? []).map((initiative: InitiativeReach) => ({
      name: initiativeName.get(initiative.initiativeId) ?? initiative.initiativeId,
      owner: initiative.ownerId ? (nameOf.get(initiative.ownerId) ?? null) : null,
      reached: named(initiative.targets.filter((target) => target.reached).map((target) => target.actorId)),
      notReached: named(initiative.targets.filter((target) => !target.reached).map((target) => target.actorId)),
      evidenceCount: initiative.evidenceCount,
    })),
    disagreements: findings.filter((finding) => finding.kind === 'PERCEPTIONS_DISAGREE').map(say),
  };
}
