import type { CanvasLink, Coupling } from '../../canvas/model.ts';

/**
 * The cost of travelling a link when looking for the best path between two actors: the most
 * responsive route wins, and a decoupled link is a last resort, not forbidden (it still connects).
 * A description of reach, not a verdict on the couplings.
 */
export const PATH_COST: Record<Coupling, number> = { TIGHT: 1, LOOSE: 1.5, DECOUPLED: 10 };

export interface Path {
  actorIds: string[];
  linkIds: string[];
}

/** Dijkstra over undirected links; null when the actors are not connected. */
export function bestPath(links: readonly CanvasLink[], fromId: string, toId: string): Path | null {
  if (fromId === toId) return { actorIds: [fromId], linkIds: [] };
  const adjacency = new Map<string, CanvasLink[]>();
  for (const link of links) {
    for (const end of [link.sourceId, link.targetId]) {
      const list = adjacency.get(end) ?? [];
      list.push(link);
      adjacency.set(end, list);
    }
  }
  const distance = new Map<string, number>([[fromId, 0]]);
  const via = new Map<string, CanvasLink>();
  const done = new Set<string>();
  // A linear scan for the nearest open node: maps are at most a few thousand actors.
  const open = new Set<string>([fromId]);
  while (open.size > 0) {
    let current = '';
    let best = Infinity;
    for (const id of open) {
      const d = distance.get(id) ?? Infinity;
      if (d < best) [best, current] = [d, id];
    }
    open.delete(current);
    if (current === toId) break;
    done.add(current);
    for (const link of adjacency.get(current) ?? []) {
      const next = link.sourceId === current ? link.targetId : link.sourceId;
      if (done.has(next)) continue;
      const d = best + PATH_COST[link.coupling];
      if (d < (distance.get(next) ?? Infinity)) {
        distance.set(next, d);
        via.set(next, link);
        open.add(next);
      }
    }
  }
  if (!distance.has(toId)) return null;
  const actorIds = [toId];
  const linkIds: string[] = [];
  let at = toId;
  while (at !== fromId) {
    const link = via.get(at) as CanvasLink;
    linkIds.unshift(link.id);
    at = link.sourceId === at ? link.targetId : link.sourceId;
    actorIds.unshift(at);
  }
  return { actorIds, linkIds };
}
