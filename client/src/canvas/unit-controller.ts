import type { Core, NodeCollection, NodeSingular } from 'cytoscape';

import { ACTOR_SIZE, CLASSES } from './stylesheet.ts';
import {
  type Box,
  type BoxMember,
  type BoxUnit,
  boundsOf,
  EMPTY_UNIT_SIZE,
  fitViewport,
  unitBoxes,
} from './unit-boxes.ts';

/** A unit with no visible actor keeps a small box, in a column left of the map. */
const EMPTY_UNIT = { ...EMPTY_UNIT_SIZE, x: -220, gap: 24 };

function unitsOf(cy: Core): BoxUnit[] {
  return cy.nodes('.unit').map((n) => ({
    id: String(n.data('recordId')),
    parentId: (n.data('parentUnitId') as string | null) ?? null,
  }));
}

function membersOf(cy: Core): BoxMember[] {
  const members: BoxMember[] = [];
  cy.nodes('.actor').forEach((n) => {
    if (n.hasClass(CLASSES.hidden)) return;
    const { x, y } = n.position();
    members.push({ unitId: (n.data('unitId') as string | null) ?? null, x, y, ...ACTOR_SIZE });
  });
  return members;
}

/**
 * Sizes and places every unit box around its visible actors (after an edit, a filter, a drag or a
 * layout). Boxes that did not change are left alone, so a drag only touches the boxes it moves.
 * NOTE: mutates the instance.
 */
export function refreshUnitBoxes(cy: Core): void {
  const units = cy.nodes('.unit');
  if (units.empty()) return;
  const boxes = unitBoxes(unitsOf(cy), membersOf(cy));
  let emptySlot = units.filter((n) => n.data('isEmpty') === true && !boxes.has(String(n.data('recordId')))).length;
  cy.batch(() => {
    units.forEach((node) => {
      const box = boxes.get(String(node.data('recordId')));
      if (box) return setBox(node, box);
      if (node.data('isEmpty') === true) return;
      setBox(node, {
        x: EMPTY_UNIT.x,
        y: emptySlot++ * (EMPTY_UNIT.height + EMPTY_UNIT.gap),
        width: EMPTY_UNIT.width,
        height: EMPTY_UNIT.height,
      });
      node.data('isEmpty', true);
    });
  });
}

function setBox(node: NodeSingular, box: Box): void {
  if (node.data('isEmpty') === true) node.data('isEmpty', false);
  const p = node.position();
  if (p.x !== box.x || p.y !== box.y) node.position({ x: box.x, y: box.y });
  if (node.data('width') !== box.width || node.data('height') !== box.height) {
    node.data({ width: box.width, height: box.height });
  }
}

/** The actors and nested unit boxes inside a unit box, which move with it when it is dragged. */
function contentsOf(cy: Core, unit: NodeSingular): NodeCollection {
  const id = String(unit.data('recordId'));
  const parentOf = new Map(unitsOf(cy).map((u) => [u.id, u.parentId]));
  const isInside = (unitId: string | null): boolean => {
    const seen = new Set<string>();
    for (let at = unitId; at && !seen.has(at); at = parentOf.get(at) ?? null) {
      if (at === id) return true;
      seen.add(at);
    }
    return false;
  };
  return cy
    .nodes('.actor')
    .filter((n) => isInside((n.data('unitId') as string | null) ?? null))
    .union(cy.nodes('.unit').filter((n) => n.id() !== unit.id() && isInside(String(n.data('recordId')))));
}

/**
 * Dragging a unit box carries its actors along (what Cytoscape does for compound parents), and
 * dragging an actor resizes its boxes, at most once a frame. Returns the unbinding function.
 */
export function bindUnitDragging(cy: Core): () => void {
  let carried: { contents: NodeCollection; last: { x: number; y: number } } | null = null;
  let frame = 0;
  const onGrab = (event: { target: NodeSingular }) => {
    carried = { contents: contentsOf(cy, event.target), last: { ...event.target.position() } };
  };
  const onDrag = (event: { target: NodeSingular }) => {
    if (!carried) return;
    const p = event.target.position();
    const delta = { x: p.x - carried.last.x, y: p.y - carried.last.y };
    carried.last = { ...p };
    cy.batch(() => carried?.contents.shift(delta));
  };
  const onFree = () => {
    carried = null;
  };
  const onActorDrag = () => {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      refreshUnitBoxes(cy);
    });
  };
  cy.on('grab', 'node.unit', onGrab);
  cy.on('drag', 'node.unit', onDrag);
  cy.on('free', 'node.unit', onFree);
  cy.on('drag', 'node.actor', onActorDrag);
  return () => {
    cancelAnimationFrame(frame);
    cy.off('grab', 'node.unit', onGrab);
    cy.off('drag', 'node.unit', onDrag);
    cy.off('free', 'node.unit', onFree);
    cy.off('drag', 'node.actor', onActorDrag);
  };
}

/** The box around every node, from positions and known sizes (no style or label measuring). */
export function nodeBounds(cy: Core): Box | null {
  const boxes: Box[] = [];
  cy.nodes().forEach((n) => {
    if (n.hasClass(CLASSES.hidden)) return;
    const { x, y } = n.position();
    const isUnit = n.hasClass('unit');
    boxes.push({
      x,
      y: isUnit ? y - 10 : y, // the unit's label sits above its box
      width: isUnit ? Number(n.data('width')) : ACTOR_SIZE.width,
      height: isUnit ? Number(n.data('height')) + 20 : ACTOR_SIZE.height,
    });
  });
  return boundsOf(boxes);
}

/** Fits the view to the nodes' known geometry; the first frame then computes styles only once. */
export function fitToNodes(cy: Core, padding = 40): void {
  const box = nodeBounds(cy);
  if (!box) return;
  cy.viewport(
    fitViewport(
      box,
      { width: cy.width(), height: cy.height() },
      { padding, minZoom: cy.minZoom(), maxZoom: cy.maxZoom() },
    ),
  );
}
