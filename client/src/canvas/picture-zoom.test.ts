import cytoscape, { type Core } from 'cytoscape';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { installPictureZoom, SETTLE_MS } from './picture-zoom.ts';

/** A layer as the picture zoom sees it: only its inline style. */
const layer = () => ({
  style: { transform: '', transformOrigin: '', willChange: '' } as unknown as CSSStyleDeclaration,
});

describe('installPictureZoom', () => {
  let cy: Core;
  let container: EventTarget;
  let layers: { picture: { style: CSSStyleDeclaration }; backdrop: { style: CSSStyleDeclaration } };

  beforeEach(() => {
    vi.useFakeTimers();
    cy = cytoscape({ headless: true, elements: [{ data: { id: 'a' }, position: { x: 0, y: 0 } }] });
    cy.zoom(1);
    container = new EventTarget();
    layers = { picture: layer(), backdrop: layer() };
  });
  afterEach(() => {
    cy.destroy();
    vi.useRealTimers();
  });

  it('scales the picture at once and zooms the map once the steps pause, unscaling it when drawn', () => {
    const zoom = installPictureZoom(cy, container, layers);
    zoom.zoomBy(1.25);
    zoom.zoomBy(1.25);
    expect(cy.zoom()).toBe(1);
    expect(layers.picture.style.transform).toBe('scale(1.5625)');
    expect(layers.backdrop.style.transform).toBe('scale(1.5625)');

    vi.advanceTimersByTime(SETTLE_MS - 1);
    expect(cy.zoom()).toBe(1);
    vi.advanceTimersByTime(1);
    expect(cy.zoom()).toBe(1.5625);
    // The level rows follow the zoom at once; the picture stays scaled until Cytoscape draws anew.
    expect(layers.backdrop.style.transform).toBe('');
    expect(layers.picture.style.transform).toBe('scale(1.5625)');
    cy.emit('render');
    expect(layers.picture.style.transform).toBe('');
    expect(layers.picture.style.willChange).toBe('');
  });

  it('zooms before a press on the map is handled, so the press hits what the picture shows', () => {
    const zoom = installPictureZoom(cy, container, layers);
    zoom.zoomBy(0.8);
    container.dispatchEvent(new Event('pointerdown'));
    expect(cy.zoom()).toBe(0.8);
  });

  it('zooms before another viewport change (a pan from elsewhere) and never zooms twice', () => {
    const zoom = installPictureZoom(cy, container, layers);
    zoom.zoomBy(1.25);
    cy.pan({ x: 40, y: 0 });
    expect(cy.zoom()).toBe(1.25);
    vi.advanceTimersByTime(SETTLE_MS);
    expect(cy.zoom()).toBe(1.25);
  });

  it('stops at the zoom limit, and then leaves nothing scaled', () => {
    cy.maxZoom(1.1);
    const zoom = installPictureZoom(cy, container, layers);
    zoom.zoomBy(1.25);
    zoom.zoomBy(1.25);
    expect(layers.picture.style.transform).toBe('scale(1.1)');
    vi.advanceTimersByTime(SETTLE_MS);
    cy.emit('render');
    expect(cy.zoom()).toBe(1.1);
    expect(layers.picture.style.transform).toBe('');
  });
});
