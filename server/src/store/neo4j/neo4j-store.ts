/**
 * The Neo4j adapter of GraphStore (neo4j-driver, parameterised Cypher from `queries.ts` only).
 *
 * ## Graph model
 * - One label per record kind (`:Unit`, `:Actor`, `:Scenario`, `:Arena`, `:Link`, `:Perception`,
 *   `:Initiative`) plus `:Organisation` and `:Level`. Every record node carries `organisationId`
 *   and is unique on (organisationId, id): ids are local to an organisation, as in the SQLite
 *   store, and every statement names the organisation, so scoping is structural.
 * - A node's properties are its record's fields, verbatim (reference fields hold ids, id lists are
 *   native string lists, evidence notes a JSON string). Reading a record is `properties(n)`, so the
 *   interchange round trip is exact and needs no joins.
 * - Links are reified as `:Link` nodes, not relationships: a link has perceptions of its own
 *   (`(:Perception)-[:ASSESSES]->(:Link)`), can meet in an arena, and is edited and versioned as a
 *   record. Relationships cannot be the end of a relationship, and a relationship per link would
 *   have to be re-created (new identity) whenever its endpoints change.
 * - Every reference field is mirrored by a relationship from the referring node to the referred
 *   one (`(:Link)-[:FROM]->(:Actor)`, `-[:TO]->`, `(:Actor)-[:MEMBER_OF]->(:Unit)`,
 *   `(:Actor)-[:AT_LEVEL]->(:Level)<-[:HAS_LEVEL]-(:Organisation)`, … see `REFERENCE_TYPES`),
 *   re-derived in the same transaction as every write (`SYNC_REFERENCES`). Those relationships
 *   are what traversals use: level narrowing of a scenario, and the cross-organisation research
 *   query, which is one pattern Level ← Actor ← Link → Actor → Level.
 * - Levels are `:Level` nodes with their `position`, so chain order and adjacency are queryable
 *   in Cypher; the organisation's `levels` list is read back from them in order.
 * - Scenario records carry `scenarioId` as an indexed property rather than a relationship: a
 *   scenario's contents are always read or deleted as a whole, which an index seek does best.
 *
 * ## Access
 * Reads go out as the auto-commit statements of one read session, sent together (one round
 * trip), writes through `executeWrite` (transactions.ts), in the configured database. Every
 * write method is one transaction, except that record writes to one organisation arriving while
 * one of its transactions runs share the next (group commit, write-batches.ts; a refusal sends
 * each back to a transaction of its own). Every write first takes its
 * organisation's write lock (`LOCK_ORGANISATION`, a property written and removed on the
 * `:Organisation` node, held to commit), so writes to one organisation serialise in the
 * database, also across app instances; the account side of a change (its history entry) joins
 * that transaction (`writeWith`). A record update names the version it changes and is written
 * only if that is still the stored one (`UPDATE_RECORD`, checked under the organisation's lock),
 * so two concurrent updates cannot both pass the check.
 */
import { LRUCache } from 'lru-cache';
import neo4j, { type Driver, type ManagedTransaction, type Record as Neo4jRecord } from 'neo4j-driver';

import {
  checkUnchangedSince,
  type ContentVersions,
  recordKey,
  versionAfterReplace,
} from '../../domain/content-versions.ts';
import { DomainError, notFound, versionConflict } from '../../domain/errors.ts';
import { withoutDanglingLinks } from '../../domain/scenario-graph.ts';
import {
  byRecordKind,
  type Organisation,
  RECORD_KINDS,
  type RecordKind,
  type RecordTypes,
  type ScenarioGraph,
  type TaggedRecord,
  isScenarioRecordKind,
} from '../../domain/records.ts';
import { decodeCursor, encodeCursor, pageSize } from '../cursor.ts';
import type {
  GraphStore,
  LevelGapOptions,
  OrganisationContents,
  Page,
  PageRequest,
  RecordFilter,
  ScenarioGraphOptions,
  StoreHealth,
} from '../graph-store.ts';
import { ScenarioGraphCache } from '../scenario-graph-cache.ts';
import { WriteJoiner } from '../write-joiner.ts';
import { WriteBatches } from './write-batches.ts';
import { SCHEMA_STEPS, SCHEMA_VERSION, SCHEMA_VERSION_NODE_ID } from './constraints.ts';
import { deleteRoundsOfOrganisation } from './neo4j-round-store.ts';
import * as Q from './queries.ts';
import {
  levelRows,
  organisationFromProperties,
  organisationProperties,
  type Properties,
  recordsFromRows,
  toProperties,
} from './records.ts';
import {
  displayUri,
  Neo4jTransactions,
  type Params,
  runStatement,
  type StatementRunner,
  turnIn,
} from './transactions.ts';

export interface Neo4jStoreOptions {
  /** `neo4j://`, `neo4j+s://`, `neo4j+ssc://`, `bolt://`, `bolt+s://` or `bolt+ssc://`. */
  uri: string;
  user: string;
  password: string;
  /** The database to use; the user's home database when left out. */
  database?: string;
  /** How long the driver keeps retrying a transaction on transient errors (default 30 s). */
  maxTransactionRetryTimeMs?: number;
  /** How long to wait for a connection (default 30 s; keep it short for a CLI). */
  connectionTimeoutMs?: number;
}

