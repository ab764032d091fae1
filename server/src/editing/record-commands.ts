import {
  actorSchema,
  arenaSchema,
  initiativeSchema,
  linkSchema,
  perceptionSchema,
  presentationSchema,
  scenarioSchema,
  unitSchema,
} from '@kopplingskartan/schema/interchange';
import type { z } from 'zod';

import { deriveCoupling } from '../domain/coupling.ts';
import { DomainError, type FieldIssue, invalidInput, notFound, versionConflict } from '../domain/errors.ts';
import { zodFieldIssues } from '../domain/field-issues.ts';
import { newId } from '../domain/ids.ts';
import { isScenarioRecordKind, type Organisation, type RecordKind, type RecordTypes } from '../domain/records.ts';
import { checkRecord, KINDS_READING_SCENARIOS, type RecordContext, referencedIds } from '../domain/rules.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { type Audit, audited } from './history.ts';
import { allRecords, listScenarios, requireOrganisationAnd } from './read-map.ts';

const DATA_SCHEMAS: { readonly [K in RecordKind]: z.ZodType } = {
  unit: unitSchema,
  actor: actorSchema,
  scenario: scenarioSchema,
  link: linkSchema,
  arena: arenaSchema,
  perception: perceptionSchema,
  initiative: initiativeSchema,
  presentation: presentationSchema,
};

const ID_PREFIX: { readonly [K in RecordKind]: string } = {
  unit: 'unit',
  actor: 'actor',
  scenario: 'scenario',
  link: 'link',
  arena: 'arena',
  perception: 'perception',
  initiative: 'initiative',
  presentation: 'presentation',
};

/** Fields an input carries that are not record data. */
type Envelope = { organisationId: string; expectedVersion?: number | null; id?: string | null };
type Input = Envelope & Record<string, unknown>;

function withoutNulls(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== null && value !== undefined));
}

/**
 * A link needs a coupling; a perception may have one. When all three ratings are given and no
 * coupling is, the coupling is derived (Orton & Weick); a contradiction is left to checkRecord.
 */
function completeCoupling(kind: RecordKind, data: Record<string, unknown>, isCouplingGiven: boolean): FieldIssue[] {
  if (kind !== 'link' && kind !== 'perception') return [];
  const derived = deriveCoupling({
    targetResponds: (data.targetResponds as boolean | null | undefined) ?? null,
    sourceResponds: (data.sourceResponds as boolean | null | undefined) ?? null,
    distinctive: (data.distinctive as boolean | null | undefined) ?? null,
  });
  if (!isCouplingGiven && derived) data.coupling = derived;
  if (kind === 'link' && !data.coupling) {
    return [
      {
        field: 'coupling',
        reason: 'COUPLING_REQUIRED',
        message: 'give the coupling, or all of targetResponds, sourceResponds and distinctive to derive it',
      },
    ];
  }
  return [];
}

function parseData<K extends RecordKind>(
  kind: K,
  data: Record<string, unknown>,
): { value?: object; issues: FieldIssue[] } {
  const parsed = DATA_SCHEMAS[kind].safeParse(data);
  return parsed.success ? { value: parsed.data as object, issues: [] } : { issues: zodFieldIssues(parsed.error) };
}

/** Loads what the rules need to judge a record: its references, the scenarios, all units, a parallel link, as its kind needs. */
async function loadContext(
  store: GraphStore,
  organisation: Organisation,
  kind: RecordKind,
  record: object,
): Promise<RecordContext> {
  const wanted = referencedIds(kind, record);
  const idsByKind = new Map<RecordKind, string[]>();
  for (const ref of wanted) idsByKind.set(ref.kind, [...(idsByKind.get(ref.kind) ?? []), ref.id]);
  // Asked together: on Neo4j each read is a round trip.
  const [referenced, units, scenarios, parallel] = await Promise.all([
    Promise.all(
      [...idsByKind].map(async ([refKind, ids]) =>
        (await store.getRecords(refKind, organisation.id, ids)).map((hit) => [refKind, hit] as const),
      ),
    ),
    kind === 'unit' ? allRecords(store, 'unit', organisation.id) : [],
    KINDS_READING_SCENARIOS.has(kind) ? listScenarios(store, organisation.id) : null,
    kind === 'link' ? store.findParallelLink(record as RecordTypes['link']) : undefined,
  ]);
  const found = new Map<string, RecordTypes[RecordKind]>();
  for (const [refKind, hit] of referenced.flat()) found.set(`${refKind}\u0000${hit.id}`, hit);
  for (const unit of units) found.set(`unit\u0000${unit.id}`, unit);
  return {
    organisation,
    get scenarios() {
      if (!scenarios)
        throw new Error(`The rules of a ${kind} read scenarios: list the kind in KINDS_READING_SCENARIOS.`);
      return scenarios;
    },
    find: (refKind, id) => found.get(`${refKind}\u0000${id}`) as RecordTypes[typeof refKind] | undefined,
    findParallelLink: () => parallel,
  };
}

