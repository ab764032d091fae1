import { LINK_KINDS } from '@kopplingskartan/schema/interchange';

import { count, makeFinding } from './findings.ts';
import { ListBuffer } from './list-buffer.ts';
import type { Finding } from './findings.ts';
import type { GraphIndex } from './graph-index.ts';

export interface InitiativeCongestionOptions {
  /** How many actors and how many units become findings. Default 5 each. */
  limit?: number;
  /** Smallest load (support links + initiatives) that becomes a finding. Default 2. */
  minLoad?: number;
}

export const INITIATIVE_CONGESTION_DEFAULTS: Required<InitiativeCongestionOptions> = { limit: 5, minLoad: 2 };

export interface Load {
  /** SUPPORT links reaching it. */
  supportLinkIds: string[];
  /** The distinct sources of those links. */
  supportActorIds: string[];
  initiativeIds: string[];
  /** supportLinkIds.length + initiativeIds.length. */
  load: number;
}

export interface ActorLoad extends Load {
  actorId: string;
}

export interface UnitLoad extends Load {
  unitId: string;
}

export interface InitiativeCongestionResult {
  /** Actors with a load above zero, highest first (ties by id); with `findingsOnly` only those that became findings. */
  actors: ActorLoad[];
  units: UnitLoad[];
  findings: Finding[];
}

/**
 * Initiative congestion, "insatsträngsel" (DOMAIN.md analysis 8: "units loaded with many support
 * actors and initiatives").
 *
 * A **support link reaches** an actor when its kind is SUPPORT and the actor is its target. An
 * **initiative reaches** an actor when it lists the actor, the actor's unit or an ancestor unit.
 * An actor's load is support links + initiatives reaching it. For a **unit**: the support links
 * reaching its own actors, and the initiatives listing the unit, an ancestor unit or one of its
 * own actors (each initiative once). Sub-units are not added into their parents, so a school's
 * load is not double counted in its area. With `findingsOnly` an actor's load is listed only when
 * it becomes a finding (a national map has some 48,000 loaded actors). O(n + m + Σ targets · depth).
 */
