import { RECORD_KINDS, SCENARIO_RECORD_KINDS } from '../../domain/records.ts';
import { REFERENCES } from '../../domain/rules.ts';
import { LEVEL_LABEL, NODES, ORGANISATION_LABEL, SCHEMA_VERSION_LABEL } from './records.ts';

/**
 * The database schema the Neo4j adapter needs, as data; `queries.ts` turns each entry into a
 * `CREATE CONSTRAINT … IF NOT EXISTS` / `CREATE INDEX … IF NOT EXISTS` statement, so applying it
 * twice is harmless.
 *
 * Ids are local to an organisation (a document can be imported as a copy under another
 * organisation id), so every record label is unique on (organisationId, id). NODE KEY would
 * also require the properties to exist, but it is an Enterprise feature; a composite
 * uniqueness constraint works on Community 5, and the adapter always writes both properties.
 */
export interface SchemaElement {
  /** The constraint's or index's name in the database. */
  name: string;
  kind: 'unique' | 'index';
  label: string;
  properties: readonly string[];
}

const uniques: SchemaElement[] = [
  { name: 'organisation_id', kind: 'unique', label: ORGANISATION_LABEL, properties: ['id'] },
  { name: 'level_key', kind: 'unique', label: LEVEL_LABEL, properties: ['organisationId', 'key'] },
  { name: 'schema_version_id', kind: 'unique', label: SCHEMA_VERSION_LABEL, properties: ['id'] },
  ...RECORD_KINDS.map((kind): SchemaElement => ({
    name: `${kind}_key`,
    kind: 'unique',
    label: NODES[kind].label,
    properties: ['organisationId', 'id'],
  })),
];

const indexes: SchemaElement[] = [
  // Every organisation-wide read (readOrganisation, listRecords, cascades) starts here.
  ...RECORD_KINDS.map((kind): SchemaElement => ({
    name: `${kind}_organisation`,
    kind: 'index',
    label: NODES[kind].label,
    properties: ['organisationId'],
  })),
  // One scenario's records (readScenarioGraph, listRecords with a scenario filter).
  ...SCENARIO_RECORD_KINDS.map((kind): SchemaElement => ({
    name: `${kind}_scenario`,
    kind: 'index',
    label: NODES[kind].label,
    properties: ['organisationId', 'scenarioId'],
  })),
  // Single-valued references, looked up when their target is deleted (cascades).
  ...RECORD_KINDS.flatMap((kind) =>
    REFERENCES[kind]
      .filter((ref) => !ref.isMany)
      .map((ref): SchemaElement => ({
        name: `${kind}_${ref.field}`,
        kind: 'index',
        label: NODES[kind].label,
        properties: ['organisationId', ref.field],
      })),
  ),
  { name: 'actor_level', kind: 'index', label: NODES.actor.label, properties: ['organisationId', 'levelKey'] },
  { name: 'scenario_kind', kind: 'index', label: NODES.scenario.label, properties: ['organisationId', 'kind'] },
];

/** Everything `migrate()` creates, constraints first (they bring their own backing indexes). */
export const SCHEMA_ELEMENTS: readonly SchemaElement[] = [...uniques, ...indexes];

/**
 * Schema versions in order; version N is reached by applying step N-1. The version reached is
 * stored on the `(:SchemaVersion {id: 'kopplingskartan'})` node. Never edit a released step:
 * append one (a step may list new schema elements and data statements by name).
 */
export const SCHEMA_STEPS: ReadonlyArray<{ description: string; elements: readonly SchemaElement[] }> = [
  { description: 'uniqueness constraints per label and lookup indexes', elements: SCHEMA_ELEMENTS },
];

export const SCHEMA_VERSION = SCHEMA_STEPS.length;
export const SCHEMA_VERSION_NODE_ID = 'kopplingskartan';
