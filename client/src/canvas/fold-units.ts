import { withoutUnitNames } from './label-text.ts';
import type { CanvasMap } from './model.ts';

const plain = (text: string) =>
  text
    .toLocaleLowerCase('sv')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * Units that hold a single actor standing for the unit itself (the team "Arbetslag F–3,
 * Lärkbackeskolan" whose one actor is "Arbetslag F–3 Lärkbackeskolan") get no box of their own:
 * the actor is drawn in the parent unit's box, where its name already says which team it is.
 * A box around one card with the same name says nothing and costs a row of the map. Pure.
 */
export function foldNamesakeUnits(map: CanvasMap): CanvasMap {
  const names = new Map(map.units.map((u) => [u.id, u.name]));
  const parentOf = new Map(map.units.map((u) => [u.id, u.parentId]));
  const side = new Set(map.levels.filter((l) => l.isSide).map((l) => l.key));
  const members = new Map<string, string[]>();
  for (const actor of map.actors) {
    if (!actor.unitId || side.has(actor.levelKey)) continue;
    members.set(actor.unitId, [...(members.get(actor.unitId) ?? []), actor.id]);
  }
  const hasChildren = new Set(map.units.flatMap((u) => (u.parentId ? [u.parentId] : [])));
  const byId = new Map(map.actors.map((a) => [a.id, a]));
  const folded = new Map<string, string | null>();
  for (const unit of map.units) {
    const list = members.get(unit.id) ?? [];
    const only = list.length === 1 ? byId.get(list[0] ?? '') : undefined;
    if (!only || hasChildren.has(unit.id) || !unit.parentId || !names.has(unit.parentId)) continue;
    const parentName = names.get(unit.parentId) ?? '';
    const isNamesake =
      plain(withoutUnitNames(only.name, [parentName])) === plain(withoutUnitNames(unit.name, [parentName]));
    if (isNamesake) folded.set(unit.id, parentOf.get(unit.id) ?? null);
  }
  if (folded.size === 0) return map;
  return {
    ...map,
    units: map.units.filter((u) => !folded.has(u.id)),
    actors: map.actors.map((a) =>
      a.unitId && folded.has(a.unitId) ? { ...a, unitId: folded.get(a.unitId) ?? null } : a,
    ),
  };
}
