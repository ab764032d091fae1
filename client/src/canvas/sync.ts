import type { Core } from 'cytoscape';

import { CLASSES } from './stylesheet.ts';
import type { ClassSets } from './class-sets.ts';
import type { ElementDef } from './elements.ts';
import { DETAIL_CLASSES } from './zoom-detail.ts';
import type { Point } from './layered-layout.ts';
import { refreshUnitBoxes } from './unit-controller.ts';

/**
 * Brings the instance in line with new element definitions in one batch: removes what is gone,
 * adds what is new, updates data and classes of the rest, then fits the unit boxes around their
 * actors. Keeps positions of existing nodes, so an edit does not reshuffle the map.
 */
export function syncElements(cy: Core, defs: readonly ElementDef[], positions: ReadonlyMap<string, Point>): void {
  const wanted = new Map(defs.map((d) => [String(d.data.id), d]));
  cy.batch(() => {
    cy.elements().forEach((el) => {
      if (el.hasClass('eh-ghost') || el.hasClass('eh-preview')) return; // a link being drawn
      const def = wanted.get(el.id());
      // Endpoints cannot change in place in Cytoscape: remove and re-add.
      const isMoved =
        def?.group === 'edges' && (el.data('source') !== def.data.source || el.data('target') !== def.data.target);
      if (!def || isMoved) el.remove();
    });
    const toAdd = [];
    for (const def of defs) {
      const id = String(def.data.id);
      const existing = cy.getElementById(id);
      if (existing.nonempty()) {
        existing.data(def.data);
        // A label or pattern given as the zoom showed it stays (zoom-detail.ts): taking it away
        // would restyle the element.
        existing.classes([def.classes, ...DETAIL_CLASSES.filter((c) => existing.hasClass(c))].join(' '));
        continue;
      }
      const position = positions.get(id);
      toAdd.push({
        group: def.group,
        data: def.data,
        classes: def.classes,
        ...(position ? { position: { ...position } } : {}),
      });
    }
    // Nodes before edges: Cytoscape sorts a single add() call itself.
    cy.add(toAdd);
  });
  refreshUnitBoxes(cy);
}

const CLASS_KEYS: (keyof ClassSets)[] = ['hidden', 'dimmed', 'highlighted', 'path', 'match', 'marked'];

/** Applies emphasis and filters as class toggles (one stylesheet, no inline styles). */
export function applyClassSets(cy: Core, sets: ClassSets): void {
  cy.batch(() => {
    for (const key of CLASS_KEYS) {
      const name = CLASSES[key];
      cy.$(`.${name}`).removeClass(name);
      for (const id of sets[key]) cy.getElementById(id).addClass(name);
    }
  });
  refreshUnitBoxes(cy); // unit boxes wrap the actors still shown
}

/**
 * Brings highlighted elements into view when some lie outside it, so that choosing a finding
 * never highlights something off-screen while the visible part of the map is dimmed.
 */
export function revealHighlighted(cy: Core, highlighted: ReadonlySet<string>): void {
  if (highlighted.size === 0) return;
  let elements = cy.collection();
  for (const id of highlighted) elements = elements.union(cy.getElementById(id));
  if (elements.empty()) return;
  const view = cy.extent();
  const box = elements.boundingBox();
  const isInView = box.x1 >= view.x1 && box.x2 <= view.x2 && box.y1 >= view.y1 && box.y2 <= view.y2;
  if (isInView) return;
  // Fit, but no closer than 1:1: a finding about two actors should not fill the screen.
  const maxZoom = cy.maxZoom();
  cy.maxZoom(Math.min(1, maxZoom));
  cy.fit(elements, 80);
  cy.maxZoom(maxZoom);
}
