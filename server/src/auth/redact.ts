import type { ScenarioGraph } from '../domain/records.ts';

/**
 * The map as the presentation audience sees it: no confidential links, no perceptions (they are
 * individual answers, with respondents and comments), and no person names, notes or evidence
 * texts. Actor names are roles ("Rektor"), so the structure stays readable.
 */
export function redactForAudience(graph: ScenarioGraph): ScenarioGraph {
  return {
    ...graph,
    actors: graph.actors.map((actor) => ({ ...actor, personName: null, notes: null })),
    links: graph.links.filter((link) => !link.confidential).map((link) => ({ ...link, notes: null, evidence: [] })),
    perceptions: [],
    initiatives: graph.initiatives.map((initiative) => ({ ...initiative, evidence: [] })),
  };
}
