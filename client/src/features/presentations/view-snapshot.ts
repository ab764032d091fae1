import type { MapData } from '../../state/map-store.ts';
import { selectionStore } from '../../state/selection-store.ts';
import { viewStore } from '../../state/view-store.ts';
import { toEmphasis } from '../analysis/to-emphasis.ts';
import { analysisStore } from '../analysis/use-analysis.ts';
import { getCanvas } from '../map/canvas-handle.ts';
import { toCanvasMap } from '../map/to-canvas-map.ts';
import type { ShownFinding, ViewSnapshot } from './capture-step.ts';

/** The analysis finding chosen on this map, if any (a report of another scenario does not count). */
function shownFinding(map: MapData): ShownFinding | null {
  const { key, status, chosenId } = analysisStore.getState();
  if (!chosenId || key !== `${map.organisation.id}:${map.scenario.id}` || status.type !== 'ready') return null;
  const finding = status.data.findings.find((f) => f.id === chosenId);
  if (!finding) return null;
  return { id: finding.id, explanation: { ...finding.explanation }, emphasis: toEmphasis(finding, map) };
}

/** Reads what is on screen now from the shared stores and the mounted canvas. */
export function readViewSnapshot(map: MapData): ViewSnapshot {
  const view = viewStore.getState();
  return {
    map: toCanvasMap(map),
    scenarioId: map.scenario.id,
    filters: view.filters,
    selected: selectionStore.getState().selected,
    focusActorId: view.focusActorId,
    pathEnds: view.pathEnds,
    finding: shownFinding(map),
    viewport: getCanvas()?.viewport() ?? null,
  };
}
