import type { StylesheetJson } from 'cytoscape';

import { COUPLING_STYLE, KIND_COLOUR, LEVEL_FILLS, NODE_BORDER, SIDE_FILL, TEXT_COLOUR } from './appearance.ts';
import { COUPLINGS, LINK_KINDS } from './model.ts';

/** Class names the controllers toggle; the one stylesheet below gives each its look. */
export const CLASSES = {
  hidden: 'kk-hidden',
  dimmed: 'kk-dim',
  highlighted: 'kk-hl',
  path: 'kk-path',
  match: 'kk-match',
} as const;

export function kindClass(kind: string): string {
  return `kind-${kind.toLowerCase().replace('_', '-')}`;
}

/**
 * One stylesheet for every map: appearance is data (see appearance.ts), emphasis and filters are
 * class toggles, so nothing sets inline styles per element. `min-zoomed-font-size` hides labels
 * that would be unreadably small instead of drawing them as noise; `text-background` keeps labels
 * legible over lines at any zoom.
 */
export function buildStylesheet(options: { isLarge?: boolean } = {}): StylesheetJson {
  const sheet: StylesheetJson = [
    {
      selector: 'node.actor',
      style: {
        shape: 'round-rectangle',
        width: 128,
        height: 40,
        'background-color': LEVEL_FILLS[0] ?? '#eee',
        'border-width': 1.5,
        'border-color': NODE_BORDER,
        label: 'data(label)',
        // Two lines of 15px fit the 40px box; at the zoom that fits a whole municipality on a
        // laptop screen (about 0.4) that is still a 6px label rather than none at all.
        'text-wrap': 'wrap',
        'text-max-width': '122px',
        'text-overflow-wrap': 'anywhere',
        'line-height': 1.05,
        'text-valign': 'center',
        'text-halign': 'center',
        'font-size': 15,
        color: TEXT_COLOUR,
        'min-zoomed-font-size': 5,
      },
    },
    {
      selector: 'node.actor.side',
      style: { shape: 'ellipse', 'background-color': SIDE_FILL, 'border-style': 'dashed' },
    },
    {
      selector: 'node.unit',
      style: {
        shape: 'round-rectangle',
        'background-color': '#fafbfc',
        'background-opacity': 0.6,
        'border-width': 1,
        'border-style': 'dashed',
        'border-color': '#9aa3ae',
        label: 'data(label)',
        'text-valign': 'top',
        'text-halign': 'center',
        'font-size': 16,
        color: '#4a5565',
        padding: '10px',
        'min-zoomed-font-size': 5,
      },
    },
    {
      selector: 'edge.link',
      style: {
        'curve-style': options.isLarge ? 'straight' : 'bezier',
        'line-color': '#6f6f6f',
        'target-arrow-color': '#6f6f6f',
        'source-arrow-color': '#6f6f6f',
        'mid-target-arrow-color': '#6f6f6f',
        'arrow-scale': 1.2,
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
  for (const coupling of COUPLINGS) {
    const s = COUPLING_STYLE[coupling];
    sheet.push({
      selector: `edge.coupling-${coupling.toLowerCase()}`,
      style: {
        'line-style': s.lineStyle,
        width: s.width,
        opacity: s.opacity,
        ...(s.lineStyle === 'dashed' ? { 'line-dash-pattern': [9, 6] } : {}),
        ...(s.hasBreak ? { 'mid-target-arrow-shape': 'tee', 'arrow-scale': 1.6 } : {}),
      },
    });
  }
  for (const kind of LINK_KINDS) {
    const colour = KIND_COLOUR[kind];
    sheet.push({
      selector: `edge.${kindClass(kind)}`,
      style: {
        'line-color': colour,
        'target-arrow-color': colour,
        'source-arrow-color': colour,
        'mid-target-arrow-color': colour,
      },
    });
  }
  sheet.push(
    // Comparison marks: shape and label, not a good/bad colour (added = halo, removed = ghost).
    {
      selector: 'edge.diff-added',
      style: { 'underlay-color': '#4a5565', 'underlay-opacity': 0.18, 'underlay-padding': 6 },
    },
    { selector: 'edge.diff-removed', style: { opacity: 0.35, 'line-style': 'dashed', 'line-dash-pattern': [3, 3] } },
    {
      selector: 'edge.diff-changed',
      style: { 'underlay-color': '#8a6a2f', 'underlay-opacity': 0.22, 'underlay-padding': 6 },
    },
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
    { selector: ':selected', style: { 'overlay-color': '#1d2430', 'overlay-opacity': 0.12, 'overlay-padding': 6 } },
    { selector: `.${CLASSES.hidden}`, style: { display: 'none' } },
  );
  return sheet;
}
