import type { Core, NodeCollection, NodeSingular } from 'cytoscape';

import { CLASSES } from './stylesheet.ts';
import {
  type Box,
  type BoxMember,
  type BoxUnit,
  boundsOf,
  EMPTY_UNIT_SIZE,
  fitViewport,
  type Insets,
  UNIT_BOX_DEFAULTS,
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

/** Chain actors only: side actors sit in their lane, and must not stretch their unit's box to it. */
function membersOf(cy: Core): BoxMember[] {
  const members: BoxMember[] = [];
  cy.nodes('.actor.chain').forEach((n) => {
    if (n.hasClass(CLASSES.hidden)) return;
    const { x, y } = n.position();
    members.push({
      unitId: (n.data('unitId') as string | null) ?? null,
      x,
      y,
      width: Number(n.data('width')),
      height: Number(n.data('height')),
    });
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
export function contentsOf(cy: Core, unit: NodeSingular): NodeCollection {
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
    const label = n.hasClass('unit') ? UNIT_BOX_DEFAULTS.labelSpace : 0; // a unit's name sits above its box
    boxes.push({ x, y: y - label / 2, width: Number(n.data('width')), height: Number(n.data('height')) + label });
  });
  return boundsOf(boxes);
}

/**
 * Fits the view to the nodes' known geometry (the first frame then computes styles only once) and
 * any boxes `around` them (the level rows), inside the part of the canvas that the level names,
 * the legend and panels leave free.
 */
export function fitToNodes(cy: Core, insets: Insets, around: readonly Box[] = []): void {
  const nodes = nodeBounds(cy);
  const box = nodes ? boundsOf([nodes, ...around]) : null;
  if (!box) return;
  cy.viewport(
    fitViewport(
      box,
      { width: cy.width(), height: cy.height() },
      { insets, minZoom: cy.minZoom(), maxZoom: MAX_FIT_ZOOM },
    ),
  );
}

/** A fitted small map is not blown up beyond this: a two-actor map should not fill the screen. */
export const MAX_FIT_ZOOM = 1.6;
