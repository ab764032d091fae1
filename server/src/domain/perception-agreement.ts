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
  const differs = (values: Array<string | boolean | null>): boolean =>
    new Set(values.filter((v) => v !== null)).size > 1;
  const aspects: PerceptionAspect[] = [];
  if (differs(answers.map((a) => a.coupling))) aspects.push('COUPLING');
  if (differs(answers.map((a) => a.targetResponds))) aspects.push('TARGET_RESPONDS');
  if (differs(answers.map((a) => a.sourceResponds))) aspects.push('SOURCE_RESPONDS');
  return aspects;
}
