import cytoscape, { type Core } from 'cytoscape';
import fcose from 'cytoscape-fcose';

import { patchFirstBounds } from './first-bounds-patch.ts';
import { LABEL_TIERS_ABOVE } from './node-labels.ts';
import { patchStyleCache } from './style-cache-patch.ts';
import { buildStylesheet, MIN_LABEL_SCREEN_SIZE } from './stylesheet.ts';

let isFcoseRegistered = false;

/** Above this many elements the map switches to the renderer's large-graph settings. */
export const LARGE_MAP = 3000;
/**
 * Above this many elements the toolbar's and keyboard's zoom steps scale the drawn picture and draw
 * the map anew once the steps pause (picture-zoom.ts): a full drawing takes longer than a frame.
 */
export const PICTURE_ZOOM = 1000;
/** Above this many elements edges are drawn straight: bezier control points cost a frame's time. */
export const STRAIGHT_EDGES = 1500;

/**
 * Creates the one Cytoscape instance of the map view. The canvas renderer draws every map:
 * Cytoscape's WebGL renderer (`webgl: true`) was measured 8 to 30 times slower per frame in
 * headless Chromium without a GPU (see the README's canvas figures), and a projector laptop may
 * have no better.
 */
export function createCy(
  container: HTMLElement,
  elementCount: number,
  actorCount = 0,
  options: { isZoomDetail?: boolean } = {},
): Core {
  if (!isFcoseRegistered) {
    cytoscape.use(fcose);
    isFcoseRegistered = true;
  }
  patchStyleCache();
  patchFirstBounds();
  const isLarge = elementCount > LARGE_MAP;
  const cy = cytoscape({
    container,
    style: buildStylesheet({
      isLarge: elementCount > STRAIGHT_EDGES,
      // A small map shows every label, however small the window (a presenter's map, a thumbnail);
      // a big one shows labels by importance as the user zooms in (node-labels.ts).
      minLabelSize: actorCount > LABEL_TIERS_ABOVE ? MIN_LABEL_SCREEN_SIZE : 3,
      isZoomDetail: options.isZoomDetail === true,
    }),
    layout: { name: 'preset' },
    minZoom: 0.02,
    maxZoom: 4,
    wheelSensitivity: 0.4,
    boxSelectionEnabled: false,
    selectionType: 'single',
    // Big maps draw one picture of the view while the mouse pans or zooms them. Links stay drawn:
    // hiding them made Cytoscape draw every node one by one instead of its cached picture of the
    // whole map (`npm run bench:client`, 20,000 elements: wheel frame 91 → 30 ms).
    hideEdgesOnViewport: false,
    textureOnViewport: isLarge,
    pixelRatio: isLarge ? 1 : 'auto',
    webgl: false,
  });
  if (isLarge) drawDirectly(cy);
  return cy;
}

/** The renderer's caches of single elements' pictures (not public API; see drawDirectly). */
const ELEMENT_TEXTURE_CACHES = ['eleTxrCache', 'lblTxrCache', 'slbTxrCache', 'tlbTxrCache'] as const;

/**
 * Makes the renderer draw each element itself instead of first drawing it into its cache of
 * element pictures and copying it from there (the fallback Cytoscape uses for elements it does not
 * cache). Without a GPU, Chromium's canvas finishes all pending drawing on a canvas each time it
 * is copied from, so filling that cache (on the first frame and at every new zoom level) copied
 * one element at a time (a canvas test in headless Chromium: 9,300 small pictures drawn into
 * such a cache and copied one at a time took 1.1 s, drawn directly 0.1 s). The
 * renderer's cached picture of the whole map (its layers) stays.
 * NOTE: mutates the renderer.
 */
function drawDirectly(cy: Core): void {
  const data = (
    cy as unknown as { renderer: () => { data: Record<string, { getElement: () => null } | undefined> } }
  ).renderer().data;
  for (const name of ELEMENT_TEXTURE_CACHES) {
    const cache = data[name];
    if (cache) cache.getElement = () => null;
  }
}
