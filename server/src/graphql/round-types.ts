import type { AnswerSplit, LinkRoundResult } from '../domain/round-results.ts';

/** The couplings' split under GraphQL's field names. */
function splitType<S extends AnswerSplit>({ coupling, ...rest }: S) {
  return {
    ...rest,
    coupling: {
      tight: coupling.TIGHT,
      loose: coupling.LOOSE,
      decoupled: coupling.DECOUPLED,
      unknown: coupling.unknown,
    },
  };
}

/** A round's results per link as the `RoundLinkResult` type reads them (the facilitator's and a presentation's). */
export function linkResultsType(links: readonly LinkRoundResult[]) {
  return links.map((link) => ({ ...splitType(link), groups: link.groups.map(splitType) }));
}
