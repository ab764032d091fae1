import { organisationSchema } from '@kopplingskartan/schema/interchange';

import { cloneScenarioRecords } from '../domain/clone-scenario.ts';
import { contentsToDocument, readDocument } from '../domain/document.ts';
import { invalidInput } from '../domain/errors.ts';
import { zodFieldIssues } from '../domain/field-issues.ts';
import { newId } from '../domain/ids.ts';
import { DEFAULT_LEVELS, type Organisation, type Scenario } from '../domain/records.ts';
import { checkLevels, checkRecord } from '../domain/rules.ts';
import type { InterchangeDocument } from '@kopplingskartan/schema/interchange';
import type { GraphStore } from '../store/graph-store.ts';
import { listScenarios, loadScenarioGraph, requireOrganisation } from './read-map.ts';

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

/** Creates an organisation (default levels unless given) with its current scenario, "Nuläge". */
export async function createOrganisation(store: GraphStore, input: OrganisationInput): Promise<Organisation> {
  const data = parseOrganisation({
    id: input.id ?? newId('org'),
    name: input.name,
    kind: input.kind,
    description: input.description ?? null,
    levels: input.levels ?? DEFAULT_LEVELS,
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
  return store.createOrganisation({ organisation, records: [{ kind: 'scenario', record: current }] });
}

/** Changes name, kind, description or levels; a level still used by an actor cannot be removed. */
export async function updateOrganisation(
  store: GraphStore,
  input: OrganisationInput & { id: string; expectedVersion?: number | null },
): Promise<Organisation> {
  const existing = await requireOrganisation(store, input.id);
  const { expectedVersion, ...patch } = input;
  const merged: Record<string, unknown> = { ...existing };
  for (const [key, value] of Object.entries(patch)) if (value !== undefined) merged[key] = value;
  const organisation = { ...parseOrganisation(merged), version: existing.version };
  const levelIssues = checkLevels(organisation, await store.levelsInUse(organisation.id));
  if (levelIssues.length > 0) throw invalidInput(levelIssues);
  return store.updateOrganisation(organisation, expectedVersion ?? undefined);
}

/** Copies a scenario (usually the current one) as the start of another, e.g. the desired state. */
export async function cloneScenario(
  store: GraphStore,
  input: { organisationId: string; sourceId: string; name: string; kind: Scenario['kind']; observedAt?: string | null },
): Promise<Scenario> {
  const graph = await loadScenarioGraph(store, input.organisationId, input.sourceId);
  const scenario: Scenario = {
    id: newId('scenario'),
    name: input.name,
    kind: input.kind,
    observedAt: input.observedAt ?? null,
    description: null,
    basedOnId: graph.scenario.id,
    organisationId: input.organisationId,
    version: 1,
  };
  const issues = checkRecord('scenario', scenario, {
    organisation: graph.organisation,
    scenarios: await listScenarios(store, input.organisationId),
    find: (kind, id) => (kind === 'scenario' && id === graph.scenario.id ? (graph.scenario as never) : undefined),
    findParallelLink: () => undefined,
  });
  if (issues.length > 0) throw invalidInput(issues);
  await store.insertRecords(
    input.organisationId,
    cloneScenarioRecords(graph, scenario, (kind) => newId(kind)),
  );
  return scenario;
}

export type ImportMode = 'CREATE' | 'REPLACE';

/**
 * Imports an interchange document in one transaction after checking all of it.
 * @throws DomainError DOCUMENT_INVALID (every issue listed), ORGANISATION_EXISTS in CREATE mode.
 */
export async function importOrganisation(store: GraphStore, value: unknown, mode: ImportMode = 'CREATE') {
  const { document, contents } = readDocument(value);
  const exists = (await store.getOrganisation(document.organisation.id)) !== null;
  const organisation =
    exists && mode === 'REPLACE' ? await store.replaceOrganisation(contents) : await store.createOrganisation(contents);
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

export async function exportOrganisation(store: GraphStore, id: string): Promise<InterchangeDocument | null> {
  const contents = await store.readOrganisation(id);
  return contents ? contentsToDocument(contents) : null;
}
