import type { LinkKind } from '@kopplingskartan/schema/interchange';

import { hashToken, newToken } from '../auth/tokens.ts';
import { DomainError, invalidInput } from '../domain/errors.ts';
import { newId } from '../domain/ids.ts';
import type { ScenarioGraph } from '../domain/records.ts';
import {
  answerIssues,
  isRoundOpen,
  normaliseRoundCode,
  type RoundAnswerValues,
  type RoundQuestions,
} from '../domain/round-rules.ts';
import { loadScenarioGraph } from '../editing/read-map.ts';
import type { Round, RoundParticipant } from '../store/round-store.ts';
import type { RoundServices } from './round-commands.ts';

/**
 * The participant's side of a round: no account, a token instead. What a participant is shown
 * is built here, field by field, from what they may see: the round's name and questions, the
 * organisation's levels and roles, and the links asked about by their ends' role labels; never a
 * person's name, a note, a confidential link or anyone else's answer.
 */

export interface RoundInvitationView {
  name: string;
  isOpen: boolean;
  closesAt: string | null;
  levels: Array<{ key: string; name: string; isSide: boolean }>;
  roles: string[];
  linkCount: number;
}

export interface ParticipantAnswerView extends RoundAnswerValues {
  linkId: string;
}

export interface ParticipantRoundView {
  name: string;
  isOpen: boolean;
  closesAt: string | null;
  questions: RoundQuestions;
  levelKey: string;
  levelName: string;
  role: string | null;
  links: Array<{ id: string; sourceName: string; targetName: string; kind: LinkKind }>;
  answers: ParticipantAnswerView[];
}

/** Roles the organisation's actors hold (role labels, never person names), sorted. */
function rolesOf(graph: ScenarioGraph): string[] {
  return [...new Set(graph.actors.flatMap((actor) => (actor.role ? [actor.role] : [])))].sort((a, b) =>
    a.localeCompare(b, 'sv'),
  );
}

/**
 * Counts one request against the round's budget and, when given, the token's.
 * @throws DomainError TOO_MANY_REQUESTS naming the setting that was exceeded.
 */
function passLimits(services: RoundServices, roundId: string, tokenHash?: string): void {
  const { limits, windows } = services;
  const byRound = windows.hit([[`round:${roundId}`, limits.requestsPerMinutePerRound]]);
  const byToken = tokenHash ? windows.hit([[`token:${tokenHash}`, limits.requestsPerMinutePerToken]]) : null;
  const wait = byRound ?? byToken;
  if (wait !== null) {
    throw new DomainError('TOO_MANY_REQUESTS', `Too many requests for this round; retry in ${wait} s.`, {
      retryAfterSeconds: wait,
      limit: byRound !== null ? 'ROUND_REQUESTS_PER_MINUTE' : 'ROUND_REQUESTS_PER_MINUTE_PER_TOKEN',
    });
  }
}

function closedError(round: Round): DomainError {
  return new DomainError('ROUND_CLOSED', 'The round is closed; it takes no answers.', { id: round.id });
}

async function roundByCode(services: RoundServices, code: string): Promise<Round> {
  const round = await services.rounds.findRoundByCode(normaliseRoundCode(code));
  if (!round) throw new DomainError('ROUND_CODE_INVALID', 'No round has this code.');
  return round;
}

async function participation(
  services: RoundServices,
  token: string,
): Promise<{ participant: RoundParticipant; round: Round }> {
  const found = token ? await services.rounds.findParticipant(hashToken(token)) : null;
  if (!found) throw new DomainError('ROUND_TOKEN_INVALID', 'This participant token is unknown.');
  passLimits(services, found.round.id, found.participant.tokenHash);
  return found;
}

/** What a code opens before joining. @throws DomainError ROUND_CODE_INVALID. */
export async function roundInvitation(
  services: RoundServices,
  code: string,
  now = new Date(),
): Promise<RoundInvitationView> {
  const round = await roundByCode(services, code);
  passLimits(services, round.id);
  const graph = await loadScenarioGraph(services.store, round.organisationId, round.scenarioId);
  return {
    name: round.name,
    isOpen: isRoundOpen(round, now),
    closesAt: round.closesAt,
    levels: graph.organisation.levels.map(({ key, name, isSide }) => ({ key, name, isSide })),
    roles: rolesOf(graph),
    linkCount: round.linkIds.length,
  };
}

