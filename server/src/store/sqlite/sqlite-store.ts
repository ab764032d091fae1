import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

import Database from 'better-sqlite3';

import { DomainError, notFound, versionConflict } from '../../domain/errors.ts';
import {
  type Organisation,
  RECORD_KINDS,
  type RecordKind,
  type RecordTypes,
  type ScenarioGraph,
  type TaggedRecord,
} from '../../domain/records.ts';
import { cascadesOf } from '../../domain/rules.ts';
import { narrowScenarioGraph } from '../../domain/scenario-graph.ts';
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

  constructor(options: SqliteStoreOptions) {
    mkdirSync(dirname(options.file), { recursive: true });
    this.db = new Database(options.file);
    this.db.pragma('journal_mode = WAL');
    // FULL (not NORMAL) so that an acknowledged write survives a power cut, not only a crash.
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
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
    this.db.prepare('SELECT 1').get();
    return { kind: 'sqlite', ready: true, detail: this.db.name };
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  async listOrganisations(page: PageRequest): Promise<Page<Organisation>> {
    const rows = this.pageOf<OrganisationRow>('organisations', '1 = 1', [], page);
    return { ...rows, nodes: rows.nodes.map(organisationFromRow) };
  }

  async getOrganisation(id: string): Promise<Organisation | null> {
    const row = this.db.prepare('SELECT * FROM organisations WHERE id = ?').get(id) as OrganisationRow | undefined;
    return row ? organisationFromRow(row) : null;
  }

  async createOrganisation(contents: OrganisationContents): Promise<Organisation> {
    this.db.transaction(() => {
      if (this.db.prepare('SELECT 1 FROM organisations WHERE id = ?').get(contents.organisation.id)) {
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
    })();
    return { ...contents.organisation, version: 1 };
  }

  async replaceOrganisation(contents: OrganisationContents): Promise<Organisation> {
    const { id } = contents.organisation;
    this.db.transaction(() => {
      if (this.db.prepare('DELETE FROM organisations WHERE id = ?').run(id).changes === 0) {
        throw notFound('organisation', id);
      }
      this.writeContents(contents);
    })();
    return { ...contents.organisation, version: 1 };
  }

  private writeContents({ organisation, records }: OrganisationContents): void {
    this.db
      .prepare('INSERT INTO organisations (id, name, kind, description, levels, version) VALUES (?, ?, ?, ?, ?, 1)')
      .run(
        organisation.id,
        organisation.name,
        organisation.kind,
        organisation.description,
        JSON.stringify(organisation.levels),
      );
    this.insertAll(organisation.id, records);
  }

  async updateOrganisation(organisation: Organisation, expectedVersion?: number): Promise<Organisation> {
    return this.db.transaction(() => {
      const current = this.db.prepare('SELECT version FROM organisations WHERE id = ?').get(organisation.id) as
        { version: number } | undefined;
      if (!current) throw notFound('organisation', organisation.id);
      if (expectedVersion !== undefined && expectedVersion !== current.version) {
        throw versionConflict('organisation', organisation.id, expectedVersion, current.version);
      }
      const version = current.version + 1;
      this.db
        .prepare('UPDATE organisations SET name = ?, kind = ?, description = ?, levels = ?, version = ? WHERE id = ?')
        .run(
          organisation.name,
          organisation.kind,
          organisation.description,
          JSON.stringify(organisation.levels),
          version,
          organisation.id,
        );
      return { ...organisation, version };
    })();
  }

  async deleteOrganisation(id: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM organisations WHERE id = ?').run(id).changes > 0;
  }

  async readOrganisation(id: string): Promise<OrganisationContents | null> {
    return this.db.transaction(() => {
      const row = this.db.prepare('SELECT * FROM organisations WHERE id = ?').get(id) as OrganisationRow | undefined;
      if (!row) return null;
      const records = RECORD_KINDS.flatMap((kind) =>
        this.selectWhere(kind, 'organisation_id = ?', [id]).map((record) => ({ kind, record }) as TaggedRecord),
      );
      return { organisation: organisationFromRow(row), records };
    })();
  }

  async levelsInUse(organisationId: string): Promise<Set<string>> {
    const rows = this.db
      .prepare('SELECT DISTINCT level_key FROM actors WHERE organisation_id = ?')
      .all(organisationId) as Array<{
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
    const where = filter.scenarioId ? 'organisation_id = ? AND scenario_id = ?' : 'organisation_id = ?';
    const params = filter.scenarioId ? [organisationId, filter.scenarioId] : [organisationId];
    const rows = this.pageOf<Row>(spec.table, where, params, page);
    return { ...rows, nodes: rows.nodes.map((row) => fromRow<RecordTypes[K]>(spec, row)) };
  }

  async findParallelLink(link: RecordTypes['link']): Promise<string | undefined> {
    const row = this.db
      .prepare(
        'SELECT id FROM links WHERE organisation_id = ? AND scenario_id = ? AND source_id = ? AND target_id = ? AND kind = ? AND id <> ?',
      )
      .get(link.organisationId, link.scenarioId, link.sourceId, link.targetId, link.kind, link.id) as
      { id: string } | undefined;
    return row?.id;
  }

  async insertRecords(organisationId: string, records: readonly TaggedRecord[]): Promise<void> {
    this.db.transaction(() => this.insertAll(organisationId, records))();
  }

  private insertAll(organisationId: string, records: readonly TaggedRecord[]): void {
    const statements = new Map<RecordKind, Database.Statement>();
    for (const { kind, record } of records) {
      let statement = statements.get(kind);
      if (!statement) {
        const spec = TABLES[kind];
        const placeholders = spec.columns.map(() => '?').join(', ');
        statement = this.db.prepare(`INSERT INTO ${spec.table} (${columnList(spec)}) VALUES (${placeholders}, ?, ?)`);
        statements.set(kind, statement);
      }
      try {
        statement.run(toRow(TABLES[kind], { ...record, organisationId, version: 1 }));
      } catch (error) {
        throw translateConstraint(error, kind, record.id);
      }
    }
  }

  async updateRecord<K extends RecordKind>(
    kind: K,
    record: RecordTypes[K],
    expectedVersion?: number,
  ): Promise<RecordTypes[K]> {
    const spec = TABLES[kind];
    return this.db.transaction(() => {
      const current = this.db
        .prepare(`SELECT version FROM ${spec.table} WHERE organisation_id = ? AND id = ?`)
        .get(record.organisationId, record.id) as { version: number } | undefined;
      if (!current) throw notFound(kind, record.id);
      if (expectedVersion !== undefined && expectedVersion !== current.version) {
        throw versionConflict(kind, record.id, expectedVersion, current.version);
      }
      const updated = { ...record, version: current.version + 1 };
      const assignments = spec.columns.map(([, column]) => `${column} = ?`).join(', ');
      try {
        this.db
          .prepare(
            `UPDATE ${spec.table} SET ${assignments}, organisation_id = ?, version = ? WHERE organisation_id = ? AND id = ?`,
          )
          .run(...toRow(spec, updated), record.organisationId, record.id);
      } catch (error) {
        throw translateConstraint(error, kind, record.id);
      }
      return updated;
    })();
  }

  async deleteRecord(kind: RecordKind, organisationId: string, id: string): Promise<boolean> {
    return this.db.transaction(() => {
      // Required references cascade through foreign keys; optional ones are cleared here.
      for (const cascade of cascadesOf(kind)) {
        if (cascade.action === 'delete') continue;
        const spec = TABLES[cascade.kind];
        const column = spec.columns.find(([field]) => field === cascade.field)?.[1];
        if (cascade.action === 'clear') {
          this.db
            .prepare(`UPDATE ${spec.table} SET ${column} = NULL WHERE organisation_id = ? AND ${column} = ?`)
            .run(organisationId, id);
        } else {
          this.db
            .prepare(
              `UPDATE ${spec.table} SET ${column} = (SELECT json_group_array(value) FROM json_each(${column}) WHERE value <> ?)
               WHERE organisation_id = ? AND EXISTS (SELECT 1 FROM json_each(${column}) WHERE value = ?)`,
            )
            .run(id, organisationId, id);
        }
      }
      return (
        this.db
          .prepare(`DELETE FROM ${TABLES[kind].table} WHERE organisation_id = ? AND id = ?`)
          .run(organisationId, id).changes > 0
      );
    })();
  }

  async readScenarioGraph(
    organisationId: string,
    scenarioId: string,
    options: ScenarioGraphOptions = {},
  ): Promise<ScenarioGraph | null> {
    return this.db.transaction(() => {
      const orgRow = this.db.prepare('SELECT * FROM organisations WHERE id = ?').get(organisationId) as
        OrganisationRow | undefined;
      const [scenario] = this.selectWhere('scenario', 'organisation_id = ? AND id = ?', [organisationId, scenarioId]);
      if (!orgRow || !scenario) return null;
      const inScenario = 'organisation_id = ? AND scenario_id = ?';
      const graph: ScenarioGraph = {
        organisation: organisationFromRow(orgRow),
        scenario,
        units: this.selectWhere('unit', 'organisation_id = ?', [organisationId]),
        actors: options.levelKeys
          ? this.selectWhere('actor', 'organisation_id = ? AND level_key IN (SELECT value FROM json_each(?))', [
              organisationId,
              JSON.stringify(options.levelKeys),
            ])
          : this.selectWhere('actor', 'organisation_id = ?', [organisationId]),
        links: this.selectWhere('link', inScenario, [organisationId, scenarioId]),
        arenas: this.selectWhere('arena', inScenario, [organisationId, scenarioId]),
        perceptions: this.selectWhere('perception', inScenario, [organisationId, scenarioId]),
        initiatives: this.selectWhere('initiative', inScenario, [organisationId, scenarioId]),
      };
      return options.levelKeys ? narrowScenarioGraph(graph) : graph;
    })();
  }

  async organisationsWithLevelGap(options?: LevelGapOptions): Promise<Organisation[]> {
    return organisationsWithLevelGap(this.db, options);
  }

  private selectWhere<K extends RecordKind>(kind: K, where: string, params: unknown[]): Array<RecordTypes[K]> {
    const spec = TABLES[kind];
    const rows = this.db.prepare(`SELECT * FROM ${spec.table} WHERE ${where} ORDER BY id`).all(...params) as Row[];
    return rows.map((row) => fromRow<RecordTypes[K]>(spec, row));
  }

  private pageOf<T>(table: string, where: string, params: unknown[], page: PageRequest): Page<T> {
    const size = pageSize(page.first);
    const after = decodeCursor(page.after);
    const { count } = this.db.prepare(`SELECT COUNT(*) AS count FROM ${table} WHERE ${where}`).get(...params) as {
      count: number;
    };
    const rows = this.db
      .prepare(`SELECT * FROM ${table} WHERE ${where} AND id > ? ORDER BY id LIMIT ?`)
      .all(...params, after ?? '', size + 1) as Array<T & { id: string }>;
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
