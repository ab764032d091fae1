import { DomainError, notFound } from '../domain/errors.ts';
import type { Organisation, RecordKind, RecordTypes, Scenario, ScenarioGraph } from '../domain/records.ts';
import { MAX_PAGE_SIZE } from '../store/cursor.ts';
import type { GraphStore, Page, RecordFilter, ScenarioGraphOptions } from '../store/graph-store.ts';

export async function requireOrganisation(store: GraphStore, organisationId: string): Promise<Organisation> {
  const organisation = await store.getOrganisation(organisationId);
  if (!organisation) throw notFound('organisation', organisationId);
  return organisation;
}

/**
 * The organisation (NOT_FOUND when missing) and another read of the same request, asked together:
 * on Neo4j each is a round trip, and an edit made several one after another before writing. The
 * organisation's refusal comes first, as when they were asked in turn. `permitted` is the
 * caller's permission still being checked (its look-up is another round trip): the reads overlap
 * it, and its refusal comes before anything they found, so nothing is told to a caller who may
 * not ask (not even whether the organisation exists).
 */
export async function requireOrganisationAnd<T>(
  store: GraphStore,
  organisationId: string,
  read: Promise<T>,
  permitted: Promise<unknown> = Promise.resolve(),
): Promise<[Organisation, T]> {
  const [permission, organisation, result] = await Promise.allSettled([
    permitted,
    requireOrganisation(store, organisationId),
    read,
  ]);
  if (permission.status === 'rejected') throw permission.reason;
  if (organisation.status === 'rejected') throw organisation.reason;
  if (result.status === 'rejected') throw result.reason;
  return [organisation.value, result.value];
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
  return currentIn(await listScenarios(store, organisationId), organisationId);
}

function currentIn(scenarios: readonly Scenario[], organisationId: string): Scenario {
  const current = scenarios.find((scenario) => scenario.kind === 'CURRENT');
  if (!current)
    throw new DomainError('NOT_FOUND', `Organisation "${organisationId}" has no current scenario.`, {
      id: organisationId,
    });
  return current;
}

/**
 * The graphs an analysis compares: scenario `scenarioId` (the current one when null) and
 * `desiredScenarioId` (when null, the organisation's desired scenario unless that is the one
 * analysed). The scenario list is read at most once and both graphs at the same time: on Neo4j
 * each read is a round trip, and a warm analysis is little else.
 * @throws DomainError NOT_FOUND as `loadScenarioGraph`, for the analysed scenario first.
 */
export async function loadComparedGraphs(
  store: GraphStore,
  organisationId: string,
  scenarioId: string | null,
  desiredScenarioId: string | null,
): Promise<{ current: ScenarioGraph; desired: ScenarioGraph | null }> {
  const scenarios = scenarioId && desiredScenarioId ? [] : await listScenarios(store, organisationId);
  const currentId = scenarioId ?? currentIn(scenarios, organisationId).id;
  const desiredOfOrganisation = scenarios.find((scenario) => scenario.kind === 'DESIRED');
  const desiredId =
    desiredScenarioId ?? (desiredOfOrganisation?.id !== currentId ? (desiredOfOrganisation?.id ?? null) : null);
  const [current, desired] = await Promise.allSettled([
    loadScenarioGraph(store, organisationId, currentId),
    desiredId ? loadScenarioGraph(store, organisationId, desiredId) : null,
  ]);
  if (current.status === 'rejected') throw current.reason;
  if (desired.status === 'rejected') throw desired.reason;
  return { current: current.value, desired: desired.value };
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
