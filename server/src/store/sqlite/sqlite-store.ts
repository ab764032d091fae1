import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

import Database from 'better-sqlite3';

import {
  checkUnchangedSince,
  type ContentVersions,
  recordKey,
  versionAfterReplace,
} from '../../domain/content-versions.ts';
import { DomainError, notFound, versionConflict } from '../../domain/errors.ts';
import {
  type Organisation,
  RECORD_KINDS,
  type RecordKind,
  type RecordTypes,
  type ScenarioGraph,
  type TaggedRecord,
  isScenarioRecordKind,
} from '../../domain/records.ts';
import { cascadesOf } from '../../domain/rules.ts';
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
import { MIGRATIONS } from './migrations/index.ts';
import { organisationsWithLevelGap } from './research-queries.ts';
import { columnList, fromRow, type Row, TABLES, toRow } from './tables.ts';

export interface SqliteStoreOptions {
  /** Path of the database file; its folder is created when missing. */
  file: string;
}

interface OrganisationRow {
  id: string;
  name: string;
  kind: Organisation['kind'];
  description: string | null;
  levels: string;
  version: number;
}

function organisationFromRow(row: OrganisationRow): Organisation {
  return { ...row, levels: JSON.parse(row.levels) as Organisation['levels'] };
}

/** better-sqlite3 reports constraint failures by code; turn the ones users can cause into domain errors. */
function translateConstraint(error: unknown, kind: string, id: string): unknown {
  const code = (error as { code?: string }).code;
  if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return new DomainError('DUPLICATE', `A ${kind} with id "${id}" already exists in this organisation.`, {
      kind,
      id,
      field: 'id',
      reason: 'DUPLICATE',
    });
  }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    return new DomainError('BAD_USER_INPUT', `The ${kind} "${id}" refers to something that no longer exists.`, {
      kind,
      id,
      reason: 'UNKNOWN_REFERENCE',
    });
  }
  return error;
}

/**
 * The embedded default store: one SQLite file in WAL mode. better-sqlite3 is synchronous, so
 * each method's transaction runs to completion before another request can interleave.
 */
export class SqliteStore implements GraphStore {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;
  /** Adds the work of a `writeWith` to the transaction of its write method. */
  private readonly joiner = new WriteJoiner<undefined, void>();
  private readonly statements = new Map<string, Database.Statement>();
  private readonly graphs = new ScenarioGraphCache();
  /** Changes when another connection (another process: `npm run import`) commits to the file. */
  private readonly dataVersion: Database.Statement<[], number>;
  /** Write transactions this connection ran, per organisation (see `writeStamp`). */
  private readonly writeCounts = new Map<string, number>();

  constructor(options: SqliteStoreOptions) {
    mkdirSync(dirname(options.file), { recursive: true });
    this.db = new Database(options.file);
    this.db.pragma('journal_mode = WAL');
    // FULL (not NORMAL) so that an acknowledged write survives a power cut, not only a crash.
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.dataVersion = this.db.prepare<[], number>('PRAGMA data_version').pluck();
  }

  /**
   * The open handle, for the account store (sqlite-account-store.ts), which keeps its tables in
   * the same file so one backup holds everything. The handle stays owned by this store: only
   * `close()` here closes it.
   */
  shareDatabase(): Database.Database {
    return this.db;
  }

  async migrate(): Promise<void> {
    const applied = this.db.pragma('user_version', { simple: true }) as number;
    MIGRATIONS.slice(applied).forEach((sql, index) => {
      this.db.transaction(() => {
        this.db.exec(sql);
        this.db.pragma(`user_version = ${applied + index + 1}`);
      })();
    });
  }

