import type { Coupling } from '@kopplingskartan/schema/interchange';

import { deriveCoupling } from './coupling.ts';
import { differingAspects, type PerceptionAspect } from './perception-agreement.ts';
import type { Link } from './records.ts';
import type { RoundAnswerValues } from './round-rules.ts';

/** An answer with who gave it, as a level (and role), never a person. */
export interface RespondentAnswer extends RoundAnswerValues {
  participantId: string;
  linkId: string;
  levelKey: string;
}

/** How the answers to one yes/no question split; `unknown` counts "don't know". */
export interface YesNoSplit {
  yes: number;
  no: number;
  unknown: number;
}

/** How the couplings derived from the answers split; `unknown` when an answer cannot give one. */
export type CouplingSplit = Record<Coupling, number> & { unknown: number };

export interface AnswerSplit {
  answered: number;
  targetResponds: YesNoSplit;
  sourceResponds: YesNoSplit;
  distinctive: YesNoSplit;
  coupling: CouplingSplit;
}

/** The answers of one level, or (levelKey null) of the levels merged because they are too small to show apart. */
export interface GroupSplit extends AnswerSplit {
  levelKey: string | null;
}

export type RecordedAspect = PerceptionAspect | 'DISTINCTIVE';

export interface LinkRoundResult extends AnswerSplit {
  linkId: string;
  /** Aspects on which the answers differ (the asymmetry analysis' rule): views part. */
  viewsPart: PerceptionAspect[];
  /** Aspects on which most answers (more than half of those that answered it) say otherwise than the link records. */
  differsFromRecorded: RecordedAspect[];
  /** Split by the respondents' level: groups of at least `threshold`; the rest merged (see `groupsShownApart`). */
  groups: GroupSplit[];
}

/**
 * The coupling an answer gives, derived as for every link and perception (`deriveCoupling`,
 * Orton & Weick 1990); null when the round did not ask all three ratings or the answer says
 * "don't know" to one.
 */
export function answerCoupling(answer: RoundAnswerValues): Coupling | null {
  return deriveCoupling(answer);
}

function emptySplit(): AnswerSplit {
  const yesNo = (): YesNoSplit => ({ yes: 0, no: 0, unknown: 0 });
  return {
    answered: 0,
    targetResponds: yesNo(),
    sourceResponds: yesNo(),
    distinctive: yesNo(),
    coupling: { TIGHT: 0, LOOSE: 0, DECOUPLED: 0, unknown: 0 },
  };
}

/** NOTE: mutates `split`. */
function count(split: AnswerSplit, answer: RoundAnswerValues): void {
  split.answered += 1;
  for (const field of ['targetResponds', 'sourceResponds', 'distinctive'] as const) {
    const value = answer[field];
    split[field][value === null ? 'unknown' : value ? 'yes' : 'no'] += 1;
  }
  split.coupling[answerCoupling(answer) ?? 'unknown'] += 1;
}

export function splitOf(answers: readonly RoundAnswerValues[]): AnswerSplit {
  const split = emptySplit();
  for (const answer of answers) count(split, answer);
  return split;
}

/**
 * Which groups (by size) are shown apart under the smallest-group rule. A group smaller than
 * `threshold` is counted but merged with the other small groups. Since the total is shown too, a
 * merged remainder smaller than the threshold could be read off as "total minus the groups shown";
 * so while it is smaller than the threshold the smallest shown group is merged into it as well
 * (complementary suppression, as statistics offices do for small cells).
 * @returns the keys shown apart, largest first (ties by key); every other key is merged.
 */
export function groupsShownApart(sizes: ReadonlyMap<string, number>, threshold: number): string[] {
  const shown = [...sizes]
    .filter(([, size]) => size >= threshold)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  let merged = [...sizes].filter(([, size]) => size < threshold).reduce((sum, [, size]) => sum + size, 0);
  while (merged > 0 && merged < threshold && shown.length > 0) merged += shown.pop()![1];
  return shown.map(([key]) => key);
}

/** Majority value of an aspect among those that answered it: more than half, else null. */
function majority<T>(values: ReadonlyArray<T | null>): T | null {
  const known = values.filter((v): v is T => v !== null);
  const counts = new Map<T, number>();
  for (const v of known) counts.set(v, (counts.get(v) ?? 0) + 1);
  for (const [value, n] of counts) if (n * 2 > known.length) return value;
  return null;
}

function differsFromRecorded(link: Link, answers: readonly RoundAnswerValues[]): RecordedAspect[] {
  const aspects: RecordedAspect[] = [];
  const check = (aspect: RecordedAspect, recorded: unknown, value: unknown) => {
    if (recorded !== null && value !== null && recorded !== value) aspects.push(aspect);
  };
  check('COUPLING', link.coupling, majority(answers.map(answerCoupling)));
  check('TARGET_RESPONDS', link.targetResponds, majority(answers.map((a) => a.targetResponds)));
  check('SOURCE_RESPONDS', link.sourceResponds, majority(answers.map((a) => a.sourceResponds)));
  check('DISTINCTIVE', link.distinctive, majority(answers.map((a) => a.distinctive)));
  return aspects;
}

/**
 * A round's results per link asked, in the links' order: how many answered, how the answers
 * split, where views part, where they differ from the recorded link, and the split by level
 * under the smallest-group rule (`groupsShownApart`, per link, over the participants who
 * answered that link). O(a log a) for a answers.
 */
export function roundResults(
  links: readonly Link[],
  answers: readonly RespondentAnswer[],
  threshold: number,
): LinkRoundResult[] {
  const byLink = new Map<string, RespondentAnswer[]>();
  for (const answer of answers) {
    const list = byLink.get(answer.linkId);
    if (list) list.push(answer);
    else byLink.set(answer.linkId, [answer]);
  }
  return links.map((link) => {
    const linkAnswers = byLink.get(link.id) ?? [];
    const byLevel = new Map<string, RespondentAnswer[]>();
    for (const answer of linkAnswers) {
      const list = byLevel.get(answer.levelKey);
      if (list) list.push(answer);
      else byLevel.set(answer.levelKey, [answer]);
    }
    const shown = groupsShownApart(new Map([...byLevel].map(([key, list]) => [key, list.length])), threshold);
    const shownSet = new Set(shown);
    const rest = linkAnswers.filter((answer) => !shownSet.has(answer.levelKey));
    const groups: GroupSplit[] = shown.map((levelKey) => ({ levelKey, ...splitOf(byLevel.get(levelKey)!) }));
    if (rest.length > 0) groups.push({ levelKey: null, ...splitOf(rest) });
    return {
      linkId: link.id,
      ...splitOf(linkAnswers),
      viewsPart: differingAspects(linkAnswers.map((a) => ({ ...a, coupling: answerCoupling(a) }))),
      differsFromRecorded: differsFromRecorded(link, linkAnswers),
      groups,
    };
  });
}
