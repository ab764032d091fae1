import { sourceCount } from '../analysis/betweenness.ts';
import type { AnalysisId } from '../analysis/findings.ts';
import { INITIATIVE_REACH_DEFAULTS, searchSteps } from '../analysis/initiative-reach.ts';
import { KEY_ACTORS_DEFAULTS } from '../analysis/key-actors.ts';
import { pick } from '../analysis/registry.ts';
import type { ParameterValues } from '../analysis/registry.ts';

export interface AnalysisCost {
  /** Estimated steps: (actors + links) × passes over them. */
  cost: number;
  /** Breadth-first searches betweenness would run (0 when key actors are not asked for). */
  sources: number;
  /** Steps initiative reach may spend following paths from owners (0 when it is not asked for). */
  reachSteps: number;
}

/**
 * What an analysis will cost, before it runs: every analysis is linear in actors + links (one
 * pass each, plus one for the index), except betweenness, which makes one pass per source actor
 * (all actors when exact, else the samples), and initiative reach, which makes two per distinct
 * initiative owner within its `searchLimit`. So a request that raises `exactLimit` on a large map,
 * or asks for many samples, is refused up front instead of holding a thread for hours.
 */
export function analysisCost(
  actors: number,
  links: number,
  analyses: readonly AnalysisId[],
  keyActorsValues: ParameterValues | undefined,
  reach: { owners: number; values: ParameterValues | undefined } = { owners: 0, values: undefined },
): AnalysisCost {
  const sources = analyses.includes('keyActors') ? sourceCount(actors, pick(keyActorsValues, KEY_ACTORS_DEFAULTS)) : 0;
  const reachSteps = analyses.includes('initiativeReach')
    ? Math.min(reach.owners * searchSteps(actors, links), pick(reach.values, INITIATIVE_REACH_DEFAULTS).searchLimit)
    : 0;
  return { cost: (actors + links) * (1 + analyses.length + sources) + reachSteps, sources, reachSteps };
}