async function scenarioOf(store: GraphStore, kind: RecordKind, organisationId: string, input: Input): Promise<string> {
  if (kind === 'perception') {
    const [link] = await store.getRecords('link', organisationId, [String(input.linkId)]);
    if (!link) {
      throw invalidInput([
        {
          field: 'linkId',
          reason: 'UNKNOWN_REFERENCE',
          value: input.linkId,
          message: `no link "${String(input.linkId)}" in this organisation`,
        },
      ]);
    }
    return link.scenarioId;
  }
  const scenarioId = String(input.scenarioId ?? '');
  const [scenario] = await store.getRecords('scenario', organisationId, [scenarioId]);
  if (!scenario) {
    throw invalidInput([
      {
        field: 'scenarioId',
        reason: 'UNKNOWN_REFERENCE',
        value: scenarioId,
        message: `no scenario "${scenarioId}" in this organisation`,
      },
    ]);
  }
  return scenario.id;
}

async function validated<K extends RecordKind>(
  store: GraphStore,
  organisation: Organisation,
  kind: K,
  data: Record<string, unknown>,
  isCouplingGiven: boolean,
  storedFields: { version: number; scenarioId?: string },
): Promise<RecordTypes[K]> {
  const couplingIssues = completeCoupling(kind, data, isCouplingGiven);
  const { value, issues } = parseData(kind, data);
  if (!value || couplingIssues.length > 0) {
    // A missing coupling is explained once, by the coupling rule, not again by the shape check.
    const shapeIssues = couplingIssues.length > 0 ? issues.filter((issue) => issue.field !== 'coupling') : issues;
    throw invalidInput([...couplingIssues, ...shapeIssues]);
  }
  const record = { ...value, organisationId: organisation.id, ...storedFields } as RecordTypes[K];
  const ruleIssues = checkRecord(kind, record, await loadContext(store, organisation, kind, record));
  if (ruleIssues.length > 0) throw invalidInput(ruleIssues);
  return record;
}

/**
 * Creates a record from a GraphQL-style input (`organisationId`, optional `id`, the kind's
 * fields; `scenarioId` for scenario records, whose perception takes its link's scenario).
 * @throws DomainError BAD_USER_INPUT naming the field, NOT_FOUND for the organisation, DUPLICATE for a taken id.
 */
export async function createRecord<K extends RecordKind>(
  store: GraphStore,
  kind: K,
  input: Input,
  audit?: Audit,
): Promise<RecordTypes[K]> {
  const id = input.id ?? newId(ID_PREFIX[kind]);
  // Whether a chosen id is taken is asked with the first reads; a new random one is not looked up
  // (the store still refuses a taken id when it writes).
  const [organisation, [scenarioId, taken]] = await requireOrganisationAnd(
    store,
    input.organisationId,
    Promise.all([
      isScenarioRecordKind(kind) ? scenarioOf(store, kind, input.organisationId, input) : undefined,
      input.id ? store.getRecords(kind, input.organisationId, [id]) : [],
    ]),
    audit?.permitted,
  );
  const { organisationId: _o, expectedVersion: _v, scenarioId: _s, ...fields } = input;
  const data = withoutNulls({ ...fields, id });
  const record = await validated(store, organisation, kind, data, 'coupling' in data, {
    version: 1,
    ...(scenarioId ? { scenarioId } : {}),
  });
  if (taken.length > 0) {
    throw new DomainError('DUPLICATE', `A ${kind} with id "${record.id}" already exists in this organisation.`, {
      kind,
      id: record.id,
      field: 'id',
      reason: 'DUPLICATE',
    });
  }
  await audited(
    audit,
    store,
    organisation.id,
    () => store.insertRecords(organisation.id, [{ kind, record } as never]),
    () => ({ kind, recordId: record.id, action: 'CREATE', before: null, after: record }),
  );
  return record;
}

