/**
 * Every Cypher statement the Neo4j adapter can send, as named constants. Nothing else in the
 * adapter holds Cypher text, and `tx.run` is only ever given a `Statement`, which only `cypher()`
 * below can make; `cypher()` also records it in `ALL_STATEMENTS`, which the offline check
 * (`cypher-lint.test.ts`) lints one by one. Parts that vary (labels, property keys,
 * relationship types) come only from the constant model in `records.ts` / `constraints.ts`, so
 * every variant is built here at import time and is enumerable; user input only ever travels
 * as `$parameters`.
 *
 * Each statement declares its parameters with an example value. The lint fails on a `$param`
 * the statement uses but does not declare; the adapter's `run()` is typed so that it must pass
 * exactly the declared ones.
 */
import {
  isScenarioRecordKind,
  RECORD_KINDS,
  type RecordKind,
  SCENARIO_RECORD_KINDS,
  type ScenarioRecordKind,
} from '../../domain/records.ts';
import { type Cascade, cascadesOf, REFERENCES } from '../../domain/rules.ts';
import { SCHEMA_ELEMENTS, type SchemaElement } from './constraints.ts';
import {
  AT_LEVEL,
  HAS_LEVEL,
  LEVEL_LABEL,
  NODES,
  ORGANISATION_LABEL,
  REFERENCE_TYPES,
  SCHEMA_VERSION_LABEL,
} from './records.ts';

declare const statementBrand: unique symbol;

export interface Statement<P extends string = string> {
  readonly name: string;
  readonly text: string;
  /** The parameters the statement uses, each with an example value (for the offline check). */
  readonly params: Readonly<Record<P, unknown>>;
  readonly [statementBrand]: true;
}

const registry: Statement[] = [];

/** Makes a named statement and registers it for the offline check. */
function cypher<const P extends Record<string, unknown>>(
  name: string,
  text: string,
  params: P,
): Statement<keyof P & string> {
  const statement = { name, text: text.trim(), params } as unknown as Statement<keyof P & string>;
  registry.push(statement as unknown as Statement);
  return statement;
}

/** Every statement of this module, in definition order. */
export const ALL_STATEMENTS: readonly Statement[] = registry;

const ORG = 'org-1';
const IDS = ['id-1', 'id-2'];

function byKind<T>(make: (kind: RecordKind) => T): { readonly [K in RecordKind]: T } {
  return Object.fromEntries(RECORD_KINDS.map((kind) => [kind, make(kind)])) as { [K in RecordKind]: T };
}

function byScenarioKind<T>(make: (kind: ScenarioRecordKind) => T): { readonly [K in ScenarioRecordKind]: T } {
  return Object.fromEntries(SCENARIO_RECORD_KINDS.map((kind) => [kind, make(kind)])) as {
    [K in ScenarioRecordKind]: T;
  };
}

const label = (kind: RecordKind): string => NODES[kind].label;

/**
 * A record of `n` as one column per field (read back with records.ts `recordsFromRows`): the
 * driver decodes the column names once per result instead of a map's keys once per record,
 * which made a 74,000-link scenario read about 40 % faster than `properties(n)`.
 */
const recordColumns = (kind: RecordKind): string =>
  // version last: a node deleted while a statement reads it reads as nulls from then on (records.ts recordsFromRows).
  ['organisationId', ...NODES[kind].properties.map(([field]) => field), 'version']
    .map((field) => `n.${field} AS ${field}`)
    .join(', ');

/** The relationship type mirroring a reference field; throws at import time for an unmapped one. */
export function referenceType(kind: RecordKind, field: string): string {
  const type = REFERENCE_TYPES[`${kind}.${field}`];
  if (!type) throw new Error(`neo4j/records.ts: no relationship type for reference ${kind}.${field}`);
  return type;
}

// ---------------------------------------------------------------------------------------------
// Schema and health

