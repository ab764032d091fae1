import type { Coupling } from '@kopplingskartan/schema/interchange';

import { actorName, count, linkLabel, makeFinding } from './findings.ts';
import type { Finding } from './findings.ts';
import { couplingOfStrength, SIDE_RANK } from './graph-index.ts';
import type { GraphIndex } from './graph-index.ts';
import { pathLinks, searchOf, widestPaths } from './widest-path.ts';

export interface BrokenChainsOptions {
  /** Count side-level (support) actors as cut off and in the weakest-link ranking. Default false. */
  includeSideActors?: boolean;
  /** How many weakest links become findings (the ranking itself is complete). Default 10. */
  weakestLinkLimit?: number;
  /** A link becomes a WEAKEST_LINK finding only when it is the weakest for this many actors. Default 2. */
  weakestLinkMinActors?: number;
}

export const BROKEN_CHAINS_DEFAULTS: Required<BrokenChainsOptions> = {
  includeSideActors: false,
  weakestLinkLimit: 10,
  weakestLinkMinActors: 2,
};

/** One actor's best responsive path up to the top level. */
export interface ActorPath {
  actorId: string;
  /** The weakest coupling on the best path (its width), or null when the actor is cut off. */
  coupling: Coupling | null;
  hops: number | null;
  /** The weakest link of the best path (the one nearest the top among equally weak), or null. */
  weakestLinkId: string | null;
  /** The best path's links from the actor up to the top level. */
  pathLinkIds: string[];
}

export interface WeakestLinkRank {
  linkId: string;
  coupling: Coupling;
  /** Actors whose best path has this link as its weakest. */
  actorCount: number;
}

export interface UnitReach {
  unitId: string;
  /** Chain actors of the unit below the top level (side actors too when includeSideActors). */
  actorCount: number;
  cutOffCount: number;
}

export interface BrokenChainsResult {
  /** The top level the paths lead to: the highest chain level with actors, or null. */
  topLevelKey: string | null;
  /** Every actor below the top level, in actor order. */
  paths: ActorPath[];
  cutOffActorIds: string[];
  weakestLinks: WeakestLinkRank[];
  units: UnitReach[];
  findings: Finding[];
}

/**
 * Broken chains and weakest links (DOMAIN.md analysis 2: "which teachers or units have no
 * responsive path up to politics, and which link is the weakest on their best path").
 *
 * **Top level**: the highest chain level that has at least one actor. When the declared top
 * (say politics) is empty, the next level down takes its place and a TOP_LEVEL_EMPTY finding
 * says so. A path ends at any actor of the top level.
 *
 * **A step up.** A path is walked from the actor towards the top; a step from actor u to actor v
 * over link e is allowed when e is tight or loose (decoupled links never carry a path) and u
 * responds to v: where the link records that direction (`targetResponds` when u is the target,
 * `sourceResponds` when u is the source), a recorded "no" forbids the step; unassessed
 * directions follow the coupling. So the top's steering reaches the actor through a chain of
 * responses, and an upper end that does not listen ("order-giving") still lets the chain hold,
 * while a lower end that does not respond breaks it. Steps may go sideways or down (through
 * colleagues or support actors); only responsiveness counts.
 *
 * **Best path**: the widest path (maximise the weakest coupling, tight > loose), then the
 * fewest hops, from the top level (`widestPaths`, shared with initiative reach).
 * **Cut off**: a chain actor below the top with no allowed path. **Weakest link**: the link of
 * least coupling on the best path, the one nearest the top among equals (so actors that share an
 * upstream bottleneck count it together); links are ranked by how many actors' weakest link they
 * are.
 *
 * O(n + m), plus the length of every path listed. With `findingsOnly` the paths are not listed
 * (`paths` is empty): the findings need only each actor's weakest link, not its path.
 */
