import type { Coupling } from '@kopplingskartan/schema/interchange';

import { actorName, count, makeFinding } from './findings.ts';
import type { Explanation, Finding } from './findings.ts';
import type { GraphIndex } from './graph-index.ts';
import { ListBuffer } from './list-buffer.ts';
import { pathLinks, searchOf, widestPathsTo, widestWorkspace } from './widest-path.ts';

export interface InitiativeReachOptions {
  /**
   * The most steps spent following paths: each distinct owner (in the order its initiatives are
   * listed) costs two breadth-first searches, `searchSteps(n, m)`; owners past the limit are not
   * searched and their initiatives are listed as such. Default 5,000,000: dozens of owners on a
   * large municipality's map, two on a national one, whose other analyses take most of the API's
   * cost limit.
   */
  searchLimit?: number;
}

export const INITIATIVE_REACH_DEFAULTS: Required<InitiativeReachOptions> = { searchLimit: 5_000_000 };

/** Steps of one owner's searches: two breadth-first searches, each visiting every actor and every link from both ends. */
export function searchSteps(actors: number, links: number): number {
  return 2 * (actors + 2 * links);
}

/** One target actor of an initiative and how (whether) the initiative reaches it. */
export interface InitiativeTarget {
  actorId: string;
  /** Named by the initiative itself (else only through a unit). */
  direct: boolean;
  /** The units the initiative names that hold the actor (itself or in a sub-unit). */
  viaUnitIds: string[];
  reached: boolean;
  /** Width of the best path from the owner (its weakest coupling); null when not reached or the owner itself. */
  coupling: Coupling | null;
  hops: number | null;
  /** The weakest link of the best path (nearest the owner among equally weak ones). */
  weakestLinkId: string | null;
  /** The best path's links from the target to the owner. */
  pathLinkIds: string[];
}

export interface InitiativeReach {
  initiativeId: string;
  /** null when the initiative has no owner, or one that is not an actor of this scenario. */
  ownerId: string | null;
  /** false when the owner was past `searchLimit` (then no target counts as reached). */
  searched: boolean;
  evidenceCount: number;
  /** Direct targets in the order listed, then the units' actors in actor order; each actor once. */
  targets: InitiativeTarget[];
  reachedCount: number;
}

/** A classroom-level actor and the initiatives aimed at it. */
export interface ClassroomReach {
  actorId: string;
  reachedBy: string[];
  /** Initiatives that name it (directly or through a unit) without reaching it. */
  notReachedBy: string[];
}

/** (initiative, target) pairs, split by reached and by whether the initiative carries evidence notes. */
export interface TraceCounts {
  reachedWithTrace: number;
  reachedWithoutTrace: number;
  notReachedWithTrace: number;
  notReachedWithoutTrace: number;
}

export interface InitiativeReachResult {
  /** The lowest chain level (the classroom), or null when the organisation has no chain level. */
  classroomLevelKey: string | null;
  initiatives: InitiativeReach[];
  /** Every actor of the classroom level, in actor order. */
  classroom: ClassroomReach[];
  traces: TraceCounts;
  findings: Finding[];
}

const linkNumber = (e: number): number => e;

/** The units of a target not named directly, until they are listed (every such target is in one). */
const THROUGH_UNITS: string[] = [];

const quoted = (name: string): Explanation => ({ sv: `”${name}”`, en: `“${name}”` });

/**
 * Initiative reach ("which improvement efforts actually reached the classroom?"): for each
 * initiative, the widest path from its owner to each of its targets along responsive links, by
 * the same steps as broken chains (`widestPaths`: a step from v to u is taken when the link is
 * tight or loose and u responds to v). Targets are the actors it names and every actor of the
 * units it names, sub-units included. A target is **reached** when such a path exists (the owner
 * reaches itself in 0 hops). Per classroom-level actor (the lowest chain level) the initiatives
 * that reach it and those that name it without reaching it. Evidence notes stand on the
 * initiative as a whole, so a target counts as traced when its initiative carries any.
 *
 * Initiatives of one owner share one search, which stops once it has reached their targets.
 * O(owners · (n + m) + Σ targets · (hops + depth)).
 */
