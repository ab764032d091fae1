import { isOneLine, LIMITS, type LinkKind } from '@kopplingskartan/schema/interchange';

import { FixedWindows } from '../auth/fixed-windows.ts';
import { DomainError, type FieldIssue, invalidInput, notFound } from '../domain/errors.ts';
import { newId } from '../domain/ids.ts';
import type { Link } from '../domain/records.ts';
import { type RespondentLanguage, roundPerceptions } from '../domain/round-perceptions.ts';
import { type LinkRoundResult, roundResults } from '../domain/round-results.ts';
import {
  DEFAULT_THRESHOLD,
  linksAsked,
  newRoundCode,
  type RoundMode,
  type RoundQuestions,
  type RoundSelection,
  roundSettingIssues,
} from '../domain/round-rules.ts';
import { type Audit } from '../editing/history.ts';
import { cloneScenario } from '../editing/organisation-commands.ts';
import { loadScenarioGraph } from '../editing/read-map.ts';
import { type AnswerTable, roundAnswerTable } from '../io/round-answers.ts';
import type { GraphStore } from '../store/graph-store.ts';
import type { Round, RoundAnswerWithRespondent, RoundStore } from '../store/round-store.ts';
import type { RoundLimits } from './round-limits.ts';
import { RoundNotifier } from './round-notifier.ts';

/** What the round commands work with: the stores, the limits, the rate windows and the announcer. */
export interface RoundServices {
  store: GraphStore;
  rounds: RoundStore;
  limits: RoundLimits;
  windows: FixedWindows;
  notifier: RoundNotifier;
}

export function roundServices(
  store: GraphStore,
  rounds: RoundStore,
  limits: RoundLimits,
  publish: (topic: string) => void,
): RoundServices {
  return { store, rounds, limits, windows: new FixedWindows(60_000), notifier: new RoundNotifier(publish) };
}

export interface OpenRoundInput {
  organisationId: string;
  scenarioId?: string | null;
  name: string;
  selection: {
    kind: RoundSelection['kind'];
    levelKeys?: readonly string[] | null;
    unitId?: string | null;
    linkIds?: readonly string[] | null;
    linkKind?: LinkKind | null;
  };
  questions: RoundQuestions;
  mode: RoundMode;
  closesAt?: string | null;
  threshold?: number | null;
}

/** The selection as the rules take it, or the issue with its shape (the field a kind needs). */
function selectionOf(input: OpenRoundInput['selection']): { selection?: RoundSelection; issues: FieldIssue[] } {
  const missing = (field: string, message: string): { issues: FieldIssue[] } => ({
    issues: [{ field: `selection.${field}`, reason: 'REQUIRED', message }],
  });
  switch (input.kind) {
    case 'BETWEEN_LEVELS': {
      const keys = input.levelKeys ?? [];
      if (keys.length !== 2) return missing('levelKeys', 'two level keys (the same twice for links within a level)');
      return { selection: { kind: input.kind, levelKeys: [keys[0]!, keys[1]!] }, issues: [] };
    }
    case 'AROUND_UNIT':
      return input.unitId
        ? { selection: { kind: input.kind, unitId: input.unitId }, issues: [] }
        : missing('unitId', 'the unit');
    case 'LINKS':
      return input.linkIds?.length
        ? { selection: { kind: input.kind, linkIds: [...new Set(input.linkIds)] }, issues: [] }
        : missing('linkIds', 'at least one link');
    case 'LINK_KIND':
      return input.linkKind
        ? { selection: { kind: input.kind, linkKind: input.linkKind }, issues: [] }
        : missing('linkKind', 'the link kind');
  }
}

/** A date alone means through that day (UTC); a time is taken as given. */
function closingTime(closesAt: string | null | undefined): string | null {
  if (!closesAt) return null;
  if (/^\d{4}-\d{2}-\d{2}$/.test(closesAt)) {
    const time = Date.parse(`${closesAt}T00:00:00Z`);
    return Number.isNaN(time) ? closesAt : new Date(time + 86_400_000).toISOString();
  }
  const time = /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/.test(closesAt) ? Date.parse(closesAt) : NaN;
  return Number.isNaN(time) ? closesAt : new Date(time).toISOString();
}

/**
 * Opens a round on a scenario (default the current one): validates the name, selection,
 * questions, mode and threshold, fixes the links asked about, and gives it a fresh code.
 * @throws DomainError BAD_USER_INPUT listing every problem; NOT_FOUND for an unknown scenario.
 */
export async function openRound(
  services: RoundServices,
  input: OpenRoundInput,
  createdBy: string | null,
  now = new Date(),
): Promise<Round> {
  const graph = await loadScenarioGraph(services.store, input.organisationId, input.scenarioId);
  const issues: FieldIssue[] = [];
  const name = input.name.trim();
  if (!name || name.length > LIMITS.nameLength || !isOneLine(name)) {
    issues.push({
      field: 'name',
      reason: name ? 'INVALID' : 'REQUIRED',
      message: `one line of 1–${LIMITS.nameLength} characters`,
    });
  }
  const shaped = selectionOf(input.selection);
  issues.push(...shaped.issues);
  const asked = shaped.selection ? linksAsked(graph, shaped.selection) : { links: [], issues: [] };
  issues.push(...asked.issues);
  const closesAt = closingTime(input.closesAt);
  const threshold = input.threshold ?? DEFAULT_THRESHOLD;
  issues.push(
    ...roundSettingIssues(
      { questions: input.questions, threshold, mode: input.mode, closesAt, linkCount: asked.links.length },
      services.limits,
      now,
    ),
  );
  if (issues.length > 0 || !shaped.selection) throw invalidInput(issues);
  const base = {
    id: newId('round'),
    organisationId: input.organisationId,
    scenarioId: graph.scenario.id,
    name,
    selection: shaped.selection,
    linkIds: asked.links.map((link) => link.id),
    questions: input.questions,
    mode: input.mode,
    closesAt,
    threshold,
    createdBy,
    createdAt: now.toISOString(),
    closedAt: null,
    observationScenarioId: null,
  };
  // A code may, rarely, be taken: try a few.
  for (let attempt = 1; ; attempt++) {
    const round: Round = { ...base, code: newRoundCode() };
    try {
      await services.rounds.createRound(round);
      return round;
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'DUPLICATE' || attempt >= 5) throw error;
    }
  }
}