export function brokenChains(
  index: GraphIndex,
  options: BrokenChainsOptions = {},
  findingsOnly = false,
): BrokenChainsResult {
  const { includeSideActors, weakestLinkLimit, weakestLinkMinActors } = { ...BROKEN_CHAINS_DEFAULTS, ...options };
  const { graph, n, topRank } = index;
  const findings: Finding[] = [];
  const topLevelIndex = topRank >= 0 ? index.chainLevelIndices[topRank]! : -1;
  const topLevel = topLevelIndex >= 0 ? graph.levels[topLevelIndex]! : null;
  const declaredTopIndex = index.chainLevelIndices[0];

  if (!topLevel) {
    findings.push(
      makeFinding({
        analysis: 'brokenChains',
        kind: 'NO_CHAIN_ACTORS',
        subject: 'chain',
        explanation: {
          sv: 'Ingen nivå i kedjan har aktörer, så det finns ingen väg upp att följa.',
          en: 'No level of the chain has actors, so there is no path up to follow.',
        },
      }),
    );
    return { topLevelKey: null, paths: [], cutOffActorIds: [], weakestLinks: [], units: [], findings };
  }
  if (declaredTopIndex !== undefined && declaredTopIndex !== topLevelIndex) {
    const declared = graph.levels[declaredTopIndex]!;
    findings.push(
      makeFinding({
        analysis: 'brokenChains',
        kind: 'TOP_LEVEL_EMPTY',
        subject: declared.key,
        levelKeys: [declared.key, topLevel.key],
        explanation: {
          sv: `${declared.name} har inga aktörer; vägarna räknas upp till ${topLevel.name}.`,
          en: `${declared.name} has no actors; paths are followed up to ${topLevel.name}.`,
        },
      }),
    );
  }

  const isTop = new Uint8Array(n);
  for (let u = 0; u < n; u++) if (index.rankOf[u] === topRank) isTop[u] = 1;
  const widest = widestPaths(index, isTop);

  const paths: ActorPath[] = [];
  const cutOff: number[] = [];
  const { linkId } = index;
  /** The weakest link of each actor's best path, -1 for the top and the cut off. */
  const weakestOf = new Int32Array(n).fill(-1);
  const weakestCount = new Uint32Array(index.m);
  const isCounted = (u: number): boolean => includeSideActors || index.rankOf[u] !== SIDE_RANK;
  for (let u = 0; u < n; u++) {
    if (isTop[u]) continue;
    const search = searchOf(widest, u);
    if (!search) {
      if (!findingsOnly) {
        paths.push({ actorId: graph.actors[u]!.id, coupling: null, hops: null, weakestLinkId: null, pathLinkIds: [] });
      }
      if (isCounted(u)) cutOff.push(u);
      continue;
    }
    const weakest = search.weakest[u]!;
    weakestOf[u] = weakest;
    if (!findingsOnly) {
      paths.push({
        actorId: graph.actors[u]!.id,
        coupling: search === widest.tight ? 'TIGHT' : 'LOOSE',
        hops: search.hops[u]!,
        weakestLinkId: linkId(weakest),
        pathLinkIds: pathLinks(search, u, linkId),
      });
    }
    if (isCounted(u)) weakestCount[weakest]!++;
  }

  const cutOffActorIds = cutOff.map((u) => graph.actors[u]!.id);
  const byLevel = new Map<number, number[]>();
  for (const u of cutOff) {
    const level = index.levelOf[u]!;
    const list = byLevel.get(level);
    if (list) list.push(u);
    else byLevel.set(level, [u]);
  }
  for (const [level, actors] of [...byLevel].sort((a, b) => a[0] - b[0])) {
    const { key, name } = graph.levels[level]!;
    const only = actors.length === 1 ? actorName(index, actors[0]!) : null;
    findings.push(
      makeFinding({
        analysis: 'brokenChains',
        kind: 'CUT_OFF',
        subject: key,
        actorIds: actors.map((u) => graph.actors[u]!.id),
        levelKeys: [key, topLevel.key],
        explanation: {
          sv: `${only ?? count(actors.length, 'aktör', 'aktörer')} på nivån ${name} har ingen lyhörd väg upp till ${topLevel.name}.`,
          en: `${only ?? count(actors.length, 'actor', 'actors')} at level ${name} ${actors.length === 1 ? 'has' : 'have'} no responsive path up to ${topLevel.name}.`,
        },
      }),
    );
  }

  // Each ranked link's id read once, not at every comparison.
  const rankedIds: Array<{ e: number; id: string }> = [];
  for (let e = 0; e < index.m; e++) if (weakestCount[e]! > 0) rankedIds.push({ e, id: linkId(e) });
  rankedIds.sort((a, b) => weakestCount[b.e]! - weakestCount[a.e]! || (a.id < b.id ? -1 : 1));
  const ranked = rankedIds.map(({ e }) => e);
  const weakestLinks: WeakestLinkRank[] = rankedIds.map(({ e, id }) => ({
    linkId: id,
    coupling: couplingOfStrength(index.linkStrength[e]!),
    actorCount: weakestCount[e]!,
  }));
  const findingLinks = ranked.filter((e) => weakestCount[e]! >= weakestLinkMinActors).slice(0, weakestLinkLimit);
  const relying = new Map<number, string[]>(findingLinks.map((e) => [e, []]));
  for (let u = 0; u < n; u++) {
    if (weakestOf[u]! >= 0 && isCounted(u)) relying.get(weakestOf[u]!)?.push(graph.actors[u]!.id);
  }
  for (const e of findingLinks) {
    const s = index.linkSource[e]!;
    const t = index.linkTarget[e]!;
    const strength = index.linkStrength[e]!;
    const couplingSv = strength === 2 ? 'tät' : 'lös';
    const couplingEn = couplingOfStrength(strength).toLowerCase();
    const actorCount = weakestCount[e]!;
    const { ends, kind } = linkLabel(index, e);
    findings.push(
      makeFinding({
        analysis: 'brokenChains',
        kind: 'WEAKEST_LINK',
        subject: linkId(e),
        actorIds: [graph.actors[s]!.id, graph.actors[t]!.id, ...relying.get(e)!],
        linkIds: [linkId(e)],
        explanation: {
          sv: `Länken ${ends} (${kind ? `${kind.sv}, ` : ''}${couplingSv}) är den minst lyhörda länken på vägen upp för ${count(actorCount, 'aktör', 'aktörer')}.`,
          en: `The link ${ends} (${kind ? `${kind.en}, ` : ''}${couplingEn}) is the least responsive link on the path up for ${count(actorCount, 'actor', 'actors')}.`,
        },
      }),
    );
  }

  const unitStats = new Map<string, UnitReach & { name: string; actorIds: string[] }>(
    graph.units.map((unit) => [
      unit.id,
      { unitId: unit.id, name: unit.name, actorCount: 0, cutOffCount: 0, actorIds: [] },
    ]),
  );
  const isCutOff = new Uint8Array(n);
  for (const u of cutOff) isCutOff[u] = 1;
  // Actors of a unit mostly come one after another: look a unit up only when it changes.
  let lastUnitId: string | null = null;
  let stats: ReturnType<typeof unitStats.get>;
  graph.actors.forEach((actor, u) => {
    if (actor.unitId !== lastUnitId) {
      lastUnitId = actor.unitId;
      stats = actor.unitId ? unitStats.get(actor.unitId) : undefined;
    }
    if (!stats || !isCounted(u) || isTop[u]) return;
    stats.actorCount++;
    stats.actorIds.push(actor.id);
    if (isCutOff[u]) stats.cutOffCount++;
  });
  const units: UnitReach[] = [];
  for (const stats of unitStats.values()) {
    if (stats.actorCount === 0) continue;
    units.push({ unitId: stats.unitId, actorCount: stats.actorCount, cutOffCount: stats.cutOffCount });
    if (stats.cutOffCount !== stats.actorCount) continue;
    const unit = { id: stats.unitId, name: stats.name };
    findings.push(
      makeFinding({
        analysis: 'brokenChains',
        kind: 'UNIT_CUT_OFF',
        subject: unit.id,
        unitIds: [unit.id],
        actorIds: stats.actorIds,
        explanation: {
          sv: `Ingen i ${unit.name} har en lyhörd väg upp till ${topLevel.name}.`,
          en: `No one in ${unit.name} has a responsive path up to ${topLevel.name}.`,
        },
      }),
    );
  }
  return { topLevelKey: topLevel.key, paths, cutOffActorIds, weakestLinks, units, findings };
}
