interface Unitlike {
  id: string;
  parentId?: string | null;
}
interface Actorlike {
  id: string;
  unitId?: string | null;
}
interface Initiativelike {
  id: string;
  targetActorIds: readonly string[];
  targetUnitIds: readonly string[];
}

/** A unit and every unit above it (a school's team is in the school). */
function unitAndAbove(unitId: string | null | undefined, units: readonly Unitlike[]): Set<string> {
  const parent = new Map(units.map((u) => [u.id, u.parentId ?? null]));
  const chain = new Set<string>();
  for (let at = unitId ?? null; at && !chain.has(at); at = parent.get(at) ?? null) chain.add(at);
  return chain;
}

/** A unit and every unit below it. */
function unitAndBelow(unitId: string, units: readonly Unitlike[]): Set<string> {
  const below = new Set([unitId]);
  for (let isGrowing = true; isGrowing;) {
    isGrowing = false;
    for (const u of units) {
      if (u.parentId && below.has(u.parentId) && !below.has(u.id)) {
        below.add(u.id);
        isGrowing = true;
      }
    }
  }
  return below;
}

/**
 * The initiatives that reach an actor: those aimed at it, or at its unit or any unit above it
 * (an effort for a school reaches its teams' teachers). The raw material of initiative congestion.
 */
export function initiativesReachingActor<I extends Initiativelike>(
  actor: Actorlike,
  initiatives: readonly I[],
  units: readonly Unitlike[],
): I[] {
  const within = unitAndAbove(actor.unitId, units);
  return initiatives.filter(
    (i) => i.targetActorIds.includes(actor.id) || i.targetUnitIds.some((unitId) => within.has(unitId)),
  );
}

/**
 * The initiatives that reach a unit: aimed at it or a unit above it, or at a unit or an actor
 * inside it.
 */
export function initiativesReachingUnit<I extends Initiativelike>(
  unitId: string,
  initiatives: readonly I[],
  units: readonly Unitlike[],
  actors: readonly Actorlike[],
): I[] {
  const related = new Set([...unitAndAbove(unitId, units), ...unitAndBelow(unitId, units)]);
  const inside = unitAndBelow(unitId, units);
  const actorsInside = new Set(actors.filter((a) => a.unitId && inside.has(a.unitId)).map((a) => a.id));
  return initiatives.filter(
    (i) => i.targetUnitIds.some((u) => related.has(u)) || i.targetActorIds.some((a) => actorsInside.has(a)),
  );
}

/** Every actor an initiative reaches: its target actors and everyone in its target units (and below). */
export function actorsReachedBy(
  initiative: Initiativelike,
  units: readonly Unitlike[],
  actors: readonly Actorlike[],
): string[] {
  const inside = new Set(initiative.targetUnitIds.flatMap((u) => [...unitAndBelow(u, units)]));
  return [
    ...new Set([
      ...initiative.targetActorIds,
      ...actors.filter((a) => a.unitId && inside.has(a.unitId)).map((a) => a.id),
    ]),
  ];
}