function schemaText(element: SchemaElement): string {
  const properties = element.properties.map((property) => `n.${property}`).join(', ');
  return element.kind === 'unique'
    ? `CREATE CONSTRAINT ${element.name} IF NOT EXISTS FOR (n:${element.label}) REQUIRE (${properties}) IS UNIQUE`
    : `CREATE INDEX ${element.name} IF NOT EXISTS FOR (n:${element.label}) ON (${properties})`;
}

/** One statement per constraint or index, keyed by its name. */
export const CREATE_SCHEMA_ELEMENT: Readonly<Record<string, Statement<never>>> = Object.fromEntries(
  SCHEMA_ELEMENTS.map((element) => [
    element.name,
    cypher(`CREATE_SCHEMA_ELEMENT.${element.name}`, schemaText(element), {}),
  ]),
);

export const READ_SCHEMA_VERSION = cypher(
  'READ_SCHEMA_VERSION',
  `MATCH (v:${SCHEMA_VERSION_LABEL} {id: $id}) RETURN v.version AS version`,
  { id: 'kopplingskartan' },
);

export const WRITE_SCHEMA_VERSION = cypher(
  'WRITE_SCHEMA_VERSION',
  `MERGE (v:${SCHEMA_VERSION_LABEL} {id: $id}) SET v.version = $version, v.migratedAt = datetime()`,
  { id: 'kopplingskartan', version: 1 },
);

export const PING = cypher('PING', 'RETURN 1 AS ok', {});

/** The server's version and edition, e.g. `5.26.31 community`. */
export const SERVER_VERSION = cypher(
  'SERVER_VERSION',
  `CALL dbms.components() YIELD name, versions, edition
   WHERE name = 'Neo4j Kernel'
   RETURN versions[0] + ' ' + edition AS version`,
  {},
);

// ---------------------------------------------------------------------------------------------
// Organisations

/**
 * `o` as an organisation map with its levels in list order. The order is set by a WITH before
 * the RETURN: Neo4j 5.26 does not keep an ORDER BY that follows the RETURN of a COLLECT
 * subquery (the levels came back in storage order).
 */
const ORGANISATION_MAP = `o {.*, levels: COLLECT {
    MATCH (o)-[:${HAS_LEVEL}]->(level:${LEVEL_LABEL})
    WITH level ORDER BY level.position
    RETURN level {.key, .name, .isSide}
  }} AS organisation`;

export const READ_ORGANISATION = cypher(
  'READ_ORGANISATION',
  `MATCH (o:${ORGANISATION_LABEL} {id: $organisationId}) RETURN ${ORGANISATION_MAP}`,
  { organisationId: ORG },
);

/** `getOrganisation` of many requests at once (a `LookupBatch`): each row an organisation. */
export const LOOKUP_ORGANISATION = cypher(
  'LOOKUP_ORGANISATION',
  `UNWIND $rows AS row
   MATCH (o:${ORGANISATION_LABEL} {id: row.organisationId}) RETURN row.i AS i, ${ORGANISATION_MAP}`,
  { rows: [{ i: 0, organisationId: ORG }] },
);

/** Write stamps of many requests at once (a `LookupBatch`): each row an organisation. */
export const READ_WRITE_STAMP = cypher(
  'READ_WRITE_STAMP',
  `UNWIND $rows AS row
   MATCH (o:${ORGANISATION_LABEL} {id: row.organisationId}) RETURN row.i AS i, o.writeStamp AS stamp`,
  { rows: [{ i: 0, organisationId: ORG }] },
);

export const COUNT_ORGANISATIONS = cypher(
  'COUNT_ORGANISATIONS',
  `MATCH (o:${ORGANISATION_LABEL}) RETURN count(o) AS total`,
  {},
);

export const PAGE_ORGANISATIONS = cypher(
  'PAGE_ORGANISATIONS',
  `MATCH (o:${ORGANISATION_LABEL}) WHERE o.id > $after
   WITH o ORDER BY o.id LIMIT $limit
   RETURN ${ORGANISATION_MAP} ORDER BY o.id`,
  { after: '', limit: 51 },
);

