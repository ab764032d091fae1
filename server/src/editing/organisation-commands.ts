import {
  ORGANISATION_KINDS,
  type OrganisationKind,
  organisationSchema,
  scenarioSchema,
} from '@kopplingskartan/schema/interchange';

import { cloneScenarioRecords } from '../domain/clone-scenario.ts';
import { defaultLevels } from '../domain/default-chains.ts';
import { contentsToDocument, readDocument } from '../domain/document.ts';
import { versionsOf } from '../domain/content-versions.ts';
import { DomainError, invalidInput, notFound, versionConflict } from '../domain/errors.ts';
import { zodFieldIssues } from '../domain/field-issues.ts';
import { newId, newOrganisationId } from '../domain/ids.ts';
import {
  DEFAULT_LEVELS,
  type Organisation,
  type OrganisationContents,
  type Scenario,
  type TaggedRecord,
} from '../domain/records.ts';
import { checkLevels, checkRecord } from '../domain/rules.ts';
import type { InterchangeDocument } from '@kopplingskartan/schema/interchange';
import type { AccountStore } from '../store/account-store.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { type Audit, audited, organisationAsOf, ownerOf } from './history.ts';
import { listScenarios, loadScenarioGraph, requireOrganisation } from './read-map.ts';
import { conflictWithCurrent } from './record-commands.ts';

interface OrganisationInput {
  id?: string | null;
  name?: string | null;
  kind?: string | null;
  description?: string | null;
  levels?: ReadonlyArray<{ key: string; name: string; isSide: boolean }> | null;
}

function parseOrganisation(data: Record<string, unknown>): Omit<Organisation, 'version'> {
  const parsed = organisationSchema.safeParse(data);
  if (!parsed.success) throw invalidInput(zodFieldIssues(parsed.error));
  return parsed.data;
}

/** The default chain of the kind given (an unknown kind is refused later, by the schema). */
function defaultLevelsOf(kind: string | null | undefined) {
  return ORGANISATION_KINDS.find((known) => known === kind) ? defaultLevels(kind as OrganisationKind) : DEFAULT_LEVELS;
}

/**
 * Creates an organisation (its kind's default chain unless levels are given) with its current
 * scenario, "Nuläge", under an id chosen here (`newOrganisationId`); the signed-in user who
 * creates it becomes its owner in the same transaction.
 */
export async function createOrganisation(
  store: GraphStore,
  input: Omit<OrganisationInput, 'id'>,
  audit?: Audit,
): Promise<Organisation> {
  const data = parseOrganisation({
    id: newOrganisationId(input.name ?? ''),
    name: input.name,
    kind: input.kind,
    description: input.description ?? null,
    levels: input.levels ?? defaultLevelsOf(input.kind),
  });
  const organisation = { ...data, version: 1 };
  const levelIssues = checkLevels(organisation, new Set());
  if (levelIssues.length > 0) throw invalidInput(levelIssues);
  const current: Scenario = {
    id: newId('scenario'),
    name: 'Nuläge',
    kind: 'CURRENT',
    observedAt: null,
    description: null,
    basedOnId: null,
    organisationId: organisation.id,
    version: 1,
  };
  return audited(
    audit,
    store,
    organisation.id,
    () => store.createOrganisation({ organisation, records: [{ kind: 'scenario', record: current }] }),
    (created) => ({
      kind: 'organisation',
      recordId: created.id,
      action: 'CREATE',
      before: null,
      after: created,
      isSnapshot: true,
    }),
    ownerOf(audit, organisation.id),
  );
}

/** Changes name, kind, description or levels; a level still used by an actor cannot be removed. */
export async function updateOrganisation(
  store: GraphStore,
  input: OrganisationInput & { id: string; expectedVersion?: number | null },
  audit?: Audit,
): Promise<Organisation> {
  const existing = await requireOrganisation(store, input.id);
  const { expectedVersion, ...patch } = input;
  if (typeof expectedVersion === 'number' && expectedVersion !== existing.version) {
    throw conflictWithCurrent(versionConflict('organisation', input.id, expectedVersion, existing.version), existing);
  }
  const merged: Record<string, unknown> = { ...existing };
  for (const [key, value] of Object.entries(patch)) if (value !== undefined) merged[key] = value;
  const organisation = { ...parseOrganisation(merged), version: existing.version };
  const levelIssues = checkLevels(organisation, await store.levelsInUse(organisation.id));
  if (levelIssues.length > 0) throw invalidInput(levelIssues);
  try {
    return await audited(
      audit,
      store,
      organisation.id,
      () => store.updateOrganisation(organisation, expectedVersion ?? undefined),
      (updated) => ({ kind: 'organisation', recordId: updated.id, action: 'UPDATE', before: existing, after: updated }),
    );
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'VERSION_CONFLICT') throw error;
    throw conflictWithCurrent(error, await store.getOrganisation(input.id));
  }
}

/**
 * Copies a scenario (usually the current one) as the start of another, e.g. the desired state.
 * @param withRecords more records written in the same transaction (a round's perceptions),
 *   given the copy and the id each copied link got.
 */
