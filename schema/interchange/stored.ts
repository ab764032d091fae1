/**
 * Records as the API and the stores hold them: the document's data plus the organisation (and
 * scenario) they belong to and an optimistic-locking version. The server's domain re-exports
 * these; GraphQL codegen maps the object types onto them.
 */
import type {
  ActorData,
  ArenaData,
  InitiativeData,
  LinkData,
  OrganisationData,
  PerceptionData,
  PresentationData,
  ScenarioData,
  UnitData,
} from './model.ts';

/** What every stored record carries besides its own data. `version` rises by one per update. */
export interface Stored {
  organisationId: string;
  version: number;
}

/** Records that belong to one scenario (its links and everything assessed within it). */
export interface InScenario {
  scenarioId: string;
}

export type StoredOrganisation = OrganisationData & { version: number };
export type StoredUnit = UnitData & Stored;
export type StoredActor = ActorData & Stored;
export type StoredScenario = ScenarioData & Stored;
export type StoredLink = LinkData & Stored & InScenario;
export type StoredArena = ArenaData & Stored & InScenario;
export type StoredPerception = PerceptionData & Stored & InScenario;
export type StoredInitiative = InitiativeData & Stored & InScenario;
export type StoredPresentation = PresentationData & Stored;
