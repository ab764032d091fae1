import type {
  ActorData,
  ArenaData,
  InitiativeData,
  LinkData,
  OrganisationData,
  PerceptionData,
  ScenarioData,
  UnitData,
} from '@kopplingskartan/schema/interchange';

/** What every stored record carries besides its own data. `version` rises by one per update. */
export interface Stored {
  organisationId: string;
  version: number;
}

/** Records that belong to one scenario (its links and everything assessed within it). */
export interface InScenario {
  scenarioId: string;
}

export type Organisation = OrganisationData & { version: number };
export type Unit = UnitData & Stored;
export type Actor = ActorData & Stored;
export type Scenario = ScenarioData & Stored;
export type Link = LinkData & Stored & InScenario;
export type Arena = ArenaData & Stored & InScenario;
export type Perception = PerceptionData & Stored & InScenario;
export type Initiative = InitiativeData & Stored & InScenario;

export interface RecordTypes {
  unit: Unit;
  actor: Actor;
  scenario: Scenario;
  link: Link;
  arena: Arena;
  perception: Perception;
  initiative: Initiative;
}

export type RecordKind = keyof RecordTypes;
export type AnyRecord = RecordTypes[RecordKind];

/** Organisation-wide records first, then scenario records in dependency order (insert order). */
export const RECORD_KINDS = [
  'unit',
  'actor',
  'scenario',
  'arena',
  'link',
  'perception',
  'initiative',
] as const satisfies readonly RecordKind[];

export const SCENARIO_RECORD_KINDS = ['arena', 'link', 'perception', 'initiative'] as const satisfies readonly RecordKind[];
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

export const DEFAULT_LEVELS = [
  { key: 'politics', name: 'Politik', isSide: false },
  { key: 'administration', name: 'Förvaltning', isSide: false },
  { key: 'principal', name: 'Rektor', isSide: false },
  { key: 'teacher', name: 'Lärare', isSide: false },
  { key: 'support', name: 'Stöd', isSide: true },
] as const;
