import type { ClassSets } from '../../canvas/class-sets.ts';
import type { CanvasMap } from '../../canvas/model.ts';
import type { StepCamera } from '../../canvas/step-camera.ts';
import { bestPath } from '../map/best-path.ts';
import { toClassSets } from '../map/to-class-sets.ts';
import type { Show, ShowMap, Step } from './types.ts';

/** What the canvas needs to draw one step: the map, its emphasis and filters, and the camera. */
export interface StepFrame {
  map: CanvasMap;
  classSets: ClassSets;
  camera: StepCamera;
}

/** The map a step shows: its scenario's, or the current scenario (listed first) when null or gone. */
export function mapForStep<M extends Pick<ShowMap, 'scenario'>>(
  maps: readonly M[],
  step: Pick<Step, 'scenarioId'>,
): M | null {
  return maps.find((m) => m.scenario.id === step.scenarioId) ?? maps[0] ?? null;
}

/**
 * The show as a reader of `language` sees it: in an anonymised presentation a unit whose name
 * would point at one person comes with a stand-in in each language ("Skola 3" / "School 3").
 */
export function showInLanguage(show: Show, language: 'sv' | 'en'): Show {
  const maps = show.maps.map((map) => ({
    ...map,
    units: map.units.map((unit) => (unit.anonymisedName ? { ...unit, name: unit.anonymisedName[language] } : unit)),
  }));
  return { ...show, maps };
}

export function toCanvasMap(map: Omit<ShowMap, 'scenario'>): CanvasMap {
  return { levels: map.organisation.levels, actors: map.actors, units: map.units, links: map.links };
}

/**
 * Filters hide, the highlight dims the rest, and the best path (when the step shows one) gets the
 * path look. Ids that no longer exist are left out, so a deleted actor is simply not highlighted
 * (and never dims the whole map).
 */
export function toStepClassSets(map: CanvasMap, step: Step): ClassSets {
  const known = new Set([...map.actors.map((a) => a.id), ...map.links.map((l) => l.id)]);
  const actorIds = step.highlight.actorIds.filter((id) => known.has(id));
  const linkIds = step.highlight.linkIds.filter((id) => known.has(id));
  const filters = { levelKeys: step.levelKeys, kinds: step.linkKinds, couplings: step.couplings, unitIds: [] };
  const sets = toClassSets(map, {
    filters,
    search: '',
    focusActorId: null,
    pathEnds: null,
    emphasis: actorIds.length + linkIds.length > 0 ? { actorIds, linkIds } : null,
  });
  const { pathFromId, pathToId } = step.highlight;
  if (!pathFromId || !pathToId) return sets;
  const visibleLinks = map.links.filter((l) => !sets.hidden.has(l.id));
  const found = bestPath(visibleLinks, pathFromId, pathToId);
  if (!found) return sets;
  const highlighted = new Set(sets.highlighted);
  const path = new Set<string>();
  for (const id of [...found.actorIds, ...found.linkIds]) {
    if (!highlighted.has(id)) continue;
    highlighted.delete(id);
    path.add(id);
  }
  return { ...sets, highlighted, path };
}

export function toStepCamera(step: Step): StepCamera {
  const { mode, zoom, panX, panY } = step.camera;
  if (mode === 'VIEWPORT' && zoom !== null && panX !== null && panY !== null) {
    return { mode, zoom, centre: { x: panX, y: panY } };
  }
  return { mode: mode === 'VIEWPORT' ? 'FIT_ALL' : mode };
}

export function toStepFrame(maps: readonly ShowMap[], step: Step): StepFrame | null {
  const shown = mapForStep(maps, step);
  if (!shown) return null;
  const map = toCanvasMap(shown);
  return { map, classSets: toStepClassSets(map, step), camera: toStepCamera(step) };
}
