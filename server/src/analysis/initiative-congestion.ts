import { LINK_KINDS } from '@kopplingskartan/schema/interchange';

import { count, makeFinding } from './findings.ts';
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
  /** Actors with a load above zero, highest first (ties by id). */
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
 * load is not double counted in its area. O(n + m + Σ targets · depth).
 */
export function initiativeCongestion(
  index: GraphIndex,
  options: InitiativeCongestionOptions = {},
): InitiativeCongestionResult {
  const { limit, minLoad } = { ...INITIATIVE_CONGESTION_DEFAULTS, ...options };
  const { graph } = index;
  const supportKind = LINK_KINDS.indexOf('SUPPORT');
  const actorLinks: number[][] = Array.from({ length: index.n }, () => []);
  for (let e = 0; e < index.m; e++) if (index.linkKind[e] === supportKind) actorLinks[index.linkTarget[e]!]!.push(e);

  const unitById = new Map(graph.units.map((unit) => [unit.id, unit]));
  /** The unit and its ancestors (cycles cut). */
  const lineage = (unitId: string | null): string[] => {
    const seen: string[] = [];
    for (let id = unitId; id && !seen.includes(id); id = unitById.get(id)?.parentId ?? null) seen.push(id);
    return seen;
  };
  const unitInitiatives = new Map<string, Set<string>>();
  const actorInitiatives: Array<Set<string> | undefined> = new Array(index.n);
  const addTo = <K>(map: Map<K, Set<string>>, key: K, id: string): void => {
    const set = map.get(key);
    if (set) set.add(id);
    else map.set(key, new Set([id]));
  };
  const directActor = new Map<number, Set<string>>();
  for (const initiative of graph.initiatives) {
    for (const id of initiative.targetActorIds) addTo(directActor, index.actorIndex.get(id)!, initiative.id);
    for (const id of initiative.targetUnitIds) addTo(unitInitiatives, id, initiative.id);
  }
  // An actor is reached through its unit's lineage; a unit through its own lineage and its actors.
  const reachedUnit = new Map<string, Set<string>>();
  for (const unit of graph.units) {
    const set = new Set<string>();
    for (const id of lineage(unit.id)) for (const initiative of unitInitiatives.get(id) ?? []) set.add(initiative);
    reachedUnit.set(unit.id, set);
  }
  graph.actors.forEach((actor, u) => {
    const fromUnit = actor.unitId ? reachedUnit.get(actor.unitId) : undefined;
    const direct = directActor.get(u);
    if (!fromUnit?.size && !direct) return;
    actorInitiatives[u] = new Set([...(fromUnit ?? []), ...(direct ?? [])]);
  });

  const loadOf = (links: number[], initiatives: Iterable<string>): Load => {
    const supportLinkIds = links.map((e) => graph.links[e]!.id);
    const supportActorIds = [...new Set(links.map((e) => graph.links[e]!.sourceId))];
    const initiativeIds = [...initiatives].sort();
    return { supportLinkIds, supportActorIds, initiativeIds, load: supportLinkIds.length + initiativeIds.length };
  };
  const actors: ActorLoad[] = [];
  const unitLinks = new Map<string, number[]>();
  graph.actors.forEach((actor, u) => {
    const links = actorLinks[u]!;
    if (actor.unitId) {
      const list = unitLinks.get(actor.unitId);
      if (list) list.push(...links);
      else unitLinks.set(actor.unitId, [...links]);
      const direct = directActor.get(u);
      if (direct) for (const id of direct) reachedUnit.get(actor.unitId)?.add(id);
    }
    const initiatives = actorInitiatives[u];
    if (links.length === 0 && !initiatives) return;
    actors.push({ actorId: actor.id, ...loadOf(links, initiatives ?? []) });
  });
  const units: UnitLoad[] = graph.units
    .map((unit) => ({ unitId: unit.id, ...loadOf(unitLinks.get(unit.id) ?? [], reachedUnit.get(unit.id) ?? []) }))
    .filter((unit) => unit.load > 0);
  const byLoad = (a: { load: number; id: string }, b: { load: number; id: string }): number =>
    b.load - a.load || (a.id < b.id ? -1 : 1);
  actors.sort((a, b) => byLoad({ load: a.load, id: a.actorId }, { load: b.load, id: b.actorId }));
  units.sort((a, b) => byLoad({ load: a.load, id: a.unitId }, { load: b.load, id: b.unitId }));

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