export const CREATE_ORGANISATION = cypher(
  'CREATE_ORGANISATION',
  `CREATE (o:${ORGANISATION_LABEL}) SET o = $properties, o.writeStamp = randomUUID()`,
  { properties: { id: ORG, name: 'Provkommun', kind: 'MUNICIPAL', version: 1 } },
);

/**
 * Takes the organisation's write lock (held to commit) and reads its version after it. Every
 * write to an organisation starts with it, so writes to one organisation serialise in the
 * database, across app instances too. The lock is taken by giving the organisation a new
 * `writeStamp` (GraphStore.writeStamp), which every app instance reads before it reuses a
 * cached answer; a random one, so that a deleted and re-created organisation never repeats it.
 */
const LOCK_ORGANISATION_CLAUSES = `MATCH (o:${ORGANISATION_LABEL} {id: $organisationId})
   SET o.writeStamp = randomUUID()`;

export const LOCK_ORGANISATION = cypher(
  'LOCK_ORGANISATION',
  `${LOCK_ORGANISATION_CLAUSES}
   RETURN o.version AS version`,
  { organisationId: ORG },
);

export const REPLACE_ORGANISATION_PROPERTIES = cypher(
  'REPLACE_ORGANISATION_PROPERTIES',
  `MATCH (o:${ORGANISATION_LABEL} {id: $organisationId}) SET o = $properties, o.writeStamp = randomUUID()`,
  { organisationId: ORG, properties: { id: ORG, name: 'Provkommun', kind: 'MUNICIPAL', version: 2 } },
);

/**
 * Makes the Level nodes match `$levels` (kept keys keep their actors' AT_LEVEL relationships),
 * then links every actor that has no AT_LEVEL relationship to the level named by its levelKey.
 */
export const SYNC_LEVELS = cypher(
  'SYNC_LEVELS',
  `MATCH (o:${ORGANISATION_LABEL} {id: $organisationId})
   CALL (o) {
     MATCH (o)-[:${HAS_LEVEL}]->(old:${LEVEL_LABEL})
     WHERE NOT old.key IN [level IN $levels | level.key]
     DETACH DELETE old
   }
   CALL (o) {
     UNWIND $levels AS level
     MERGE (o)-[:${HAS_LEVEL}]->(l:${LEVEL_LABEL} {organisationId: o.id, key: level.key})
     SET l.name = level.name, l.isSide = level.isSide, l.position = level.position
   }
   CALL (o) {
     MATCH (a:${NODES.actor.label} {organisationId: o.id})
     WHERE NOT EXISTS { (a)-[:${AT_LEVEL}]->(:${LEVEL_LABEL}) }
     MATCH (o)-[:${HAS_LEVEL}]->(l:${LEVEL_LABEL} {key: a.levelKey})
     CREATE (a)-[:${AT_LEVEL}]->(l)
   }`,
  { organisationId: ORG, levels: [{ key: 'politics', name: 'Politik', isSide: false, position: 0 }] },
);

/** The organisation node and its levels; its records go first through DELETE_ALL_OF_KIND. */
export const DELETE_ORGANISATION_NODE = cypher(
  'DELETE_ORGANISATION_NODE',
  `MATCH (o:${ORGANISATION_LABEL} {id: $organisationId})
   OPTIONAL MATCH (o)-[:${HAS_LEVEL}]->(level:${LEVEL_LABEL})
   WITH o, collect(level) AS levels, o.id AS id
   FOREACH (level IN levels | DETACH DELETE level)
   DETACH DELETE o
   RETURN count(id) AS deleted`,
  { organisationId: ORG },
);

