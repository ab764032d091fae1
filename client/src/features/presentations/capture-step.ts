import type { PresentationStepInput } from '../../api/generated/graphql.ts';
import type { CanvasMap } from '../../canvas/model.ts';
import type { Selection } from '../../state/selection-store.ts';
import type { Emphasis, Filters } from '../../state/view-store.ts';
import { toClassSets } from '../map/to-class-sets.ts';
import type { CameraMode, Step } from './types.ts';

/** The analysis finding on screen: its id, its text in both languages and what it highlights. */
export interface ShownFinding {
  id: string;
  explanation: { sv: string; en: string };
  emphasis: Emphasis;
}

/** What is on screen when the user presses "Add this view as a step". */
export interface ViewSnapshot {
  map: CanvasMap;
  scenarioId: string;
  filters: Filters;
  selected: Selection;
  focusActorId: string | null;
  pathEnds: [string, string] | null;
  finding: ShownFinding | null;
  /** Zoom and the model point at the centre of the viewport (see cameraFromViewport). */
  viewport: { zoom: number; centre: { x: number; y: number } } | null;
}

export interface CapturedHighlight {
  actorIds: string[];
  linkIds: string[];
  pathFromId: string | null;
  pathToId: string | null;
  findingId: string | null;
  findingText: { sv: string; en: string } | null;
}

const NO_FILTERS: Filters = { levelKeys: [], kinds: [], couplings: [], unitIds: [] };

/**
 * Everything highlighted on screen, as one list of actors and one of links: the selected actor or
 * link (with the link's two ends, so it does not float between dimmed actors), the focused actor
 * with its neighbourhood, the best path between two actors, and the chosen finding.
 */
export function captureHighlight(view: ViewSnapshot): CapturedHighlight {
  const actorIds = new Set(view.map.actors.map((a) => a.id));
  const linksById = new Map(view.map.links.map((l) => [l.id, l]));
  const actors = new Set<string>();
  const links = new Set<string>();
  const add = (id: string) => {
    if (actorIds.has(id)) actors.add(id);
    else if (linksById.has(id)) links.add(id);
  };
  const base = { filters: view.filters, search: '', focusActorId: null, pathEnds: null, emphasis: null };
  if (view.selected?.entity === 'actor') add(view.selected.id);
  if (view.selected?.entity === 'link') {
    const link = linksById.get(view.selected.id);
    if (link) [link.id, link.sourceId, link.targetId].forEach(add);
  }
  if (view.focusActorId) toClassSets(view.map, { ...base, focusActorId: view.focusActorId }).highlighted.forEach(add);
  let pathFromId: string | null = null;
  let pathToId: string | null = null;
  if (view.pathEnds) {
    [pathFromId, pathToId] = view.pathEnds;
    toClassSets(view.map, { ...base, pathEnds: view.pathEnds }).path.forEach(add);
  }
  if (view.finding) [...view.finding.emphasis.actorIds, ...view.finding.emphasis.linkIds].forEach(add);
  return {
    actorIds: [...actors],
    linkIds: [...links],
    pathFromId,
    pathToId,
    findingId: view.finding?.id ?? null,
    findingText: view.finding ? { ...view.finding.explanation } : null,
  };
}

/** FIT_HIGHLIGHT when something is highlighted, FIT_ALL otherwise. */
export function defaultCameraMode(highlight: Pick<CapturedHighlight, 'actorIds' | 'linkIds'>): CameraMode {
  return highlight.actorIds.length > 0 || highlight.linkIds.length > 0 ? 'FIT_HIGHLIGHT' : 'FIT_ALL';
}

/**
 * A saved viewport. `panX`/`panY` hold the model point at the centre of the screen rather than
 * Cytoscape's raw pan (a rendered offset): the presenter's window is rarely the editor's size,
 * and a centre plus a zoom shows the same place on any screen.
 */
export function cameraFromViewport(mode: CameraMode, viewport: ViewSnapshot['viewport']): Step['camera'] {
  if (!viewport) return { mode: mode === 'VIEWPORT' ? 'FIT_ALL' : mode, zoom: null, panX: null, panY: null };
  const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
  return {
    mode,
    zoom: round(viewport.zoom, 4),
    panX: round(viewport.centre.x, 1),
    panY: round(viewport.centre.y, 1),
  };
}

/** The step a snapshot becomes: scenario, filters, highlight and a camera the user can change later. */
export function captureStep(view: ViewSnapshot, title: string, mode?: CameraMode): PresentationStepInput {
  const highlight = captureHighlight(view);
  const filters = view.filters ?? NO_FILTERS;
  return {
    title,
    caption: null,
    scenarioId: view.scenarioId,
    levelKeys: [...filters.levelKeys],
    linkKinds: [...filters.kinds],
    couplings: [...filters.couplings],
    highlight,
    camera: cameraFromViewport(mode ?? defaultCameraMode(highlight), view.viewport),
  };
}

/**
 * A captured step made to show a round's result: the step shows the round's scenario (the server
 * fills it in), and when nothing else is highlighted the round's links are, framed by the camera
 * unless the editor chose one.
 */
export function withRound(
  step: PresentationStepInput,
  round: { id: string; linkIds: readonly string[] },
  isCameraChosen: boolean,
): PresentationStepInput {
  const highlight = step.highlight ?? {};
  const isEmpty = (highlight.actorIds ?? []).length === 0 && (highlight.linkIds ?? []).length === 0;
  if (!isEmpty) return { ...step, scenarioId: null, roundId: round.id };
  return {
    ...step,
    scenarioId: null,
    roundId: round.id,
    highlight: { ...highlight, linkIds: [...round.linkIds] },
    camera:
      isCameraChosen || !step.camera
        ? step.camera
        : { ...step.camera, mode: defaultCameraMode({ actorIds: [], linkIds: [...round.linkIds] }) },
  };
}
