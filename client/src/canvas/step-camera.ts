import type { Core } from 'cytoscape';

import { applyClassSets, syncElements } from './sync.ts';
import type { ClassSets } from './class-sets.ts';
import { toElements } from './elements.ts';
import { foldNamesakeUnits } from './fold-units.ts';
import { browserMeasure } from './label-text.ts';
import { applyPositions } from './layouts.ts';
import type { CanvasMap } from './model.ts';
import { layoutMap, nodeLabels } from './node-labels.ts';
import { CLASSES } from './stylesheet.ts';
import type { Insets } from './unit-boxes.ts';

/**
 * Where a presentation step looks: the whole visible map, the highlighted part, or a saved zoom
 * around a model point (the centre of the screen, so it reads the same on any window size).
 */
export type StepCamera =
  { mode: 'FIT_ALL' | 'FIT_HIGHLIGHT' } | { mode: 'VIEWPORT'; zoom: number; centre: { x: number; y: number } };

export interface CameraTarget {
  zoom: number;
  pan: { x: number; y: number };
}

const PADDING = 40;
const NO_INSETS: Insets = { top: 0, right: 0, bottom: 0, left: 0 };
/** FIT_HIGHLIGHT on two actors should not fill a projector screen: some context stays in view. */
const MAX_FIT_ZOOM = 1.1;
const HIGHLIGHT_PADDING = 120;

/** The free part of the canvas: what the legend and level names leave, less some padding. */
function freeArea(cy: Core, insets: Insets, padding: number) {
  const w = cy.width();
  const h = cy.height();
  // On a small window the padding must not eat the whole view.
  const pad = Math.min(padding, w / 4, h / 4);
  const left = insets.left + pad;
  const top = insets.top + pad;
  return {
    left,
    top,
    width: Math.max(1, w - left - insets.right - pad),
    height: Math.max(1, h - top - insets.bottom - pad),
  };
}

function fitTarget(
  cy: Core,
  elements: ReturnType<Core['collection']>,
  insets: Insets,
  padding = PADDING,
): CameraTarget | null {
  if (elements.empty()) return null;
  const box = elements.boundingBox({});
  if (box.w <= 0 || box.h <= 0 || cy.width() <= 0 || cy.height() <= 0) return null;
  const free = freeArea(cy, insets, padding);
  const zoom = Math.max(cy.minZoom(), Math.min(MAX_FIT_ZOOM, cy.maxZoom(), free.width / box.w, free.height / box.h));
  return {
    zoom,
    pan: {
      x: free.left + free.width / 2 - zoom * (box.x1 + box.w / 2),
      y: free.top + free.height / 2 - zoom * (box.y1 + box.h / 2),
    },
  };
}

/** The zoom and pan a step's camera means for this instance's size and visible elements. */
export function cameraTarget(cy: Core, camera: StepCamera, insets: Insets = NO_INSETS): CameraTarget | null {
  // By class, not `:visible`: that also needs a non-zero opacity, which a running fade may not have.
  const visible = cy.elements().not(`.${CLASSES.hidden}`);
  if (camera.mode === 'VIEWPORT') {
    const zoom = Math.max(cy.minZoom(), Math.min(cy.maxZoom(), camera.zoom));
    const free = freeArea(cy, insets, 0);
    return {
      zoom,
      pan: {
        x: free.left + free.width / 2 - zoom * camera.centre.x,
        y: free.top + free.height / 2 - zoom * camera.centre.y,
      },
    };
  }
  if (camera.mode === 'FIT_HIGHLIGHT') {
    const emphasised = cy.$(`.${CLASSES.highlighted}, .${CLASSES.path}`).not(`.${CLASSES.hidden}`);
    const target = fitTarget(cy, emphasised, insets, HIGHLIGHT_PADDING);
    if (target) return target;
  }
  return fitTarget(cy, visible, insets);
}

/** Moves the camera, animated (a step change) or at once (first draw, resize, export). */
export function moveCamera(cy: Core, camera: StepCamera, duration = 0, insets: Insets = NO_INSETS): void {
  const target = cameraTarget(cy, camera, insets);
  if (!target) return;
  cy.stop(true, false);
  if (duration > 0) cy.animate({ zoom: target.zoom, pan: target.pan }, { duration, easing: 'ease-in-out-cubic' });
  else cy.viewport({ zoom: target.zoom, pan: target.pan });
}

/** Zoom and the model point at the centre of the screen, for saving a step's VIEWPORT camera. */
export function readViewport(cy: Core): { zoom: number; centre: { x: number; y: number } } {
  const zoom = cy.zoom();
  const pan = cy.pan();
  return { zoom, centre: { x: (cy.width() / 2 - pan.x) / zoom, y: (cy.height() / 2 - pan.y) / zoom } };
}

/** Draws one step on an instance: elements at their layered positions, emphasis classes. */
export function drawStep(cy: Core, shown: CanvasMap, classSets: ClassSets): void {
  const map = foldNamesakeUnits(shown);
  const labels = nodeLabels(map, browserMeasure());
  const positions = layoutMap(map, labels, { aspect: cy.width() / Math.max(1, cy.height()) });
  syncElements(cy, toElements(map, labels), positions);
  applyPositions(cy, positions);
  applyClassSets(cy, classSets);
}