export const DELETE_ALL_OF_KIND = byKind((kind) =>
  cypher(`DELETE_ALL_OF_KIND.${kind}`, `MATCH (n:${label(kind)} {organisationId: $organisationId}) DETACH DELETE n`, {
    organisationId: ORG,
  }),
);

export const READ_ALL_OF_KIND = byKind((kind) =>
  cypher(
    `READ_ALL_OF_KIND.${kind}`,
    `MATCH (n:${label(kind)} {organisationId: $organisationId}) RETURN ${recordColumns(kind)} ORDER BY n.id`,
    { organisationId: ORG },
  ),
);

// ---------------------------------------------------------------------------------------------
// Records

export const LEVELS_IN_USE = cypher(
  'LEVELS_IN_USE',
  `MATCH (a:${NODES.actor.label} {organisationId: $organisationId}) RETURN DISTINCT a.levelKey AS levelKey`,
  { organisationId: ORG },
);

/**
 * `MATCH (n:Label {organisationId: $organisationId, field: key})` for each of `$ids` as `key`, by
 * the `(organisationId, field)` index. Left to itself, Neo4j 5.26 planned `WHERE n.field IN $ids`
 * as a scan of the organisation's records of the kind (for a link's actor, of every link in the
 * database) and a filter: a look-up or delete of one record read all 148,000 links of a large map.
 */
const seekEach = (kind: RecordKind, field: string, ids = '$ids'): string =>
  `UNWIND ${ids} AS key
   MATCH (n:${label(kind)} {organisationId: $organisationId, ${field}: key}) USING INDEX n:${label(kind)}(organisationId, ${field})`;

/**
 * `getRecords` of many requests at once (a `LookupBatch`): each row an organisation and ids,
 * each id sought by the unique index.
 */
export const LOOKUP_RECORDS = byKind((kind) =>
  cypher(
    `LOOKUP_RECORDS.${kind}`,
    `UNWIND $rows AS row
     UNWIND row.ids AS key
     MATCH (n:${label(kind)} {organisationId: row.organisationId, id: key}) USING INDEX n:${label(kind)}(organisationId, id)
     RETURN row.i AS i, ${recordColumns(kind)} ORDER BY n.id`,
    { rows: [{ i: 0, organisationId: ORG, ids: IDS }] },
  ),
);

/** `$scenarioId` null means every scenario; organisation-wide kinds have no scenarioId and never match one. */
const SCENARIO_FILTER = '($scenarioId IS NULL OR n.scenarioId = $scenarioId)';

export const COUNT_RECORDS = byKind((kind) =>
  cypher(
    `COUNT_RECORDS.${kind}`,
    `MATCH (n:${label(kind)} {organisationId: $organisationId}) WHERE ${SCENARIO_FILTER} RETURN count(n) AS total`,
    { organisationId: ORG, scenarioId: 's-current' },
  ),
);

export const PAGE_RECORDS = byKind((kind) =>
  cypher(
    `PAGE_RECORDS.${kind}`,
    `MATCH (n:${label(kind)} {organisationId: $organisationId}) WHERE ${SCENARIO_FILTER} AND n.id > $after
     RETURN ${recordColumns(kind)} ORDER BY n.id LIMIT $limit`,
    { organisationId: ORG, scenarioId: 's-current', after: '', limit: 101 },
  ),
);

export const FIND_PARALLEL_LINK = cypher(
  'FIND_PARALLEL_LINK',
  `MATCH (n:${NODES.link.label} {organisationId: $organisationId, scenarioId: $scenarioId, sourceId: $sourceId, targetId: $targetId, kind: $kind})
   WHERE n.id <> $id
   RETURN n.id AS id ORDER BY id LIMIT 1`,
  { organisationId: ORG, scenarioId: 's-current', sourceId: 'a-1', targetId: 'a-2', kind: 'STEERING', id: 'l-1' },
);

/**
 * The first of `$ids` already taken in the organisation (DUPLICATE before any write). One
 * unique-index seek per id: `WHERE n.id IN $ids` was planned as a seek on `organisationId` and a
 * filter on `id`, i.e. it read every record of the kind in the organisation for each insert.
 */
