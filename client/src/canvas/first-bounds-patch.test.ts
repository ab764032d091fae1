import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';

import { patchFirstBounds } from './first-bounds-patch.ts';

patchFirstBounds();

/** a (40×20 at 0,0) → b (40×20 at 100,0); `.wide` makes a node 80 wide. */
const graph = (extra: cytoscape.ElementDefinition[] = []) =>
  cytoscape({
    headless: true,
    styleEnabled: true,
    // No layout: its fit would measure everything before the test does.
    style: [
      { selector: 'node', style: { width: 40, height: 20, 'border-width': 0, label: '' } },
      { selector: 'edge', style: { width: 2, 'curve-style': 'straight' } },
      { selector: '.wide', style: { width: 80 } },
    ],
    elements: [
      { data: { id: 'a' }, position: { x: 0, y: 0 } },
      { data: { id: 'b' }, position: { x: 100, y: 0 } },
      { data: { id: 'ab', source: 'a', target: 'b' } },
      ...extra,
    ],
  });

/** The ids of the elements that announce new bounds while `run` runs. */
function announced(cy: cytoscape.Core, run: () => void): string[] {
  const ids: string[] = [];
  const record = (event: cytoscape.EventObject) => ids.push((event.target as cytoscape.NodeSingular).id());
  cy.on('bounds', record);
  run();
  cy.off('bounds', record);
  return ids;
}

describe('patchFirstBounds', () => {
  it('measures an element the first time without announcing new bounds', () => {
    const cy = graph();
    let box: cytoscape.BoundingBox12 & cytoscape.BoundingBoxWH = { x1: 0, y1: 0, x2: 0, y2: 0, w: 0, h: 0 };
    expect(announced(cy, () => (box = cy.getElementById('a').boundingBox()))).toEqual([]);
    // 40×20 about (0, 0), and the 1-unit margin Cytoscape adds around every box.
    expect(box).toMatchObject({ x1: -21, x2: 21, y1: -11, y2: 11 });
    expect(announced(cy, () => cy.elements().boundingBox())).toEqual([]);
  });

  it('still announces and measures anew what grows or moves after it was measured', () => {
    const cy = graph();
    const a = cy.getElementById('a');
    cy.elements().boundingBox();
    // A headless instance styles lazily: the new width applies when the box is read.
    expect(announced(cy, () => a.addClass('wide').boundingBox())).toContain('a');
    expect(a.boundingBox()).toMatchObject({ x1: -41, x2: 41 });
    expect(announced(cy, () => a.position({ x: 10, y: 50 }))).toContain('a');
    expect(a.boundingBox()).toMatchObject({ x1: -31, x2: 51, y1: 39, y2: 61 });
    // The link follows its moved end: from a's centre (10, 50) to b's (100, 0).
    const link = cy.getElementById('ab').boundingBox();
    expect(link.x1).toBeLessThanOrEqual(10);
    expect(link.y2).toBeGreaterThanOrEqual(50);
  });

  it('adds and styles elements the renderer has not seen without announcing new bounds', () => {
    const cy = graph();
    expect(announced(cy, () => cy.add({ data: { id: 'c' }, position: { x: 0, y: 100 } }))).toEqual([]);
    const c = cy.getElementById('c');
    expect(announced(cy, () => c.addClass('wide').style('width'))).toEqual([]);
    // Nothing was measured before, so the first measuring has the new width.
    expect(c.boundingBox()).toMatchObject({ x1: -41, x2: 41 });
  });

  it('announces new bounds of an element the renderer has computed, measured or not', () => {
    const cy = graph();
    const a = cy.getElementById('a');
    // What a canvas renderer's frame leaves on an element it computed (Cytoscape 3.34's rstyle).
    (a as unknown as { _private: { rstyle: { clean: boolean } } })._private.rstyle.clean = true;
    expect(announced(cy, () => a.addClass('wide').style('width'))).toContain('a');
  });

  it("keeps Cytoscape's own measuring on maps with compound nodes", () => {
    const cy = graph([{ data: { id: 'p' } }, { data: { id: 'c', parent: 'p' }, position: { x: 0, y: 100 } }]);
    expect(announced(cy, () => cy.getElementById('a').boundingBox())).toContain('a');
  });
});
