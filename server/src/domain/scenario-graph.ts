import type { ScenarioGraph } from './records.ts';

/**
 * Keeps only what concerns the graph's actors: links with both ends among them, the
 * perceptions of those links, arenas with at least one of them (participants narrowed to them)
 * and initiatives that reach one of them or their units. Used when a view asks for some levels.
 */
export function narrowScenarioGraph(graph: ScenarioGraph): ScenarioGraph {
  const actorIds = new Set(graph.actors.map((actor) => actor.id));
  const unitIds = new Set(graph.actors.flatMap((actor) => (actor.unitId ? [actor.unitId] : [])));
  return {
    ...withoutDanglingLinks(graph),
    arenas: graph.arenas
      .map((arena) => ({ ...arena, participantIds: arena.participantIds.filter((id) => actorIds.has(id)) }))
      .filter((arena) => arena.participantIds.length > 0),
    initiatives: graph.initiatives.filter(
      (initiative) =>
        (initiative.ownerId !== null && actorIds.has(initiative.ownerId)) ||
        initiative.targetActorIds.some((id) => actorIds.has(id)) ||
        initiative.targetUnitIds.some((id) => unitIds.has(id)),
    ),
  };
}

/**
 * The graph without its links whose ends are not both among its actors, nor perceptions of a
 * link it lacks; the same object when nothing is missing.
 */
export function withoutDanglingLinks(graph: ScenarioGraph): ScenarioGraph {
  const actorIds = new Set(graph.actors.map((actor) => actor.id));
  const links = graph.links.filter((link) => actorIds.has(link.sourceId) && actorIds.has(link.targetId));
  const linkIds = new Set(links.map((link) => link.id));
  const perceptions = graph.perceptions.filter((perception) => linkIds.has(perception.linkId));
  const isWhole = links.length === graph.links.length && perceptions.length === graph.perceptions.length;
  return isWhole ? graph : { ...graph, links, perceptions };
}
