import type { Core } from 'cytoscape';

import { CLASSES } from './stylesheet.ts';
import type { ClassSets } from './class-sets.ts';
import type { ElementDef } from './elements.ts';
import type { Point } from './layered-layout.ts';

/**
 * Brings the instance in line with new element definitions in one batch: removes what is gone,
 * adds what is new, updates data and classes of the rest. Keeps positions of existing nodes, so an
 * edit does not reshuffle the map.
 */
export function syncElements(cy: Core, defs: readonly ElementDef[], positions: ReadonlyMap<string, Point>): void {
  const wanted = new Map(defs.map((d) => [String(d.data.id), d]));
  cy.batch(() => {
    cy.elements().forEach((el) => {
      const def = wanted.get(el.id());
      // Parent or endpoints cannot change in place in Cytoscape: remove and re-add.
      const isMoved =
        def &&
        ((def.group === 'nodes' && (el.data('parent') ?? null) !== (def.data.parent ?? null)) ||
          (def.group === 'edges' && (el.data('source') !== def.data.source || el.data('target') !== def.data.target)));
      if (!def || isMoved) el.remove();
    });
    const toAdd = [];
    for (const def of defs) {
      const id = String(def.data.id);
      const existing = cy.getElementById(id);
      if (existing.nonempty()) {
        existing.data(def.data);
        existing.classes(def.classes);
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
    // Nodes before edges, parents before children: Cytoscape sorts a single add() call itself.
    cy.add(toAdd);
  });
}

const CLASS_KEYS: (keyof ClassSets)[] = ['hidden', 'dimmed', 'highlighted', 'path', 'match'];

/** Applies emphasis and filters as class toggles (one stylesheet, no inline styles). */
export function applyClassSets(cy: Core, sets: ClassSets): void {
  cy.batch(() => {
    for (const key of CLASS_KEYS) {
      const name = CLASSES[key];
      cy.$(`.${name}`).removeClass(name);
      for (const id of sets[key]) cy.getElementById(id).addClass(name);
    }
  });
}
