import { LIMITS, type Level } from '@kopplingskartan/schema/interchange';

import type { Perception } from './records.ts';
import { answerCoupling, groupsShownApart } from './round-results.ts';
import type { RoundAnswerValues } from './round-rules.ts';

/** An answer as closing a round reads it: whose (by level and role) and whether its comment was released. */
export interface ClosingAnswer extends RoundAnswerValues {
  participantId: string;
  linkId: string;
  levelKey: string;
  role: string | null;
  isCommentReleased: boolean;
}

export type RespondentLanguage = 'sv' | 'en';

const MERGED: Record<RespondentLanguage, string> = {
  sv: 'Sammanslagna nivåer (för få för att visas var för sig)',
  en: 'Merged levels (too few to show apart)',
};

/**
 * The respondent each participant is kept as: a role and level, never a name. The smallest-group
 * rule (`groupsShownApart`) decides over the participants of the whole round: a level with too
 * few participants is named only as merged; within a level shown apart, a role with too few is
 * named by the level alone.
 * @returns participant id → respondent text.
 */
export function respondentLabels(
  answers: readonly ClosingAnswer[],
  levels: readonly Level[],
  threshold: number,
  lang: RespondentLanguage,
): Map<string, string> {
  const participants = new Map(answers.map((a) => [a.participantId, a]));
  const sizes = (keys: Iterable<string>) => {
    const counts = new Map<string, number>();
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    return counts;
  };
  const levelsShown = new Set(groupsShownApart(sizes([...participants.values()].map((p) => p.levelKey)), threshold));
  const rolesShown = new Map<string, Set<string>>();
  for (const levelKey of levelsShown) {
    const roles = [...participants.values()].filter((p) => p.levelKey === levelKey && p.role).map((p) => p.role!);
    // Participants without a role count against the roles of their level: they are its rest.
    const withoutRole = [...participants.values()].filter((p) => p.levelKey === levelKey && !p.role).length;
    const roleSizes = sizes(roles);
    if (withoutRole > 0) roleSizes.set('\u0000none', withoutRole);
    rolesShown.set(levelKey, new Set(groupsShownApart(roleSizes, threshold)));
  }
  const nameOf = new Map(levels.map((level) => [level.key, level.name]));
  const labels = new Map<string, string>();
  for (const [id, p] of participants) {
    let label = MERGED[lang];
    if (levelsShown.has(p.levelKey)) {
      const level = nameOf.get(p.levelKey) ?? p.levelKey;
      label = p.role && rolesShown.get(p.levelKey)?.has(p.role) ? `${p.role} (${level})` : level;
    }
    labels.set(id, label.slice(0, LIMITS.nameLength));
  }
  return labels;
}

/**
 * One perception per answer, for the observation scenario a closing round writes: the ratings as
 * answered, the coupling derived from them (`deriveCoupling`), the comment only when the
 * facilitator released it, observed on `observedAt`.
 * @param linkIds the round's link ids → the ids of their copies in the observation scenario.
 */
export function roundPerceptions(
  answers: readonly ClosingAnswer[],
  options: {
    levels: readonly Level[];
    threshold: number;
    lang: RespondentLanguage;
    linkIds: ReadonlyMap<string, string>;
    scenarioId: string;
    organisationId: string;
    observedAt: string;
    makeId: () => string;
  },
): Perception[] {
  const labels = respondentLabels(answers, options.levels, options.threshold, options.lang);
  return answers.flatMap((answer) => {
    const linkId = options.linkIds.get(answer.linkId);
    if (!linkId) return [];
    return [
      {
        id: options.makeId(),
        linkId,
        respondent: labels.get(answer.participantId)!,
        respondentActorId: null,
        observedAt: options.observedAt,
        coupling: answerCoupling(answer),
        targetResponds: answer.targetResponds,
        sourceResponds: answer.sourceResponds,
        distinctive: answer.distinctive,
        comment: answer.isCommentReleased ? answer.comment : null,
        confidential: false,
        scenarioId: options.scenarioId,
        organisationId: options.organisationId,
        version: 1,
      },
    ];
  });
}