export const FIND_TAKEN_ID = byKind((kind) =>
  cypher(
    `FIND_TAKEN_ID.${kind}`,
    `UNWIND $ids AS id
     MATCH (n:${label(kind)} {organisationId: $organisationId, id: id}) USING INDEX n:${label(kind)}(organisationId, id)
     RETURN n.id AS id ORDER BY id LIMIT 1`,
    { organisationId: ORG, ids: IDS },
  ),
);

/**
 * Kinds whose records refer only to kinds written before them (RECORD_KINDS' order): an insert
 * creates their reference relationships and checks their required references as it creates
 * them, with no second look-up of each record. A unit may name a parent, a scenario the scenario
 * it is based on, later in the same insert: those get their relationships once all are created
 * (SYNC_REFERENCES).
 */
export const LINKED_ON_INSERT: ReadonlySet<RecordKind> = new Set(
  RECORD_KINDS.filter((kind) =>
    REFERENCES[kind].every((ref) => RECORD_KINDS.indexOf(ref.kind) < RECORD_KINDS.indexOf(kind)),
  ),
);

function insertText(kind: RecordKind): string {
  const clauses = [`UNWIND $rows AS row CREATE (n:${label(kind)}) SET n = row`];
  if (LINKED_ON_INSERT.has(kind)) {
    const creates = referenceCreates(kind);
    if (creates.length > 0) clauses.push('WITH n', ...creates);
    if (isScenarioRecordKind(kind)) {
      clauses.push(`WITH n WHERE ${missingCondition(kind)}`, 'RETURN n.id AS id ORDER BY id LIMIT 1');
    }
  }
  return clauses.join('\n   ');
}

/**
 * Batched insert: one row per record, its property map (see records.ts `toProperties`). For a
 * kind in LINKED_ON_INSERT with required references, the first record that misses one (as
 * MISSING_REFERENCES).
 */
export const INSERT_RECORDS = byKind((kind) =>
  cypher(`INSERT_RECORDS.${kind}`, insertText(kind), {
    rows: [{ organisationId: ORG, id: 'id-1', version: 1 }],
  }),
);

/**
 * Takes the organisation's write lock (LOCK_ORGANISATION), then the record's (both held to
 * commit), in one statement: each statement in the lock's hold is a round trip every other writer
 * to the organisation waits for. For an update that could not name the version it changes
 * (UPDATE_RECORD found another). No row when the organisation does not exist; a null `version`
 * when the record does not.
 */
export const LOCK_RECORD = byKind((kind) =>
  cypher(
    `LOCK_RECORD.${kind}`,
    `${LOCK_ORGANISATION_CLAUSES}
     WITH o
     OPTIONAL MATCH (n:${label(kind)} {organisationId: $organisationId, id: $id})
     SET n.writeLock = true REMOVE n.writeLock
     RETURN n.version AS version`,
    { organisationId: ORG, id: 'id-1' },
  ),
);

/** Writes the record bound to `n` and re-derives its references (Cypher needs a WITH between SET and CALL). */
function updateClauses(kind: RecordKind): string[] {
  const sync = syncReferencesClauses(kind);
  return ['SET n = $properties', ...(sync.length > 0 ? ['WITH n', ...sync] : [])];
}

/**
 * An update that names the version it changes, in one statement: takes the organisation's write
 * lock (LOCK_ORGANISATION), then writes `$properties` and re-derives the record's reference
 * relationships (as SYNC_REFERENCES) only if the record is still at `$expectedVersion`. The rest
 * of the write (its reference check, its history entry) is sent behind it without waiting for its
 * answer, so the lock is held for one round trip and the commit; when the version found is
 * another, the adapter rolls the whole transaction back. No row when the organisation does not
 * exist; the version found (null for a missing record) otherwise.
 */