/** Record versions remembered from this process's own updates; an entry is ~100 bytes. */
const SAVED_VERSIONS_KEPT = 10_000;

/** The driver's `fetchSize` for "every record of a result in one batch". */
const FETCH_ALL = -1;

/** Rows per UNWIND: large imports go in several statements of the same transaction. */
const BATCH_SIZE = 5000;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH_SIZE) out.push(items.slice(i, i + BATCH_SIZE));
  return out;
}

/** Every statement comes from queries.ts (`Q.Statement`, checked offline by cypher-lint.test.ts). */
const run = <P extends string>(tx: StatementRunner, statement: Q.Statement<P>, params: Params<P>) =>
  runStatement(tx, statement, params);

export class Neo4jStore implements GraphStore {
  readonly kind = 'neo4j' as const;
  private readonly transactions: Neo4jTransactions;
  /** Adds the work of a `writeWith` to the transaction of its write method. */
  private readonly joiner = new WriteJoiner<ManagedTransaction, Promise<void>>();
  private readonly graphs = new ScenarioGraphCache();
  /** Group commit of each organisation's record writes (see WriteBatches). */
  private readonly batches = new WriteBatches<ManagedTransaction>(
    (work) => this.transactions.write(work),
    turnIn,
    (error) => error instanceof DomainError && error.code === 'STORE_UNAVAILABLE',
  );
  /** The versions of records this process saved last, by organisation, kind and id (see updateRecord). */
  private readonly savedVersions = new LRUCache<string, number>({ max: SAVED_VERSIONS_KEPT });
  /**
   * The contents `createOrganisation` or `replaceOrganisation` wrote, by transaction: exactly what
   * reading the organisation back in that transaction would give (`readOrganisationIn`), so the
   * history's snapshot of an import does not read 165,000 records back at 20,000 actors.
   */
  private readonly contentsWritten = new WeakMap<object, OrganisationContents>();

