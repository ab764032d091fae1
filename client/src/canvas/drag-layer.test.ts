import cytoscape, { type Core } from 'cytoscape';
import { describe, expect, it } from 'vitest';

import { installDragLayer, outermostUnit } from './drag-layer.ts';

/**
 * School s holds team t, which holds actor a; actor b is in school s itself, c in no unit, and d
 * in school u. Links: a–b, a–c, c–d.
 */
const map = () =>
  cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node.unit', style: { 'background-opacity': 0.6 } }],
    elements: [
      { data: { id: 'S', recordId: 's', parentUnitId: null }, classes: 'unit' },
      { data: { id: 'T', recordId: 't', parentUnitId: 's' }, classes: 'unit' },
      { data: { id: 'U', recordId: 'u', parentUnitId: null }, classes: 'unit' },
      { data: { id: 'a', unitId: 't' }, classes: 'actor' },
      { data: { id: 'b', unitId: 's' }, classes: 'actor' },
      { data: { id: 'c', unitId: null }, classes: 'actor' },
      { data: { id: 'd', unitId: 'u' }, classes: 'actor' },
      { data: { id: 'ab', source: 'a', target: 'b' } },
      { data: { id: 'ac', source: 'a', target: 'c' } },
      { data: { id: 'cd', source: 'c', target: 'd' } },
    ],
  });

/** The headless renderer, given the fields of the canvas renderer that the drag layer uses. */
function fakeRenderer(cy: Core) {
  const r = (cy as unknown as { renderer: () => Record<string, unknown> }).renderer();
  const state = {
    NODE: 2,
    data: { canvasNeedsRedraw: [false, false, false] },
    hoverData: { draggingEles: false },
    updates: 0,
  };
  Object.assign(r, state, {
    // As Cytoscape's: any notification asks for every layer to be drawn anew.
    notify: () => {
      state.data.canvasNeedsRedraw.fill(true);
    },
    updateCachedGrabbedEles: () => (r.updates = Number(r.updates) + 1),
  });
  return r as unknown as typeof state & { notify: (name: string, eles?: unknown) => void };
}

const inDragLayer = (cy: Core) =>
  cy
    .elements()
    .filter(
      (e) =>
        (e as unknown as { _private: { rscratch: { inDragLayer?: boolean } } })._private.rscratch.inDragLayer === true,
    )
    .map((e) => e.id())
    .sort();

describe('outermostUnit', () => {
  it('finds the outermost unit around an actor or a unit box, and none for an actor in no unit', () => {
    const cy = map();
    expect(outermostUnit(cy, cy.getElementById('a'))?.id()).toBe('S');
    expect(outermostUnit(cy, cy.getElementById('T'))?.id()).toBe('S');
    expect(outermostUnit(cy, cy.getElementById('d'))?.id()).toBe('U');
    expect(outermostUnit(cy, cy.getElementById('c'))).toBeNull();
  });
});

describe('installDragLayer', () => {
  it("moves the dragged actor's outermost unit, what is inside it and their links into the drag layer, boxes as outlines until the drop", () => {
    const cy = map();
    const r = fakeRenderer(cy);
    installDragLayer(cy);
    cy.getElementById('a').emit('drag');
    expect(inDragLayer(cy)).toEqual(['S', 'T', 'a', 'ab', 'ac', 'b']);
    expect(r.updates).toBe(1);
    expect(cy.getElementById('T').style('background-opacity')).toBe('0');
    cy.getElementById('a').emit('drag'); // later moves of the same drag add nothing
    expect(r.updates).toBe(1);
    cy.getElementById('a').emit('free');
    expect(cy.getElementById('T').style('background-opacity')).toBe('0.6');
  });

  it('while elements are dragged, leaves the map drawn for news of drag-layer elements only', () => {
    const cy = map();
    const r = fakeRenderer(cy);
    installDragLayer(cy);
    cy.getElementById('a').emit('drag');
    r.hoverData.draggingEles = true;
    r.data.canvasNeedsRedraw.fill(false);
    r.notify('bounds', cy.$('#a, #ab'));
    expect(r.data.canvasNeedsRedraw).toEqual([true, true, false]);
    r.notify('bounds', cy.$('#a, #d')); // d is not in the drag layer
    expect(r.data.canvasNeedsRedraw[r.NODE]).toBe(true);
    r.hoverData.draggingEles = false;
    r.data.canvasNeedsRedraw.fill(false);
    r.notify('bounds', cy.$('#a'));
    expect(r.data.canvasNeedsRedraw[r.NODE]).toBe(true);
  });

  it('gives the renderer back its own notifications when uninstalled', () => {
    const cy = map();
    const r = fakeRenderer(cy);
    const own = r.notify;
    installDragLayer(cy)();
    expect(r.notify).toBe(own);
  });
});