export const UPDATE_RECORD = byKind((kind) =>
  cypher(
    `UPDATE_RECORD.${kind}`,
    `${LOCK_ORGANISATION_CLAUSES}
     WITH o
     OPTIONAL MATCH (n:${label(kind)} {organisationId: $organisationId, id: $id})
     WITH n, n.version AS version
     CALL (n, version) {
       WITH n, version WHERE version = $expectedVersion
       ${updateClauses(kind).join('\n       ')}
     }
     RETURN version`,
    {
      organisationId: ORG,
      id: 'id-1',
      expectedVersion: 1,
      properties: { organisationId: ORG, id: 'id-1', version: 2 },
    },
  ),
);

/** Clauses that re-derive the outgoing reference relationships of the record bound to `n`. */
/** Subqueries that create the outgoing reference relationships of the record bound to `n`. */
function referenceCreates(kind: RecordKind): string[] {
  const creates = REFERENCES[kind].map((ref) => {
    const type = referenceType(kind, ref.field);
    const target = `t:${label(ref.kind)} {organisationId: n.organisationId, id: ${ref.isMany ? 'targetId' : `n.${ref.field}`}}`;
    // The hints (here and on n): left to itself, Neo4j 5.26 planned some look-ups by
    // (organisationId, id) as a seek on organisationId alone and a filter on id, i.e. every actor
    // per link (an import of 2,000 actors and 14,000 links ran for over 14 minutes).
    const match = `MATCH (${target}) USING INDEX t:${label(ref.kind)}(organisationId, id)`;
    return ref.isMany
      ? `CALL (n) { UNWIND n.${ref.field} AS targetId ${match} CREATE (n)-[:${type}]->(t) }`
      : `CALL (n) { ${match} CREATE (n)-[:${type}]->(t) }`;
  });
  if (kind === 'actor') {
    creates.push(
      `CALL (n) { MATCH (:${ORGANISATION_LABEL} {id: n.organisationId})-[:${HAS_LEVEL}]->(t:${LEVEL_LABEL} {key: n.levelKey}) CREATE (n)-[:${AT_LEVEL}]->(t) }`,
    );
  }
  return creates;
}

/** Clauses that re-derive the outgoing reference relationships of the record bound to `n`. */
function syncReferencesClauses(kind: RecordKind): string[] {
  const types = REFERENCES[kind].map((ref) => referenceType(kind, ref.field));
  if (kind === 'actor') types.push(AT_LEVEL);
  if (types.length === 0) return [];
  return [`CALL (n) { MATCH (n)-[old:${types.join('|')}]->() DELETE old }`, ...referenceCreates(kind)];
}

function syncReferencesText(kind: RecordKind): string {
  return `UNWIND $ids AS id
   MATCH (n:${label(kind)} {organisationId: $organisationId, id: id}) USING INDEX n:${label(kind)}(organisationId, id)
   ${syncReferencesClauses(kind).join('\n   ')}`;
}

/** Kinds with reference relationships: a presentation's references sit inside its steps' JSON. */
export const REFERRING_KINDS = RECORD_KINDS.filter((kind) => REFERENCES[kind].length > 0 || kind === 'actor');

/**
 * Re-derives the outgoing reference relationships of the given records from their id
 * properties (after an insert or an update), for the kinds that have any. A reference to a
 * record that does not exist gets no relationship; MISSING_REFERENCES refuses that for the
 * required ones.
 */
export const SYNC_REFERENCES: Readonly<Partial<Record<RecordKind, Statement<'organisationId' | 'ids'>>>> =
  Object.fromEntries(
    REFERRING_KINDS.map((kind) => [
      kind,
      cypher(`SYNC_REFERENCES.${kind}`, syncReferencesText(kind), { organisationId: ORG, ids: IDS }),
    ]),
  );

/**
 * Whether the record bound to `n` misses a required reference: its scenario, or a reference whose
 * loss would delete it (its relationship is missing).
 */
