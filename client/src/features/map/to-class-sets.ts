import type { ClassSets } from '../../canvas/class-sets.ts';
import { type CanvasMap, UNIT_PREFIX } from '../../canvas/model.ts';
import type { Emphasis, Filters } from '../../state/view-store.ts';
import { bestPath } from './best-path.ts';

export interface EmphasisInput {
  filters: Filters;
  search: string;
  focusActorId: string | null;
  pathEnds: [string, string] | null;
  emphasis: Emphasis | null;
  /** Searchable text per actor (name, role) beside the canvas model. */
  searchText?: ReadonlyMap<string, string>;
  /** Links whose perceptions disagree: marked, and the only ones shown under that filter. */
  disagreeingLinkIds?: ReadonlySet<string>;
}

function unitAncestors(map: CanvasMap): Map<string, Set<string>> {
  const parent = new Map(map.units.map((u) => [u.id, u.parentId]));
  const result = new Map<string, Set<string>>();
  for (const unit of map.units) {
    const chain = new Set<string>();
    let at: string | null = unit.id;
    while (at && !chain.has(at)) {
      chain.add(at);
      at = parent.get(at) ?? null;
    }
    result.set(unit.id, chain);
  }
  return result;
}

/**
 * Turns filters, search, focus, best path and a finding's emphasis into class sets. Filters hide;
 * the first of path, focus and finding that is set highlights its elements and dims the rest;
 * search only marks matches so the user keeps the context.
 */
export function toClassSets(map: CanvasMap, input: EmphasisInput): ClassSets {
  const { filters } = input;
  const hidden = new Set<string>();
  const ancestors = unitAncestors(map);
  const wantedUnits = new Set(filters.unitIds);
  for (const actor of map.actors) {
    const isLevelOut = filters.levelKeys.length > 0 && !filters.levelKeys.includes(actor.levelKey);
    const chain = actor.unitId ? ancestors.get(actor.unitId) : undefined;
    const isUnitOut = wantedUnits.size > 0 && !(chain && [...chain].some((u) => wantedUnits.has(u)));
    if (isLevelOut || isUnitOut) hidden.add(actor.id);
  }
  const visibleLinks = map.links.filter((link) => {
    const isOut =
      hidden.has(link.sourceId) ||
      hidden.has(link.targetId) ||
      (filters.kinds.length > 0 && !filters.kinds.includes(link.kind)) ||
      (filters.couplings.length > 0 && !filters.couplings.includes(link.coupling)) ||
      (filters.isDisagreeingOnly && !input.disagreeingLinkIds?.has(link.id));
    if (isOut) hidden.add(link.id);
    return !isOut;
  });
  // A unit box with nothing visible inside is noise once filters are on.
  if (hidden.size > 0) {
    const used = new Set<string>();
    for (const actor of map.actors) {
      if (!hidden.has(actor.id) && actor.unitId) for (const u of ancestors.get(actor.unitId) ?? []) used.add(u);
    }
    for (const unit of map.units) if (!used.has(unit.id)) hidden.add(UNIT_PREFIX + unit.id);
  }

  let highlighted = new Set<string>();
  const path = new Set<string>();
  if (input.pathEnds) {
    const found = bestPath(visibleLinks, input.pathEnds[0], input.pathEnds[1]);
    for (const id of [...(found?.actorIds ?? input.pathEnds), ...(found?.linkIds ?? [])]) path.add(id);
  } else if (input.focusActorId) {
    highlighted.add(input.focusActorId);
    for (const link of visibleLinks) {
      if (link.sourceId === input.focusActorId || link.targetId === input.focusActorId) {
        highlighted.add(link.id).add(link.sourceId).add(link.targetId);
      }
    }
  } else if (input.emphasis) {
    highlighted = new Set([...input.emphasis.actorIds, ...input.emphasis.linkIds]);
  }
  const dimmed = new Set<string>();
  if (highlighted.size > 0 || path.size > 0) {
    for (const actor of map.actors) if (!highlighted.has(actor.id) && !path.has(actor.id)) dimmed.add(actor.id);
    for (const link of map.links) if (!highlighted.has(link.id) && !path.has(link.id)) dimmed.add(link.id);
  }

  const match = new Set<string>();
  const query = input.search.trim().toLocaleLowerCase('sv');
  if (query) {
    for (const actor of map.actors) {
      const text = input.searchText?.get(actor.id) ?? actor.name;
      if (text.toLocaleLowerCase('sv').includes(query)) match.add(actor.id);
    }
  }
  const marked = new Set(visibleLinks.filter((link) => input.disagreeingLinkIds?.has(link.id)).map((link) => link.id));
  return { hidden, dimmed, highlighted, path, match, marked };
}
