import neo4j, { type Record as Neo4jRecord } from 'neo4j-driver';

import type { Organisation, RecordKind, RecordTypes } from '../../domain/records.ts';

/**
 * How a record field is kept as a node property. Neo4j has no null property (a null removes
 * it), so every type maps an absent property back to null (or to [] for lists).
 * - `text`: string property
 * - `int`: Neo4j INTEGER (sent with `neo4j.int`; JS numbers would arrive as FLOAT)
 * - `bool`: boolean property
 * - `flag`: boolean property that reads as false when absent (a field added after nodes were written)
 * - `list`: native list of strings (tags, id lists, learning dimensions)
 * - `json`: a JSON string (evidence notes are lists of maps, which Neo4j cannot store)
 */
export type PropertyType = 'text' | 'int' | 'bool' | 'flag' | 'list' | 'json';

export interface NodeSpec {
  /** The node label: a constant, never user input. */
  label: string;
  /** [record field = property key, type]; organisationId and version are common to every label. */
  properties: ReadonlyArray<readonly [string, PropertyType]>;
}

/** One label per record kind; the property keys are the record's own field names. */
export const NODES: { readonly [K in RecordKind]: NodeSpec } = {
  unit: {
    label: 'Unit',
    properties: [
      ['id', 'text'],
      ['name', 'text'],
      ['kind', 'text'],
      ['parentId', 'text'],
      ['place', 'text'],
    ],
  },
  actor: {
    label: 'Actor',
    properties: [
      ['id', 'text'],
      ['name', 'text'],
      ['personName', 'text'],
      ['levelKey', 'text'],
      ['role', 'text'],
      ['unitId', 'text'],
      ['tags', 'list'],
      ['notes', 'text'],
    ],
  },
  scenario: {
    label: 'Scenario',
    properties: [
      ['id', 'text'],
      ['name', 'text'],
      ['kind', 'text'],
      ['observedAt', 'text'],
      ['description', 'text'],
      ['basedOnId', 'text'],
    ],
  },
  arena: {
    label: 'Arena',
    properties: [
      ['id', 'text'],
      ['scenarioId', 'text'],
      ['name', 'text'],
      ['cadence', 'text'],
      ['description', 'text'],
      ['participantIds', 'list'],
    ],
  },
  link: {
    label: 'Link',
    properties: [
      ['id', 'text'],
      ['scenarioId', 'text'],
      ['sourceId', 'text'],
      ['targetId', 'text'],
      ['kind', 'text'],
      ['coupling', 'text'],
      ['targetResponds', 'bool'],
      ['sourceResponds', 'bool'],
      ['distinctive', 'bool'],
      ['arenaId', 'text'],
      ['cadence', 'text'],
      ['evidence', 'json'],
      ['notes', 'text'],
      ['confidential', 'bool'],
      ['partnershipStage', 'int'],
    ],
  },
  perception: {
    label: 'Perception',
    properties: [
      ['id', 'text'],
      ['scenarioId', 'text'],
      ['linkId', 'text'],
      ['respondent', 'text'],
      ['respondentActorId', 'text'],
      ['observedAt', 'text'],
      ['coupling', 'text'],
      ['targetResponds', 'bool'],
      ['sourceResponds', 'bool'],
      ['distinctive', 'bool'],
      ['comment', 'text'],
      ['confidential', 'bool'],
    ],
  },
  initiative: {
    label: 'Initiative',
    properties: [
      ['id', 'text'],
      ['scenarioId', 'text'],
      ['name', 'text'],
      ['description', 'text'],
      ['ownerId', 'text'],
      ['targetActorIds', 'list'],
      ['targetUnitIds', 'list'],
      ['learningDimensions', 'list'],
      ['evidence', 'json'],
    ],
  },
  presentation: {
    label: 'Presentation',
    properties: [
      ['id', 'text'],
      ['name', 'text'],
      ['description', 'text'],
      ['anonymised', 'bool'],
      ['keepUnitNames', 'flag'],
      ['steps', 'json'],
    ],
  },
};

export type Properties = Record<string, unknown>;

/** A record as the property map of its node (null fields left out: Neo4j cannot hold null). */
export function toProperties(kind: RecordKind, record: object, organisationId: string, version: number): Properties {
  const fields = record as Properties;
  const properties: Properties = { organisationId, version: neo4j.int(version) };
  for (const [field, type] of NODES[kind].properties) {
    const value = fields[field] ?? null;
    if (value === null) {
      if (type === 'list') properties[field] = [];
      else if (type === 'json') properties[field] = '[]';
      continue;
    }
    if (type === 'json') properties[field] = JSON.stringify(value);
    else if (type === 'int') properties[field] = neo4j.int(value as number);
    else properties[field] = value;
  }
  return properties;
}