async function viewOf(
  services: RoundServices,
  round: Round,
  participant: RoundParticipant,
  now: Date,
): Promise<ParticipantRoundView> {
  const [graph, answers] = await Promise.all([
    loadScenarioGraph(services.store, round.organisationId, round.scenarioId),
    services.rounds.participantAnswers(participant.id),
  ]);
  const nameOf = new Map(graph.actors.map((actor) => [actor.id, actor.name]));
  const asked = new Set(round.linkIds);
  return {
    name: round.name,
    isOpen: isRoundOpen(round, now),
    closesAt: round.closesAt,
    questions: round.questions,
    levelKey: participant.levelKey,
    levelName:
      graph.organisation.levels.find((level) => level.key === participant.levelKey)?.name ?? participant.levelKey,
    role: participant.role,
    links: graph.links
      .filter((link) => asked.has(link.id) && !link.confidential)
      .map((link) => ({
        id: link.id,
        sourceName: nameOf.get(link.sourceId) ?? '',
        targetName: nameOf.get(link.targetId) ?? '',
        kind: link.kind,
      })),
    answers: answers.map(({ linkId, targetResponds, sourceResponds, distinctive, comment }) => ({
      linkId,
      targetResponds,
      sourceResponds,
      distinctive,
      comment,
    })),
  };
}

/**
 * Joins a round as a level (and optionally a role from the organisation's list).
 * @returns the token (shown once; only its hash is kept) and the participant's view.
 * @throws DomainError ROUND_CODE_INVALID, ROUND_CLOSED, ROUND_FULL, BAD_USER_INPUT for an unknown level or role.
 */
export async function joinRound(
  services: RoundServices,
  input: { code: string; levelKey: string; role?: string | null },
  now = new Date(),
): Promise<{ token: string; round: ParticipantRoundView }> {
  const round = await roundByCode(services, input.code);
  passLimits(services, round.id);
  if (!isRoundOpen(round, now)) throw closedError(round);
  const graph = await loadScenarioGraph(services.store, round.organisationId, round.scenarioId);
  const role = input.role?.trim() || null;
  const issues = [];
  if (!graph.organisation.levels.some((level) => level.key === input.levelKey)) {
    issues.push({
      field: 'levelKey',
      reason: 'UNKNOWN_LEVEL' as const,
      value: input.levelKey,
      message: 'not a level of the organisation',
    });
  }
  if (role && !rolesOf(graph).includes(role)) {
    issues.push({
      field: 'role',
      reason: 'UNKNOWN_REFERENCE' as const,
      value: role,
      message: 'not a role of the organisation',
    });
  }
  if (issues.length > 0) throw invalidInput(issues);
  const token = newToken();
  const participant: RoundParticipant = {
    id: newId('participant'),
    roundId: round.id,
    tokenHash: hashToken(token),
    levelKey: input.levelKey,
    role,
    joinedAt: now.toISOString(),
  };
  if (!(await services.rounds.addParticipant(participant, services.limits.maxParticipants))) {
    throw new DomainError('ROUND_FULL', 'The round has as many participants as it may take.', {
      limit: services.limits.maxParticipants,
    });
  }
  services.notifier.changed(round.organisationId, round.id);
  return { token, round: await viewOf(services, round, participant, now) };
}

/** @throws DomainError ROUND_TOKEN_INVALID, TOO_MANY_REQUESTS. */
export async function participantRound(
  services: RoundServices,
  token: string,
  now = new Date(),
): Promise<ParticipantRoundView> {
  const { participant, round } = await participation(services, token);
  return viewOf(services, round, participant, now);
}

/**
 * Saves the participant's answer about one link of their round (replacing an earlier one).
 * @throws DomainError ROUND_TOKEN_INVALID, ROUND_CLOSED, TOO_MANY_REQUESTS, BAD_USER_INPUT
 *   for a link the round does not ask about or a question it does not ask.
 */
export async function answerRound(
  services: RoundServices,
  input: RoundAnswerValues & { token: string; linkId: string },
  now = new Date(),
): Promise<ParticipantAnswerView> {
  const { participant, round } = await participation(services, input.token);
  if (!isRoundOpen(round, now)) throw closedError(round);
  const values: RoundAnswerValues = {
    targetResponds: input.targetResponds,
    sourceResponds: input.sourceResponds,
    distinctive: input.distinctive,
    comment: input.comment?.trim() ? input.comment.replace(/\r\n?/g, '\n') : null,
  };
  const issues = answerIssues(values, round.questions);
  if (!round.linkIds.includes(input.linkId)) {
    issues.unshift({
      field: 'linkId',
      reason: 'UNKNOWN_REFERENCE',
      value: input.linkId,
      message: 'the round does not ask about this link',
    });
  }
  if (issues.length > 0) throw invalidInput(issues);
  const isSaved = await services.rounds.saveAnswer({
    ...values,
    id: newId('answer'),
    roundId: round.id,
    participantId: participant.id,
    linkId: input.linkId,
    isCommentReleased: false,
    answeredAt: now.toISOString(),
  });
  if (!isSaved) throw closedError(round);
  services.notifier.changed(round.organisationId, round.id);
  return { linkId: input.linkId, ...values };
}
