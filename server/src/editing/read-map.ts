import { DomainError, notFound } from '../domain/errors.ts';
import type { Organisation, Scenario, ScenarioGraph } from '../domain/records.ts';
import type { GraphStore, ScenarioGraphOptions } from '../store/graph-store.ts';

export async function requireOrganisation(store: GraphStore, organisationId: string): Promise<Organisation> {
  const organisation = await store.getOrganisation(organisationId);
  if (!organisation) throw notFound('organisation', organisationId);
  return organisation;
}

/** Every scenario of an organisation (there are few: current, desired and observations). */
export async function listScenarios(store: GraphStore, organisationId: string): Promise<Scenario[]> {
  const page = await store.listRecords('scenario', organisationId, {}, { first: 1000 });
  return page.nodes;
}

export async function currentScenario(store: GraphStore, organisationId: string): Promise<Scenario> {
  const current = (await listScenarios(store, organisationId)).find((scenario) => scenario.kind === 'CURRENT');
  if (!current) throw new DomainError('NOT_FOUND', `Organisation "${organisationId}" has no current scenario.`, { id: organisationId });
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