/** Numbers come back as JS numbers (the driver runs with `disableLosslessIntegers`); be strict anyway. */
function toNumber(value: unknown): number {
  return neo4j.isInt(value) ? (value as { toNumber(): number }).toNumber() : Number(value);
}

/** The inverse of `toProperties`: absent properties become null, lists [] . */
export function fromProperties<K extends RecordKind>(kind: K, properties: Properties): RecordTypes[K] {
  const record: Properties = { organisationId: properties.organisationId, version: toNumber(properties.version) };
  for (const [field, type] of NODES[kind].properties) {
    const value = properties[field];
    if (value === null || value === undefined) {
      record[field] = type === 'list' || type === 'json' ? [] : type === 'flag' ? false : null;
    } else if (type === 'json') record[field] = JSON.parse(value as string);
    else if (type === 'int') record[field] = toNumber(value);
    else if (type === 'list') record[field] = [...(value as string[])];
    else record[field] = value;
  }
  return record as unknown as RecordTypes[K];
}

/** A record from a row of `recordColumns` (queries.ts): one column per field. */
function recordFromRow<K extends RecordKind>(kind: K, row: Neo4jRecord): RecordTypes[K] {
  return fromProperties(kind, row.toObject() as Properties);
}

/**
 * The records of rows read outside a write's locks, without those of nodes deleted while the
 * statement read them. Neo4j reads are read committed: a node found by an index and deleted by
 * another transaction before its properties are read reads as nulls from then on (under 20
 * editors, a map read got an actor without a name). `version` is read last (queries.ts
 * `recordColumns`), so a row whose version was read was whole when read.
 */
export function recordsFromRows<K extends RecordKind>(kind: K, rows: readonly Neo4jRecord[]): Array<RecordTypes[K]> {
  return rows.flatMap((row) => (row.get('version') === null ? [] : [recordFromRow(kind, row)]));
}

/** The organisation node's properties; its levels are Level nodes, written separately. */
export function organisationProperties(organisation: Organisation, version: number): Properties {
  const properties: Properties = {
    id: organisation.id,
    name: organisation.name,
    kind: organisation.kind,
    version: neo4j.int(version),
  };
  if (organisation.description !== null) properties.description = organisation.description;
  return properties;
}

/** Level nodes for an organisation, with their position in the organisation's list. */
export function levelRows(organisation: Organisation): Properties[] {
  return organisation.levels.map((level, position) => ({
    key: level.key,
    name: level.name,
    isSide: level.isSide,
    position: neo4j.int(position),
  }));
}

/** An organisation as read by `READ_ORGANISATION`-style statements (`o {.*, levels: …}`). */
export function organisationFromProperties(properties: Properties): Organisation {
  const levels = (properties.levels as Array<{ key: string; name: string; isSide: boolean }> | undefined) ?? [];
  return {
    id: properties.id as string,
    name: properties.name as string,
    kind: properties.kind as Organisation['kind'],
    description: (properties.description as string | undefined) ?? null,
    levels: levels.map((level) => ({ key: level.key, name: level.name, isSide: level.isSide })),
    version: toNumber(properties.version),
  };
}

/**
 * The relationship that mirrors each reference field of `REFERENCES` (domain/rules.ts), always
 * from the referring node to the referred one. The id in the property stays the record's truth;
 * the relationship exists so that Cypher can traverse the map. A test fails when REFERENCES
 * gains a field without a relationship type here.
 */
export const REFERENCE_TYPES: Readonly<Record<string, string>> = {
  'unit.parentId': 'PART_OF',
  'actor.unitId': 'MEMBER_OF',
  'scenario.basedOnId': 'BASED_ON',
  'arena.participantIds': 'HAS_PARTICIPANT',
  'link.sourceId': 'FROM',
  'link.targetId': 'TO',
  'link.arenaId': 'IN_ARENA',
  'perception.linkId': 'ASSESSES',
  'perception.respondentActorId': 'ANSWERED_BY',
  'initiative.ownerId': 'OWNED_BY',
  'initiative.targetActorIds': 'TARGETS_ACTOR',
  'initiative.targetUnitIds': 'TARGETS_UNIT',
};

/** Organisation → its Level nodes, and Actor → the Level it sits at. */
export const HAS_LEVEL = 'HAS_LEVEL';
export const AT_LEVEL = 'AT_LEVEL';
export const ORGANISATION_LABEL = 'Organisation';
export const LEVEL_LABEL = 'Level';
export const SCHEMA_VERSION_LABEL = 'SchemaVersion';
