import type { Core } from 'cytoscape';

import type { Point } from './layered-layout.ts';
import { refreshUnitBoxes } from './unit-controller.ts';

/**
 * Places actors at given positions (the layered layout or saved drags). Not a `preset` layout run:
 * that moves nodes one by one and recomputes compound bounds each time (1.4 s for 2,000 elements);
 * one batch does the same in milliseconds.
 */
export function applyPositions(cy: Core, positions: ReadonlyMap<string, Point>): void {
  cy.batch(() => {
    cy.nodes('.actor, .collapsed-unit').forEach((node) => {
      const p = positions.get(node.id());
      if (p) node.position({ x: p.x, y: p.y });
    });
  });
  refreshUnitBoxes(cy);
}

/**
 * The force layout (fcose) as an alternative; quality 'draft' on big maps keeps it quick. It
 * places actors only: unit boxes follow their actors afterwards.
 */
export function runForce(cy: Core): Promise<void> {
  return new Promise((resolve) => {
    const nodes = cy.nodes().length;
    const layout = cy
      .elements(':visible')
      .not('node.unit')
      .layout({
        name: 'fcose',
        quality: nodes > 1500 ? 'draft' : 'default',
        randomize: true,
        animate: false,
        fit: false,
        nodeRepulsion: () => 9000,
        idealEdgeLength: () => 120,
      } as Parameters<Core['layout']>[0]);
    layout.one('layoutstop', () => {
      refreshUnitBoxes(cy);
      resolve();
    });
    layout.run();
  });
}

/** Actor positions as they are now, to save after a drag or a force layout. */
export function readPositions(cy: Core): Map<string, Point> {
  const result = new Map<string, Point>();
  cy.nodes('.actor').forEach((node) => {
    const { x, y } = node.position();
    result.set(node.id(), { x: Math.round(x), y: Math.round(y) });
  });
  return result;
}
