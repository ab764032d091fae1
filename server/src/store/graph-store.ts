import type { ContentVersions } from '../domain/content-versions.ts';
import type {
  Organisation,
  OrganisationContents,
  RecordKind,
  RecordTypes,
  ScenarioGraph,
  TaggedRecord,
} from '../domain/records.ts';

export type { OrganisationContents } from '../domain/records.ts';

export interface PageRequest {
  first: number;
  /** Opaque cursor from a previous page's `endCursor`. */
  after?: string | null;
}

export interface Page<T> {
  nodes: T[];
  hasNextPage: boolean;
  endCursor: string | null;
  totalCount: number;
}

export interface StoreHealth {
  kind: 'sqlite' | 'neo4j';
  ready: boolean;
  detail?: string;
}

/** Narrows what `listRecords` and `readScenarioGraph` return. */
export interface RecordFilter {
  /** Only records of this scenario (scenario-scoped kinds). */
  scenarioId?: string;
}

export interface ScenarioGraphOptions {
  /** Only actors of these levels, and the links, arenas, perceptions and initiatives among them. */
  levelKeys?: readonly string[];
}

/** Options for the cross-organisation research query `organisationsWithLevelGap`. */
export interface LevelGapOptions {
  /** The upper of two adjacent chain levels; default `administration`. */
  upperLevel?: string;
  /** The level directly below it; default `principal`. */
  lowerLevel?: string;
}

/**
 * The one persistence interface, in domain words. Two adapters implement it (SQLite, Neo4j)
 * and both pass `contract/graph-store.contract.ts`.
 *
 * Every method is scoped by organisation: a record id from another organisation is never read
 * or written. Every write is one transaction. Records reach the store already validated by the
 * domain rules; the store enforces identity (DUPLICATE), existence (NOT_FOUND), optimistic
 * versions (VERSION_CONFLICT) and the cascades documented on each delete.
 */
export interface GraphStore {
  readonly kind: StoreHealth['kind'];

  /** Creates or upgrades the database schema; idempotent. */
  migrate(): Promise<void>;
  health(): Promise<StoreHealth>;
  close(): Promise<void>;

  listOrganisations(page: PageRequest): Promise<Page<Organisation>>;
  getOrganisation(id: string): Promise<Organisation | null>;
  /** Writes a new organisation and its first records in one transaction; DUPLICATE when the id exists. */
  createOrganisation(contents: OrganisationContents): Promise<Organisation>;
  /**
   * Replaces an existing organisation's whole contents in one transaction; NOT_FOUND when absent.
   * Every record written, and the organisation, get one version: above every version the
   * organisation held (`versionAfterReplace`). With `expected` (the versions the replacement was
   * planned from), VERSION_CONFLICT listing what changed, and nothing written, when the
   * organisation no longer has exactly those versions.
   */
  replaceOrganisation(contents: OrganisationContents, expected?: ContentVersions): Promise<Organisation>;
  /** Saves name, kind, description and levels; bumps the version. */
  updateOrganisation(organisation: Organisation, expectedVersion?: number): Promise<Organisation>;
  /** Deletes the organisation and everything in it; false when it did not exist. */
  deleteOrganisation(id: string): Promise<boolean>;
  /** The organisation with all its records, in `RECORD_KINDS` order. */
  readOrganisation(id: string): Promise<OrganisationContents | null>;

  /** The level keys that at least one actor of the organisation uses. */
  levelsInUse(organisationId: string): Promise<Set<string>>;

  getRecords<K extends RecordKind>(
    kind: K,
    organisationId: string,
    ids: readonly string[],
  ): Promise<Array<RecordTypes[K]>>;
  listRecords<K extends RecordKind>(
    kind: K,
    organisationId: string,
    filter: RecordFilter,
    page: PageRequest,
  ): Promise<Page<RecordTypes[K]>>;
  /** Another link of the same scenario with the same endpoints and kind, if any. */
  findParallelLink(link: RecordTypes['link']): Promise<string | undefined>;

  /** Inserts records (version 1) of one organisation in one transaction; DUPLICATE on a taken id. */
  insertRecords(organisationId: string, records: readonly TaggedRecord[]): Promise<void>;
  /** Saves a changed record, bumping its version; VERSION_CONFLICT when `expectedVersion` is stale. */
  updateRecord<K extends RecordKind>(
    kind: K,
    record: RecordTypes[K],
    expectedVersion?: number,
  ): Promise<RecordTypes[K]>;
  /**
   * Deletes a record; false when it did not exist. Cascades: an actor takes its links (in every
   * scenario) and their perceptions, and leaves arenas and initiatives; a link takes its
   * perceptions; a scenario takes everything in it; a unit's actors and child units are kept
   * without it; an arena's links are kept without it.
   */
  deleteRecord(kind: RecordKind, organisationId: string, id: string): Promise<boolean>;

  /**
   * A token that differs after every committed write to the organisation's records or its own
   * fields, by this process or any other sharing the database; equal tokens mean nothing was
   * written in between. Read it before the data it guards, so that data read after a write is
   * never kept under the token from before it. Comparable only within this store instance.
   * Null when writes to the organisation cannot be told apart (on Neo4j, an organisation
   * not written since stamps were introduced, or one that does not exist): cache nothing then.
   */
  writeStamp(organisationId: string): Promise<string | null>;

  /**
   * The graph may be shared between callers (both adapters keep it, frozen, until the next write
   * to the organisation: store/scenario-graph-cache.ts): never mutate it. With `levelKeys`, a
   * narrowed copy.
   */
  readScenarioGraph(
    organisationId: string,
    scenarioId: string,
    options?: ScenarioGraphOptions,
  ): Promise<ScenarioGraph | null>;

  /**
   * Research across organisations: those in which two adjacent chain levels (default
   * administration above principal) have no responsive (TIGHT or LOOSE) link, in either
   * direction, in the CURRENT scenario. Adjacent means directly below in that organisation's own
   * chain (side levels do not count); an organisation whose chain lacks either level, or has
   * another chain level between them, is not listed. The same level twice gives [].
   * Pushed down to SQL / Cypher: it reads no map into the application.
   * @returns the organisations ordered by id.
   */
  organisationsWithLevelGap(options?: LevelGapOptions): Promise<Organisation[]>;
}
