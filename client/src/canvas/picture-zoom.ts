import type { Core } from 'cytoscape';

/** How long the zoom steps must pause before the map is drawn anew at its new scale. */
export const SETTLE_MS = 150;

export interface PictureZoom {
  /** Zooms by `factor` about the centre of the view. */
  zoomBy: (factor: number) => void;
  destroy: () => void;
}

/** An element as the picture zoom sees it: its inline style. */
type Styled = Pick<ElementCSSInlineStyle, 'style'>;

/** What the picture zoom scales while the steps go on. */
export interface ZoomLayers {
  /** The map's picture, which Cytoscape draws anew at the new scale after the steps. */
  picture: Styled;
  /** A layer that follows the viewport at once (the level rows), so it is unscaled at the zoom. */
  backdrop: Styled | null;
}

/**
 * Zoom steps of the toolbar and the keyboard on a big map. Drawing a big map takes longer than a
 * frame (20,000 elements: about a quarter of a second in a browser without a GPU), so each step
 * first scales the picture already drawn (a CSS transform, which the browser applies at once);
 * when the steps pause for SETTLE_MS, Cytoscape zooms once and draws the map crisply, and the
 * scaling is dropped in the frame that draws it. Anything else that touches the map meanwhile (a
 * press or the wheel on `container`, a pan or fit from elsewhere) makes the zoom happen first, so
 * hits and positions never use a viewport the picture does not show.
 */
export function installPictureZoom(cy: Core, container: EventTarget, layers: ZoomLayers): PictureZoom {
  let pending: { level: number; timer: ReturnType<typeof setTimeout> } | null = null;
  let isCommitting = false;
  const centre = () => ({ x: cy.width() / 2, y: cy.height() / 2 });

  const scale = (element: Styled | null, factor: number | null) => {
    if (!element) return;
    const { x, y } = centre();
    element.style.transformOrigin = factor === null ? '' : `${x}px ${y}px`;
    element.style.transform = factor === null ? '' : `scale(${factor})`;
    // Its own compositing layer meanwhile: a step then scales it without painting it anew.
    element.style.willChange = factor === null ? '' : 'transform';
  };

  const commit = () => {
    if (!pending) return;
    clearTimeout(pending.timer);
    const { level } = pending;
    pending = null;
    const { picture, backdrop } = layers;
    scale(backdrop, null); // the level rows follow the viewport event below at once
    if (level === cy.zoom()) {
      scale(picture, null);
      return;
    }
    // Cytoscape emits 'render' right after drawing, before the browser shows the frame.
    cy.one('render', () => scale(picture, null));
    isCommitting = true;
    cy.zoom({ level, renderedPosition: centre() });
    isCommitting = false;
  };

  const zoomBy = (factor: number) => {
    const from = pending?.level ?? cy.zoom();
    const level = Math.min(cy.maxZoom(), Math.max(cy.minZoom(), from * factor));
    if (pending) clearTimeout(pending.timer);
    pending = { level, timer: setTimeout(commit, SETTLE_MS) };
    scale(layers.picture, level / cy.zoom());
    scale(layers.backdrop, level / cy.zoom());
  };

  const onViewport = () => {
    if (!isCommitting) commit();
  };
  cy.on('viewport', onViewport);
  // Capture: before Cytoscape's own handlers read the viewport.
  container.addEventListener('pointerdown', commit, true);
  container.addEventListener('wheel', commit, true);
  return {
    zoomBy,
    destroy: () => {
      if (pending) clearTimeout(pending.timer);
      pending = null;
      if (!cy.destroyed()) cy.off('viewport', onViewport);
      container.removeEventListener('pointerdown', commit, true);
      container.removeEventListener('wheel', commit, true);
    },
  };
}
