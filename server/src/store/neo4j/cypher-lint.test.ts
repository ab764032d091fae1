/**
 * Offline Cypher check: CI has no Neo4j server, so every statement in queries.ts (the only
 * Cypher the adapter can send) is linted by @neo4j-cypher/language-support against a schema of
 * our labels, relationship types, property keys and each statement's declared parameters, plus
 * Neo4j's built-in function list. Any diagnostic fails, warnings included (an unknown label or
 * relationship type is only a warning in the linter, and would silently match nothing at run time).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import {
  arenaSchema,
  actorSchema,
  initiativeSchema,
  linkSchema,
  perceptionSchema,
  presentationSchema,
  scenarioSchema,
  unitSchema,
} from '@kopplingskartan/schema/interchange';
import { beforeAll, describe, expect, it } from 'vitest';

import { RECORD_KINDS, SCENARIO_RECORD_KINDS } from '../../domain/records.ts';
import { cascadesOf, REFERENCES } from '../../domain/rules.ts';
import { SCHEMA_ELEMENTS } from './constraints.ts';
import * as A from './account-queries.ts';
import * as Q from './queries.ts';
import * as R from './round-queries.ts';
import {
  AT_LEVEL,
  HAS_LEVEL,
  LEVEL_LABEL,
  NODES,
  ORGANISATION_LABEL,
  REFERENCE_TYPES,
  SCHEMA_VERSION_LABEL,
} from './records.ts';

interface Diagnostic {
  severity?: number;
  message: string;
}
interface Token {
  tokenType: string;
  token: string;
}
interface DbSchema {
  labels: string[];
  relationshipTypes: string[];
  propertyKeys: string[];
  parameters: Record<string, unknown>;
  functions?: unknown;
  procedures?: unknown;
}
interface LanguageSupport {
  lintCypherQuery(query: string, schema: DbSchema): Diagnostic[];
  applySyntaxColouring(query: string): Token[];
  testData: { mockSchema: { functions: unknown; procedures: unknown } };
}

// Its ESM entry fails to load in Node; the CommonJS build works.
const require = createRequire(import.meta.url);
let cypher: LanguageSupport;

const LABELS = [
  ...A.ACCOUNT_LABELS,
  ...R.ROUND_LABELS,
  ORGANISATION_LABEL,
  LEVEL_LABEL,
  SCHEMA_VERSION_LABEL,
  ...RECORD_KINDS.map((kind) => NODES[kind].label),
];
const RELATIONSHIP_TYPES = [HAS_LEVEL, AT_LEVEL, ...Object.values(REFERENCE_TYPES), ...A.ACCOUNT_RELATIONSHIP_TYPES];
const PROPERTY_KEYS = [
  ...new Set([
    ...A.ACCOUNT_PROPERTY_KEYS,
    ...R.ROUND_PROPERTY_KEYS,
    ...RECORD_KINDS.flatMap((kind) => NODES[kind].properties.map(([key]) => key)),
    // common to record nodes; Organisation (and its write stamp); Level; SchemaVersion; the transient write lock
    'organisationId',
    'version',
    'description',
    'key',
    'isSide',
    'position',
    'migratedAt',
    'writeLock',
    'writeStamp',
    // a key of the organisation map projection (`o {.*, levels: COLLECT {…}}`), not stored
    'levels',
    // keys of a batched look-up's rows (lookup-batch.ts), not stored: its index, a session's request
    // time, the ids of a getRecords
    'i',
    'now',
    'ids',
  ]),
];

/** Every problem with one statement: linter diagnostics, unknown property keys, unused parameters. */
function problemsOf(text: string, params: Record<string, unknown>): string[] {
  const schema: DbSchema = {
    labels: LABELS,
    relationshipTypes: RELATIONSHIP_TYPES,
    propertyKeys: PROPERTY_KEYS,
    parameters: params,
    // The package ships Neo4j's built-in functions and procedures (Cypher 5 and 25) as its test
    // data; with them an unknown or misspelt function is an error rather than unchecked.
    functions: cypher.testData.mockSchema.functions,
    procedures: cypher.testData.mockSchema.procedures,
  };
  const problems = cypher
    .lintCypherQuery(text, schema)
    .map((d) => `${d.severity === 1 ? 'error' : 'warning'}: ${d.message}`);
  // The linter does not check property keys; a misspelt one would read as null at run time.
  const known = new Set(PROPERTY_KEYS);
  for (const token of cypher.applySyntaxColouring(text)) {
    if (token.tokenType === 'property' && !known.has(token.token))
      problems.push(`unknown property key "${token.token}"`);
  }
  for (const name of Object.keys(params)) {
    if (!new RegExp(`\\$${name}\\b`).test(text)) problems.push(`parameter $${name} is declared but not used`);
  }
  return problems;
}

