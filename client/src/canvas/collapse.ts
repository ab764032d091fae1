import type { ClassSets } from './class-sets.ts';
import { type CanvasActor, type CanvasLink, type CanvasMap, UNIT_PREFIX } from './model.ts';

/**
 * Collapsed units for very large maps: each top-level unit (a school with its principal and
 * teacher teams) is drawn as one node, and the links between collapsed units as one neutral line
 * per pair, so a national map opens as a few thousand elements. A unit the person opens is drawn
 * in full again. Pure: map in, smaller map out, plus the aliases that carry selection, filters and
 * highlights over to what is drawn.
 */

/** Above this many elements the person may choose to draw units collapsed. */
export const COLLAPSE_OFFERED_AT = 5000;
/**
 * Above this many elements a map opens with its units collapsed. A map of 20,000 elements is drawn
 * in full within the canvas goals (`npm run bench:client`); beyond 25,000 nothing was measured.
 */
export const COLLAPSE_AT = 25000;

/** Whether units are drawn collapsed: the person's choice (null: none yet) on a map that offers it. */
export function isCollapsing(elements: number, choice: boolean | null): boolean {
  return elements > COLLAPSE_OFFERED_AT && (choice ?? elements > COLLAPSE_AT);
}

/** Id prefix of a collapsed unit's node and of a bundle of links. */
export const COLLAPSED_PREFIX = 'agg:';

export interface CollapsedMap {
  map: CanvasMap;
  /** Full-map id (actor, link, `unit:` id) → the drawn element standing for it. */
  alias: Map<string, string>;
  /** Drawn id → the full-map ids it stands for (actors of a collapsed unit, links of a bundle). */
  members: Map<string, string[]>;
  /** The units drawn collapsed. */
  collapsedUnitIds: string[];
}

export function elementCount(map: Pick<CanvasMap, 'actors' | 'links' | 'units'>): number {
  return map.actors.length + map.links.length + map.units.length;
}

function topUnits(map: CanvasMap): Map<string, string> {
  const unitIds = new Set(map.units.map((u) => u.id));
  const parentOf = new Map(map.units.map((u) => [u.id, u.parentId && unitIds.has(u.parentId) ? u.parentId : null]));
  const top = new Map<string, string>();
  for (const unit of map.units) {
    let at = unit.id;
    const seen = new Set([at]);
    for (let up = parentOf.get(at); up && !seen.has(up); up = parentOf.get(up)) {
      seen.add(up);
      at = up;
    }
    top.set(unit.id, at);
  }
  return top;
}

/**
 * Collapses every top-level unit that has actors, except the expanded ones. A collapsed unit's
 * node sits on the highest chain level among its actors (a school on its principal's row); links
 * inside it disappear into it, links out of it are bundled per pair of drawn ends.
 */
export function collapseUnits(map: CanvasMap, expanded: ReadonlySet<string>): CollapsedMap {
  const topOf = topUnits(map);
  const rank = new Map(map.levels.map((l) => [l.key, l.isSide ? Infinity : (l.rank ?? 0)]));
  const groups = new Map<string, CanvasActor[]>();
  const actors: CanvasActor[] = [];
  for (const actor of map.actors) {
    const top = actor.unitId ? topOf.get(actor.unitId) : undefined;
    if (!top || expanded.has(top)) actors.push(actor);
    else if (groups.has(top)) groups.get(top)?.push(actor);
    else groups.set(top, [actor]);
  }
  const alias = new Map<string, string>();
  const members = new Map<string, string[]>();
  const names = new Map(map.units.map((u) => [u.id, u.name]));
  for (const [unitId, list] of groups) {
    const id = COLLAPSED_PREFIX + unitId;
    const highest = list.reduce((a, b) => ((rank.get(b.levelKey) ?? 0) < (rank.get(a.levelKey) ?? 0) ? b : a));
    actors.push({
      id,
      name: `${names.get(unitId) ?? unitId} (${list.length})`,
      levelKey: highest.levelKey,
      unitId: null,
      collapsed: { unitId, actorCount: list.length },
    });
    members.set(
      id,
      list.map((a) => a.id),
    );
    for (const actor of list) alias.set(actor.id, id);
  }
  const units = map.units.filter((unit) => {
    const top = topOf.get(unit.id) ?? unit.id;
    if (!groups.has(top)) return true;
    alias.set(UNIT_PREFIX + unit.id, COLLAPSED_PREFIX + top);
    return false;
  });
  const links: CanvasLink[] = [];
  const bundles = new Map<string, { sourceId: string; targetId: string; ids: string[] }>();
  for (const link of map.links) {
    const source = alias.get(link.sourceId) ?? link.sourceId;
    const target = alias.get(link.targetId) ?? link.targetId;
    if (source === link.sourceId && target === link.targetId) {
      links.push(link);
      continue;
    }
    if (source === target) {
      alias.set(link.id, source); // inside one collapsed unit
      continue;
    }
    const [a, b] = source < target ? [source, target] : [target, source];
    const id = `${COLLAPSED_PREFIX}${a}|${b}`;
    const bundle = bundles.get(id) ?? { sourceId: a, targetId: b, ids: [] };
    bundle.ids.push(link.id);
    bundles.set(id, bundle);
    alias.set(link.id, id);
  }
  for (const [id, bundle] of bundles) {
    links.push({
      id,
      sourceId: bundle.sourceId,
      targetId: bundle.targetId,
      // A bundle has no one kind or coupling; the canvas draws it neutral (see elements.ts).
      kind: 'STEERING',
      coupling: 'LOOSE',
      targetResponds: null,
      sourceResponds: null,
      bundled: { linkCount: bundle.ids.length },
    });
    members.set(id, bundle.ids);
  }
  return { map: { ...map, actors, units, links }, alias, members, collapsedUnitIds: [...groups.keys()] };
}

/**
 * Carries class sets computed on the full map over to the drawn one: a collapsed unit or bundle
 * is highlighted, on the path, a search match or marked when any of its members is, and hidden or dimmed
 * only when all of them are.
 */
export function collapseClassSets(sets: ClassSets, collapsed: CollapsedMap): ClassSets {
  const any = (set: ReadonlySet<string>) => new Set([...set].map((id) => collapsed.alias.get(id) ?? id));
  const all = (set: ReadonlySet<string>) => {
    const out = new Set([...set].filter((id) => !collapsed.alias.has(id)));
    for (const [id, ids] of collapsed.members) if (ids.every((m) => set.has(m))) out.add(id);
    return out;
  };
  return {
    hidden: all(sets.hidden),
    dimmed: all(sets.dimmed),
    highlighted: any(sets.highlighted),
    path: any(sets.path),
    match: any(sets.match),
    marked: any(sets.marked),
  };
}
