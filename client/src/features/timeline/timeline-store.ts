import { create } from 'zustand';

import { request, type RequestStatus } from '../../api/client.ts';
import { asApiError } from '../../api/error-text.ts';
import { TrendsDocument } from '../../api/generated/graphql.ts';
import { mapStore } from '../../state/map-store.ts';
import { showScenario } from '../scenarios/index.ts';
import type { Trends } from './trend-charts.ts';

/** The organisation's trends (asked once per opening of the panel) and the step the map shows. */
export const timelineStore = create<{
  organisationId: string | null;
  status: RequestStatus<Trends>;
  /** Index into the trends' scenarios of the point the map shows; null when not stepping. */
  step: number | null;
}>(() => ({ organisationId: null, status: { type: 'idle' }, step: null }));

/** Asks for the trends again (the map may have changed since); a step of the same organisation stays. */
export async function loadTrends(organisationId: string): Promise<void> {
  const isSame = timelineStore.getState().organisationId === organisationId;
  timelineStore.setState((s) => ({
    organisationId,
    // The trends shown meanwhile stay on screen; another organisation's are not shown.
    status: isSame && s.status.type === 'ready' ? s.status : { type: 'loading' },
    step: isSame ? s.step : null,
  }));
  try {
    const data = await request(TrendsDocument, { organisationId });
    if (timelineStore.getState().organisationId === organisationId)
      timelineStore.setState({ status: { type: 'ready', data: data.trends } });
  } catch (error) {
    if (timelineStore.getState().organisationId === organisationId)
      timelineStore.setState({ status: { type: 'error', error: asApiError(error) } });
  }
}

/**
 * Shows the timeline's point `step` on the map, compared with the point before it, in the layout
 * of the scenario the stepping started from (the map is redrawn, actors stay where they are).
 */
export async function showStep(organisationId: string, scenarioIds: readonly string[], step: number): Promise<void> {
  const id = scenarioIds[step];
  if (!id) return;
  const { timeline, scenarioId } = mapStore.getState();
  const previousId = step > 0 ? (scenarioIds[step - 1] ?? null) : null;
  timelineStore.setState({ step });
  mapStore.setState({
    timeline: timeline ?? { layoutScenarioId: scenarioId ?? id },
    // loadMap loads the comparison once the map is there.
    compareScenarioId: previousId,
    compareStatus: previousId ? { type: 'loading' } : { type: 'idle' },
  });
  await showScenario(organisationId, id, { isTimelineStep: true });
}

/** Back to the map of the scenario shown, in its own layout, without marks. */
export function leaveTimeline(): void {
  timelineStore.setState({ step: null });
  mapStore.setState({ timeline: null, compareScenarioId: null, compareStatus: { type: 'idle' } });
}