beforeAll(() => {
  cypher = require('@neo4j-cypher/language-support') as LanguageSupport;
  // Warm-up (~0.5–1 s): the first query loads the semantic analysis.
  cypher.lintCypherQuery('RETURN 1', { labels: [], relationshipTypes: [], propertyKeys: [], parameters: {} });
});

describe('Cypher statements of the Neo4j adapter (offline check)', () => {
  it('holds a sizeable, uniquely named set of statements', () => {
    const names = Q.ALL_STATEMENTS.map((statement) => statement.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.length).toBeGreaterThan(60);
  });

  it.each(Q.ALL_STATEMENTS.map((statement) => [statement.name, statement] as const))(
    '%s parses and passes semantic analysis',
    (_name, statement) => {
      expect(problemsOf(statement.text, statement.params as Record<string, unknown>)).toEqual([]);
    },
  );
});

describe('Cypher statements of the Neo4j account store (offline check)', () => {
  it.each(A.ALL_ACCOUNT_STATEMENTS.map((statement) => [statement.name, statement] as const))(
    '%s parses and passes semantic analysis',
    (_name, statement) => {
      expect(problemsOf(statement.text, statement.params as Record<string, unknown>)).toEqual([]);
    },
  );
});

describe('Cypher statements of the Neo4j round store (offline check)', () => {
  it.each(R.ALL_ROUND_STATEMENTS.map((statement) => [statement.name, statement] as const))(
    '%s parses and passes semantic analysis',
    (_name, statement) => {
      expect(problemsOf(statement.text, statement.params as Record<string, unknown>)).toEqual([]);
    },
  );
});

describe('the offline check itself', () => {
  const declared = { organisationId: 'org-1' };

  it('fails on a syntax error', () => {
    expect(problemsOf('MATCH (n:Actor {organisationId: $organisationId} RETURN n', declared).join('\n')).toMatch(
      /error: .*Invalid input/,
    );
  });

  it('fails on an undeclared $parameter', () => {
    expect(problemsOf('MATCH (n:Actor {organisationId: $organisationId, id: $id}) RETURN n', declared)).toContain(
      'error: Parameter $id is not defined.',
    );
  });

  it('fails on a semantic error, an unknown label, relationship type, property key or function', () => {
    expect(problemsOf('MATCH (n:Actor {organisationId: $organisationId}) RETURN m', declared).join('\n')).toMatch(
      /Variable `m` not defined/,
    );
    expect(problemsOf('MATCH (n:Actr {organisationId: $organisationId}) RETURN n', declared).join('\n')).toMatch(
      /Label Actr/,
    );
    expect(
      problemsOf('MATCH (n:Link {organisationId: $organisationId})-[:FORM]->(a) RETURN a', declared).join('\n'),
    ).toMatch(/Relationship type FORM/);
    expect(problemsOf('MATCH (n:Actor {organisationId: $organisationId}) RETURN n.levelkey', declared)).toContain(
      'unknown property key "levelkey"',
    );
    expect(
      problemsOf('MATCH (n:Actor {organisationId: $organisationId}) RETURN toLowr(n.id)', declared).join('\n'),
    ).toMatch(/toLowr/);
  });

  it('fails on a declared parameter the statement does not use', () => {
    expect(problemsOf('MATCH (n:Actor) RETURN n', declared)).toContain(
      'parameter $organisationId is declared but not used',
    );
  });
});