export async function requireRound(rounds: RoundStore, organisationId: string, id: string): Promise<Round> {
  const round = await rounds.getRound(organisationId, id);
  if (!round) throw notFound('round', id);
  return round;
}

/** The round's links as they are in its scenario now (a link deleted since is left out). */
async function roundLinks(store: GraphStore, round: Round): Promise<Link[]> {
  const graph = await store.readScenarioGraph(round.organisationId, round.scenarioId);
  const asked = new Set(round.linkIds);
  return graph ? graph.links.filter((link) => asked.has(link.id)) : [];
}

export interface RoundResultsView {
  round: Round;
  participantCount: number;
  answerCount: number;
  links: LinkRoundResult[];
  comments: Array<{ id: string; linkId: string; text: string; released: boolean }>;
}

/** What the facilitator sees: the results per link, and every comment with whether it is released. */
export async function roundResultsView(services: RoundServices, round: Round): Promise<RoundResultsView> {
  const [links, answers, participantCount] = await Promise.all([
    roundLinks(services.store, round),
    services.rounds.listAnswers(round.id),
    services.rounds.countParticipants(round.id),
  ]);
  return {
    round,
    participantCount,
    answerCount: answers.length,
    links: roundResults(links, answers, round.threshold),
    comments: answers.flatMap((answer) =>
      answer.comment
        ? [{ id: answer.id, linkId: answer.linkId, text: answer.comment, released: answer.isCommentReleased }]
        : [],
    ),
  };
}

/**
 * Closes a round and keeps its answers as perceptions in a new dated observation scenario, a
 * copy of the round's scenario (`cloneScenario`, with the perceptions in the same transaction).
 * The round is marked closed first, so no answer arrives after the answers are read, and only the
 * close that marked it writes the scenario (a second click gets ROUND_CLOSED). Should that write
 * fail, the round stays closed with its answers kept (and exportable).
 * @throws DomainError NOT_FOUND, ROUND_CLOSED when it was closed (and kept) already.
 */
export async function closeRound(
  services: RoundServices,
  organisationId: string,
  id: string,
  lang: RespondentLanguage,
  audit: Audit,
  now = new Date(),
): Promise<Round> {
  await requireRound(services.rounds, organisationId, id);
  const closed = await services.rounds.closeRound(organisationId, id, now.toISOString());
  if (!closed?.closedAt) throw new DomainError('ROUND_CLOSED', `The round "${id}" is closed already.`, { id });
  const answers: RoundAnswerWithRespondent[] = await services.rounds.listAnswers(id);
  const graph = await loadScenarioGraph(services.store, organisationId, closed.scenarioId);
  const observedAt = closed.closedAt.slice(0, 10);
  const scenario = await cloneScenario(
    services.store,
    {
      organisationId,
      sourceId: closed.scenarioId,
      name: `${closed.name} ${observedAt}`,
      kind: 'OBSERVATION',
      observedAt,
    },
    audit,
    (copy, linkIds) =>
      roundPerceptions(answers, {
        levels: graph.organisation.levels,
        threshold: closed.threshold,
        lang,
        linkIds,
        scenarioId: copy.id,
        organisationId,
        observedAt,
        makeId: () => newId('perception'),
      }).map((record) => ({ kind: 'perception' as const, record })),
  );
  await services.rounds.setObservationScenario(organisationId, id, scenario.id);
  services.notifier.changed(organisationId, id);
  return { ...closed, observationScenarioId: scenario.id };
}

/** @throws DomainError NOT_FOUND when the round has no such comment. */
export async function releaseComment(
  services: RoundServices,
  round: Round,
  commentId: string,
  isReleased: boolean,
): Promise<{ id: string; linkId: string; text: string; released: boolean }> {
  const answer = (await services.rounds.listAnswers(round.id)).find((a) => a.id === commentId && a.comment);
  if (!answer || !(await services.rounds.setCommentReleased(round.id, commentId, isReleased))) {
    throw notFound('comment', commentId);
  }
  services.notifier.changed(round.organisationId, round.id);
  return { id: answer.id, linkId: answer.linkId, text: answer.comment!, released: isReleased };
}

/** The round's answers as an anonymous table (io/round-answers.ts), for the CSV and XLSX export. */
export async function roundAnswerExport(
  store: GraphStore,
  rounds: RoundStore,
  round: Round,
  lang: RespondentLanguage,
): Promise<AnswerTable> {
  const [graph, answers] = await Promise.all([
    loadScenarioGraph(store, round.organisationId, round.scenarioId),
    rounds.listAnswers(round.id),
  ]);
  const nameOf = new Map(graph.actors.map((actor) => [actor.id, actor.name]));
  const links = (await roundLinks(store, round)).map((link) => ({
    id: link.id,
    sourceName: nameOf.get(link.sourceId) ?? '',
    targetName: nameOf.get(link.targetId) ?? '',
    kind: link.kind,
  }));
  return roundAnswerTable(answers, { levels: graph.organisation.levels, threshold: round.threshold, links, lang });
}