/**
 * Applies the fields present in the input (null clears an optional field) to a stored record.
 * Changing ratings without giving a coupling re-derives the coupling.
 * @throws DomainError NOT_FOUND, BAD_USER_INPUT or VERSION_CONFLICT (when `expectedVersion` is stale).
 */
export async function updateRecord<K extends RecordKind>(
  store: GraphStore,
  kind: K,
  input: Input & { id: string },
  audit?: Audit,
): Promise<RecordTypes[K]> {
  const [organisation, [existing]] = await requireOrganisationAnd(
    store,
    input.organisationId,
    store.getRecords(kind, input.organisationId, [input.id]),
    audit?.permitted,
  );
  if (!existing) throw notFound(kind, input.id);
  const { organisationId: _o, expectedVersion, ...patch } = input;
  // Checked here too (the store checks again atomically) so a stale edit fails before validation.
  if (typeof expectedVersion === 'number' && expectedVersion !== existing.version) {
    throw conflictWithCurrent(versionConflict(kind, input.id, expectedVersion, existing.version), existing);
  }
  const { organisationId: _eo, version, scenarioId, ...current } = existing as RecordTypes[K] & { scenarioId?: string };
  const data: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) if (value !== undefined) data[key] = value;
  const record = await validated(
    store,
    organisation,
    kind,
    data,
    patch.coupling !== undefined && patch.coupling !== null,
    {
      version,
      ...(scenarioId ? { scenarioId } : {}),
    },
  );
  try {
    return await audited(
      audit,
      store,
      organisation.id,
      () => store.updateRecord(kind, record, expectedVersion ?? undefined),
      (updated) => ({ kind, recordId: record.id, action: 'UPDATE', before: existing, after: updated }),
    );
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'VERSION_CONFLICT') throw error;
    const [current] = await store.getRecords(kind, organisation.id, [input.id]);
    throw conflictWithCurrent(error, current ?? null);
  }
}

/**
 * A VERSION_CONFLICT that says what changed: `details.current` is the record as now stored, so
 * the client can show both versions and let the person merge.
 */
export function conflictWithCurrent(error: DomainError, current: object | null): DomainError {
  return new DomainError(error.code, error.message, { ...error.details, current });
}

/**
 * Deletes a record with the cascades documented on GraphStore.deleteRecord. The current
 * scenario cannot be deleted: every map keeps one.
 */
export async function deleteRecord(
  store: GraphStore,
  kind: RecordKind,
  organisationId: string,
  id: string,
  audit?: Audit,
): Promise<string> {
  const [, [existing]] = await requireOrganisationAnd(
    store,
    organisationId,
    store.getRecords(kind, organisationId, [id]),
    audit?.permitted,
  );
  if (kind === 'scenario') {
    const scenario = existing as RecordTypes['scenario'] | undefined;
    if (scenario?.kind === 'CURRENT') {
      throw invalidInput([
        { field: 'id', reason: 'SCENARIO_RULE', value: id, message: 'the current scenario cannot be deleted' },
      ]);
    }
  }
  if (!existing) throw notFound(kind, id);
  // The entry names the record alone: replaying the history derives the cascades (contents-replay.ts).
  const isDeleted = await audited(
    audit,
    store,
    organisationId,
    () => store.deleteRecord(kind, organisationId, id),
    (deleted) => (deleted ? { kind, recordId: id, action: 'DELETE', before: existing, after: null } : null),
  );
  if (!isDeleted) throw notFound(kind, id);
  return id;
}
