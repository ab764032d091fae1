import type { Scenario, ScenarioGraph, TaggedRecord } from './records.ts';

/**
 * The records of a copy of `graph`'s scenario under `scenario`: arenas, links and initiatives
 * with new ids (links keep pointing at the copied arenas). Perceptions are not copied: they are
 * one respondent's view at one moment, not part of a state one plans from. Links come in the
 * order of `graph.links`.
 * @param makeId gives a fresh id for a copied record of the named kind.
 */
export function cloneScenarioRecords(
  graph: ScenarioGraph,
  scenario: Scenario,
  makeId: (kind: 'arena' | 'link' | 'initiative') => string,
): TaggedRecord[] {
  const arenaIds = new Map(graph.arenas.map((arena) => [arena.id, makeId('arena')]));
  const scoped = { scenarioId: scenario.id, version: 1 };
  return [
    { kind: 'scenario', record: scenario },
    ...graph.arenas.map((arena): TaggedRecord => ({
      kind: 'arena',
      record: { ...arena, ...scoped, id: arenaIds.get(arena.id)! },
    })),
    ...graph.links.map((link): TaggedRecord => ({
      kind: 'link',
      record: {
        ...link,
        ...scoped,
        id: makeId('link'),
        arenaId: link.arenaId ? (arenaIds.get(link.arenaId) ?? null) : null,
      },
    })),
    ...graph.initiatives.map((initiative): TaggedRecord => ({
      kind: 'initiative',
      record: { ...initiative, ...scoped, id: makeId('initiative') },
    })),
  ];
}
