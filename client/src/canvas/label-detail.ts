import type { Core, NodeSingular } from 'cytoscape';

/**
 * Labels by level of detail on big maps. Cytoscape styles, measures and bounds every label before
 * it draws the first frame, although a big map's fitted view shows none of them (each is below
 * the stylesheet's `min-zoomed-font-size`): the label properties were half the work of styling a
 * 20,000-element map and its labels a third of the CPU time to the first frame (CPU profile of
 * `npm run bench:client`). So on big maps an actor's label style comes with a class, which this
 * controller gives to the actors in and around the view once the zoom would draw their labels,
 * when the view rests.
 */

/** The class that gives an actor its label style on maps whose labels come with the zoom. */
export const LABELLED = 'kk-labelled';

/** Labels are given once the view has rested this long, so that no gesture waits for restyling. */
const REST_MS = 120;
/** Actors this far beyond the screen (a share of its width and height) get labels too: a short pan finds them drawn. */
const MARGIN = 0.5;

export interface Area {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface LabelCandidate {
  id: string;
  /** Centre and size in model coordinates, as Cytoscape positions nodes. */
  x: number;
  y: number;
  width: number;
  height: number;
  fontSize: number;
}

/** The view grown by `margin` of its width and height on every side. */
export function labelArea(view: Area, margin = MARGIN): Area {
  const dx = (view.x2 - view.x1) * margin;
  const dy = (view.y2 - view.y1) * margin;
  return { x1: view.x1 - dx, y1: view.y1 - dy, x2: view.x2 + dx, y2: view.y2 + dy };
}

/**
 * The actors whose labels the view would draw: their box overlaps `area` and their font reaches
 * `minScreenSize` pixels on screen at `zoom` (Cytoscape's `min-zoomed-font-size` rule).
 */
export function actorsToLabel(
  actors: Iterable<LabelCandidate>,
  area: Area,
  zoom: number,
  minScreenSize: number,
): string[] {
  const ids: string[] = [];
  for (const a of actors) {
    if (a.fontSize * zoom < minScreenSize) continue;
    const isInside =
      a.x + a.width / 2 >= area.x1 &&
      a.x - a.width / 2 <= area.x2 &&
      a.y + a.height / 2 >= area.y1 &&
      a.y - a.height / 2 <= area.y2;
    if (isInside) ids.push(a.id);
  }
  return ids;
}

export interface LabelDetail {
  /** Labels what the view would show now (after elements were added or moved). */
  refresh: () => void;
  /** Labels every actor: a picture of the whole map (export) shows them all. */
  labelAll: () => void;
  destroy: () => void;
}

/** NOTE: mutates the instance (adds {@link LABELLED} to actors). */
export function installLabelDetail(cy: Core, minScreenSize: number): LabelDetail {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const label = (ids: readonly string[]) => {
    if (ids.length === 0) return;
    cy.batch(() => {
      for (const id of ids) cy.getElementById(id).addClass(LABELLED);
    });
  };
  const refresh = () => {
    clearTimeout(timer);
    const candidates = cy
      .nodes('.actor')
      .filter((n) => !n.hasClass(LABELLED))
      .map((n: NodeSingular) => ({
        id: n.id(),
        ...n.position(),
        width: Number(n.data('width')),
        height: Number(n.data('height')),
        fontSize: Number(n.data('fontSize')),
      }));
    label(actorsToLabel(candidates, labelArea(cy.extent()), cy.zoom(), minScreenSize));
  };
  const onViewport = () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, REST_MS);
  };
  cy.on('viewport', onViewport);
  return {
    refresh,
    labelAll: () => cy.batch(() => cy.nodes('.actor').addClass(LABELLED)),
    destroy: () => {
      clearTimeout(timer);
      cy.off('viewport', onViewport);
    },
  };
}
