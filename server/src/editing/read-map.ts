import { DomainError, notFound } from '../domain/errors.ts';
import type { Organisation, RecordKind, RecordTypes, Scenario, ScenarioGraph } from '../domain/records.ts';
import { MAX_PAGE_SIZE } from '../store/cursor.ts';
import type { GraphStore, Page, RecordFilter, ScenarioGraphOptions } from '../store/graph-store.ts';

export async function requireOrganisation(store: GraphStore, organisationId: string): Promise<Organisation> {
  const organisation = await store.getOrganisation(organisationId);
  if (!organisation) throw notFound('organisation', organisationId);
  return organisation;
}

/** Every record of a kind, page by page: for lists that are short by nature (scenarios, units). */
export async function allRecords<K extends RecordKind>(
  store: GraphStore,
  kind: K,
  organisationId: string,
  filter: RecordFilter = {},
): Promise<Array<RecordTypes[K]>> {
  const records: Array<RecordTypes[K]> = [];
  let after: string | null = null;
  do {
    const page: Page<RecordTypes[K]> = await store.listRecords(kind, organisationId, filter, {
      first: MAX_PAGE_SIZE,
      after,
    });
    records.push(...page.nodes);
    after = page.hasNextPage ? page.endCursor : null;
  } while (after);
  return records;
}

/** Every scenario of an organisation (there are few: current, desired and observations). */
export function listScenarios(store: GraphStore, organisationId: string): Promise<Scenario[]> {
  return allRecords(store, 'scenario', organisationId);
}

export async function currentScenario(store: GraphStore, organisationId: string): Promise<Scenario> {
  const current = (await listScenarios(store, organisationId)).find((scenario) => scenario.kind === 'CURRENT');
  if (!current)
    throw new DomainError('NOT_FOUND', `Organisation "${organisationId}" has no current scenario.`, {
      id: organisationId,
    });
  return current;
}

/**
 * One scenario's graph; the current scenario when `scenarioId` is null.
 * @throws DomainError NOT_FOUND when the organisation or scenario does not exist.
 */
export async function loadScenarioGraph(
  store: GraphStore,
  organisationId: string,
  scenarioId: string | null | undefined,
  options?: ScenarioGraphOptions,
): Promise<ScenarioGraph> {
  const id = scenarioId ?? (await currentScenario(store, organisationId)).id;
  const graph = await store.readScenarioGraph(organisationId, id, options);
  if (!graph) {
    await requireOrganisation(store, organisationId);
    throw notFound('scenario', id);
  }
  return graph;
}
