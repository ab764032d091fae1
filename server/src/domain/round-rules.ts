import { isWritableText, type LinkKind } from '@kopplingskartan/schema/interchange';

import type { FieldIssue } from './errors.ts';
import type { Link, ScenarioGraph } from './records.ts';

/**
 * Perception rounds: the people of the chain rate the couplings themselves, live in a meeting or
 * over days. These are the round's pure rules: which links a round asks about, which questions,
 * what an answer may hold. Results are in round-results.ts.
 */

/** Which links a round asks about. */
export type RoundSelection =
  /** Every link with one end at each of two levels (either direction); the same level twice: links within it. */
  | { kind: 'BETWEEN_LEVELS'; levelKeys: readonly [string, string] }
  /** Every link with an end in the unit or a unit below it. */
  | { kind: 'AROUND_UNIT'; unitId: string }
  /** Hand-picked links. */
  | { kind: 'LINKS'; linkIds: readonly string[] }
  /** Every link of a kind. */
  | { kind: 'LINK_KIND'; linkKind: LinkKind };

/** The questions asked about every link (Orton & Weick's ratings, as a link records them). */
export interface RoundQuestions {
  targetResponds: boolean;
  sourceResponds: boolean;
  distinctive: boolean;
  comment: boolean;
}

/** One participant's answer about one link; null is "don't know" (or a question not asked). */
export interface RoundAnswerValues {
  targetResponds: boolean | null;
  sourceResponds: boolean | null;
  distinctive: boolean | null;
  comment: string | null;
}

export type RoundMode = 'LIVE' | 'UNTIL';

/** Longest comment a participant may leave on a link. */
export const COMMENT_MAX_LENGTH = 1000;
/** Default smallest group whose answers are shown apart. */
export const DEFAULT_THRESHOLD = 3;

/** The units below `unitId` and itself. */
function unitAndBelow(graph: ScenarioGraph, unitId: string): Set<string> {
  const ids = new Set([unitId]);
  let isGrowing = true;
  while (isGrowing) {
    isGrowing = false;
    for (const unit of graph.units) {
      if (unit.parentId && ids.has(unit.parentId) && !ids.has(unit.id)) {
        ids.add(unit.id);
        isGrowing = true;
      }
    }
  }
  return ids;
}

/**
 * The links a selection asks about, in the scenario's link order. Confidential links are never
 * put to participants (they would reveal what was said in confidence): a hand-picked one is an issue.
 * @returns the links, or the issues that make the selection invalid (unknown level, unit or link; nothing to ask).
 */
export function linksAsked(graph: ScenarioGraph, selection: RoundSelection): { links: Link[]; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const levelOf = new Map(graph.actors.map((actor) => [actor.id, actor.levelKey]));
  const open = graph.links.filter((link) => !link.confidential);
  let links: Link[] = [];
  if (selection.kind === 'BETWEEN_LEVELS') {
    const known = new Set(graph.organisation.levels.map((level) => level.key));
    selection.levelKeys.forEach((key, i) => {
      if (!known.has(key))
        issues.push({
          field: `selection.levelKeys[${i}]`,
          reason: 'UNKNOWN_LEVEL',
          value: key,
          message: 'no such level',
        });
    });
    const [a, b] = selection.levelKeys;
    links = open.filter((link) => {
      const s = levelOf.get(link.sourceId);
      const t = levelOf.get(link.targetId);
      return (s === a && t === b) || (s === b && t === a);
    });
  } else if (selection.kind === 'AROUND_UNIT') {
    if (!graph.units.some((unit) => unit.id === selection.unitId)) {
      issues.push({
        field: 'selection.unitId',
        reason: 'UNKNOWN_REFERENCE',
        value: selection.unitId,
        message: 'no such unit',
      });
    }
    const units = unitAndBelow(graph, selection.unitId);
    const inUnit = new Set(graph.actors.filter((actor) => actor.unitId && units.has(actor.unitId)).map((a) => a.id));
    links = open.filter((link) => inUnit.has(link.sourceId) || inUnit.has(link.targetId));
  } else if (selection.kind === 'LINKS') {
    const byId = new Map(graph.links.map((link) => [link.id, link]));
    const wanted = new Set(selection.linkIds);
    selection.linkIds.forEach((id, i) => {
      const link = byId.get(id);
      if (!link)
        issues.push({
          field: `selection.linkIds[${i}]`,
          reason: 'UNKNOWN_REFERENCE',
          value: id,
          message: 'no such link in the scenario',
        });
      else if (link.confidential)
        issues.push({
          field: `selection.linkIds[${i}]`,
          reason: 'INVALID',
          value: id,
          message: 'a confidential link is not put to participants',
        });
    });
    links = open.filter((link) => wanted.has(link.id));
  } else {
    links = open.filter((link) => link.kind === selection.linkKind);
  }
  if (issues.length === 0 && links.length === 0) {
    issues.push({
      field: 'selection',
      reason: 'INVALID',
      message: 'the selection asks about no link (confidential links are left out)',
    });
  }
  return { links, issues };
}

