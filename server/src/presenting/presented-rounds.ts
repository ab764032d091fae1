import type { Presentation, ScenarioGraph } from '../domain/records.ts';
import { type LinkRoundResult, roundResults } from '../domain/round-results.ts';
import { isRoundOpen } from '../domain/round-rules.ts';
import type { RoundStore } from '../store/round-store.ts';

/** A round's result as a presentation's audience may see it. */
export interface PresentedRound {
  roundId: string;
  name: string;
  scenarioId: string;
  isOpen: boolean;
  threshold: number;
  participantCount: number;
  answerCount: number;
  links: LinkRoundResult[];
  /** Released comments only. */
  comments: Array<{ id: string; linkId: string; text: string; released: true }>;
}

/**
 * The result of every round the presentation's steps show, computed for the audience: over the
 * round's links that the audience's map of its scenario still shows (`maps` are redacted already,
 * so a link made confidential after the round is left out with its answers), under the round's
 * smallest-group rule (`roundResults`), with released comments only and every text passed
 * through `replace` (the presentation's name replacer). A round that no longer exists, or whose
 * scenario the audience has no map of, is left out; its steps then show a plain map.
 */
export async function presentedRounds(
  rounds: RoundStore,
  presentation: Presentation,
  maps: readonly ScenarioGraph[],
  replace: (text: string) => string,
  now: Date,
): Promise<PresentedRound[]> {
  const ids = [...new Set(presentation.steps.flatMap((step) => (step.roundId ? [step.roundId] : [])))];
  const results = await Promise.all(
    ids.map(async (id): Promise<PresentedRound | null> => {
      const round = await rounds.getRound(presentation.organisationId, id);
      const map = round && maps.find((candidate) => candidate.scenario.id === round.scenarioId);
      if (!round || !map) return null;
      const asked = new Set(round.linkIds);
      const links = map.links.filter((link) => asked.has(link.id));
      const shown = new Set(links.map((link) => link.id));
      const [answers, participantCount] = await Promise.all([
        rounds.listAnswers(round.id).then((all) => all.filter((answer) => shown.has(answer.linkId))),
        rounds.countParticipants(round.id),
      ]);
      return {
        roundId: round.id,
        name: replace(round.name),
        scenarioId: round.scenarioId,
        isOpen: isRoundOpen(round, now),
        threshold: round.threshold,
        participantCount,
        answerCount: answers.length,
        links: roundResults(links, answers, round.threshold),
        comments: answers.flatMap((answer) =>
          answer.comment && answer.isCommentReleased
            ? [{ id: answer.id, linkId: answer.linkId, text: replace(answer.comment), released: true as const }]
            : [],
        ),
      };
    }),
  );
  return results.filter((result): result is PresentedRound => result !== null);
}
