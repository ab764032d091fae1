import type { Core } from 'cytoscape';

import { type BandLevel, type BandNode, type LevelBands, levelBands, namedRows } from './level-bands.ts';
import { CLASSES } from './stylesheet.ts';

const SVG = 'http://www.w3.org/2000/svg';

export interface LevelOverlay {
  /** Recomputes the bands from where the actors are now (after a layout, drag or filter). */
  refresh: () => void;
  /** Screen pixels the level names take at the left edge, for fitting the map beside them. */
  gutter: () => number;
  current: () => LevelBands;
  /** The rows' drawing behind the map, which follows the viewport. */
  backdrop: SVGElement;
  destroy: () => void;
}

function rectOf(box: { x1: number; x2: number; y1: number; y2: number }, className: string): SVGRectElement {
  const rect = document.createElementNS(SVG, 'rect');
  rect.setAttribute('x', String(box.x1));
  rect.setAttribute('y', String(box.y1));
  rect.setAttribute('width', String(box.x2 - box.x1));
  rect.setAttribute('height', String(box.y2 - box.y1));
  rect.setAttribute('class', className);
  return rect;
}

/** What the bands are computed from: every drawn actor (and collapsed unit) not filtered out. */
export function bandNodes(cy: Core): BandNode[] {
  const nodes: BandNode[] = [];
  cy.nodes('.actor, .collapsed-unit').forEach((n) => {
    if (n.hasClass(CLASSES.hidden)) return;
    const { x, y } = n.position();
    nodes.push({
      levelKey: String(n.data('levelKey') ?? ''),
      isSide: n.hasClass('side'),
      x,
      y,
      width: Number(n.data('width')),
      height: Number(n.data('height')),
    });
  });
  return nodes;
}

/**
 * Draws the level rows and the side lane behind the map (an SVG that follows pan and zoom) and
 * their names in front of it, pinned to the left edge of the view so they stay in sight while
 * panning. Names are HTML, so they keep their size at every zoom.
 */
export function installLevelOverlay(
  cy: Core,
  container: HTMLElement,
  levels: () => readonly BandLevel[],
): LevelOverlay {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'level-bands');
  svg.setAttribute('aria-hidden', 'true');
  const group = document.createElementNS(SVG, 'g');
  svg.append(group);
  container.prepend(svg);
  const names = document.createElement('div');
  names.className = 'level-names';
  names.setAttribute('aria-hidden', 'true');
  container.append(names);

  let state: LevelBands = { bands: [], lane: null };
  let rows: ReturnType<typeof namedRows> = [];
  let labels: HTMLElement[] = [];
  /** Each name's height, measured while it is shown; 0 until the page has laid it out. */
  let heights: number[] = [];
  let isPositionAsked = false;
  let gutter = 0;

  const position = () => {
    const zoom = cy.zoom();
    const pan = cy.pan();
    group.setAttribute('transform', `translate(${pan.x} ${pan.y}) scale(${zoom})`);
    const height = cy.height();
    let isUnmeasured = false;
    rows.forEach((row, i) => {
      const label = labels[i];
      if (!label) return;
      // An unmeasured name is shown (nothing is thinner than 0), so it can be measured now.
      heights[i] ||= label.offsetHeight;
      if (!heights[i]) isUnmeasured = true;
      const top = Math.max(row.y1 * zoom + pan.y, 0);
      const bottom = Math.min(row.y2 * zoom + pan.y, height);
      const isShown = bottom - top >= heights[i]!;
      label.hidden = !isShown;
      if (isShown) label.style.top = `${(top + bottom) / 2 - heights[i]! / 2}px`;
    });
    // Names made before the page laid them out (the map's first drawing) would stay shown over
    // rows too thin for them until the view moved: placed again once they are measured.
    if (isUnmeasured && !isPositionAsked) {
      isPositionAsked = true;
      requestAnimationFrame(() => {
        isPositionAsked = false;
        if (!cy.destroyed()) position();
      });
    }
  };

  const refresh = () => {
    state = levelBands(levels(), bandNodes(cy));
    group.replaceChildren(
      ...state.bands.map((band) => rectOf(band, `level-band level-band--${band.index % 2 === 0 ? 'even' : 'odd'}`)),
      ...(state.lane ? [rectOf(state.lane, 'level-band level-band--lane')] : []),
    );
    rows = namedRows(state);
    labels = rows.map((row) => {
      const label = document.createElement('span');
      label.className = row.isLane ? 'level-name level-name--lane' : 'level-name';
      label.textContent = row.name;
      label.dataset.level = row.key;
      return label;
    });
    names.replaceChildren(...labels);
    heights = labels.map(() => 0);
    gutter = labels.length > 0 ? Math.max(...labels.map((l) => l.offsetWidth)) + 10 : 0;
    position();
  };

  cy.on('viewport resize', position);
  return {
    refresh,
    gutter: () => gutter,
    current: () => state,
    backdrop: svg,
    destroy: () => {
      if (!cy.destroyed()) cy.off('viewport resize', position);
      svg.remove();
      names.remove();
    },
  };
}
