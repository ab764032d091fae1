import type { Core, NodeSingular } from 'cytoscape';

import { CLASSES } from './stylesheet.ts';

export type Direction = 'left' | 'right' | 'up' | 'down';

export const ARROWS: Record<string, Direction> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

/**
 * The nearest point in a direction, as spatial navigation on a page works: only points on that
 * side count (those within 60° of the arrow first), and sideways distance costs three times as
 * much as distance along the arrow, so ↓ goes to the actor under this one rather than to a nearer
 * one far to the side. Pure.
 */
export function nextInDirection<P extends { id: string; x: number; y: number }>(
  from: { x: number; y: number },
  points: readonly P[],
  direction: Direction,
): P | null {
  // Points within 60° of the arrow first; anything on that side when there are none.
  for (const cone of [0.58, 0]) {
    let best: P | null = null;
    let bestScore = Infinity;
    for (const p of points) {
      const dx = p.x - from.x;
      const dy = p.y - from.y;
      const along = direction === 'left' ? -dx : direction === 'right' ? dx : direction === 'up' ? -dy : dy;
      const across = direction === 'left' || direction === 'right' ? Math.abs(dy) : Math.abs(dx);
      if (along <= 0.5 || along < cone * across) continue;
      const score = along + 3 * across;
      if (score < bestScore) {
        bestScore = score;
        best = p;
      }
    }
    if (best) return best;
  }
  return null;
}

export interface KeyboardNav {
  destroy: () => void;
}

/**
 * The map by keyboard: Tab into the canvas focuses an actor (the selected one, else the first at
 * the top left), arrows move to the nearest actor that way, Enter opens its details. The focused
 * actor is outlined, brought into view when off screen, and announced through `onFocusActor`.
 */
export function installKeyboardNav(
  cy: Core,
  container: HTMLElement,
  options: { onFocusActor: (id: string | null) => void; onOpen: (id: string) => void },
): KeyboardNav {
  let focused: NodeSingular | null = null;
  const candidates = () =>
    cy
      .nodes('.actor, .collapsed-unit')
      .filter((n) => !n.hasClass(CLASSES.hidden))
      .nodes();

  const focus = (node: NodeSingular | null) => {
    cy.$(`.${CLASSES.focus}`).removeClass(CLASSES.focus);
    focused = node;
    if (node) {
      node.addClass(CLASSES.focus);
      const extent = cy.extent();
      const p = node.position();
      const isInView = p.x > extent.x1 && p.x < extent.x2 && p.y > extent.y1 && p.y < extent.y2;
      if (!isInView) cy.animate({ center: { eles: node } }, { duration: 200 });
    }
    options.onFocusActor(node ? String(node.data('recordId')) : null);
  };
  const first = (): NodeSingular | null => {
    const selected = candidates().filter(':selected').nodes();
    if (selected.nonempty()) return selected.first();
    const all = candidates();
    if (all.empty()) return null;
    return all.min((n) => n.position('y') * 10 + n.position('x')).ele as NodeSingular;
  };
  const onFocus = () => focus(focused && !focused.removed() ? focused : first());
  const onBlur = () => {
    cy.$(`.${CLASSES.focus}`).removeClass(CLASSES.focus);
    options.onFocusActor(null);
  };
  const onKey = (event: KeyboardEvent) => {
    const direction = ARROWS[event.key];
    if (direction) {
      event.preventDefault(); // no page scroll
      const from = focused && !focused.removed() ? focused : first();
      if (!from) return;
      if (from !== focused) return focus(from);
      const points = candidates()
        .filter((n) => n.id() !== from.id())
        .nodes()
        .map((n) => ({ id: n.id(), ...n.position() }));
      const next = nextInDirection(from.position(), points, direction);
      if (next) focus(cy.getElementById(next.id) as NodeSingular);
    } else if (event.key === 'Enter' && focused && !focused.removed()) {
      event.preventDefault();
      options.onOpen(focused.id());
    }
  };
  container.addEventListener('focus', onFocus);
  container.addEventListener('blur', onBlur);
  container.addEventListener('keydown', onKey);
  return {
    destroy: () => {
      container.removeEventListener('focus', onFocus);
      container.removeEventListener('blur', onBlur);
      container.removeEventListener('keydown', onKey);
    },
  };
}