  constructor(options: Neo4jStoreOptions) {
    let driver: Driver;
    try {
      // One driver per store; it connects lazily, so constructing does no I/O.
      driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
        disableLosslessIntegers: true,
        userAgent: 'kopplingskartan',
        maxTransactionRetryTime: options.maxTransactionRetryTimeMs ?? 30_000,
        connectionAcquisitionTimeout: options.connectionTimeoutMs ?? 30_000,
        connectionTimeout: options.connectionTimeoutMs ?? 30_000,
        // Every statement's records are kept whole (runStatement), so they are pulled in one
        // go: with the default of 1,000 a batch, the 74,000 links of a large scenario came in
        // 75 round trips, one after another.
        fetchSize: FETCH_ALL,
      });
    } catch (error) {
      const uri = displayUri(options.uri);
      throw new DomainError('STORE_UNAVAILABLE', `"${uri}" is not a usable Neo4j URI: ${(error as Error).message}`, {
        uri,
      });
    }
    this.transactions = new Neo4jTransactions(
      driver,
      options.database || undefined,
      options.uri,
      options.user,
      options.maxTransactionRetryTimeMs ?? 30_000,
    );
  }

  private read<T>(work: (tx: StatementRunner) => Promise<T>): Promise<T> {
    return this.transactions.read(work);
  }

  /**
   * The transaction of a write method, with the work of a `writeWith` in progress. `work` may
   * hand statements it does not need the answers of to `send` instead of awaiting them: they are
   * awaited before the commit, and the joined work's statements (a history entry, its snapshot)
   * go out right behind them, in the same round trip. The organisation's other writers wait for
   * every round trip made while its lock is held.
   */
  private write<T>(work: WriteWork<T>, onConstraint?: () => DomainError): Promise<T> {
    return this.writeJoined(this.joiner.claim(), work, onConstraint);
  }

  /** `write` with the joined work already claimed: a write method that may try twice claims it once. */
  private writeJoined<T>(joined: Joined | undefined, work: WriteWork<T>, onConstraint?: () => DomainError): Promise<T> {
    return this.transactions.write((tx) => runJoined(tx, joined, work), onConstraint);
  }

  /**
   * Runs `write`, which calls one write method of this store, and `then(that method's result,
   * its transaction)` before that transaction commits: both are stored or neither. The account
   * store (neo4j-account-store.ts) writes the account side of a change this way. See `WriteJoiner`.
   */
  writeWith<T>(write: () => Promise<T>, then: (result: T, tx: ManagedTransaction) => Promise<void>): Promise<T> {
    return this.joiner.join(write, then);
  }

  /**
   * The transactions of this store's driver and database, for the account store, which keeps
   * its nodes in the same database: one driver per process. Only `close()` here closes it.
   */
  shareTransactions(): Neo4jTransactions {
    return this.transactions;
  }

  /**
   * Checks the server and credentials, creates every constraint and index idempotently (IF NOT
   * EXISTS) and records the schema version reached.
   * @throws DomainError STORE_UNAVAILABLE naming the URI (never the password) when the server
   *   cannot be reached, refuses the credentials, or holds a newer schema than this code knows.
   */
  async migrate(): Promise<void> {
    const { driver, database, uri } = this.transactions;
    try {
      await driver.verifyConnectivity({ database });
    } catch (error) {
      const translated = this.transactions.translate(error);
      if (translated instanceof DomainError) throw translated;
      throw new DomainError(
        'STORE_UNAVAILABLE',
        `${this.transactions.where()} could not be reached: ${(error as Error).message}`,
        { uri },
      );
    }
    const records = await this.read((tx) => run(tx, Q.READ_SCHEMA_VERSION, { id: SCHEMA_VERSION_NODE_ID }));
    const current = records.length > 0 ? Number(records[0]!.get('version')) : 0;
    if (current > SCHEMA_VERSION) {
      throw new DomainError(
        'STORE_UNAVAILABLE',
        `${this.transactions.where()} holds schema version ${current}, newer than this server's ${SCHEMA_VERSION}; upgrade the server.`,
        { uri, schemaVersion: current },
      );
    }
    // Every element of every step, each time: IF NOT EXISTS makes it cheap, and a dropped index
    // comes back. (A future step with data statements would run only when current < its version.)
    for (const step of SCHEMA_STEPS) {
      // Schema commands cannot share a transaction with data writes: one each.
      for (const element of step.elements) {
        const statement = Q.CREATE_SCHEMA_ELEMENT[element.name]!;
        await this.write((tx) => run(tx, statement, {}));
      }
    }
    if (current < SCHEMA_VERSION) {
      await this.write((tx) =>
        run(tx, Q.WRITE_SCHEMA_VERSION, { id: SCHEMA_VERSION_NODE_ID, version: neo4j.int(SCHEMA_VERSION) }),
      );
    }
  }

  async health(): Promise<StoreHealth> {
    try {
      await this.read((tx) => run(tx, Q.PING, {}));
      return { kind: 'neo4j', ready: true, detail: this.transactions.where() };
    } catch (error) {
      return { kind: 'neo4j', ready: false, detail: (error as Error).message };
    }
  }

  /** The server's version and edition as the dbms.components procedure gives them, e.g. `5.26.31 community`. */
  async serverVersion(): Promise<string> {
    const [row] = await this.read((tx) => run(tx, Q.SERVER_VERSION, {}));
    return String(row?.get('version') ?? 'unknown');
  }

  async close(): Promise<void> {
    await this.transactions.driver.close();
  }

  // ------------------------------------------------------------------------------------------
  // Organisations

  async listOrganisations(page: PageRequest): Promise<Page<Organisation>> {
    const size = pageSize(page.first);
    return this.read(async (tx) => {
      // Sent together: one round trip for the count and the page.
      const [[count], rows] = await Promise.all([
        run(tx, Q.COUNT_ORGANISATIONS, {}),
        run(tx, Q.PAGE_ORGANISATIONS, { after: decodeCursor(page.after) ?? '', limit: neo4j.int(size + 1) }),
      ]);
      const nodes = rows.slice(0, size).map((row) => organisationFromProperties(row.get('organisation') as Properties));
      const last = nodes.at(-1);
      return {
        nodes,
        hasNextPage: rows.length > size,
        endCursor: last ? encodeCursor(last.id) : null,
        totalCount: Number(count?.get('total') ?? 0),
      };
    });
  }

  /** Asked together with the other requests' look-ups (Neo4jTransactions.lookup): every edit asks it. */
  async getOrganisation(id: string): Promise<Organisation | null> {
    const [row] = await this.transactions.lookup(Q.LOOKUP_ORGANISATION, { organisationId: id });
    return organisationOf(row);
  }

  private async readOrganisationNode(tx: StatementRunner, id: string): Promise<Organisation | null> {
    const [row] = await run(tx, Q.READ_ORGANISATION, { organisationId: id });
    return organisationOf(row);
  }

  async createOrganisation(contents: OrganisationContents): Promise<Organisation> {
    const { id } = contents.organisation;
    const exists = () =>
      new DomainError('ORGANISATION_EXISTS', `An organisation with id "${id}" already exists.`, {
        id,
        field: 'id',
        reason: 'DUPLICATE',
      });
    return this.write(async (tx) => {
      if (await this.readOrganisationNode(tx, id)) throw exists();
      await this.writeContents(tx, contents);
      return { ...contents.organisation, version: 1 };
    }, exists);
  }

  async replaceOrganisation(contents: OrganisationContents, expected?: ContentVersions): Promise<Organisation> {
    const { id } = contents.organisation;
    return this.write(async (tx) => {
      const locked = await this.lockOrganisation(tx, id);
      if (locked === null) throw notFound('organisation', id);
      const current = await this.versionsIn(tx, id, locked);
      if (expected) checkUnchangedSince(id, expected, current);
      const version = versionAfterReplace(current);
      await this.deleteContents(tx, id);
      await this.writeContents(tx, contents, version);
      // Built inside the transaction: a joined write must return its transaction's result as is.
      return { ...contents.organisation, version };
    });
  }

  /**
   * Takes the organisation's write lock, held to commit, so that writes to one organisation
   * serialise in the database, also across app instances (and with them their history entries).
   * @returns its version, or null when it does not exist.
   */
  private async lockOrganisation(tx: ManagedTransaction, id: string): Promise<number | null> {
    const [row] = await run(tx, Q.LOCK_ORGANISATION, { organisationId: id });
    return row ? Number(row.get('version')) : null;
  }

  /** Every record's version, read under the organisation's write lock. */
  private async versionsIn(tx: ManagedTransaction, id: string, organisation: number): Promise<ContentVersions> {
    const records = new Map<string, number>();
    const rowsOfKinds = await allOfKinds(tx, id);
    RECORD_KINDS.forEach((kind, k) => {
      for (const row of rowsOfKinds[k]!)
        records.set(recordKey(kind, String(row.get('id'))), Number(row.get('version')));
    });
    return { organisation, records };
  }

  private async writeContents(
    tx: ManagedTransaction,
    { organisation, records }: OrganisationContents,
    version = 1,
  ): Promise<void> {
    const byKind = byKindOf(records);
    refuseRepeated(byKind);
    this.contentsWritten.set(tx, asStored({ organisation, records }, version));
    // No id can be taken: the organisation is new, or its contents were just deleted (records never
    // outlive their organisation node), so the 165,000 look-ups of a large import are not made.
    await Promise.all([
      run(tx, Q.CREATE_ORGANISATION, { properties: organisationProperties(organisation, version) }),
      run(tx, Q.SYNC_LEVELS, { organisationId: organisation.id, levels: levelRows(organisation) }),
      this.insertAll(tx, organisation.id, byKind, version),
    ]);
  }

  private async deleteContents(tx: ManagedTransaction, id: string): Promise<boolean> {
    for (const kind of RECORD_KINDS) await run(tx, Q.DELETE_ALL_OF_KIND[kind], { organisationId: id });
    const [row] = await run(tx, Q.DELETE_ORGANISATION_NODE, { organisationId: id });
    return Number(row?.get('deleted') ?? 0) > 0;
  }

  async updateOrganisation(organisation: Organisation, expectedVersion?: number): Promise<Organisation> {
    return this.write(async (tx, send) => {
      const current = await this.lockOrganisation(tx, organisation.id);
      if (current === null) throw notFound('organisation', organisation.id);
      if (expectedVersion !== undefined && expectedVersion !== current) {
        throw versionConflict('organisation', organisation.id, expectedVersion, current);
      }
      const version = current + 1;
      send(
        run(tx, Q.REPLACE_ORGANISATION_PROPERTIES, {
          organisationId: organisation.id,
          properties: organisationProperties(organisation, version),
        }),
      );
      send(run(tx, Q.SYNC_LEVELS, { organisationId: organisation.id, levels: levelRows(organisation) }));
      return { ...organisation, version };
    });
  }

  async deleteOrganisation(id: string): Promise<boolean> {
    return this.write(async (tx) => {
      if ((await this.lockOrganisation(tx, id)) === null) return false;
      // Rounds live beside the map in the same database; they go with the organisation, not
      // with a replacement of its contents (an import or a restore keeps them).
      await deleteRoundsOfOrganisation(tx, id);
      return this.deleteContents(tx, id);
    });
  }

  async readOrganisation(id: string): Promise<OrganisationContents | null> {
    return this.read((tx) => this.readOrganisationIn(tx, id));
  }

  /** `readOrganisation` inside a transaction: the account store's snapshots see the write they record. */
  async readOrganisationIn(tx: StatementRunner, id: string): Promise<OrganisationContents | null> {
    const written = this.contentsWritten.get(tx);
    if (written?.organisation.id === id) return written;
    const [organisation, rowsOfKinds] = await Promise.all([this.readOrganisationNode(tx, id), allOfKinds(tx, id)]);
    if (!organisation) return null;
    const records = RECORD_KINDS.flatMap((kind, k) =>
      recordsFromRows(kind, rowsOfKinds[k]!).map((record) => ({ kind, record }) as TaggedRecord),
    );
    return { organisation, records };
  }

  // ------------------------------------------------------------------------------------------
  // Records

  /**
   * The organisation's `writeStamp`, which every write renews (see LOCK_ORGANISATION); asked
   * together with the other requests' look-ups (Neo4jTransactions.lookup).
   */
  async writeStamp(organisationId: string): Promise<string | null> {
    const [row] = await this.transactions.lookup(Q.READ_WRITE_STAMP, { organisationId });
    return (row?.get('stamp') as string | null | undefined) ?? null;
  }

  async levelsInUse(organisationId: string): Promise<Set<string>> {
    const rows = await this.read((tx) => run(tx, Q.LEVELS_IN_USE, { organisationId }));
    return new Set(rows.map((row) => row.get('levelKey') as string));
  }

  async getRecords<K extends RecordKind>(
    kind: K,
    organisationId: string,
    ids: readonly string[],
  ): Promise<Array<RecordTypes[K]>> {
    if (ids.length === 0) return [];
    // Asked together with the other requests' look-ups: an edit reads its record and what it refers to.
    const rows = await this.transactions.lookup(Q.LOOKUP_RECORDS[kind], { organisationId, ids: [...new Set(ids)] });
    return recordsFromRows(kind, rows);
  }

  async listRecords<K extends RecordKind>(
    kind: K,
    organisationId: string,
    filter: RecordFilter,
    page: PageRequest,
  ): Promise<Page<RecordTypes[K]>> {
    const size = pageSize(page.first);
    // Organisation-wide kinds belong to every scenario: the filter does not narrow them.
    const scenarioId = isScenarioRecordKind(kind) ? (filter.scenarioId ?? null) : null;
    return this.read(async (tx) => {
      // Sent together: one round trip for the count and the page.
      const [[count], rows] = await Promise.all([
        run(tx, Q.COUNT_RECORDS[kind], { organisationId, scenarioId }),
        run(tx, Q.PAGE_RECORDS[kind], {
          organisationId,
          scenarioId,
          after: decodeCursor(page.after) ?? '',
          limit: neo4j.int(size + 1),
        }),
      ]);
      const nodes = recordsFromRows(kind, rows.slice(0, size));
      const last = nodes.at(-1);
      return {
        nodes,
        hasNextPage: rows.length > size,
        endCursor: last ? encodeCursor(last.id) : null,
        totalCount: Number(count?.get('total') ?? 0),
      };
    });
  }

  async findParallelLink(link: RecordTypes['link']): Promise<string | undefined> {
    const [row] = await this.read((tx) =>
      run(tx, Q.FIND_PARALLEL_LINK, {
        organisationId: link.organisationId,
        scenarioId: link.scenarioId,
        sourceId: link.sourceId,
        targetId: link.targetId,
        kind: link.kind,
        id: link.id,
      }),
    );
    return row ? (row.get('id') as string) : undefined;
  }

  async insertRecords(organisationId: string, records: readonly TaggedRecord[]): Promise<void> {
    const byKind = byKindOf(records);
    refuseRepeated(byKind);
    const joined = this.joiner.claim();
    const work: WriteWork<void> = (tx, send) => {
      // Nothing awaited: the lock, the checks and the inserts go out with the history entry in one
      // round trip. A check that refuses (a missing organisation, in which no id is taken, or a
      // taken id) is answered before the inserts and rolls them back.
      send(
        this.lockOrganisation(tx, organisationId).then((locked) => {
          if (locked === null) throw notFound('organisation', organisationId);
        }),
      );
      send(this.refuseTaken(tx, organisationId, byKind));
      send(this.insertAll(tx, organisationId, byKind));
    };
    await this.batches.write(organisationId, {
      run: (tx) => runJoined(tx, joined, work),
      alone: () => this.writeJoined(joined, work),
    });
  }

  /** DUPLICATE for the first id already taken in the organisation (see also `refuseRepeated`). */
  private async refuseTaken(
    tx: ManagedTransaction,
    organisationId: string,
    byKind: ReadonlyMap<RecordKind, readonly TaggedRecord['record'][]>,
  ): Promise<void> {
    const checks: Array<Promise<{ kind: RecordKind; rows: Neo4jRecord[] }>> = [];
    for (const [kind, list] of byKind) {
      for (const chunk of chunks(list.map((record) => record.id))) {
        checks.push(run(tx, Q.FIND_TAKEN_ID[kind], { organisationId, ids: chunk }).then((rows) => ({ kind, rows })));
      }
    }
    for (const { kind, rows } of await Promise.all(checks)) {
      const [taken] = rows;
      if (taken) throw duplicate(kind, taken.get('id') as string);
    }
  }

  /**
   * Creates every node, kind by kind in RECORD_KINDS' order, each with its reference
   * relationships and the check of its required references where those can only point back
   * (LINKED_ON_INSERT); then the relationships of the kinds that may refer forward (a unit to a
   * later parent). A missing required reference is refused, and a throw rolls the whole
   * transaction back. Every statement is sent before the first answer is awaited (pipelined; the
   * server runs them in the order sent).
   */
  private async insertAll(
    tx: ManagedTransaction,
    organisationId: string,
    byKind: ReadonlyMap<RecordKind, readonly TaggedRecord['record'][]>,
    version = 1,
  ): Promise<void> {
    const inserts: Array<Promise<unknown>> = [];
    for (const kind of RECORD_KINDS) {
      for (const chunk of chunks(byKind.get(kind) ?? [])) {
        const rows = chunk.map((record) => toProperties(kind, record, organisationId, version));
        inserts.push(run(tx, Q.INSERT_RECORDS[kind], { rows }).then((found) => refuseMissing(kind, found)));
      }
    }
    const syncs = RECORD_KINDS.filter((kind) => !Q.LINKED_ON_INSERT.has(kind)).map((kind) =>
      this.syncReferences(
        tx,
        kind,
        organisationId,
        (byKind.get(kind) ?? []).map((record) => record.id),
      ),
    );
    await Promise.all([...inserts, ...syncs]);
  }

  /**
   * Re-derives the records' reference relationships (SYNC_REFERENCES), then refuses a missing
   * required reference. Every statement is sent at once (pipelined; the server runs them in
   * order), before the first answer is awaited.
   */
  private syncReferences(
    tx: ManagedTransaction,
    kind: RecordKind,
    organisationId: string,
    ids: readonly string[],
  ): Promise<unknown> {
    const sync = Q.SYNC_REFERENCES[kind];
    const synced = sync ? chunks(ids).map((chunk) => run(tx, sync, { organisationId, ids: chunk })) : [];
    return Promise.all([...synced, this.refuseMissingReferences(tx, kind, organisationId, ids)]);
  }

  /** BAD_USER_INPUT for the first of the records whose required references are missing (MISSING_REFERENCES). */
  private async refuseMissingReferences(
    tx: ManagedTransaction,
    kind: RecordKind,
    organisationId: string,
    ids: readonly string[],
  ): Promise<void> {
    if (!isScenarioRecordKind(kind)) return;
    const answers = chunks(ids).map((chunk) => run(tx, Q.MISSING_REFERENCES[kind], { organisationId, ids: chunk }));
    refuseMissing(kind, (await Promise.all(answers)).flat());
  }

  /**
   * Optimistic first: the update goes out with its references and its history entry in one round
   * trip (UPDATE_RECORD), written only if the record is still at the version the caller read
   * (`expectedVersion`, else the record's own). When it has moved on and the caller named no
   * version, that attempt is rolled back and the update made again after locking (LOCK_RECORD),
   * on whatever version is stored then. In a batch (write-batches.ts) the attempt that moved
   * fails the batch, and every write of it is made again alone.
   */
  async updateRecord<K extends RecordKind>(
    kind: K,
    record: RecordTypes[K],
    expectedVersion?: number,
  ): Promise<RecordTypes[K]> {
    const joined = this.joiner.claim();
    const key = touchOf(record.organisationId, kind, record.id);
    // Saved without a version means saved on top of the stored one: when this process saved a
    // later version since the caller read it, that is the one to expect (one batch after another
    // renaming the same actors otherwise failed on each other and went one by one). Looked up
    // when the write's turn comes, after the writes queued before it committed.
    const toSave = (): RecordTypes[K] => {
      const saved = this.savedVersions.get(key);
      return expectedVersion === undefined && saved !== undefined && saved > record.version
        ? { ...record, version: saved }
        : record;
    };
    const work: WriteWork<RecordTypes[K]> = (tx, send) => this.sendUpdate(tx, send, kind, toSave(), expectedVersion);
    return this.batches.write(record.organisationId, {
      touches: key,
      run: (tx) => runJoined(tx, joined, work),
      alone: () => this.updateAlone(joined, work, kind, record),
      committed: (updated) => this.savedVersions.set(key, updated.version),
    });
  }

  private async updateAlone<K extends RecordKind>(
    joined: Joined | undefined,
    work: WriteWork<RecordTypes[K]>,
    kind: K,
    record: RecordTypes[K],
  ): Promise<RecordTypes[K]> {
    try {
      return await this.writeJoined(joined, work);
    } catch (error) {
      if (!(error instanceof VersionMoved)) throw error;
      // Saved on top of the stored version, read under the locks: it cannot move again.
      return this.writeJoined(joined, async (tx, send) => {
        const [row] = await run(tx, Q.LOCK_RECORD[kind], { organisationId: record.organisationId, id: record.id });
        const current = storedVersion(kind, record.id, row);
        return this.sendUpdate(tx, send, kind, { ...record, version: current }, undefined);
      });
    }
  }

  /**
   * Sends UPDATE_RECORD for `record` at `expectedVersion` (else its own version) and the check of
   * its references, without waiting; the answer, checked before the commit, refuses a missing record
   * or another version (VERSION_CONFLICT when the caller named one, else `VersionMoved`).
   * @returns the record as it is stored if the check passes.
   */
  private sendUpdate<K extends RecordKind>(
    tx: ManagedTransaction,
    send: (answer: Promise<unknown>) => void,
    kind: K,
    record: RecordTypes[K],
    expectedVersion: number | undefined,
  ): RecordTypes[K] {
    const { organisationId, id } = record;
    const expected = expectedVersion ?? record.version;
    const updated = { ...record, version: expected + 1 };
    const params = {
      organisationId,
      id,
      expectedVersion: neo4j.int(expected),
      properties: toProperties(kind, updated, organisationId, updated.version),
    };
    send(
      run(tx, Q.UPDATE_RECORD[kind], params).then(([row]) => {
        const current = storedVersion(kind, id, row);
        if (current === expected) return;
        throw expectedVersion === undefined ? new VersionMoved() : versionConflict(kind, id, expected, current);
      }),
    );
    // UPDATE_RECORD re-derived the record's references; the check comes after it.
    send(this.refuseMissingReferences(tx, kind, organisationId, [id]));
    return updated;
  }

  /**
   * One statement deletes the record with its cascades (DELETE_WITH_CASCADES), so a delete joins
   * the batch of the writes around it. In a batch it answers at once that it deleted, so that its
   * history entry goes out right behind it; a record already gone then fails the batch
   * (`NothingDeleted`), and made again alone the delete answers false, as when it came alone.
   */
  async deleteRecord(kind: RecordKind, organisationId: string, id: string): Promise<boolean> {
    const joined = this.joiner.claim();
    const deletes = async (tx: ManagedTransaction): Promise<boolean> => {
      // Sent together: in a missing organisation the delete finds nothing (its statement names it).
      const [locked, [row]] = await Promise.all([
        this.lockOrganisation(tx, organisationId),
        run(tx, Q.DELETE_WITH_CASCADES[kind], { organisationId, ids: [id] }),
      ]);
      return locked !== null && Number(row?.get('deleted') ?? 0) > 0;
    };
    const inBatch: WriteWork<boolean> = (tx, send) => {
      send(
        deletes(tx).then((isDeleted) => {
          if (!isDeleted) throw new NothingDeleted();
        }),
      );
      return true;
    };
    return this.batches.write(organisationId, {
      touches: touchOf(organisationId, kind, id),
      run: (tx) => runJoined(tx, joined, inBatch),
      alone: () => this.writeJoined(joined, deletes),
    });
  }

  /** The graph is frozen and shared with other callers (see store/scenario-graph-cache.ts). */
  async readScenarioGraph(
    organisationId: string,
    scenarioId: string,
    options: ScenarioGraphOptions = {},
  ): Promise<ScenarioGraph | null> {
    const stamp = await this.writeStamp(organisationId);
    const load = () => this.read((tx) => this.wholeScenarioGraph(tx, organisationId, scenarioId));
    return this.graphs.read(organisationId, scenarioId, stamp, load, options);
  }

  private async wholeScenarioGraph(
    tx: StatementRunner,
    organisationId: string,
    scenarioId: string,
  ): Promise<ScenarioGraph | null> {
    const inScenario = { organisationId, scenarioId };
    // Sent together (pipelined): one round trip to the server instead of eight.
    const [organisation, [scenarioRow], units, actors, links, arenas, perceptions, initiatives] = await Promise.all([
      this.readOrganisationNode(tx, organisationId),
      run(tx, Q.READ_SCENARIO, inScenario),
      run(tx, Q.READ_ALL_OF_KIND.unit, { organisationId }),
      run(tx, Q.READ_ALL_OF_KIND.actor, { organisationId }),
      run(tx, Q.READ_IN_SCENARIO.link, inScenario),
      run(tx, Q.READ_IN_SCENARIO.arena, inScenario),
      run(tx, Q.READ_IN_SCENARIO.perception, inScenario),
      run(tx, Q.READ_IN_SCENARIO.initiative, inScenario),
    ]);
    const [scenario] = scenarioRow ? recordsFromRows('scenario', [scenarioRow]) : [];
    if (!organisation || !scenario) return null;
    // The statements do not share one snapshot: an actor deleted or created between the read of
    // the actors and that of the links leaves links to an actor the graph lacks.
    return withoutDanglingLinks({
      organisation,
      scenario,
      units: recordsFromRows('unit', units),
      actors: recordsFromRows('actor', actors),
      links: recordsFromRows('link', links),
      arenas: recordsFromRows('arena', arenas),
      perceptions: recordsFromRows('perception', perceptions),
      initiatives: recordsFromRows('initiative', initiatives),
    });
  }

  // ------------------------------------------------------------------------------------------
  // Research (not yet on the GraphStore interface; see the issue 3 note)

  /**
   * Organisations in which two adjacent chain levels (default administration → principal) have
   * no responsive (TIGHT or LOOSE) link, either way, in the CURRENT scenario. Organisations
   * whose chain lacks either level, or has another chain level between them, are not listed.
   * @returns the organisations ordered by id.
   */
  async organisationsWithLevelGap(options: LevelGapOptions = {}): Promise<Organisation[]> {
    const upperLevel = options.upperLevel ?? 'administration';
    const lowerLevel = options.lowerLevel ?? 'principal';
    if (upperLevel === lowerLevel) return [];
    const rows = await this.read((tx) => run(tx, Q.ORGANISATIONS_WITH_LEVEL_GAP, { upperLevel, lowerLevel }));
    return rows.map((row) => organisationFromProperties(row.get('organisation') as Properties));
  }
}

