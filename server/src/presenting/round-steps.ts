import { type FieldIssue, invalidInput } from '../domain/errors.ts';
import type { RoundStore } from '../store/round-store.ts';

/**
 * Checks and completes the steps of a presentation input that show a round's result: the round
 * must be one of the organisation's (the store is scoped by organisation, so another
 * organisation's round is unknown here), and the step shows the round's scenario, which it gets
 * when it names none.
 * @throws DomainError BAD_USER_INPUT listing every refused step (`steps[i].roundId`
 *   UNKNOWN_REFERENCE, `steps[i].scenarioId` OTHER_SCENARIO); nothing is stored then.
 */
export async function withRoundSteps<T extends Record<string, unknown>>(rounds: RoundStore, input: T): Promise<T> {
  if (!Array.isArray(input.steps) || typeof input.organisationId !== 'string') return input;
  const organisationId = input.organisationId;
  const issues: FieldIssue[] = [];
  const steps = await Promise.all(
    input.steps.map(async (step: Record<string, unknown>, index: number) => {
      if (typeof step.roundId !== 'string') return step;
      const round = await rounds.getRound(organisationId, step.roundId);
      if (!round) {
        issues.push({
          field: `steps[${index}].roundId`,
          reason: 'UNKNOWN_REFERENCE',
          value: step.roundId,
          message: `no round "${step.roundId}" in this organisation`,
        });
        return step;
      }
      if (step.scenarioId !== undefined && step.scenarioId !== round.scenarioId) {
        issues.push({
          field: `steps[${index}].scenarioId`,
          reason: 'OTHER_SCENARIO',
          value: step.scenarioId,
          message: `round "${round.id}" asks about scenario "${round.scenarioId}"; its step shows that scenario`,
        });
      }
      return { ...step, scenarioId: round.scenarioId };
    }),
  );
  if (issues.length > 0) throw invalidInput(issues.sort((a, b) => a.field.localeCompare(b.field)));
  return { ...input, steps };
}
