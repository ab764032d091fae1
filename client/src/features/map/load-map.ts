import { ApiError, request } from '../../api/client.ts';
import { asApiError } from '../../api/error-text.ts';
import { MapSliceDocument, MapViewerDocument } from '../../api/generated/graphql.ts';
import { markPhase } from '../../canvas/test-hook.ts';
import { mapStore, roleIn } from '../../state/map-store.ts';
import { viewActions } from '../../state/view-store.ts';

/**
 * Loads one scenario's map; a reload keeps the old map on screen until the new one arrives, and so
 * does a step along the timeline (`isTimelineStep`), which alone keeps the timeline view going.
 */
export async function loadMap(
  organisationId: string,
  scenarioId: string | null,
  { isTimelineStep = false } = {},
): Promise<void> {
  const previous = mapStore.getState();
  const isSameMap =
    previous.organisationId === organisationId &&
    (previous.scenarioId === scenarioId || isTimelineStep) &&
    previous.status.type === 'ready';
  // Leaving the timeline ends its comparison with the previous point too: the user never chose it.
  if (!isTimelineStep && previous.timeline)
    mapStore.setState({ timeline: null, compareScenarioId: null, compareStatus: { type: 'idle' } });
  // A highlight names ids of one scenario: another organisation may use the same ids for others.
  if (previous.organisationId !== organisationId) viewActions.resetForOrganisation();
  else if (previous.scenarioId !== scenarioId) viewActions.clearHighlight();
  mapStore.setState({ organisationId, scenarioId, ...(isSameMap ? {} : { status: { type: 'loading' } }) });
  try {
    markPhase('fetchStart');
    const [data, viewer] = await Promise.all([
      request(MapSliceDocument, { organisationId, scenarioId }),
      request(MapViewerDocument, {}),
    ]);
    markPhase('fetched');
    if (!data.map) throw new ApiError('NOT_FOUND', `No map for ${organisationId}`);
    // A slower earlier request must not overwrite a newer choice.
    const now = mapStore.getState();
    if (now.organisationId !== organisationId || now.scenarioId !== scenarioId) return;
    mapStore.setState({
      scenarioId: data.map.scenario.id,
      status: { type: 'ready', data: data.map },
      role: roleIn(viewer.me, organisationId),
    });
  } catch (error) {
    mapStore.setState({ status: { type: 'error', error: asApiError(error) } });
  }
  // Comparing the shown scenario with itself says nothing: the comparison ends when it is shown.
  const { compareScenarioId: compareId, scenarioId: shownId } = mapStore.getState();
  if (compareId) await loadCompare(compareId === shownId ? null : compareId);
}

export function reloadMap(): Promise<void> {
  const { organisationId, scenarioId } = mapStore.getState();
  return organisationId ? loadMap(organisationId, scenarioId) : Promise.resolve();
}

/** The other scenario of the comparison view, or none. */
export async function loadCompare(scenarioId: string | null): Promise<void> {
  const { organisationId } = mapStore.getState();
  if (!scenarioId || !organisationId) {
    mapStore.setState({ compareScenarioId: null, compareStatus: { type: 'idle' } });
    return;
  }
  mapStore.setState({ compareScenarioId: scenarioId, compareStatus: { type: 'loading' } });
  try {
    const data = await request(MapSliceDocument, { organisationId, scenarioId });
    if (data.map) mapStore.setState({ compareStatus: { type: 'ready', data: data.map } });
  } catch (error) {
    mapStore.setState({ compareStatus: { type: 'error', error: asApiError(error) } });
  }
}