/** Contents as the store reads them back after writing them at `version`: stored fields set, each kind ordered by id. */
function asStored({ organisation, records }: OrganisationContents, version: number): OrganisationContents {
  const stored = records.map(
    ({ kind, record }) => ({ kind, record: { ...record, organisationId: organisation.id, version } }) as TaggedRecord,
  );
  stored.sort((a, b) => byRecordKind(a, b) || (a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0));
  return { organisation: { ...organisation, version }, records: stored };
}

/**
 * Every record of the organisation, one list of rows per kind in `RECORD_KINDS` order. The
 * statements are sent together (the driver pipelines them in the transaction): one round trip
 * instead of one per kind.
 */
function allOfKinds(tx: StatementRunner, organisationId: string): Promise<Neo4jRecord[][]> {
  return Promise.all(RECORD_KINDS.map((kind) => run(tx, Q.READ_ALL_OF_KIND[kind], { organisationId })));
}

/**
 * The statements of one write transaction; `send` hands over those whose answers `work` does not
 * wait for. Work that answers at once (not a promise) has sent every statement by then.
 */
type WriteWork<T> = (tx: ManagedTransaction, send: (answer: Promise<unknown>) => void) => T | Promise<T>;

/**
 * `work` and then the joined work in `tx`, awaiting everything sent before answering. When `work`
 * answers at once, the joined work is called before this returns, so a write that sends its
 * statements at once (as every write of a batch must, write-batches.ts) has sent its history
 * entry's too.
 */
