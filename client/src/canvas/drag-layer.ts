import type { Core, EventObject, NodeCollection, NodeSingular } from 'cytoscape';

import { contentsOf } from './unit-controller.ts';

/** The parts of Cytoscape's canvas renderer a drag touches (not public API; Cytoscape 3.34). */
interface ElementInternals {
  _private: { rscratch: { inDragLayer?: boolean } };
}
interface RendererInternals {
  NODE: number;
  data: { canvasNeedsRedraw: boolean[] };
  hoverData: { draggingEles?: boolean };
  notify: (eventName: string, eles?: ArrayLike<ElementInternals>) => void;
  updateCachedGrabbedEles: () => void;
}

/**
 * Moving an actor draws only what moves. Cytoscape draws the elements a drag moves (the grabbed
 * actor, its links and neighbours: its drag layer) on a canvas of their own, over the rest of the
 * map; but each move announces changed bounds, and any announcement made it draw the rest of the
 * map again too, element by element (the move also invalidates its cached picture of the map):
 * 20,000 elements, about 0.3 s a frame. So while elements are dragged, an announcement that names
 * only elements of the drag layer leaves the rest of the map as drawn. The unit boxes a moved actor
 * resizes (unit-controller.ts) are part of what moves: on the first move, the actor's outermost
 * unit with everything inside it and their links join the drag layer (drawn in their own order,
 * so a box stays under its actors); Cytoscape returns them to the map when the drag ends. Drawn
 * over the map, a box's pale fill would veil the neighbours it grows over: until the drop those
 * boxes are outlines. Returns the uninstalling function.
 * NOTE: mutates the renderer.
 */
export function installDragLayer(cy: Core): () => void {
  const r = (cy as unknown as { renderer: () => RendererInternals }).renderer();
  const { notify } = r;
  r.notify = function (eventName, eles) {
    const isMapDrawn = !r.data.canvasNeedsRedraw[r.NODE];
    notify.call(this, eventName, eles);
    if (isMapDrawn && r.hoverData.draggingEles === true && eles && isInDragLayer(eles)) {
      r.data.canvasNeedsRedraw[r.NODE] = false;
    }
  };
  let joined: NodeCollection | null = null;
  const onDrag = (event: EventObject) => {
    if (joined) return;
    const unit = outermostUnit(cy, event.target as NodeSingular);
    const family = unit ? contentsOf(cy, unit).union(unit) : cy.collection();
    family.union(family.connectedEdges()).forEach((ele) => {
      (ele as unknown as ElementInternals)._private.rscratch.inDragLayer = true;
    });
    r.updateCachedGrabbedEles();
    joined = family.nodes('.unit');
    joined.style('background-opacity', 0);
  };
  const onFree = () => {
    joined?.removeStyle('background-opacity');
    joined = null;
  };
  cy.on('drag', 'node', onDrag);
  cy.on('free', 'node', onFree);
  return () => {
    r.notify = notify;
    cy.off('drag', 'node', onDrag);
    cy.off('free', 'node', onFree);
  };
}

function isInDragLayer(eles: ArrayLike<ElementInternals>): boolean {
  for (let i = 0; i < eles.length; i++) if (eles[i]?._private.rscratch.inDragLayer !== true) return false;
  return true;
}

/** The unit box outermost around `node` (an actor or a unit box), or null for an actor in no unit. */
export function outermostUnit(cy: Core, node: NodeSingular): NodeSingular | null {
  const units = new Map(cy.nodes('.unit').map((n) => [String(n.data('recordId')), n]));
  let at = (node.hasClass('unit') ? node.data('recordId') : node.data('unitId')) as string | null | undefined;
  let outermost: NodeSingular | null = null;
  const seen = new Set<string>();
  while (at != null && !seen.has(String(at))) {
    seen.add(String(at));
    const unit = units.get(String(at));
    if (!unit) break;
    outermost = unit;
    at = unit.data('parentUnitId') as string | null | undefined;
  }
  return outermost;
}