/** The round's settings that can be wrong, each named by its field. */
export function roundSettingIssues(
  settings: {
    questions: RoundQuestions;
    threshold: number;
    mode: RoundMode;
    closesAt: string | null;
    linkCount: number;
  },
  limits: { maxLinks: number },
  now: Date,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const { questions, threshold, mode, closesAt } = settings;
  if (!questions.targetResponds && !questions.sourceResponds && !questions.distinctive) {
    issues.push({
      field: 'questions',
      reason: 'REQUIRED',
      message: 'ask at least one of targetResponds, sourceResponds, distinctive',
    });
  }
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > 100) {
    issues.push({ field: 'threshold', reason: 'INVALID', value: threshold, message: 'a whole number from 1 to 100' });
  }
  if (mode === 'UNTIL') {
    const time = closesAt ? Date.parse(closesAt) : NaN;
    if (Number.isNaN(time))
      issues.push({
        field: 'closesAt',
        reason: 'REQUIRED',
        value: closesAt,
        message: 'a round open until a date needs the date (ISO 8601)',
      });
    else if (time <= now.getTime())
      issues.push({ field: 'closesAt', reason: 'INVALID', value: closesAt, message: 'must lie in the future' });
  } else if (closesAt) {
    issues.push({
      field: 'closesAt',
      reason: 'INVALID',
      value: closesAt,
      message: 'a live round is open until it is closed',
    });
  }
  if (settings.linkCount > limits.maxLinks) {
    issues.push({
      field: 'selection',
      reason: 'INVALID',
      value: settings.linkCount,
      message: `asks about ${settings.linkCount} links; a round asks about at most ${limits.maxLinks} (ROUND_MAX_LINKS)`,
    });
  }
  return issues;
}

/** What is wrong with an answer: a question the round does not ask, or a comment too long or unwritable. */
export function answerIssues(answer: RoundAnswerValues, questions: RoundQuestions): FieldIssue[] {
  const issues: FieldIssue[] = [];
  for (const field of ['targetResponds', 'sourceResponds', 'distinctive'] as const) {
    if (!questions[field] && answer[field] !== null)
      issues.push({ field, reason: 'INVALID', value: answer[field], message: 'the round does not ask this' });
  }
  if (answer.comment !== null) {
    if (!questions.comment)
      issues.push({ field: 'comment', reason: 'INVALID', message: 'the round asks for no comment' });
    else if (answer.comment.length > COMMENT_MAX_LENGTH)
      issues.push({ field: 'comment', reason: 'TOO_LONG', message: `at most ${COMMENT_MAX_LENGTH} characters` });
    else if (!isWritableText(answer.comment))
      issues.push({
        field: 'comment',
        reason: 'INVALID',
        message: 'must not hold control characters other than tab and line break',
      });
  }
  return issues;
}

/** Whether a round takes answers at `now`: not closed, and before its date when it has one. */
export function isRoundOpen(round: { closedAt: string | null; closesAt: string | null }, now: Date): boolean {
  return round.closedAt === null && (round.closesAt === null || Date.parse(round.closesAt) > now.getTime());
}

/** Unambiguous letters and digits (no 0/O, 1/I/L) for codes read aloud and typed on a phone. */
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 6;

/** A short code for people to type (6 of 31 characters: ~887 million codes). */
export function newRoundCode(
  random: (n: number) => Uint8Array = (n) => globalThis.crypto.getRandomValues(new Uint8Array(n)),
): string {
  return [...random(CODE_LENGTH)].map((byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]).join('');
}

/** A code as typed (any case, spaces and dashes) in its stored form. */
export function normaliseRoundCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}