export function initiativeCongestion(
  index: GraphIndex,
  options: InitiativeCongestionOptions = {},
  findingsOnly = false,
): InitiativeCongestionResult {
  const { limit, minLoad } = { ...INITIATIVE_CONGESTION_DEFAULTS, ...options };
  const { graph, n } = index;
  // SUPPORT links by target actor, in link order (a counting sort into CSR).
  const supportKind = LINK_KINDS.indexOf('SUPPORT');
  const supportStart = new Uint32Array(n + 1);
  for (let e = 0; e < index.m; e++) if (index.linkKind[e] === supportKind) supportStart[index.linkTarget[e]! + 1]!++;
  for (let u = 0; u < n; u++) supportStart[u + 1]! += supportStart[u]!;
  const fill = supportStart.slice(0, n);
  const supportLinks = new Uint32Array(supportStart[n]!);
  for (let e = 0; e < index.m; e++)
    if (index.linkKind[e] === supportKind) supportLinks[fill[index.linkTarget[e]!]!++] = e;

  const unitById = new Map(graph.units.map((unit) => [unit.id, unit]));
  /** The unit and its ancestors (cycles cut). */
  const lineage = (unitId: string | null): string[] => {
    const seen: string[] = [];
    for (let id = unitId; id && !seen.includes(id); id = unitById.get(id)?.parentId ?? null) seen.push(id);
    return seen;
  };
  const addTo = <K>(map: Map<K, Set<string>>, key: K, id: string): void => {
    const set = map.get(key);
    if (set) set.add(id);
    else map.set(key, new Set([id]));
  };
  const unitInitiatives = new Map<string, Set<string>>();
  const directActor = new Map<number, Set<string>>();
  for (const initiative of graph.initiatives) {
    for (const id of initiative.targetActorIds) addTo(directActor, index.actorIndex.get(id)!, initiative.id);
    for (const id of initiative.targetUnitIds) addTo(unitInitiatives, id, initiative.id);
  }
  // A unit is reached through its own lineage and (added below) through its own actors; an actor
  // through its unit's lineage and directly.
  const reachedUnit = new Map<string, Set<string>>();
  const lineageInitiatives = new Map<string, string[]>();
  for (const unit of graph.units) {
    const set = new Set<string>();
    for (const id of lineage(unit.id)) for (const initiative of unitInitiatives.get(id) ?? []) set.add(initiative);
    reachedUnit.set(unit.id, set);
    lineageInitiatives.set(unit.id, [...set].sort());
  }

  /** The call of `loadOf` that last listed each support actor (each once per load, without a set per load). */
  const listedBy = new Int32Array(n).fill(-1);
  let call = 0;
  /** The load of links[from, to) and the initiatives. */
  const linkIds = new ListBuffer<string>();
  const supportIds = new ListBuffer<string>();
  const loadOf = (links: ArrayLike<number>, initiativeIds: string[], from = 0, to = links.length): Load => {
    call++;
    for (let i = from; i < to; i++) {
      linkIds.push(index.linkId(links[i]!));
      const source = index.linkSource[links[i]!]!;
      if (listedBy[source] === call) continue;
      listedBy[source] = call;
      supportIds.push(graph.actors[source]!.id);
    }
    return {
      supportLinkIds: linkIds.take(),
      supportActorIds: supportIds.take(),
      initiativeIds,
      load: to - from + initiativeIds.length,
    };
  };
  /** The initiatives reaching an actor: its unit's lineage's and those naming it, each once. */
  const initiativeIdsOf = (fromUnit: string[] | undefined, direct: Set<string> | undefined): string[] =>
    direct ? [...new Set([...(fromUnit ?? []), ...direct])].sort() : [...(fromUnit ?? [])];
  const actors: ActorLoad[] = [];
  /** With `findingsOnly`: the actors loaded at least `minLoad`, and each actor's load. */
  const candidates: number[] = [];
  const loads = findingsOnly ? new Uint32Array(n) : null;
  const unitLinks = new Map<string, number[]>();
  // Actors of a unit mostly come one after another: look a unit up only when it changes.
  let lastUnitId: string | null = null;
  let fromUnit: string[] | undefined;
  let list: number[] | undefined;
  graph.actors.forEach((actor, u) => {
    const from = supportStart[u]!;
    const to = supportStart[u + 1]!;
    if (actor.unitId !== lastUnitId) {
      lastUnitId = actor.unitId;
      fromUnit = actor.unitId ? lineageInitiatives.get(actor.unitId) : undefined;
      list = actor.unitId ? unitLinks.get(actor.unitId) : undefined;
      if (actor.unitId && !list) unitLinks.set(actor.unitId, (list = []));
    }
    for (let slot = from; slot < to; slot++) list?.push(supportLinks[slot]!);
    const direct = directActor.get(u);
    if (actor.unitId && direct) for (const id of direct) reachedUnit.get(actor.unitId)?.add(id);
    if (to === from && !fromUnit?.length && !direct) return;
    if (!loads)
      actors.push({ actorId: actor.id, ...loadOf(supportLinks, initiativeIdsOf(fromUnit, direct), from, to) });
    else {
      // Only the count, so the ids are gathered only for actors named directly (they may repeat the unit's).
      const initiativeCount = direct ? initiativeIdsOf(fromUnit, direct).length : (fromUnit?.length ?? 0);
      if ((loads[u] = to - from + initiativeCount) >= minLoad) candidates.push(u);
    }
  });
  if (loads) {
    // The candidates in the order of `actors` below, and the first `limit` of them listed.
    candidates.sort((a, b) => loads[b]! - loads[a]! || (graph.actors[a]!.id < graph.actors[b]!.id ? -1 : 1));
    for (const u of candidates.slice(0, limit)) {
      const { id, unitId } = graph.actors[u]!;
      const initiativeIds = initiativeIdsOf(unitId ? lineageInitiatives.get(unitId) : undefined, directActor.get(u));
      actors.push({ actorId: id, ...loadOf(supportLinks, initiativeIds, supportStart[u], supportStart[u + 1]) });
    }
  }
  const units: UnitLoad[] = graph.units
    .map((unit) => ({
      unitId: unit.id,
      ...loadOf(unitLinks.get(unit.id) ?? [], [...(reachedUnit.get(unit.id) ?? [])].sort()),
    }))
    .filter((unit) => unit.load > 0);
  actors.sort((a, b) => b.load - a.load || (a.actorId < b.actorId ? -1 : 1));
  units.sort((a, b) => b.load - a.load || (a.unitId < b.unitId ? -1 : 1));

  const say = (name: string, load: Load): { sv: string; en: string } => ({
    sv: `${name} nås av ${count(load.initiativeIds.length, 'insats', 'insatser')} och ${count(load.supportLinkIds.length, 'stödlänk', 'stödlänkar')} från ${count(load.supportActorIds.length, 'stödaktör', 'stödaktörer')}.`,
    en: `${name} is reached by ${count(load.initiativeIds.length, 'initiative', 'initiatives')} and ${count(load.supportLinkIds.length, 'support link', 'support links')} from ${count(load.supportActorIds.length, 'support actor', 'support actors')}.`,
  });
  const findings: Finding[] = [
    ...actors
      .filter((a) => a.load >= minLoad)
      .slice(0, limit)
      .map((a) =>
        makeFinding({
          analysis: 'initiativeCongestion',
          kind: 'ACTOR_CONGESTION',
          subject: a.actorId,
          actorIds: [a.actorId, ...a.supportActorIds],
          linkIds: a.supportLinkIds,
          explanation: say(graph.actors[index.actorIndex.get(a.actorId)!]!.name, a),
        }),
      ),
    ...units
      .filter((unit) => unit.load >= minLoad)
      .slice(0, limit)
      .map((unit) =>
        makeFinding({
          analysis: 'initiativeCongestion',
          kind: 'UNIT_CONGESTION',
          subject: unit.unitId,
          unitIds: [unit.unitId],
          actorIds: unit.supportActorIds,
          linkIds: unit.supportLinkIds,
          explanation: say(unitById.get(unit.unitId)!.name, unit),
        }),
      ),
  ];
  return { actors, units, findings };
}
