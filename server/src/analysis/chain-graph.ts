import type { Coupling, LinkKind } from '@kopplingskartan/schema/interchange';

import type { ScenarioGraph } from '../domain/records.ts';

/**
 * The plain input of every analysis: one scenario of one organisation, reduced to the fields the
 * analyses read. Built from a `ScenarioGraph` by `toChainGraph`, or directly by tests and the
 * benchmark generator. Holds ids and names only, so it can be built by hand in a test.
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

/** Copies the fields the analyses read out of one scenario's graph (nothing else is kept). */
export function toChainGraph(graph: ScenarioGraph): ChainGraph {
  return {
    levels: graph.organisation.levels.map(({ key, name, isSide }) => ({ key, name, isSide })),
    units: graph.units.map(({ id, name, parentId }) => ({ id, name, parentId })),
    actors: graph.actors.map(({ id, name, levelKey, unitId }) => ({ id, name, levelKey, unitId })),
    links: graph.links.map(({ id, sourceId, targetId, kind, coupling, targetResponds, sourceResponds, arenaId }) => ({
      id,
      sourceId,
      targetId,
      kind,
      coupling,
      targetResponds,
      sourceResponds,
      arenaId,
    })),
    arenas: graph.arenas.map(({ id, name, participantIds }) => ({ id, name, participantIds })),
    perceptions: graph.perceptions.map((p) => ({
      id: p.id,
      linkId: p.linkId,
      respondent: p.respondent,
      respondentActorId: p.respondentActorId,
      coupling: p.coupling,
      targetResponds: p.targetResponds,
      sourceResponds: p.sourceResponds,
      distinctive: p.distinctive,
    })),
    initiatives: graph.initiatives.map(({ id, name, ownerId, targetActorIds, targetUnitIds }) => ({
      id,
      name,
      ownerId,
      targetActorIds,
      targetUnitIds,
    })),
  };
}

/** An empty graph with the default chain, for tests and as a starting point. */
export function emptyChainGraph(levels: ChainGraph['levels']): ChainGraph {
  return { levels, units: [], actors: [], links: [], arenas: [], perceptions: [], initiatives: [] };
}
