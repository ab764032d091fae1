import type { Core } from 'cytoscape';

import type { LinkTally } from '../state/link-tally-store.ts';

/** The classes a tallied link carries; the stylesheet draws the tally as the link's label. */
export const TALLY_CLASSES = { tally: 'round-tally', viewsPart: 'round-views-part', differs: 'round-differs' } as const;

function isSameTally(a: LinkTally, b: LinkTally): boolean {
  return a.label === b.label && a.isViewsPart === b.isViewsPart && a.isDiffering === b.isDiffering;
}

/**
 * Draws a perception round's answers on its links: only the links whose tally changed since
 * `previous` are touched (data and classes, in one batch), so an answer arriving redraws its link
 * and moves nothing. Links not on the canvas (filtered out, folded into a unit) are skipped.
 * @returns the ids of the links redrawn.
 */
export function applyLinkTallies(
  cy: Core,
  next: ReadonlyMap<string, LinkTally>,
  previous: ReadonlyMap<string, LinkTally>,
): string[] {
  const redrawn: string[] = [];
  cy.batch(() => {
    for (const id of previous.keys()) {
      if (next.has(id)) continue;
      const edge = cy.getElementById(id);
      if (edge.empty()) continue;
      edge.removeData('tally');
      edge.removeClass(Object.values(TALLY_CLASSES).join(' '));
      redrawn.push(id);
    }
    for (const [id, tally] of next) {
      const before = previous.get(id);
      if (before && isSameTally(before, tally)) continue;
      const edge = cy.getElementById(id);
      if (edge.empty() || !edge.isEdge()) continue;
      edge.data('tally', tally.label);
      edge.addClass(TALLY_CLASSES.tally);
      edge.toggleClass(TALLY_CLASSES.viewsPart, tally.isViewsPart);
      edge.toggleClass(TALLY_CLASSES.differs, tally.isDiffering);
      redrawn.push(id);
    }
  });
  return redrawn;
}