  async health(): Promise<StoreHealth> {
    try {
      this.prepare('SELECT 1').get();
      return { kind: 'sqlite', ready: true, detail: this.db.name };
    } catch (error) {
      return { kind: 'sqlite', ready: false, detail: (error as Error).message };
    }
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  /**
   * Runs `write`, which calls one write method of this store, and `then(that method's result)`
   * inside that method's transaction: both are stored or neither, with one fsync instead of two
   * (synchronous = FULL syncs the WAL at every commit). `then` runs synchronously, on this
   * store's database (the account store's tables share it). See `WriteJoiner`.
   */
  writeWith<T>(write: () => Promise<T>, then: (result: T) => void): Promise<T> {
    return this.joiner.join(write, (result) => then(result));
  }

  /** Prepared once per SQL text: preparing every call was 5% of the server's time under load. */
  private prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /**
   * The transaction of a write method to one organisation, with the work of a `writeWith` in
   * progress; it renews the organisation's write stamp.
   */
  private writeTransaction<T>(organisationId: string, statements: () => T): T {
    const joined = this.joiner.claim();
    try {
      return this.db.transaction(() => {
        const result = statements();
        joined?.(result, undefined);
        return result;
      })();
    } finally {
      this.writeCounts.set(organisationId, (this.writeCounts.get(organisationId) ?? 0) + 1);
    }
  }

  /**
   * This connection's writes are counted (every write method runs `writeTransaction`); SQLite's
   * `data_version` changes when any other connection, in this process or another, commits.
   */
  async writeStamp(organisationId: string): Promise<string> {
    return this.stampOf(organisationId);
  }

  private stampOf(organisationId: string): string {
    return `${this.dataVersion.get()!}:${this.writeCounts.get(organisationId) ?? 0}`;
  }

  async listOrganisations(page: PageRequest): Promise<Page<Organisation>> {
    const rows = this.pageOf<OrganisationRow>('organisations', '1 = 1', [], page);
    return { ...rows, nodes: rows.nodes.map(organisationFromRow) };
  }

  async getOrganisation(id: string): Promise<Organisation | null> {
    const row = this.prepare('SELECT * FROM organisations WHERE id = ?').get(id) as OrganisationRow | undefined;
    return row ? organisationFromRow(row) : null;
  }

  async createOrganisation(contents: OrganisationContents): Promise<Organisation> {
    return this.writeTransaction(contents.organisation.id, () => {
      if (this.prepare('SELECT 1 FROM organisations WHERE id = ?').get(contents.organisation.id)) {
        throw new DomainError(
          'ORGANISATION_EXISTS',
          `An organisation with id "${contents.organisation.id}" already exists.`,
          {
            id: contents.organisation.id,
            field: 'id',
            reason: 'DUPLICATE',
          },
        );
      }
      this.writeContents(contents);
      return { ...contents.organisation, version: 1 };
    });
  }

  async replaceOrganisation(contents: OrganisationContents, expected?: ContentVersions): Promise<Organisation> {
    const { id } = contents.organisation;
    return this.writeTransaction(id, () => {
      const current = this.versionsIn(id);
      if (!current) throw notFound('organisation', id);
      if (expected) checkUnchangedSince(id, expected, current);
      const version = versionAfterReplace(current);
      this.prepare('DELETE FROM organisations WHERE id = ?').run(id);
      this.writeContents(contents, version);
      return { ...contents.organisation, version };
    });
  }

  /** The versions of an organisation and all its records; null when it does not exist. */
  private versionsIn(id: string): ContentVersions | null {
    const row = this.prepare('SELECT version FROM organisations WHERE id = ?').get(id) as
      { version: number } | undefined;
    if (!row) return null;
    const records = new Map<string, number>();
    for (const kind of RECORD_KINDS) {
      const rows = this.prepare(`SELECT id, version FROM ${TABLES[kind].table} WHERE organisation_id = ?`).all(
        id,
      ) as Array<{ id: string; version: number }>;
      for (const record of rows) records.set(recordKey(kind, record.id), record.version);
    }
    return { organisation: row.version, records };
  }

  private writeContents({ organisation, records }: OrganisationContents, version = 1): void {
    this.prepare(
      'INSERT INTO organisations (id, name, kind, description, levels, version) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(
      organisation.id,
      organisation.name,
      organisation.kind,
      organisation.description,
      JSON.stringify(organisation.levels),
      version,
    );
    this.insertAll(organisation.id, records, version);
  }

  async updateOrganisation(organisation: Organisation, expectedVersion?: number): Promise<Organisation> {
    return this.writeTransaction(organisation.id, () => {
      const current = this.prepare('SELECT version FROM organisations WHERE id = ?').get(organisation.id) as
        { version: number } | undefined;
      if (!current) throw notFound('organisation', organisation.id);
      if (expectedVersion !== undefined && expectedVersion !== current.version) {
        throw versionConflict('organisation', organisation.id, expectedVersion, current.version);
      }
      const version = current.version + 1;
      this.prepare(
        'UPDATE organisations SET name = ?, kind = ?, description = ?, levels = ?, version = ? WHERE id = ?',
      ).run(
        organisation.name,
        organisation.kind,
        organisation.description,
        JSON.stringify(organisation.levels),
        version,
        organisation.id,
      );
      return { ...organisation, version };
    });
  }

  async deleteOrganisation(id: string): Promise<boolean> {
    return this.writeTransaction(id, () => {
      // Rounds live beside the map in the same file, not under the organisation's row (which a
      // replacement deletes and writes again): they go with the organisation only.
      const isDeleted = this.prepare('DELETE FROM organisations WHERE id = ?').run(id).changes > 0;
      if (isDeleted) this.prepare('DELETE FROM rounds WHERE organisation_id = ?').run(id);
      return isDeleted;
    });
  }

  async readOrganisation(id: string): Promise<OrganisationContents | null> {
    return this.contentsOf(id);
  }

  /** `readOrganisation`, synchronously: a snapshot taken inside a write's transaction (`writeWith`). */
  contentsOf(id: string): OrganisationContents | null {
    return this.db.transaction(() => {
      const row = this.prepare('SELECT * FROM organisations WHERE id = ?').get(id) as OrganisationRow | undefined;
      if (!row) return null;
      const records = RECORD_KINDS.flatMap((kind) =>
        this.selectWhere(kind, 'organisation_id = ?', [id]).map((record) => ({ kind, record }) as TaggedRecord),
      );
      return { organisation: organisationFromRow(row), records };
    })();
  }

  async levelsInUse(organisationId: string): Promise<Set<string>> {
    const rows = this.prepare('SELECT DISTINCT level_key FROM actors WHERE organisation_id = ?').all(
      organisationId,
    ) as Array<{
      level_key: string;
    }>;
    return new Set(rows.map((row) => row.level_key));
  }

  async getRecords<K extends RecordKind>(
    kind: K,
    organisationId: string,
    ids: readonly string[],
  ): Promise<Array<RecordTypes[K]>> {
    if (ids.length === 0) return [];
    const unique = [...new Set(ids)];
    return this.selectWhere(kind, `organisation_id = ? AND id IN (SELECT value FROM json_each(?))`, [
      organisationId,
      JSON.stringify(unique),
    ]);
  }

  async listRecords<K extends RecordKind>(
    kind: K,
    organisationId: string,
    filter: RecordFilter,
    page: PageRequest,
  ): Promise<Page<RecordTypes[K]>> {
    const spec = TABLES[kind];
    // Organisation-wide kinds belong to every scenario: the filter does not narrow them.
    const scenarioId = isScenarioRecordKind(kind) ? filter.scenarioId : undefined;
    const where = scenarioId ? 'organisation_id = ? AND scenario_id = ?' : 'organisation_id = ?';
    const params = scenarioId ? [organisationId, scenarioId] : [organisationId];
    const rows = this.pageOf<Row>(spec.table, where, params, page);
    return { ...rows, nodes: rows.nodes.map((row) => fromRow<RecordTypes[K]>(spec, row)) };
  }

  async findParallelLink(link: RecordTypes['link']): Promise<string | undefined> {
    const row = this.prepare(
      'SELECT id FROM links WHERE organisation_id = ? AND scenario_id = ? AND source_id = ? AND target_id = ? AND kind = ? AND id <> ?',
    ).get(link.organisationId, link.scenarioId, link.sourceId, link.targetId, link.kind, link.id) as
      { id: string } | undefined;
    return row?.id;
  }

  async insertRecords(organisationId: string, records: readonly TaggedRecord[]): Promise<void> {
    this.writeTransaction(organisationId, () => {
      if (!this.prepare('SELECT 1 FROM organisations WHERE id = ?').get(organisationId)) {
        throw notFound('organisation', organisationId);
      }
      this.insertAll(organisationId, records);
    });
  }

  /**
   * Inserts kind by kind in `RECORD_KINDS` order (actors before the links between them), so that
   * a batch may list a record before the records it refers to, as on Neo4j.
   */
  private insertAll(organisationId: string, records: readonly TaggedRecord[], version = 1): void {
    for (const kind of RECORD_KINDS) {
      const spec = TABLES[kind];
      const placeholders = spec.columns.map(() => '?').join(', ');
      const statement = this.prepare(`INSERT INTO ${spec.table} (${columnList(spec)}) VALUES (${placeholders}, ?, ?)`);
      for (const tagged of records) {
        if (tagged.kind !== kind) continue;
        try {
          statement.run(toRow(spec, { ...tagged.record, organisationId, version }));
        } catch (error) {
          throw translateConstraint(error, kind, tagged.record.id);
        }
      }
    }
  }

  async updateRecord<K extends RecordKind>(
    kind: K,
    record: RecordTypes[K],
    expectedVersion?: number,
  ): Promise<RecordTypes[K]> {
    const spec = TABLES[kind];
    return this.writeTransaction(record.organisationId, () => {
      const current = this.prepare(`SELECT version FROM ${spec.table} WHERE organisation_id = ? AND id = ?`).get(
        record.organisationId,
        record.id,
      ) as { version: number } | undefined;
      if (!current) throw notFound(kind, record.id);
      if (expectedVersion !== undefined && expectedVersion !== current.version) {
        throw versionConflict(kind, record.id, expectedVersion, current.version);
      }
      const updated = { ...record, version: current.version + 1 };
      const assignments = spec.columns.map(([, column]) => `${column} = ?`).join(', ');
      try {
        this.prepare(
          `UPDATE ${spec.table} SET ${assignments}, organisation_id = ?, version = ? WHERE organisation_id = ? AND id = ?`,
        ).run(...toRow(spec, updated), record.organisationId, record.id);
      } catch (error) {
        throw translateConstraint(error, kind, record.id);
      }
      return updated;
    });
  }

  async deleteRecord(kind: RecordKind, organisationId: string, id: string): Promise<boolean> {
    return this.writeTransaction(organisationId, () => {
      // Required references cascade through foreign keys; optional ones are cleared here.
      for (const cascade of cascadesOf(kind)) {
        if (cascade.action === 'delete') continue;
        const spec = TABLES[cascade.kind];
        const column = spec.columns.find(([field]) => field === cascade.field)?.[1];
        if (cascade.action === 'clear') {
          this.prepare(`UPDATE ${spec.table} SET ${column} = NULL WHERE organisation_id = ? AND ${column} = ?`).run(
            organisationId,
            id,
          );
        } else {
          this.prepare(
            `UPDATE ${spec.table} SET ${column} = (SELECT json_group_array(value) FROM json_each(${column}) WHERE value <> ?)
               WHERE organisation_id = ? AND EXISTS (SELECT 1 FROM json_each(${column}) WHERE value = ?)`,
          ).run(id, organisationId, id);
        }
      }
      return (
        this.prepare(`DELETE FROM ${TABLES[kind].table} WHERE organisation_id = ? AND id = ?`).run(organisationId, id)
          .changes > 0
      );
    });
  }

  /** The graph is frozen and shared with other callers (see store/scenario-graph-cache.ts). */
  async readScenarioGraph(
    organisationId: string,
    scenarioId: string,
    options: ScenarioGraphOptions = {},
  ): Promise<ScenarioGraph | null> {
    // Inside a transaction the graph may hold writes that are not committed yet: keep nothing.
    const stamp = this.db.inTransaction ? null : this.stampOf(organisationId);
    const load = () => this.wholeScenarioGraph(organisationId, scenarioId);
    return this.graphs.read(organisationId, scenarioId, stamp, load, options);
  }

  private wholeScenarioGraph(organisationId: string, scenarioId: string): ScenarioGraph | null {
    return this.db.transaction(() => {
      const orgRow = this.prepare('SELECT * FROM organisations WHERE id = ?').get(organisationId) as
        OrganisationRow | undefined;
      const [scenario] = this.selectWhere('scenario', 'organisation_id = ? AND id = ?', [organisationId, scenarioId]);
      if (!orgRow || !scenario) return null;
      const inScenario = 'organisation_id = ? AND scenario_id = ?';
      return {
        organisation: organisationFromRow(orgRow),
        scenario,
        units: this.selectWhere('unit', 'organisation_id = ?', [organisationId]),
        actors: this.selectWhere('actor', 'organisation_id = ?', [organisationId]),
        links: this.selectWhere('link', inScenario, [organisationId, scenarioId]),
        arenas: this.selectWhere('arena', inScenario, [organisationId, scenarioId]),
        perceptions: this.selectWhere('perception', inScenario, [organisationId, scenarioId]),
        initiatives: this.selectWhere('initiative', inScenario, [organisationId, scenarioId]),
      };
    })();
  }

  async organisationsWithLevelGap(options?: LevelGapOptions): Promise<Organisation[]> {
    return organisationsWithLevelGap(this.db, options);
  }

  private selectWhere<K extends RecordKind>(kind: K, where: string, params: unknown[]): Array<RecordTypes[K]> {
    const spec = TABLES[kind];
    const rows = this.prepare(`SELECT * FROM ${spec.table} WHERE ${where} ORDER BY id`).all(...params) as Row[];
    return rows.map((row) => fromRow<RecordTypes[K]>(spec, row));
  }

  private pageOf<T>(table: string, where: string, params: unknown[], page: PageRequest): Page<T> {
    const size = pageSize(page.first);
    const after = decodeCursor(page.after);
    const { count } = this.prepare(`SELECT COUNT(*) AS count FROM ${table} WHERE ${where}`).get(...params) as {
      count: number;
    };
    const rows = this.prepare(`SELECT * FROM ${table} WHERE ${where} AND id > ? ORDER BY id LIMIT ?`).all(
      ...params,
      after ?? '',
      size + 1,
    ) as Array<T & { id: string }>;
    const nodes = rows.slice(0, size);
    const last = nodes.at(-1);
    return {
      nodes,
      hasNextPage: rows.length > size,
      endCursor: last ? encodeCursor(last.id) : null,
      totalCount: count,
    };
  }
}