function missingCondition(kind: ScenarioRecordKind): string {
  const conditions = [
    `NOT EXISTS { MATCH (s:${NODES.scenario.label} {organisationId: n.organisationId, id: n.scenarioId}) }`,
  ];
  for (const cascade of RECORD_KINDS.flatMap((target) => cascadesOf(target).map((c) => ({ ...c, target })))) {
    if (cascade.kind === kind && cascade.action === 'delete') {
      conditions.push(`NOT EXISTS { (n)-[:${referenceType(kind, cascade.field)}]->(:${label(cascade.target)}) }`);
    }
  }
  return conditions.join('\n      OR ');
}

function missingReferencesText(kind: ScenarioRecordKind): string {
  return `UNWIND $ids AS id
   MATCH (n:${label(kind)} {organisationId: $organisationId, id: id}) USING INDEX n:${label(kind)}(organisationId, id)
   WHERE ${missingCondition(kind)}
   RETURN n.id AS id ORDER BY id LIMIT 1`;
}

/**
 * The first of the given records whose required references are missing: its scenario, and the
 * references whose loss would delete it (a link's two actors, a perception's link), as SQLite's
 * foreign keys refuse them.
 */
export const MISSING_REFERENCES = byScenarioKind((kind) =>
  cypher(`MISSING_REFERENCES.${kind}`, missingReferencesText(kind), { organisationId: ORG, ids: IDS }),
);

// ---------------------------------------------------------------------------------------------
// Deletes and their cascades (derived from cascadesOf, as the SQLite adapter does)

/**
 * Every chain of cascades a delete of `kind` sets off: [c1, …, cn], each link's records referring
 * to the previous one's (the first to the deleted records), all but the last deleting theirs.
 * @throws Error when a delete cascade could come back to a kind it started from: that needs a
 *   search of any depth, which a fixed statement cannot make.
 */
function cascadeChains(kind: RecordKind, along: readonly RecordKind[] = [kind]): Cascade[][] {
  return cascadesOf(kind).flatMap((cascade) => {
    if (cascade.action !== 'delete') return [[cascade]];
    if (along.includes(cascade.kind)) {
      throw new Error(
        `Deleting a ${along[0]} can delete ${cascade.kind}s again: DELETE_WITH_CASCADES follows no cycle.`,
      );
    }
    return [[cascade], ...cascadeChains(cascade.kind, [...along, cascade.kind]).map((rest) => [cascade, ...rest])];
  });
}

/** What a cascade does to the records referring by `cascade.field` to one of `ids` (a Cypher list). */
function cascadeAction(cascade: Cascade, ids: string): string {
  const { kind, field } = cascade;
  switch (cascade.action) {
    case 'clear':
      return `${seekEach(kind, field, ids)} SET n.${field} = null`;
    case 'remove':
      return `MATCH (n:${label(kind)} {organisationId: $organisationId})
     WHERE any(x IN n.${field} WHERE x IN ${ids})
     SET n.${field} = [x IN n.${field} WHERE NOT x IN ${ids}]`;
    case 'delete':
      return `${seekEach(kind, field, ids)} DETACH DELETE n`;
  }
}

/** A unit subquery: run once, changing what later clauses see, not the rows they get. */
const subquery = (body: string) => `CALL () {\n     ${body}\n   }`;

/** One chain as a subquery: the ids each deleting link reaches, then the last link's action. */
function cascadeChainText(chain: readonly Cascade[]): string {
  const steps: string[] = [];
  let ids = '$ids';
  chain.slice(0, -1).forEach((cascade, i) => {
    steps.push(`${seekEach(cascade.kind, cascade.field, ids)} WITH collect(DISTINCT n.id) AS reached${i}`);
    ids = `reached${i}`;
  });
  steps.push(cascadeAction(chain.at(-1)!, ids));
  return subquery(steps.join('\n     '));
}

