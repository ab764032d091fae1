import type { Core } from 'cytoscape';

import type { LinkTally } from '../state/link-tally-store.ts';

/** The classes a tallied link carries; the stylesheet draws the tally as the link's label. */
export const TALLY_CLASSES = { tally: 'round-tally', viewsPart: 'round-views-part', differs: 'round-differs' } as const;

/** The tallies' size on screen in pixels, kept however far out the map is zoomed (up to `MAX_TALLY_SIZE`). */
const TALLY_SCREEN_SIZE = 14;
const MIN_TALLY_SIZE = 17;
const MAX_TALLY_SIZE = 60;

/**
 * The font size (in map units) that draws a tally at a readable size at this zoom: a round's
 * result is read from across a room, often with the whole map in view.
 */
export function tallyFontSize(zoom: number): number {
  return Math.min(MAX_TALLY_SIZE, Math.max(MIN_TALLY_SIZE, TALLY_SCREEN_SIZE / zoom));
}

/**
 * Keeps the tallies' size readable as the map is zoomed: one data field on the tallied links
 * only (a few dozen), once per frame.
 * @returns a function that stops it.
 */
export function installTallyScaling(cy: Core): () => void {
  let frame = 0;
  const rescale = () => {
    frame = 0;
    const size = tallyFontSize(cy.zoom());
    const tallied = cy.edges(`.${TALLY_CLASSES.tally}`);
    if (tallied.nonempty() && tallied.first().data('tallySize') !== size)
      cy.batch(() => tallied.data('tallySize', size));
  };
  const onZoom = () => {
    frame ||= requestAnimationFrame(rescale);
  };
  cy.on('zoom', onZoom);
  return () => {
    cy.off('zoom', onZoom);
    cancelAnimationFrame(frame);
  };
}

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
      edge.removeData('tally tallySize');
      edge.removeClass(Object.values(TALLY_CLASSES).join(' '));
      redrawn.push(id);
    }
    for (const [id, tally] of next) {
      const before = previous.get(id);
      if (before && isSameTally(before, tally)) continue;
      const edge = cy.getElementById(id);
      if (edge.empty() || !edge.isEdge()) continue;
      edge.data({ tally: tally.label, tallySize: tallyFontSize(cy.zoom()) });
      edge.addClass(TALLY_CLASSES.tally);
      edge.toggleClass(TALLY_CLASSES.viewsPart, tally.isViewsPart);
      edge.toggleClass(TALLY_CLASSES.differs, tally.isDiffering);
      redrawn.push(id);
    }
  });
  return redrawn;
}
