import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';

/**
 * Detail by zoom on big maps: labels, and the dash patterns of links. Cytoscape styles, measures
 * and bounds every label before it draws the first frame, although a big map's fitted view shows
 * none of them (each is below the stylesheet's `min-zoomed-font-size`): the label properties were
 * half the work of styling a 20,000-element map and its labels a third of the CPU time to the
 * first frame (CPU profile of `npm run bench:client`). And a dashed or dotted link whose gaps are
 * narrower than a pixel on screen shows as a lighter line, yet the canvas draws it dash by dash:
 * the decoupled links' 1-unit dots on the fitted 20,000-element map made drawing its links take
 * 0.6-0.9 s instead of 0.04 s (headless Chromium without a GPU). So on big maps an actor's label
 * style and a link's pattern come with a class, which this controller gives to the actors and
 * links in and around the view once the zoom would show them, when the view rests; until then a
 * link is drawn solid in the lighter colour its pattern shows (stylesheet.ts).
 */

/** The class that gives an actor its label style on maps whose labels come with the zoom. */
export const LABELLED = 'kk-labelled';
/** The class that gives a link its dash pattern on maps whose patterns come with the zoom. */
export const PATTERNED = 'kk-patterned';
/** The classes this controller gives, which an element keeps when its own classes change. */
export const DETAIL_CLASSES = [LABELLED, PATTERNED] as const;

/** A gap this wide on screen (px) is seen as a gap; a narrower one as a lighter line. */
export const MIN_PATTERN_GAP = 1;

/** Labels are given once the view has rested this long, so that no gesture waits for restyling. */
const REST_MS = 120;
/** Actors this far beyond the screen (a share of its width and height) get labels too: a short pan finds them drawn. */
const MARGIN = 0.5;

export interface Area {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface LabelCandidate {
  id: string;
  /** Centre and size in model coordinates, as Cytoscape positions nodes. */
  x: number;
  y: number;
  width: number;
  height: number;
  fontSize: number;
}

/** Whether two boxes share a point (touching counts). */
function overlaps(a: Area, b: Area): boolean {
  return a.x2 >= b.x1 && a.x1 <= b.x2 && a.y2 >= b.y1 && a.y1 <= b.y2;
}

/** The view grown by `margin` of its width and height on every side. */
export function labelArea(view: Area, margin = MARGIN): Area {
  const dx = (view.x2 - view.x1) * margin;
  const dy = (view.y2 - view.y1) * margin;
  return { x1: view.x1 - dx, y1: view.y1 - dy, x2: view.x2 + dx, y2: view.y2 + dy };
}

/**
 * The actors whose labels the view would draw: their box overlaps `area` and their font reaches
 * `minScreenSize` pixels on screen at `zoom` (Cytoscape's `min-zoomed-font-size` rule).
 */
export function actorsToLabel(
  actors: Iterable<LabelCandidate>,
  area: Area,
  zoom: number,
  minScreenSize: number,
): string[] {
  const ids: string[] = [];
  for (const a of actors) {
    if (a.fontSize * zoom < minScreenSize) continue;
    const box = { x1: a.x - a.width / 2, y1: a.y - a.height / 2, x2: a.x + a.width / 2, y2: a.y + a.height / 2 };
    if (overlaps(box, area)) ids.push(a.id);
  }
  return ids;
}

export interface PatternCandidate {
  id: string;
  /** Its end points, in model coordinates. */
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** The gap between its dashes in model pixels (stylesheet.ts's LINE_PATTERNS). */
  gap: number;
}

/**
 * The links whose patterns the view would show: the box of their end points overlaps `area` and
 * their gaps reach {@link MIN_PATTERN_GAP} pixels on screen at `zoom`.
 */
export function linksToPattern(links: Iterable<PatternCandidate>, area: Area, zoom: number): string[] {
  const ids: string[] = [];
  for (const l of links) {
    if (l.gap * zoom < MIN_PATTERN_GAP) continue;
    const box = {
      x1: Math.min(l.x1, l.x2),
      y1: Math.min(l.y1, l.y2),
      x2: Math.max(l.x1, l.x2),
      y2: Math.max(l.y1, l.y2),
    };
    if (overlaps(box, area)) ids.push(l.id);
  }
  return ids;
}

export interface ZoomDetail {
  /** Labels and patterns what the view would show now (after elements were added or moved). */
  refresh: () => void;
  /** Labels every actor and patterns every link: a picture of the whole map (export) shows them all. */
  showAll: () => void;
  destroy: () => void;
}

/**
 * `gaps`: the gap of each patterned coupling's dashes (model pixels), by the link's coupling class.
 * NOTE: mutates the instance (adds {@link LABELLED} to actors and {@link PATTERNED} to links).
 */
export function installZoomDetail(
  cy: Core,
  minScreenSize: number,
  gaps: ReadonlyMap<string, number> = new Map(),
): ZoomDetail {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const give = (className: string, ids: readonly string[]) => {
    if (ids.length === 0) return;
    cy.batch(() => {
      for (const id of ids) cy.getElementById(id).addClass(className);
    });
  };
  const gapOf = (link: EdgeSingular) => {
    for (const [className, gap] of gaps) if (link.hasClass(className)) return gap;
    return null;
  };
  const refresh = () => {
    clearTimeout(timer);
    const area = labelArea(cy.extent());
    const actors = cy
      .nodes('.actor')
      .filter((n) => !n.hasClass(LABELLED))
      .map((n: NodeSingular) => ({
        id: n.id(),
        ...n.position(),
        width: Number(n.data('width')),
        height: Number(n.data('height')),
        fontSize: Number(n.data('fontSize')),
      }));
    give(LABELLED, actorsToLabel(actors, area, cy.zoom(), minScreenSize));
    const links: PatternCandidate[] = [];
    cy.edges('.link').forEach((link) => {
      const gap = link.hasClass(PATTERNED) ? null : gapOf(link);
      if (gap === null) return;
      const [from, to] = [link.source().position(), link.target().position()];
      links.push({ id: link.id(), x1: from.x, y1: from.y, x2: to.x, y2: to.y, gap });
    });
    give(PATTERNED, linksToPattern(links, area, cy.zoom()));
  };
  const onViewport = () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, REST_MS);
  };
  cy.on('viewport', onViewport);
  return {
    refresh,
    showAll: () =>
      cy.batch(() => {
        cy.nodes('.actor').addClass(LABELLED);
        cy.edges('.link').addClass(PATTERNED);
      }),
    destroy: () => {
      clearTimeout(timer);
      cy.off('viewport', onViewport);
    },
  };
}
