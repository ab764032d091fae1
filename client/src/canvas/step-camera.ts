import type { Core } from 'cytoscape';

import { applyClassSets, syncElements } from './sync.ts';
import type { ClassSets } from './class-sets.ts';
import { createCy, LARGE_MAP } from './cy-instance.ts';
import { toElements } from './elements.ts';
import { foldNamesakeUnits } from './fold-units.ts';
import { browserMeasure } from './label-text.ts';
import { applyPositions } from './layouts.ts';
import type { CanvasMap } from './model.ts';
import { layoutMap, nodeLabels } from './node-labels.ts';
import { CLASSES } from './stylesheet.ts';

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

const PADDING = 60;
/** FIT_HIGHLIGHT on two actors should not fill a projector screen: some context stays in view. */
const MAX_FIT_ZOOM = 1.1;
const HIGHLIGHT_PADDING = 120;

function fitTarget(cy: Core, elements: ReturnType<Core['collection']>, padding = PADDING): CameraTarget | null {
  if (elements.empty()) return null;
  const box = elements.boundingBox({});
  const w = cy.width();
  const h = cy.height();
  if (box.w <= 0 || box.h <= 0 || w <= 0 || h <= 0) return null;
  // On a small window the padding must not eat the whole view.
  const pad = Math.min(padding, w / 4, h / 4);
  const zoom = Math.max(
    cy.minZoom(),
    Math.min(MAX_FIT_ZOOM, cy.maxZoom(), (w - 2 * pad) / box.w, (h - 2 * pad) / box.h),
  );
  return { zoom, pan: { x: w / 2 - zoom * (box.x1 + box.w / 2), y: h / 2 - zoom * (box.y1 + box.h / 2) } };
}

/** The zoom and pan a step's camera means for this instance's size and visible elements. */
export function cameraTarget(cy: Core, camera: StepCamera): CameraTarget | null {
  // By class, not `:visible`: that also needs a non-zero opacity, which a running fade may not have.
  const visible = cy.elements().not(`.${CLASSES.hidden}`);
  if (camera.mode === 'VIEWPORT') {
    const zoom = Math.max(cy.minZoom(), Math.min(cy.maxZoom(), camera.zoom));
    return {
      zoom,
      pan: { x: cy.width() / 2 - zoom * camera.centre.x, y: cy.height() / 2 - zoom * camera.centre.y },
    };
  }
  if (camera.mode === 'FIT_HIGHLIGHT') {
    const emphasised = cy.$(`.${CLASSES.highlighted}, .${CLASSES.path}`).not(`.${CLASSES.hidden}`);
    const target = fitTarget(cy, emphasised, HIGHLIGHT_PADDING);
    if (target) return target;
  }
  return fitTarget(cy, visible);
}

/** Moves the camera, animated (a step change) or at once (first draw, resize, export). */
export function moveCamera(cy: Core, camera: StepCamera, duration = 0): void {
  const target = cameraTarget(cy, camera);
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

export interface StepImageFrame {
  map: CanvasMap;
  classSets: ClassSets;
  camera: StepCamera;
}

/**
 * Renders each step to a PNG on an off-screen instance of a fixed size (so every page of an export
 * looks the same whatever the window), yielding between steps so progress can be shown.
 */
export async function renderStepImages(
  frames: readonly StepImageFrame[],
  options: { width: number; height: number; scale?: number; format?: 'png' | 'jpg' },
  onProgress?: (done: number, total: number) => void,
): Promise<Blob[]> {
  const container = document.createElement('div');
  Object.assign(container.style, {
    position: 'fixed',
    left: '-100000px',
    top: '0',
    width: `${options.width}px`,
    height: `${options.height}px`,
    pointerEvents: 'none',
  });
  container.setAttribute('aria-hidden', 'true');
  document.body.append(container);
  const largest = Math.max(0, ...frames.map((f) => f.map.actors.length + f.map.links.length + f.map.units.length));
  // The canvas renderer, never WebGL: an export must draw every label.
  const cy = createCy(container, Math.min(largest, LARGE_MAP));
  const images: Blob[] = [];
  try {
    for (const [i, frame] of frames.entries()) {
      drawStep(cy, frame.map, frame.classSets);
      moveCamera(cy, frame.camera);
      const shot = { output: 'blob-promise', full: false, bg: '#ffffff', scale: options.scale ?? 1 } as const;
      // JPEG for a PDF: pdf-lib embeds it as is, where a PNG is decoded and recompressed in script.
      images.push(await (options.format === 'jpg' ? cy.jpg({ ...shot, quality: 0.92 }) : cy.png(shot)));
      onProgress?.(i + 1, frames.length);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  } finally {
    cy.destroy();
    container.remove();
  }
  return images;
}
