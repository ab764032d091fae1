import type { Coupling, LinkKind } from '@kopplingskartan/schema/interchange';

import type { ScenarioGraph } from '../domain/records.ts';

/**
 * The plain input of every analysis: one scenario of one organisation, reduced to the fields the
 * analyses read. Built from a stored `ScenarioGraph` by `toChainGraph` (the worker pool does the
 * same row by row, `CHAIN_ROWS`), or directly by tests and the benchmark generator. Holds ids and names only, so it can be built by hand in a test.
 */
export interface ChainGraph {
  /** Chain levels top → bottom in array order; side levels (`isSide`) stand beside the chain. */
  levels: ReadonlyArray<{ key: string; name: string; isSide: boolean }>;
  units: ReadonlyArray<{ id: string; name: string; parentId: string | null }>;
  actors: ReadonlyArray<{ id: string; name: string; levelKey: string; unitId: string | null }>;
  links: ReadonlyArray<ChainLink>;
  arenas: ReadonlyArray<{ id: string; name: string; participantIds: readonly string[] }>;
  perceptions: ReadonlyArray<ChainPerception>;
  initiatives: ReadonlyArray<{
    id: string;
    name: string;
    ownerId: string | null;
    targetActorIds: readonly string[];
    targetUnitIds: readonly string[];
    /** How many evidence notes (Katz & Dack's traces) the initiative carries. */
    evidenceCount: number;
  }>;
}

export interface ChainLink {
  id: string;
  sourceId: string;
  targetId: string;
  kind: LinkKind;
  coupling: Coupling;
  /** Does the target respond to the source? null = not assessed. */
  targetResponds: boolean | null;
  /** Does the source respond to the target? null = not assessed. */
  sourceResponds: boolean | null;
  arenaId: string | null;
}

export interface ChainPerception {
  id: string;
  linkId: string;
  respondent: string;
  respondentActorId: string | null;
  coupling: Coupling | null;
  targetResponds: boolean | null;
  sourceResponds: boolean | null;
  distinctive: boolean | null;
}

type Row<K extends keyof ChainGraph> = ChainGraph[K][number];

/** One stored record of each kind reduced to what the analyses read (per row, so a caller can go slice by slice). */
export const CHAIN_ROWS = {
  units: ({ id, name, parentId }: ScenarioGraph['units'][number]): Row<'units'> => ({ id, name, parentId }),
  actors: ({ id, name, levelKey, unitId }: ScenarioGraph['actors'][number]): Row<'actors'> => ({
    id,
    name,
    levelKey,
    unitId,
  }),
  links: (link: ChainLink): ChainLink => ({
    id: link.id,
    sourceId: link.sourceId,
    targetId: link.targetId,
    kind: link.kind,
    coupling: link.coupling,
    targetResponds: link.targetResponds,
    sourceResponds: link.sourceResponds,
    arenaId: link.arenaId,
  }),
  arenas: ({ id, name, participantIds }: ScenarioGraph['arenas'][number]): Row<'arenas'> => ({
    id,
    name,
    participantIds,
  }),
  perceptions: (p: ScenarioGraph['perceptions'][number]): ChainPerception => ({
    id: p.id,
    linkId: p.linkId,
    respondent: p.respondent,
    respondentActorId: p.respondentActorId,
    coupling: p.coupling,
    targetResponds: p.targetResponds,
    sourceResponds: p.sourceResponds,
    distinctive: p.distinctive,
  }),
  initiatives: ({
    id,
    name,
    ownerId,
    targetActorIds,
    targetUnitIds,
    evidence,
  }: ScenarioGraph['initiatives'][number]): Row<'initiatives'> => ({
    id,
    name,
    ownerId,
    targetActorIds,
    targetUnitIds,
    evidenceCount: evidence.length,
  }),
};

/** The chain levels of an organisation as the analyses read them. */
export function chainLevels(graph: ScenarioGraph): ChainGraph['levels'] {
  return graph.organisation.levels.map(({ key, name, isSide }) => ({ key, name, isSide }));
}

/** Copies the fields the analyses read out of one scenario's graph (nothing else is kept). */
export function toChainGraph(graph: ScenarioGraph): ChainGraph {
  return {
    levels: chainLevels(graph),
    units: graph.units.map(CHAIN_ROWS.units),
    actors: graph.actors.map(CHAIN_ROWS.actors),
    links: graph.links.map(CHAIN_ROWS.links),
    arenas: graph.arenas.map(CHAIN_ROWS.arenas),
    perceptions: graph.perceptions.map(CHAIN_ROWS.perceptions),
    initiatives: graph.initiatives.map(CHAIN_ROWS.initiatives),
  };
}

/** An empty graph with the default chain, for tests and as a starting point. */
export function emptyChainGraph(levels: ChainGraph['levels']): ChainGraph {
  return { levels, units: [], actors: [], links: [], arenas: [], perceptions: [], initiatives: [] };
}