/**
 * Deletes records of one kind with everything `cascadesOf` does to the records that refer to
 * them, in one statement that is sent without waiting for anything (so a delete joins a batch of
 * writes, write-batches.ts): each chain of cascades (an actor's links, then their perceptions) as
 * a subquery that finds its records through the reference properties of the chain's earlier
 * records, so the longest chains go first, while those records still exist; a record two chains
 * reach (a link from and to the deleted actor) is deleted by the first. A deleted scenario also
 * takes everything in it.
 */
export const DELETE_WITH_CASCADES = byKind((kind) => {
  const chains = cascadeChains(kind).sort((a, b) => b.length - a.length);
  const contents =
    kind === 'scenario'
      ? SCENARIO_RECORD_KINDS.map((inside) => subquery(`${seekEach(inside, 'scenarioId')} DETACH DELETE n`))
      : [];
  return cypher(
    `DELETE_WITH_CASCADES.${kind}`,
    `${[...chains.map(cascadeChainText), ...contents].join('\n   ')}
     ${seekEach(kind, 'id')}
     WITH n, n.id AS id
     DETACH DELETE n
     RETURN count(id) AS deleted`,
    { organisationId: ORG, ids: IDS },
  );
});

// ---------------------------------------------------------------------------------------------
// One scenario (readScenarioGraph)

export const READ_SCENARIO = cypher(
  'READ_SCENARIO',
  `MATCH (n:${NODES.scenario.label} {organisationId: $organisationId, id: $scenarioId})
   RETURN ${recordColumns('scenario')}`,
  { organisationId: ORG, scenarioId: 's-current' },
);

export const READ_IN_SCENARIO = byScenarioKind((kind) =>
  cypher(
    `READ_IN_SCENARIO.${kind}`,
    `MATCH (n:${label(kind)} {organisationId: $organisationId, scenarioId: $scenarioId})
     RETURN ${recordColumns(kind)} ORDER BY n.id`,
    { organisationId: ORG, scenarioId: 's-current' },
  ),
);

// ---------------------------------------------------------------------------------------------
// Research across organisations

/**
 * Organisations whose chain has `$upperLevel` directly above `$lowerLevel` (no other chain level
 * between them; side levels do not count) and whose CURRENT scenario has no responsive link
 * (TIGHT or LOOSE, either direction) between an actor at the one and an actor at the other.
 * Followed along Level ← AT_LEVEL ← Actor ← FROM|TO ← Link, one pattern per organisation.
 */
export const ORGANISATIONS_WITH_LEVEL_GAP = cypher(
  'ORGANISATIONS_WITH_LEVEL_GAP',
  `MATCH (o:${ORGANISATION_LABEL})-[:${HAS_LEVEL}]->(upper:${LEVEL_LABEL} {key: $upperLevel, isSide: false}),
         (o)-[:${HAS_LEVEL}]->(lower:${LEVEL_LABEL} {key: $lowerLevel, isSide: false})
   WHERE upper.position < lower.position
     AND NOT EXISTS {
       MATCH (o)-[:${HAS_LEVEL}]->(between:${LEVEL_LABEL} {isSide: false})
       WHERE upper.position < between.position < lower.position
     }
   MATCH (current:${NODES.scenario.label} {organisationId: o.id, kind: 'CURRENT'})
   WHERE NOT EXISTS {
     MATCH (upper)<-[:${AT_LEVEL}]-(:${NODES.actor.label})<-[:FROM|TO]-(link:${NODES.link.label})-[:FROM|TO]->(:${NODES.actor.label})-[:${AT_LEVEL}]->(lower)
     WHERE link.scenarioId = current.id AND link.coupling IN ['TIGHT', 'LOOSE']
   }
   WITH DISTINCT o
   RETURN ${ORGANISATION_MAP} ORDER BY o.id`,
  { upperLevel: 'administration', lowerLevel: 'principal' },
);