function runJoined<T>(tx: ManagedTransaction, joined: Joined | undefined, work: WriteWork<T>): Promise<T> {
  const sent: Array<Promise<unknown>> = [];
  const send = (answer: Promise<unknown>) => void sent.push(sentAhead(answer));
  const finish = async (result: T): Promise<T> => {
    if (joined) send(joined(result, tx));
    // In the order sent, so that the refusal reported is the first statement's (a check sent
    // ahead of the writes it guards), not whichever failure arrived first.
    for (const answer of sent) await answer;
    return result;
  };
  const result = work(tx, send);
  return result instanceof Promise ? result.then(finish) : finish(result);
}

/** The work a `writeWith` adds to a write method's transaction (WriteJoiner.claim). */
type Joined = (result: unknown, tx: ManagedTransaction) => Promise<void>;

/** A record, as what a batched write changes and as the key of its saved version. */
function touchOf(organisationId: string, kind: RecordKind, id: string): string {
  return `${organisationId}\u0000${kind}\u0000${id}`;
}

/** BAD_USER_INPUT for the first record of `missing` (id rows of a check of required references), if any. */
function refuseMissing(kind: RecordKind, missing: readonly Neo4jRecord[]): void {
  const [first] = missing;
  if (!first) return;
  const id = first.get('id') as string;
  throw new DomainError('BAD_USER_INPUT', `The ${kind} "${id}" refers to something that no longer exists.`, {
    kind,
    id,
    reason: 'UNKNOWN_REFERENCE',
  });
}

