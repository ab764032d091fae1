import type {
  StoredActor,
  StoredArena,
  StoredInitiative,
  StoredLink,
  StoredOrganisation,
  StoredPerception,
  StoredPresentation,
  StoredScenario,
  StoredUnit,
} from '@kopplingskartan/schema/interchange';

import { defaultLevels } from './default-chains.ts';

export type { InScenario, Stored } from '@kopplingskartan/schema/interchange';
export type Organisation = StoredOrganisation;
export type Unit = StoredUnit;
export type Actor = StoredActor;
export type Scenario = StoredScenario;
export type Link = StoredLink;
export type Arena = StoredArena;
export type Perception = StoredPerception;
export type Initiative = StoredInitiative;
export type Presentation = StoredPresentation;

export interface RecordTypes {
  unit: Unit;
  actor: Actor;
  scenario: Scenario;
  link: Link;
  arena: Arena;
  perception: Perception;
  initiative: Initiative;
  presentation: Presentation;
}

export type RecordKind = keyof RecordTypes;
export type AnyRecord = RecordTypes[RecordKind];

/**
 * Insert order: organisation-wide records, then scenario records in dependency order, then
 * presentations, which refer to scenarios.
 */
export const RECORD_KINDS = [
  'unit',
  'actor',
  'scenario',
  'arena',
  'link',
  'perception',
  'initiative',
  'presentation',
] as const satisfies readonly RecordKind[];

const KIND_RANK = new Map<string, number>(RECORD_KINDS.map((kind, rank) => [kind, rank]));

/** Compares records by kind in `RECORD_KINDS` order, as the stores list an organisation's contents. */
export function byRecordKind(a: { kind: string }, b: { kind: string }): number {
  return (KIND_RANK.get(a.kind) ?? 0) - (KIND_RANK.get(b.kind) ?? 0);
}

export const SCENARIO_RECORD_KINDS = [
  'arena',
  'link',
  'perception',
  'initiative',
] as const satisfies readonly RecordKind[];
export type ScenarioRecordKind = (typeof SCENARIO_RECORD_KINDS)[number];

export function isScenarioRecordKind(kind: RecordKind): kind is ScenarioRecordKind {
  return (SCENARIO_RECORD_KINDS as readonly RecordKind[]).includes(kind);
}

/** Everything of one scenario that a map or an analysis needs. */
export interface ScenarioGraph {
  organisation: Organisation;
  scenario: Scenario;
  units: Unit[];
  actors: Actor[];
  links: Link[];
  arenas: Arena[];
  perceptions: Perception[];
  initiatives: Initiative[];
}

/** A tagged record, for batches that mix kinds (import, cloning). */
export type TaggedRecord = { [K in RecordKind]: { kind: K; record: RecordTypes[K] } }[RecordKind];

/** The whole contents of one organisation, as written and read by import, export and migration. */
export interface OrganisationContents {
  organisation: Organisation;
  records: TaggedRecord[];
}

/** The chain of an organisation created or imported without levels: the municipal one, in Swedish. */
export const DEFAULT_LEVELS: ReadonlyArray<Readonly<Organisation['levels'][number]>> = defaultLevels('MUNICIPAL', 'sv');
