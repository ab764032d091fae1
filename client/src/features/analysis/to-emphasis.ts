import type { Emphasis } from '../../state/view-store.ts';

/** The part of an analysis finding the map needs (mirrors server/src/analysis/findings.ts). */
export interface FindingRef {
  id: string;
  actorIds: string[];
  linkIds: string[];
  unitIds: string[];
}

/**
 * A chosen finding becomes emphasis: its actors and links, plus the actors at both ends of its
 * links (a link highlighted between two dimmed actors reads as floating). Unit findings highlight
 * the unit's actors. Ids not on the map are dropped.
 */
export function toEmphasis(
  finding: FindingRef,
  map: { actors: { id: string; unitId: string | null }[]; links: { id: string; sourceId: string; targetId: string }[] },
): Emphasis {
  const actorIds = new Set(map.actors.map((a) => a.id));
  const links = map.links.filter((l) => finding.linkIds.includes(l.id));
  const units = new Set(finding.unitIds);
  const chosen = new Set(finding.actorIds.filter((id) => actorIds.has(id)));
  for (const link of links) chosen.add(link.sourceId).add(link.targetId);
  for (const actor of map.actors) if (actor.unitId && units.has(actor.unitId)) chosen.add(actor.id);
  return { actorIds: [...chosen], linkIds: links.map((l) => l.id) };
}