/** The organisation of a READ_ORGANISATION or LOOKUP_ORGANISATION row; null without one. */
function organisationOf(row: Neo4jRecord | undefined): Organisation | null {
  return row ? organisationFromProperties(row.get('organisation') as Properties) : null;
}

/** An optimistic update found the record at another version than it read, and no version was named. */
class VersionMoved extends Error {
  override readonly name = 'VersionMoved';
}

/** A delete in a batch, answered as made, found nothing to delete. */
class NothingDeleted extends Error {
  override readonly name = 'NothingDeleted';
}

/**
 * The version in a LOCK_RECORD or UPDATE_RECORD answer.
 * @throws DomainError NOT_FOUND when the organisation (no row) or the record (null) does not exist.
 */
function storedVersion(kind: RecordKind, id: string, row: Neo4jRecord | undefined): number {
  const version = row?.get('version') as number | null | undefined;
  if (version === null || version === undefined) throw notFound(kind, id);
  return Number(version);
}

/**
 * A statement sent before the answer to an earlier one is awaited, and awaited itself later: when
 * that earlier await throws (the transaction failed), this one's rejection must not go unhandled.
 */
function sentAhead<T>(answer: Promise<T>): Promise<T> {
  answer.catch(() => undefined);
  return answer;
}

function byKindOf(records: readonly TaggedRecord[]): Map<RecordKind, TaggedRecord['record'][]> {
  const byKind = new Map<RecordKind, TaggedRecord['record'][]>();
  for (const { kind, record } of records) {
    const list = byKind.get(kind) ?? [];
    list.push(record);
    byKind.set(kind, list);
  }
  return byKind;
}

/** DUPLICATE for the first id given twice for one kind, before anything is sent. */
function refuseRepeated(byKind: ReadonlyMap<RecordKind, readonly TaggedRecord['record'][]>): void {
  for (const [kind, list] of byKind) {
    const twice = firstRepeated(list.map((record) => record.id));
    if (twice !== undefined) throw duplicate(kind, twice);
  }
}

/** The first id that occurs twice, in one pass: an import can hold 100,000 ids of a kind. */
function firstRepeated(ids: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return undefined;
}

function duplicate(kind: string, id: string): DomainError {
  return new DomainError('DUPLICATE', `A ${kind} with id "${id}" already exists in this organisation.`, {
    kind,
    id,
    field: 'id',
    reason: 'DUPLICATE',
  });
}