export function initiativeReach(
  index: GraphIndex,
  options: InitiativeReachOptions = {},
  findingsOnly = false,
): InitiativeReachResult {
  const { searchLimit } = { ...INITIATIVE_REACH_DEFAULTS, ...options };
  const ownerLimit = Math.floor(searchLimit / searchSteps(index.n, index.m));
  const { graph, n } = index;
  const findings: Finding[] = [];

  // The actors of each unit, its sub-units' included (cycles in the unit tree cut), with units
  // numbered so that walking up from each actor marks numbers instead of hashing ids. Ids that
  // name no unit (an actor's or a parent's) get numbers too, with no parent: an initiative naming
  // such an id reaches the actors filed under it.
  const unitNumber = new Map<string, number>();
  const parentOf: number[] = [];
  const members: number[][] = [];
  /** The last actor (plus one) whose walk up passed each unit. */
  const seenBy: number[] = [];
  const numberOf = (id: string): number => {
    let number = unitNumber.get(id);
    if (number === undefined) {
      unitNumber.set(id, (number = parentOf.length));
      parentOf.push(-1);
      members.push([]);
      seenBy.push(0);
    }
    return number;
  };
  for (const unit of graph.units) {
    parentOf[numberOf(unit.id)] = unit.parentId ? numberOf(unit.parentId) : -1;
  }
  let lastUnitId: string | null = null;
  let unitOfActor = -1;
  graph.actors.forEach((actor, u) => {
    // Actors of a unit mostly come one after another: look a unit up only when it changes.
    if (actor.unitId !== lastUnitId) {
      lastUnitId = actor.unitId;
      unitOfActor = actor.unitId ? numberOf(actor.unitId) : -1;
    }
    for (let unit = unitOfActor; unit >= 0 && seenBy[unit] !== u + 1; unit = parentOf[unit]!) {
      seenBy[unit] = u + 1;
      members[unit]!.push(u);
    }
  });

  const chainLevel = index.chainLevelIndices.at(-1);
  const classroomLevel = chainLevel === undefined ? null : graph.levels[chainLevel]!;
  let classroomSize = 0;
  for (let u = 0; u < n; u++) if (index.levelOf[u] === chainLevel) classroomSize++;
  /** Classroom actors some initiative reaches. */
  const isTouched = new Uint8Array(n);
  const traces: TraceCounts = {
    reachedWithTrace: 0,
    reachedWithoutTrace: 0,
    notReachedWithTrace: 0,
    notReachedWithoutTrace: 0,
  };
  const { linkId } = index;

  const owners = graph.initiatives.map((initiative) =>
    initiative.ownerId === null ? undefined : index.actorIndex.get(initiative.ownerId),
  );
  // Every initiative's targets numbered one after another: initiative k's are slots
  // targetStart[k]..targetStart[k + 1], those it names itself first (up to directEnd[k]), and
  // each slot's best path is kept as numbers (its hops, -1 when not reached; whether it is tight;
  // its weakest link; its links), so no object is built for a target until the result lists it.
  // Each actor is listed once per initiative by a mark per actor, not a map per initiative.
  const targetStart = new Uint32Array(graph.initiatives.length + 1);
  const directEnd = new Uint32Array(graph.initiatives.length);
  const listed: number[] = [];
  /** The initiative that last listed each actor. */
  const listedBy = new Int32Array(n).fill(-1);
  const list = (u: number, k: number): void => {
    if (listedBy[u] === k) return;
    listedBy[u] = k;
    listed.push(u);
  };
  graph.initiatives.forEach((initiative, k) => {
    for (const id of initiative.targetActorIds) list(index.actorIndex.get(id)!, k);
    directEnd[k] = listed.length;
    for (const unitId of initiative.targetUnitIds) {
      const unitMembers = members[unitNumber.get(unitId) ?? -1] ?? [];
      for (let i = 0; i < unitMembers.length; i++) list(unitMembers[i]!, k);
    }
    targetStart[k + 1] = listed.length;
  });
  const targetActor = Uint32Array.from(listed);
  // A unit's members are in actor order; the members of several units are put in it.
  graph.initiatives.forEach((initiative, k) => {
    if (initiative.targetUnitIds.length > 1) targetActor.subarray(directEnd[k], targetStart[k + 1]).sort();
  });
  const slots = targetActor.length;
  const hopsOf = new Int32Array(slots).fill(-1);
  const isTight = new Uint8Array(slots);
  const weakestOf = new Int32Array(slots);
  const pathOf = new Array<number[]>(slots);
  const isSearched = new Uint8Array(graph.initiatives.length);

  // One owner at a time, so only one owner's searches are held in memory.
  const byOwner = new Map<number, number[]>();
  owners.forEach((owner, k) => {
    if (owner === undefined) return;
    const list = byOwner.get(owner);
    if (list) list.push(k);
    else byOwner.set(owner, [k]);
  });
  let searched = 0;
  let unsearched = 0;
  // The searches share their arrays, and each stops once it has reached the owner's targets.
  const workspace = widestWorkspace(n);
  for (const [owner, ks] of byOwner) {
    if (searched >= ownerLimit) {
      unsearched += ks.length;
      continue;
    }
    searched++;
    const wanted: number[] = [];
    for (const k of ks)
      for (let slot = targetStart[k]!; slot < targetStart[k + 1]!; slot++) wanted.push(targetActor[slot]!);
    const paths = widestPathsTo(index, [owner], wanted, workspace);
    for (const k of ks) {
      isSearched[k] = 1;
      for (let slot = targetStart[k]!; slot < targetStart[k + 1]!; slot++) {
        const u = targetActor[slot]!;
        const search = searchOf(paths, u);
        if (!search) continue;
        hopsOf[slot] = search.hops[u]!;
        isTight[slot] = search === paths.tight ? 1 : 0;
        weakestOf[slot] = search.weakest[u]!;
        pathOf[slot] = pathLinks(search, u, linkNumber);
      }
    }
  }

  const actorIdOf = (slot: number): string => graph.actors[targetActor[slot]!]!.id;
  /** The initiative whose INITIATIVE_REACH finding last listed each link (each link once per finding). */
  const listedFor = new Int32Array(index.m).fill(-1);
  const initiatives: InitiativeReach[] = [];
  /** The slot of each target of the initiative being listed. */
  const slotOf = new Uint32Array(findingsOnly ? 0 : n);
  graph.initiatives.forEach((initiative, k) => {
    const owner = owners[k];
    const from = targetStart[k]!;
    const to = targetStart[k + 1]!;
    const hasTrace = initiative.evidenceCount > 0;
    const reached: number[] = [];
    const notReached: number[] = [];
    for (let slot = from; slot < to; slot++) {
      const u = targetActor[slot]!;
      const isReached = hopsOf[slot]! >= 0;
      (isReached ? reached : notReached).push(slot);
      if (isReached) traces[hasTrace ? 'reachedWithTrace' : 'reachedWithoutTrace']++;
      else traces[hasTrace ? 'notReachedWithTrace' : 'notReachedWithoutTrace']++;
      if (isReached) isTouched[u] = 1;
    }
    const targetCount = to - from;
    const targetIds = (): string[] => {
      const ids: string[] = [];
      for (let slot = from; slot < to; slot++) ids.push(actorIdOf(slot));
      return ids;
    };
    const name = quoted(initiative.name);
    const subject = initiative.id;

    if (owner === undefined) {
      findings.push(
        makeFinding({
          analysis: 'initiativeReach',
          kind: 'INITIATIVE_WITHOUT_OWNER',
          subject,
          actorIds: targetIds(),
          explanation: {
            sv: `${name.sv} har ingen ägare på kartan, så ingen väg till ${count(targetCount, 'målaktör', 'målaktörer')} följs.`,
            en: `${name.en} has no owner on the map, so no path to its ${count(targetCount, 'target actor', 'target actors')} is followed.`,
          },
        }),
      );
    } else if (isSearched[k] && targetCount > 0) {
      const ownerName = actorName(index, owner);
      const linkIds: string[] = [];
      for (const slot of reached) {
        for (const e of pathOf[slot]!) {
          if (listedFor[e] === k) continue;
          listedFor[e] = k;
          linkIds.push(linkId(e));
        }
      }
      findings.push(
        makeFinding({
          analysis: 'initiativeReach',
          kind: 'INITIATIVE_REACH',
          subject,
          actorIds: [graph.actors[owner]!.id, ...reached.map(actorIdOf)],
          linkIds,
          explanation: {
            sv: `${name.sv} når ${reached.length} av ${count(targetCount, 'målaktör', 'målaktörer')} från ${ownerName} längs lyhörda länkar.`,
            en: `${name.en} reaches ${reached.length} of ${count(targetCount, 'target actor', 'target actors')} from ${ownerName} along responsive links.`,
          },
        }),
      );
      if (notReached.length > 0) {
        const only = notReached.length === 1 ? actorName(index, targetActor[notReached[0]!]!) : null;
        findings.push(
          makeFinding({
            analysis: 'initiativeReach',
            kind: 'TARGETS_NOT_REACHED',
            subject,
            actorIds: notReached.map(actorIdOf),
            explanation: {
              sv: `${only ?? count(notReached.length, 'målaktör', 'målaktörer')} för ${name.sv} nås inte längs lyhörda länkar från ${ownerName}.`,
              en: `${only ?? count(notReached.length, 'target actor', 'target actors')} of ${name.en} ${notReached.length === 1 ? 'is' : 'are'} not reached along responsive links from ${ownerName}.`,
            },
          }),
        );
      }
    }
    if (!hasTrace && targetCount > 0) {
      findings.push(
        makeFinding({
          analysis: 'initiativeReach',
          kind: 'INITIATIVE_WITHOUT_TRACE',
          subject,
          actorIds: targetIds(),
          explanation: {
            sv: `${name.sv} har inga evidensanteckningar (spår) för ${count(targetCount, 'målaktör', 'målaktörer')}.`,
            en: `${name.en} has no evidence notes (traces) for its ${count(targetCount, 'target actor', 'target actors')}.`,
          },
        }),
      );
    }
    if (findingsOnly) return;
    const targets: InitiativeTarget[] = [];
    for (let slot = from; slot < to; slot++) {
      const hops = hopsOf[slot]!;
      const reachedFar = hops > 0;
      slotOf[targetActor[slot]!] = slot;
      targets.push({
        actorId: actorIdOf(slot),
        direct: slot < directEnd[k]!,
        viaUnitIds: slot < directEnd[k]! ? [] : THROUGH_UNITS,
        reached: hops >= 0,
        coupling: reachedFar ? (isTight[slot] ? 'TIGHT' : 'LOOSE') : null,
        hops: hops >= 0 ? hops : null,
        weakestLinkId: reachedFar ? linkId(weakestOf[slot]!) : null,
        pathLinkIds: hops >= 0 ? pathOf[slot]!.map(linkId) : [],
      });
    }
    // Every member of a unit it names is a target, with the units named in their order; a list
    // of one unit is made as such (a list grown from empty takes room for 17).
    for (const unitId of initiative.targetUnitIds) {
      const unitMembers = members[unitNumber.get(unitId) ?? -1] ?? [];
      for (let i = 0; i < unitMembers.length; i++) {
        const target = targets[slotOf[unitMembers[i]!]! - from]!;
        if (target.viaUnitIds === THROUGH_UNITS) target.viaUnitIds = [unitId];
        else target.viaUnitIds.push(unitId);
      }
    }
    initiatives.push({
      initiativeId: initiative.id,
      ownerId: owner === undefined ? null : graph.actors[owner]!.id,
      searched: isSearched[k] === 1,
      evidenceCount: initiative.evidenceCount,
      targets,
      reachedCount: reached.length,
    });
  });

  if (unsearched > 0) {
    findings.push(
      makeFinding({
        analysis: 'initiativeReach',
        kind: 'INITIATIVES_NOT_SEARCHED',
        subject: 'searchLimit',
        explanation: {
          sv: `Vägar följdes från ${count(searched, 'ägare', 'ägare')} inom gränsen searchLimit; ${count(unsearched, 'insats', 'insatser')} med andra ägare räknades inte.`,
          en: `Paths were followed from ${count(searched, 'owner', 'owners')} within the searchLimit setting; ${count(unsearched, 'initiative', 'initiatives')} with other owners ${unsearched === 1 ? 'was' : 'were'} not counted.`,
        },
      }),
    );
  }
  const seats = findingsOnly ? [] : classroomSeats();
  const untouched: string[] = [];
  if (classroomLevel) {
    graph.actors.forEach((actor, u) => {
      if (index.levelOf[u] === chainLevel && !isTouched[u]) untouched.push(actor.id);
    });
  }
  if (classroomLevel && graph.initiatives.length > 0 && untouched.length > 0) {
    findings.push(
      makeFinding({
        analysis: 'initiativeReach',
        kind: 'CLASSROOM_NOT_REACHED',
        subject: classroomLevel.key,
        actorIds: untouched,
        levelKeys: [classroomLevel.key],
        explanation: {
          sv: `${count(untouched.length, 'aktör', 'aktörer')} av ${classroomSize} på nivån ${classroomLevel.name} nås inte av någon insats längs lyhörda länkar.`,
          en: `${count(untouched.length, 'actor', 'actors')} of ${classroomSize} at level ${classroomLevel.name} ${untouched.length === 1 ? 'is' : 'are'} reached by no initiative along responsive links.`,
        },
      }),
    );
  }
  return { classroomLevelKey: classroomLevel?.key ?? null, initiatives, classroom: seats, traces, findings };

  /**
   * Every classroom-level actor with the initiatives that name it, reached or not, in initiative
   * order: the slots sorted by actor (a counting sort, which keeps their order), so that each
   * list is gathered at once rather than grown by one initiative after another.
   */
  function classroomSeats(): ClassroomReach[] {
    const initiativeOf = new Uint32Array(slots);
    for (let k = 0; k < graph.initiatives.length; k++) initiativeOf.fill(k, targetStart[k], targetStart[k + 1]);
    const slotStart = new Uint32Array(n + 1);
    for (let slot = 0; slot < slots; slot++) slotStart[targetActor[slot]! + 1]!++;
    for (let u = 0; u < n; u++) slotStart[u + 1]! += slotStart[u]!;
    const fill = slotStart.slice(0, n);
    const slotsByActor = new Uint32Array(slots);
    for (let slot = 0; slot < slots; slot++) slotsByActor[fill[targetActor[slot]!]!++] = slot;
    const reachedBy = new ListBuffer<string>();
    const notReachedBy = new ListBuffer<string>();
    const list: ClassroomReach[] = [];
    for (let u = 0; u < n; u++) {
      if (index.levelOf[u] !== chainLevel) continue;
      for (let i = slotStart[u]!; i < slotStart[u + 1]!; i++) {
        const slot = slotsByActor[i]!;
        (hopsOf[slot]! >= 0 ? reachedBy : notReachedBy).push(graph.initiatives[initiativeOf[slot]!]!.id);
      }
      list.push({ actorId: graph.actors[u]!.id, reachedBy: reachedBy.take(), notReachedBy: notReachedBy.take() });
    }
    return list;
  }
}