export async function cloneScenario(
  store: GraphStore,
  input: { organisationId: string; sourceId: string; name: string; kind: Scenario['kind']; observedAt?: string | null },
  audit?: Audit,
  withRecords?: (scenario: Scenario, linkIds: ReadonlyMap<string, string>) => TaggedRecord[],
): Promise<Scenario> {
  const graph = await loadScenarioGraph(store, input.organisationId, input.sourceId);
  const parsed = scenarioSchema.safeParse({
    id: newId('scenario'),
    name: input.name,
    kind: input.kind,
    observedAt: input.observedAt ?? null,
    description: null,
    basedOnId: graph.scenario.id,
  });
  if (!parsed.success) throw invalidInput(zodFieldIssues(parsed.error));
  const scenario: Scenario = { ...parsed.data, organisationId: input.organisationId, version: 1 };
  const issues = checkRecord('scenario', scenario, {
    organisation: graph.organisation,
    scenarios: await listScenarios(store, input.organisationId),
    find: (kind, id) => (kind === 'scenario' && id === graph.scenario.id ? (graph.scenario as never) : undefined),
    findParallelLink: () => undefined,
  });
  if (issues.length > 0) throw invalidInput(issues);
  await audited(
    audit,
    store,
    input.organisationId,
    () => {
      const copied = cloneScenarioRecords(graph, scenario, (kind) => newId(kind));
      const copiedLinks = copied.filter((tagged) => tagged.kind === 'link');
      const linkIds = new Map(graph.links.map((link, i) => [link.id, copiedLinks[i]!.record.id]));
      return store.insertRecords(input.organisationId, [...copied, ...(withRecords?.(scenario, linkIds) ?? [])]);
    },
    () => ({
      kind: 'scenario',
      recordId: scenario.id,
      action: 'CREATE',
      before: null,
      after: scenario,
      isSnapshot: true,
    }),
  );
  return scenario;
}

export type ImportMode = 'CREATE' | 'REPLACE';

/**
 * Imports an interchange document in one transaction after checking all of it. A new
 * organisation gets the signed-in importer as its owner in the same transaction. REPLACE writes
 * it over the organisation whatever it holds now (the document is the state wanted); every
 * version then rises above those the organisation had.
 * @throws DomainError DOCUMENT_INVALID (every issue listed), ORGANISATION_EXISTS in CREATE mode.
 */
export async function importOrganisation(
  store: GraphStore,
  value: unknown,
  mode: ImportMode = 'CREATE',
  audit?: Audit,
) {
  const { document, contents } = readDocument(value);
  const existing = await store.getOrganisation(document.organisation.id);
  const isReplace = existing !== null && mode === 'REPLACE';
  const organisation = await audited(
    audit,
    store,
    contents.organisation.id,
    () => (isReplace ? store.replaceOrganisation(contents) : store.createOrganisation(contents)),
    (written) => ({
      kind: 'organisation',
      recordId: written.id,
      action: 'IMPORT',
      before: existing,
      after: written,
      isSnapshot: true,
    }),
    isReplace ? {} : ownerOf(audit, contents.organisation.id),
  );
  const count = (kind: string) => contents.records.filter((tagged) => tagged.kind === kind).length;
  return {
    organisation,
    counts: {
      units: count('unit'),
      actors: count('actor'),
      scenarios: count('scenario'),
      links: count('link'),
      arenas: count('arena'),
      perceptions: count('perception'),
      initiatives: count('initiative'),
    },
  };
}

/**
 * Deletes the organisation with everything in it, and in the same transaction its memberships,
 * invitations, share links and history: an organisation later created under the same id must
 * inherit none of them.
 * @throws DomainError NOT_FOUND when it does not exist.
 */
export async function deleteOrganisation(
  store: GraphStore,
  accounts: Pick<AccountStore, 'writeTogether'>,
  id: string,
): Promise<void> {
  const isDeleted = await accounts.writeTogether(
    store,
    () => store.deleteOrganisation(id),
    (deleted) => (deleted ? { forgetOrganisation: id } : {}),
  );
  if (!isDeleted) throw notFound('organisation', id);
}

/**
 * Restores an organisation to its state right after history entry `entryId`, in one write that
 * is refused (VERSION_CONFLICT) when anything changed between reading the organisation here and
 * writing it back; every version rises above those it had.
 * @throws DomainError NOT_FOUND, RESTORE_UNAVAILABLE (no state that far back, or an invalid one), VERSION_CONFLICT.
 */
export async function restoreOrganisation(
  store: GraphStore,
  history: Pick<AccountStore, 'historySince'>,
  organisationId: string,
  entryId: number,
  audit?: Audit,
): Promise<Organisation> {
  const current = await store.readOrganisation(organisationId);
  if (!current) throw notFound('organisation', organisationId);
  let contents: OrganisationContents;
  try {
    ({ contents } = readDocument(contentsToDocument(await organisationAsOf(history, organisationId, entryId))));
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'DOCUMENT_INVALID') throw error;
    // Only for a history from before writes and their entries shared a transaction (an entry
    // could be lost then): refuse rather than write a broken map.
    throw new DomainError('RESTORE_UNAVAILABLE', 'Replaying the history up to this entry gives an invalid map.', {
      id: String(entryId),
      issues: error.details.issues,
    });
  }
  return audited(
    audit,
    store,
    organisationId,
    () => store.replaceOrganisation(contents, versionsOf(current)),
    (written) => ({
      kind: 'organisation',
      recordId: written.id,
      action: 'RESTORE',
      before: current.organisation,
      after: written,
      isSnapshot: true,
    }),
  );
}

export async function exportOrganisation(store: GraphStore, id: string): Promise<InterchangeDocument | null> {
  const contents = await store.readOrganisation(id);
  return contents ? contentsToDocument(contents) : null;
}
