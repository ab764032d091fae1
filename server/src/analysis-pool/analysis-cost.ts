import { sourceCount } from '../analysis/betweenness.ts';
import type { AnalysisId } from '../analysis/findings.ts';
import { KEY_ACTORS_DEFAULTS } from '../analysis/key-actors.ts';
import { pick } from '../analysis/registry.ts';
import type { ParameterValues } from '../analysis/registry.ts';

export interface AnalysisCost {
  /** Estimated steps: (actors + links) × passes over them. */
  cost: number;
  /** Breadth-first searches betweenness would run (0 when key actors are not asked for). */
  sources: number;
}

/**
 * What an analysis will cost, before it runs: every analysis is linear in actors + links (one
 * pass each, plus one for the index), except betweenness, which makes one pass per source actor
 * (all actors when exact, else the samples). So a request that raises `exactLimit` on a large map,
 * or asks for many samples, is refused up front instead of holding a thread for hours.
 */
export function analysisCost(
  actors: number,
  links: number,
  analyses: readonly AnalysisId[],
  keyActorsValues: ParameterValues | undefined,
): AnalysisCost {
  const sources = analyses.includes('keyActors') ? sourceCount(actors, pick(keyActorsValues, KEY_ACTORS_DEFAULTS)) : 0;
  return { cost: (actors + links) * (1 + analyses.length + sources), sources };
}
