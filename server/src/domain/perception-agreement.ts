import type { Coupling } from '@kopplingskartan/schema/interchange';

/** What two answers about one link can differ on. */
export type PerceptionAspect = 'COUPLING' | 'TARGET_RESPONDS' | 'SOURCE_RESPONDS';

/** One respondent's view of a link, reduced to what agreement is judged on; null = not answered. */
export interface AspectAnswer {
  coupling: Coupling | null;
  targetResponds: boolean | null;
  sourceResponds: boolean | null;
}

/**
 * The aspects on which at least two answers differ, among those that answered that aspect
 * (an unanswered aspect never counts as a different view). In the order of `PerceptionAspect`.
 * Shared by the asymmetry analysis (perceptions that disagree) and perception rounds (where views part).
 */
export function differingAspects(answers: readonly AspectAnswer[]): PerceptionAspect[] {
  const aspects: PerceptionAspect[] = [];
  if (differs(answers, 'coupling')) aspects.push('COUPLING');
  if (differs(answers, 'targetResponds')) aspects.push('TARGET_RESPONDS');
  if (differs(answers, 'sourceResponds')) aspects.push('SOURCE_RESPONDS');
  return aspects;
}

/** A plain loop, no arrays or sets: the asymmetry analysis asks this for every perceived link. */
function differs(answers: readonly AspectAnswer[], aspect: keyof AspectAnswer): boolean {
  let first: AspectAnswer[typeof aspect] = null;
  for (const answer of answers) {
    const value = answer[aspect];
    if (value === null) continue;
    if (first === null) first = value;
    else if (value !== first) return true;
  }
  return false;
}