describe('the statement set covers the model', () => {
  it('has a statement per kind for every per-kind family', () => {
    for (const family of [
      Q.DELETE_ALL_OF_KIND,
      Q.READ_ALL_OF_KIND,
      Q.LOOKUP_RECORDS,
      Q.COUNT_RECORDS,
      Q.PAGE_RECORDS,
      Q.FIND_TAKEN_ID,
      Q.INSERT_RECORDS,
      Q.LOCK_RECORD,
      Q.UPDATE_RECORD,
      Q.DELETE_WITH_CASCADES,
    ]) {
      expect(Object.keys(family).sort()).toEqual([...RECORD_KINDS].sort());
    }
    for (const family of [Q.MISSING_REFERENCES, Q.READ_IN_SCENARIO]) {
      expect(Object.keys(family).sort()).toEqual([...SCENARIO_RECORD_KINDS].sort());
    }
    expect(Object.keys(Q.SYNC_REFERENCES).sort()).toEqual(
      RECORD_KINDS.filter((kind) => kind !== 'presentation').sort(),
    );
  });

  it('follows every cascade the domain derives in the delete of its kind, and has a relationship type for every reference', () => {
    const acts = { clear: 'SET n.{f} = null', remove: 'SET n.{f} = [x IN n.{f} WHERE NOT', delete: 'DETACH DELETE n' };
    for (const kind of RECORD_KINDS) {
      for (const { kind: referring, field, action } of cascadesOf(kind)) {
        const { text } = Q.DELETE_WITH_CASCADES[kind];
        const seek =
          action === 'remove' ? `(n:${NODES[referring].label} {organisationId: $organisationId})` : `${field}: key})`;
        expect(text, `${kind} → ${referring}.${field}`).toContain(`${seek}`);
        expect(text, `${kind} → ${referring}.${field}`).toContain(acts[action].replaceAll('{f}', field));
      }
      for (const ref of REFERENCES[kind]) expect(REFERENCE_TYPES[`${kind}.${ref.field}`]).toMatch(/^[A-Z_]+$/);
    }
    expect(Object.keys(Q.CREATE_SCHEMA_ELEMENT).sort()).toEqual(SCHEMA_ELEMENTS.map((element) => element.name).sort());
  });

  it('stores every field of every record kind as a property', () => {
    const schemas = {
      unit: unitSchema,
      actor: actorSchema,
      scenario: scenarioSchema,
      arena: arenaSchema,
      link: linkSchema,
      perception: perceptionSchema,
      initiative: initiativeSchema,
      presentation: presentationSchema,
    };
    for (const kind of RECORD_KINDS) {
      const fields = NODES[kind].properties.map(([field]) => field).filter((field) => field !== 'scenarioId');
      expect(fields.sort(), kind).toEqual(Object.keys(schemas[kind].shape).sort());
    }
  });

  it.each([
    ['neo4j-store.ts', 0],
    ['neo4j-account-store.ts', 0],
    ['neo4j-round-store.ts', 0],
    // runStatement, and turnIn passing runStatement's statements on.
    ['transactions.ts', 2],
  ] as const)('is the only Cypher %s sends: %i tx.run call(s), no statement text', (file, calls) => {
    const source = readFileSync(new URL(`./${file}`, import.meta.url), 'utf8');
    expect(source.match(/\btx\.run\(/g) ?? []).toHaveLength(calls);
    expect(source).not.toMatch(/['"`]\s*(MATCH|MERGE|CREATE|UNWIND|CALL|RETURN|SHOW|DROP)\b/);
  });
});
