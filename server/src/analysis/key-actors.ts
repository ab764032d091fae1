import { articulationPoints } from './articulation-points.ts';
import type { ArticulationPoint } from './articulation-points.ts';
import { betweenness } from './betweenness.ts';
import type { BetweennessMethod, BetweennessSettings } from './betweenness.ts';
import { actorName, makeFinding } from './findings.ts';
import type { Finding } from './findings.ts';
import type { GraphIndex } from './graph-index.ts';

export interface KeyActorsOptions {
  /** Exact betweenness up to this many actors; sampled above. Default 4000. */
  exactLimit?: number;
  /** Source actors (pivots) sampled above `exactLimit`. Default 128. */
  samples?: number;
  /** Seed of the pivot sampling, so a run can be repeated. Default 1. */
  seed?: number;
  /** Confidence of the stated error bound when sampled. Default 0.95. */
  confidence?: number;
  /** How many of the highest-betweenness actors become findings. Default 5. */
  betweennessLimit?: number;
}

export const KEY_ACTORS_DEFAULTS: Required<KeyActorsOptions> = {
  exactLimit: 4000,
  samples: 128,
  seed: 1,
  confidence: 0.95,
  betweennessLimit: 5,
};

export interface BetweennessScore {
  actorId: string;
  /** Brandes betweenness on the undirected responsive graph, each pair counted once. */
  betweenness: number;
  /** Divided by the number of pairs of other actors, (n − 1)(n − 2) / 2, as networkx normalises. */
  normalized: number;
}

export interface KeyActorsResult {
  articulationPoints: ArticulationPoint[];
  /** Every actor, highest betweenness first (ties by actor order). */
  betweenness: BetweennessScore[];
  method: BetweennessMethod;
  findings: Finding[];
}

/** Betweenness as computed by `betweenness()`, here or by the worker pool's threads. */
export interface ComputedBetweenness {
  scores: Float64Array;
  method: BetweennessMethod;
}

/**
 * Key persons and couplers (DOMAIN.md analysis 4: "actors whose removal would split the chain"):
 * the articulation points of the responsive graph with the parts they separate
 * (`articulation-points.ts`), and betweenness centrality on the same graph, exact or sampled with
 * a stated error bound (`betweenness.ts`). Findings: every articulation point, and the
 * `betweennessLimit` actors of highest betweenness. `computed` is the betweenness when it was
 * computed elsewhere (by several threads) with these options. With `findingsOnly` the ranking of
 * every actor is not listed (`betweenness` is empty). O(n log n + m) plus betweenness.
 */
export function keyActors(
  index: GraphIndex,
  options: KeyActorsOptions = {},
  computed?: ComputedBetweenness,
  findingsOnly = false,
): KeyActorsResult {
  const settings = { ...KEY_ACTORS_DEFAULTS, ...options };
  const { graph, n } = index;
  const points = articulationPoints(index);
  const { scores, method } = computed ?? betweenness(index, settings satisfies BetweennessSettings);
  const pairs = ((n - 1) * (n - 2)) / 2;
  const scoreOf = (u: number): BetweennessScore => ({
    actorId: graph.actors[u]!.id,
    betweenness: scores[u]!,
    normalized: pairs > 0 ? scores[u]! / pairs : 0,
  });
  const order = rankByScore(scores);

  const findings: Finding[] = points.map((point) => {
    const u = index.actorIndex.get(point.actorId)!;
    const sizes = point.partSizes.join(', ');
    return makeFinding({
      analysis: 'keyActors',
      kind: 'ARTICULATION_POINT',
      subject: point.actorId,
      actorIds: [point.actorId],
      levelKeys: [graph.levels[index.levelOf[u]!]!.key],
      explanation: {
        sv: `Utan ${actorName(index, u)} faller den lyhörda kedjan isär i ${point.partSizes.length} delar (${sizes} aktörer)${point.isSide ? '; en stödaktör som kopplar ihop delarna' : ''}.`,
        en: `Without ${actorName(index, u)} the responsive chain falls into ${point.partSizes.length} parts (${sizes} actors)${point.isSide ? '; a support actor coupling the parts' : ''}.`,
      },
    });
  });
  // The share as a percentage of pairs, with the sampling error in percentage points when sampled.
  const errorPoints = Math.max(1, Math.round(method.errorBound * 100));
  const approx = method.exact
    ? { sv: '', en: '' }
    : { sv: ` (uppskattat, ±${errorPoints} procentenheter)`, en: ` (estimated, ±${errorPoints} percentage points)` };
  for (const score of order.slice(0, settings.betweennessLimit).map(scoreOf)) {
    if (score.betweenness <= 0) break;
    const u = index.actorIndex.get(score.actorId)!;
    const percent = Math.round(score.normalized * 100);
    findings.push(
      makeFinding({
        analysis: 'keyActors',
        kind: 'BETWEENNESS',
        subject: score.actorId,
        actorIds: [score.actorId],
        levelKeys: [graph.levels[index.levelOf[u]!]!.key],
        explanation: {
          sv: `${actorName(index, u)} ligger på de kortaste lyhörda vägarna mellan andra aktörer: ${percent} % av vägarna mellan par av andra aktörer går via ${actorName(index, u)}${approx.sv}.`,
          en: `${actorName(index, u)} lies on the shortest responsive paths between other actors: ${percent}% of the paths between pairs of other actors go through ${actorName(index, u)}${approx.en}.`,
        },
      }),
    );
  }
  return { articulationPoints: points, betweenness: findingsOnly ? [] : order.map(scoreOf), method, findings };
}

/** Actors by score, highest first, ties in actor order. Zeros (leaves, mostly) need no sorting. */
function rankByScore(scores: Float64Array): number[] {
  const positive: number[] = [];
  const zero: number[] = [];
  for (let u = 0; u < scores.length; u++) (scores[u]! > 0 ? positive : zero).push(u);
  positive.sort((a, b) => scores[b]! - scores[a]! || a - b);
  return positive.concat(zero);
}
