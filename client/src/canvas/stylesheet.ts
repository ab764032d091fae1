import type { StylesheetJson } from 'cytoscape';

import {
  COUPLING_STYLE,
  KIND_COLOUR,
  LEVEL_FILLS,
  NODE_BORDER,
  overWhite,
  SIDE_FILL,
  TEXT_COLOUR,
} from './appearance.ts';
import { LABELLED, PATTERNED } from './zoom-detail.ts';
import { LABEL_FONT_FAMILY, LABEL_GEOMETRY } from './label-text.ts';
import { TALLY_CLASSES } from './link-tallies.ts';
import { type Coupling, COUPLINGS, LINK_KINDS } from './model.ts';
import { UNIT_FONT_SIZE } from './node-labels.ts';

/** Class names the controllers toggle; the one stylesheet below gives each its look. */
export const CLASSES = {
  hidden: 'kk-hidden',
  dimmed: 'kk-dim',
  highlighted: 'kk-hl',
  path: 'kk-path',
  match: 'kk-match',
  focus: 'kk-focus',
  marked: 'kk-marked',
} as const;

/**
 * Labels below this size on screen are not drawn: on a big map zoomed out, only the larger labels
 * of important actors (node-labels.ts) show, and more appear as the user zooms in.
 */
export const MIN_LABEL_SCREEN_SIZE = 9;

/**
 * Drawing order with `z-index-compare: manual`: unit boxes (by depth) under links under actors.
 * Unit boxes are plain nodes (see unit-boxes.ts), so Cytoscape's automatic order would draw the
 * links inside a school under the school's box.
 */
export const Z = { link: 20, linkDraft: 25, actor: 30 } as const;

/**
 * The dash patterns of the couplings' lines on the canvas (model pixels): loose has its own;
 * decoupled is Cytoscape's `dotted`, which Cytoscape 3.34 draws as [1, 1]. Tight is solid.
 */
export const LINE_PATTERNS: Partial<Record<Coupling, { dash: number; gap: number }>> = {
  LOOSE: { dash: 9, gap: 6 },
  DECOUPLED: { dash: 1, gap: 1 },
};

const couplingClass = (coupling: Coupling) => `coupling-${coupling.toLowerCase()}`;

/** The gap between the dashes of each patterned coupling, by its class (for zoom-detail.ts). */
export function patternGaps(): Map<string, number> {
  return new Map(COUPLINGS.flatMap((c) => (LINE_PATTERNS[c] ? [[couplingClass(c), LINE_PATTERNS[c].gap]] : [])));
}

function lineStyle(coupling: Coupling) {
  const pattern = LINE_PATTERNS[coupling];
  const style = COUPLING_STYLE[coupling].lineStyle;
  return {
    'line-style': style,
    ...(style === 'dashed' && pattern ? { 'line-dash-pattern': [pattern.dash, pattern.gap] } : {}),
  };
}

export function kindClass(kind: string): string {
  return `kind-${kind.toLowerCase().replace('_', '-')}`;
}

/**
 * One stylesheet for every map: appearance is data (see appearance.ts), emphasis and filters are
 * class toggles, so nothing sets inline styles per element. Labels come wrapped at word
 * boundaries with each node's size (node-labels.ts): Cytoscape breaks them only at those line
 * ends. `min-zoomed-font-size` hides labels that would be unreadably small instead of drawing
 * them as noise.
 */
const LABEL_STYLE = {
  label: 'data(label)',
  'text-wrap': 'wrap',
  // Lines are broken already; this only keeps Cytoscape from breaking them again.
  'text-max-width': '4000px',
  'line-height': LABEL_GEOMETRY.lineHeight,
  'text-valign': 'center',
  'text-halign': 'center',
  'font-family': LABEL_FONT_FAMILY,
  'font-size': 'data(fontSize)',
  color: TEXT_COLOUR,
  'min-zoomed-font-size': MIN_LABEL_SCREEN_SIZE,
} as const;

