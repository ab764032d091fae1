import type { RecordKind } from '../../domain/records.ts';

type ColumnType = 'text' | 'int' | 'bool' | 'json';

export interface TableSpec {
  table: string;
  /** [record field, column, type]; organisation_id and version are common to every table. */
  columns: ReadonlyArray<readonly [string, string, ColumnType]>;
}

/** How each record kind maps to its table. Column names are constants, never user input. */
export const TABLES: { readonly [K in RecordKind]: TableSpec } = {
  unit: {
    table: 'units',
    columns: [
      ['id', 'id', 'text'],
      ['name', 'name', 'text'],
      ['kind', 'kind', 'text'],
      ['parentId', 'parent_id', 'text'],
      ['place', 'place', 'text'],
    ],
  },
  actor: {
    table: 'actors',
    columns: [
      ['id', 'id', 'text'],
      ['name', 'name', 'text'],
      ['personName', 'person_name', 'text'],
      ['levelKey', 'level_key', 'text'],
      ['role', 'role', 'text'],
      ['unitId', 'unit_id', 'text'],
      ['tags', 'tags', 'json'],
      ['notes', 'notes', 'text'],
    ],
  },
  scenario: {
    table: 'scenarios',
    columns: [
      ['id', 'id', 'text'],
      ['name', 'name', 'text'],
      ['kind', 'kind', 'text'],
      ['observedAt', 'observed_at', 'text'],
      ['description', 'description', 'text'],
      ['basedOnId', 'based_on_id', 'text'],
    ],
  },
  arena: {
    table: 'arenas',
    columns: [
      ['id', 'id', 'text'],
      ['scenarioId', 'scenario_id', 'text'],
      ['name', 'name', 'text'],
      ['cadence', 'cadence', 'text'],
      ['description', 'description', 'text'],
      ['participantIds', 'participant_ids', 'json'],
    ],
  },
  link: {
    table: 'links',
    columns: [
      ['id', 'id', 'text'],
      ['scenarioId', 'scenario_id', 'text'],
      ['sourceId', 'source_id', 'text'],
      ['targetId', 'target_id', 'text'],
      ['kind', 'kind', 'text'],
      ['coupling', 'coupling', 'text'],
      ['targetResponds', 'target_responds', 'bool'],
      ['sourceResponds', 'source_responds', 'bool'],
      ['distinctive', 'distinctive', 'bool'],
      ['arenaId', 'arena_id', 'text'],
      ['cadence', 'cadence', 'text'],
      ['evidence', 'evidence', 'json'],
      ['notes', 'notes', 'text'],
      ['confidential', 'confidential', 'bool'],
      ['partnershipStage', 'partnership_stage', 'int'],
    ],
  },
  perception: {
    table: 'perceptions',
    columns: [
      ['id', 'id', 'text'],
      ['scenarioId', 'scenario_id', 'text'],
      ['linkId', 'link_id', 'text'],
      ['respondent', 'respondent', 'text'],
      ['respondentActorId', 'respondent_actor_id', 'text'],
      ['observedAt', 'observed_at', 'text'],
      ['coupling', 'coupling', 'text'],
      ['targetResponds', 'target_responds', 'bool'],
      ['sourceResponds', 'source_responds', 'bool'],
      ['distinctive', 'distinctive', 'bool'],
      ['comment', 'comment', 'text'],
      ['confidential', 'confidential', 'bool'],
    ],
  },
  initiative: {
    table: 'initiatives',
    columns: [
      ['id', 'id', 'text'],
      ['scenarioId', 'scenario_id', 'text'],
      ['name', 'name', 'text'],
      ['description', 'description', 'text'],
      ['ownerId', 'owner_id', 'text'],
      ['targetActorIds', 'target_actor_ids', 'json'],
      ['targetUnitIds', 'target_unit_ids', 'json'],
      ['learningDimensions', 'learning_dimensions', 'json'],
      ['evidence', 'evidence', 'json'],
    ],
  },
  presentation: {
    table: 'presentations',
    columns: [
      ['id', 'id', 'text'],
      ['name', 'name', 'text'],
      ['description', 'description', 'text'],
      ['anonymised', 'anonymised', 'bool'],
      ['keepUnitNames', 'keep_unit_names', 'bool'],
      ['steps', 'steps', 'json'],
    ],
  },
};

export type Row = Record<string, unknown>;

/** A record's values in column order, with organisation_id and version last. */
export function toRow(spec: TableSpec, record: object): unknown[] {
  const fields = record as Row;
  const values = spec.columns.map(([field, , type]) => {
    const value = fields[field] ?? null;
    if (value === null) return type === 'json' ? '[]' : null;
    if (type === 'json') return JSON.stringify(value);
    if (type === 'bool') return value ? 1 : 0;
    return value;
  });
  return [...values, fields.organisationId, fields.version];
}

export function fromRow<T>(spec: TableSpec, row: Row): T {
  const record: Row = { organisationId: row.organisation_id, version: row.version };
  for (const [field, column, type] of spec.columns) {
    const value = row[column];
    if (value === null || value === undefined) record[field] = null;
    else if (type === 'json') record[field] = JSON.parse(value as string);
    else if (type === 'bool') record[field] = value === 1;
    else record[field] = value;
  }
  return record as T;
}

export function columnList(spec: TableSpec): string {
  return [...spec.columns.map(([, column]) => column), 'organisation_id', 'version'].join(', ');
}
