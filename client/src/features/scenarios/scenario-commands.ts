import { request } from '../../api/client.ts';
import {
  CloneScenarioDocument,
  DeleteScenarioDocument,
  type ScenarioKind,
  UpdateScenarioDocument,
} from '../../api/generated/graphql.ts';
import { historyActions } from '../../state/history-store.ts';
import { type MapData, mapStore } from '../../state/map-store.ts';
import { selectionActions } from '../../state/selection-store.ts';
import { loadCompare, loadMap, reloadMap } from '../map/load-map.ts';

export type ScenarioRecord = MapData['organisation']['scenarios'][number];

/** Shows another scenario of the organisation; the undo history belongs to the one left. */
export function showScenario(
  organisationId: string,
  scenarioId: string | null,
  options?: Parameters<typeof loadMap>[2],
): Promise<void> {
  selectionActions.clear();
  historyActions.clear();
  return loadMap(organisationId, scenarioId, options);
}

/** A new desired state or dated observation copied from any scenario (links, arenas, initiatives). */
export async function createScenarioFrom(
  organisationId: string,
  input: { sourceId: string; name: string; kind: ScenarioKind; observedAt: string | null },
): Promise<string> {
  const { cloneScenario } = await request(CloneScenarioDocument, { input: { organisationId, ...input } });
  await showScenario(organisationId, cloneScenario.scenario.id);
  return cloneScenario.scenario.id;
}

export async function renameScenario(organisationId: string, scenario: ScenarioRecord, name: string): Promise<void> {
  await request(UpdateScenarioDocument, {
    input: { organisationId, id: scenario.id, name, expectedVersion: scenario.version },
  });
  await reloadMap();
}

/** Deletes a scenario with everything in it; when it was shown (or compared), the current one is shown. */
export async function deleteScenario(map: MapData, scenario: ScenarioRecord): Promise<void> {
  const organisationId = map.organisation.id;
  await request(DeleteScenarioDocument, { organisationId, id: scenario.id });
  if (mapStore.getState().compareScenarioId === scenario.id) await loadCompare(null);
  if (scenario.id === map.scenario.id) await showScenario(organisationId, null);
  else await reloadMap();
}