export interface StylesheetOptions {
  isLarge?: boolean;
  minLabelSize?: number;
  /**
   * Actors' labels and links' dash patterns come with classes that zoom-detail.ts gives as the
   * zoom shows them (and a label with selection and keyboard focus, which show it at any zoom);
   * until then a patterned link is drawn solid, in the lighter colour its pattern shows. Otherwise
   * every actor has its label and every link its pattern.
   */
  isZoomDetail?: boolean;
}

export function buildStylesheet(options: StylesheetOptions = {}): StylesheetJson {
  const labels = { ...LABEL_STYLE, 'min-zoomed-font-size': options.minLabelSize ?? MIN_LABEL_SCREEN_SIZE };
  const actorLabels = options.isZoomDetail
    ? [{ selector: `node.actor.${LABELLED}, node.actor:selected, node.actor.${CLASSES.focus}`, style: labels }]
    : [];
  const sheet: StylesheetJson = [
    { selector: 'node, edge', style: { 'z-index-compare': 'manual' } },
    // No background images, said as an empty list: with the default ('none', a list of one)
    // Cytoscape 3.34 flips each node's `:backgrounding` state twice per drawing, and each flip
    // restyles the node and throws away the cached picture of the whole map (its layered texture
    // cache), so every zoom step drew every element anew.
    { selector: 'node', style: { 'background-image': [] } },
    {
      selector: 'node.actor',
      style: {
        'z-index': Z.actor,
        shape: 'round-rectangle',
        width: 'data(width)',
        height: 'data(height)',
        'background-color': LEVEL_FILLS[0] ?? '#eee',
        'border-width': 1.5,
        'border-color': NODE_BORDER,
        ...(options.isZoomDetail ? {} : labels),
      },
    },
    ...actorLabels,
    {
      selector: 'node.actor.side',
      style: { shape: 'ellipse', 'background-color': SIDE_FILL, 'border-style': 'dashed' },
    },
    {
      selector: 'node.unit',
      style: {
        // A data mapper, which Cytoscape accepts for numbers though its types do not say so.
        'z-index': 'data(depth)' as unknown as number,
        width: 'data(width)',
        height: 'data(height)',
        shape: 'round-rectangle',
        'background-color': '#fafbfc',
        'background-opacity': 0.6,
        'border-width': 1,
        'border-style': 'dashed',
        'border-color': '#9aa3ae',
        label: 'data(label)',
        'text-valign': 'top',
        'text-halign': 'center',
        'font-family': LABEL_FONT_FAMILY,
        'font-size': UNIT_FONT_SIZE,
        color: '#3d4757',
        'min-zoomed-font-size': MIN_LABEL_SCREEN_SIZE,
      },
    },
    {
      // A collapsed unit (collapse.ts): a stack of cards, its name and how many actors it holds.
      selector: 'node.collapsed-unit',
      style: {
        'z-index': Z.actor,
        shape: 'round-rectangle',
        width: 'data(width)',
        height: 'data(height)',
        'background-color': '#f5f6f7',
        'border-width': 3,
        'border-style': 'double',
        'border-color': '#9aa3ae',
        ...labels,
      },
    },
    {
      // Links between collapsed units: neutral, thicker for more links, never a coupling's look.
      selector: 'edge.bundle',
      style: {
        'z-index': Z.link,
        'curve-style': 'straight',
        'line-color': '#9aa3ae',
        opacity: 0.5,
        // A data mapper, which Cytoscape accepts for numbers though its types do not say so.
        width: 'mapData(linkCount, 1, 20, 1.5, 8)' as unknown as number,
      },
    },
    {
      selector: 'edge.link',
      style: {
        'z-index': Z.link,
        'curve-style': options.isLarge ? 'straight' : 'bezier',
        'line-color': '#6f6f6f',
        'target-arrow-color': '#6f6f6f',
        'source-arrow-color': '#6f6f6f',
        'mid-target-arrow-color': '#6f6f6f',
        'arrow-scale': 1.2,
      },
    },
    {
      // Only comparison marks carry a label. Label properties on every link cost time on every
      // map (each applied property is work per element on the first frame) for nothing.
      selector: 'edge.diff-added, edge.diff-removed, edge.diff-changed, edge.diff-tightened, edge.diff-loosened',
      style: {
        label: 'data(label)',
        'font-size': 16,
        'font-weight': 'bold',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.9,
        'text-background-padding': '2px',
        'min-zoomed-font-size': 8,
      },
    },
    { selector: 'edge.dir-forward', style: { 'target-arrow-shape': 'triangle' } },
    { selector: 'edge.dir-backward', style: { 'source-arrow-shape': 'triangle' } },
  ];
  LEVEL_FILLS.forEach((fill, i) =>
    sheet.push({ selector: `node.actor.chain.level-${i}`, style: { 'background-color': fill } }),
  );
  /** Patterned couplings drawn solid until the zoom shows their pattern. */
  const isSolidFar = (coupling: Coupling) => options.isZoomDetail === true && LINE_PATTERNS[coupling] !== undefined;
  for (const coupling of COUPLINGS) {
    const s = COUPLING_STYLE[coupling];
    sheet.push({
      selector: `edge.${couplingClass(coupling)}`,
      style: {
        ...(isSolidFar(coupling) ? { 'line-style': 'solid' } : lineStyle(coupling)),
        width: s.width,
        // A big map draws its links opaque in the colours they would show (overWhite).
        opacity: options.isLarge ? 1 : s.opacity,
        ...(s.hasBreak ? { 'mid-target-arrow-shape': 'tee', 'arrow-scale': 1.6 } : {}),
      },
    });
  }
  const colours = (colour: string) => ({
    'line-color': colour,
    'target-arrow-color': colour,
    'source-arrow-color': colour,
    'mid-target-arrow-color': colour,
  });
  for (const kind of LINK_KINDS) {
    sheet.push({ selector: `edge.${kindClass(kind)}`, style: colours(KIND_COLOUR[kind]) });
    if (!options.isLarge) continue;
    for (const coupling of COUPLINGS) {
      const colour = overWhite(KIND_COLOUR[kind], COUPLING_STYLE[coupling].opacity);
      const pattern = LINE_PATTERNS[coupling];
      sheet.push({
        selector: `edge.${kindClass(kind)}.${couplingClass(coupling)}`,
        style: {
          ...colours(colour),
          // Drawn solid, the line shows as light as its dashes and gaps together do.
          ...(isSolidFar(coupling) && pattern
            ? {
                'line-color': overWhite(
                  KIND_COLOUR[kind],
                  (COUPLING_STYLE[coupling].opacity * pattern.dash) / (pattern.dash + pattern.gap),
                ),
              }
            : {}),
        },
      });
    }
  }
  for (const coupling of COUPLINGS.filter(isSolidFar)) {
    sheet.push({ selector: `edge.${PATTERNED}.${couplingClass(coupling)}`, style: lineStyle(coupling) });
    for (const kind of LINK_KINDS) {
      sheet.push({
        selector: `edge.${PATTERNED}.${kindClass(kind)}.${couplingClass(coupling)}`,
        style: { 'line-color': overWhite(KIND_COLOUR[kind], COUPLING_STYLE[coupling].opacity) },
      });
    }
  }
  sheet.push(
    // Comparison marks: shape and label, not a good/bad colour (added = halo, removed = ghost).
    {
      selector: 'edge.diff-added',
      style: { 'underlay-color': '#4a5565', 'underlay-opacity': 0.18, 'underlay-padding': 6 },
    },
    { selector: 'edge.diff-removed', style: { opacity: 0.35, 'line-style': 'dashed', 'line-dash-pattern': [3, 3] } },
    {
      selector: 'edge.diff-changed, edge.diff-tightened, edge.diff-loosened',
      style: { 'underlay-color': '#8a6a2f', 'underlay-opacity': 0.22, 'underlay-padding': 6 },
    },
    // Perceptions disagree: a sign on the line, not a colour (nothing here is good or bad).
    {
      selector: `edge.${CLASSES.marked}`,
      style: {
        label: '≠',
        'font-size': 18,
        'font-weight': 'bold',
        color: '#1d2430',
        'text-background-color': '#ffffff',
        'text-background-opacity': 1,
        'text-background-shape': 'roundrectangle',
        'text-background-padding': '2px',
        'text-border-width': 1,
        'text-border-color': '#4a5565',
        'text-border-opacity': 1,
        'min-zoomed-font-size': 6,
      },
    },
    // A perception round's answers on its links (link-tallies.ts): a boxed label, drawn at any zoom
    // because the facilitator follows it from across the room; a bolder box where views part.
    {
      selector: `edge.${TALLY_CLASSES.tally}`,
      style: {
        label: 'data(tally)',
        'text-wrap': 'wrap',
        'text-max-width': '4000px',
        'font-family': LABEL_FONT_FAMILY,
        // Kept readable on screen as the map zooms out (link-tallies.ts); a data mapper, which
        // Cytoscape accepts for numbers though its types do not say so.
        'font-size': 'data(tallySize)' as unknown as number,
        'font-weight': 'bold',
        color: TEXT_COLOUR,
        'text-background-color': '#ffffff',
        'text-background-opacity': 1,
        'text-background-shape': 'roundrectangle',
        'text-background-padding': '3px',
        'text-border-width': 1,
        'text-border-color': '#4a5565',
        'text-border-opacity': 1,
        'min-zoomed-font-size': 0,
      },
    },
    { selector: `edge.${TALLY_CLASSES.viewsPart}`, style: { 'text-border-width': 3, 'text-border-color': '#1d2430' } },
    { selector: `.${CLASSES.match}`, style: { 'border-width': 4, 'border-color': '#1d2430' } },
    { selector: `.${CLASSES.dimmed}`, style: { opacity: 0.12 } },
    { selector: `node.${CLASSES.highlighted}`, style: { 'border-width': 4, 'border-color': '#1d2430', opacity: 1 } },
    {
      selector: `edge.${CLASSES.highlighted}`,
      style: { 'underlay-color': '#1d2430', 'underlay-opacity': 0.2, 'underlay-padding': 5, opacity: 1 },
    },
    {
      selector: `edge.${CLASSES.path}`,
      style: { 'underlay-color': '#3b5b92', 'underlay-opacity': 0.35, 'underlay-padding': 7, opacity: 1 },
    },
    { selector: `node.${CLASSES.path}`, style: { 'border-width': 4, 'border-color': '#3b5b92' } },
    {
      // The selected actor's name shows at any zoom.
      selector: ':selected',
      style: { 'overlay-color': '#1d2430', 'overlay-opacity': 0.12, 'overlay-padding': 6, 'min-zoomed-font-size': 0 },
    },
    { selector: `.${CLASSES.hidden}`, style: { display: 'none' } },
    {
      // The actor the keyboard is on (canvas/keyboard-nav.ts): a ring that no emphasis uses.
      selector: `node.${CLASSES.focus}`,
      style: {
        'underlay-color': '#3b5b92',
        'underlay-opacity': 0.45,
        'underlay-padding': 7,
        'underlay-shape': 'round-rectangle',
        'min-zoomed-font-size': 0,
        opacity: 1,
      },
    },
    // The line drawn while dragging a new link from an actor's handle (link-handles.ts).
    {
      selector: 'edge.eh-preview, edge.eh-ghost-edge',
      style: {
        'z-index': Z.linkDraft,
        'line-color': NODE_BORDER,
        'line-style': 'dashed',
        width: 2.5,
        'target-arrow-shape': 'triangle',
        'target-arrow-color': NODE_BORDER,
        'curve-style': 'straight',
      },
    },
    { selector: 'node.eh-target', style: { 'border-width': 4, 'border-color': TEXT_COLOUR } },
  );
  return sheet;
}
