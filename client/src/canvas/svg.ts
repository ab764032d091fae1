import { COUPLING_STYLE, KIND_COLOUR, NODE_BORDER, TEXT_COLOUR } from './appearance.ts';
import { LABEL_FONT_FAMILY, LABEL_GEOMETRY } from './label-text.ts';
import type { Coupling, LinkKind } from './model.ts';

/**
 * Our own SVG export (cytoscape-svg is GPL and touches `window` at import). It redraws the visible
 * map from a snapshot with the same neutral encoding: straight lines instead of Cytoscape's curves,
 * which is enough for a handout or a slide.
 */
export interface SvgNode {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Lines joined by "\n": wrapped at word boundaries as on the map (node-labels.ts). */
  label: string;
  fontSize: number;
  fill: string;
  isUnit: boolean;
  isSide: boolean;
  opacity: number;
}
export interface SvgEdge {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  coupling: Coupling;
  kind: LinkKind;
  dir: 'forward' | 'backward' | 'none';
  opacity: number;
  /** Links between collapsed units (collapse.ts): a neutral line with no kind or coupling. */
  isBundle?: boolean;
}

function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );
}

function edgeSvg(e: SvgEdge): string {
  if (e.isBundle) {
    return `<line x1="${e.x1}" y1="${e.y1}" x2="${e.x2}" y2="${e.y2}" stroke="#9aa3ae" stroke-width="2" opacity="${(0.5 * e.opacity).toFixed(2)}"/>`;
  }
  const s = COUPLING_STYLE[e.coupling];
  const colour = KIND_COLOUR[e.kind];
  const dash = s.dashArray ? ` stroke-dasharray="${s.dashArray}"` : '';
  const marker =
    e.dir === 'forward'
      ? ` marker-end="url(#arrow-${e.kind})"`
      : e.dir === 'backward'
        ? ` marker-start="url(#arrow-${e.kind})"`
        : '';
  let out = `<line x1="${e.x1}" y1="${e.y1}" x2="${e.x2}" y2="${e.y2}" stroke="${colour}" stroke-width="${s.width}" opacity="${(s.opacity * e.opacity).toFixed(2)}"${dash}${marker}/>`;
  if (s.hasBreak) {
    // The break marker: a short bar across the middle of the line.
    const mx = (e.x1 + e.x2) / 2;
    const my = (e.y1 + e.y2) / 2;
    const len = Math.hypot(e.x2 - e.x1, e.y2 - e.y1) || 1;
    const nx = (-(e.y2 - e.y1) / len) * 7;
    const ny = ((e.x2 - e.x1) / len) * 7;
    out += `<line x1="${mx - nx}" y1="${my - ny}" x2="${mx + nx}" y2="${my + ny}" stroke="${colour}" stroke-width="2.5" opacity="${(0.8 * e.opacity).toFixed(2)}"/>`;
  }
  return out;
}

function nodeSvg(n: SvgNode): string {
  const left = n.x - n.width / 2;
  const top = n.y - n.height / 2;
  const shape = n.isSide
    ? `<ellipse cx="${n.x}" cy="${n.y}" rx="${n.width / 2}" ry="${n.height / 2}" fill="${n.fill}" stroke="${NODE_BORDER}" stroke-dasharray="4 3"/>`
    : `<rect x="${left}" y="${top}" width="${n.width}" height="${n.height}" rx="6" fill="${n.fill}" stroke="${n.isUnit ? '#9aa3ae' : NODE_BORDER}"${n.isUnit ? ' stroke-dasharray="5 4" fill-opacity="0.6"' : ''}/>`;
  const lines = n.label.split('\n');
  const lineHeight = n.fontSize * LABEL_GEOMETRY.lineHeight;
  // A unit's name sits above its box; an actor's lines are centred in it, as on the map.
  const firstBaseline = n.isUnit ? top - 5 : n.y - ((lines.length - 1) * lineHeight) / 2 + n.fontSize * 0.35;
  const tspans = lines
    .map((line, i) => `<tspan x="${n.x}" y="${firstBaseline + i * lineHeight}">${escapeXml(line)}</tspan>`)
    .join('');
  return `<g opacity="${n.opacity}">${shape}<text font-size="${n.fontSize}" text-anchor="middle" fill="${TEXT_COLOUR}" font-family='${LABEL_FONT_FAMILY}'>${tspans}</text></g>`;
}

/** Extra layers of an exported picture: drawn under the map (level rows) and around it (names, legend). */
export interface SvgExtras {
  under: string;
  over: string;
  /** The box the whole picture must cover (the map's and the extras'). */
  bounds: { x1: number; y1: number; x2: number; y2: number };
}

/** The map's own extent in model coordinates (what an export decorates around). */
export function svgBounds(nodes: readonly SvgNode[]): { x1: number; y1: number; x2: number; y2: number } {
  const xs = nodes.flatMap((n) => [n.x - n.width / 2, n.x + n.width / 2]);
  const ys = nodes.flatMap((n) => [n.y - n.height / 2 - (n.isUnit ? n.fontSize + 6 : 0), n.y + n.height / 2]);
  return {
    x1: Math.min(0, ...xs) - 20,
    y1: Math.min(0, ...ys) - 20,
    x2: Math.max(1, ...xs) + 20,
    y2: Math.max(1, ...ys) + 20,
  };
}

export function toSvg(nodes: readonly SvgNode[], edges: readonly SvgEdge[], extras?: SvgExtras): string {
  const b = extras?.bounds ?? svgBounds(nodes);
  const minX = b.x1;
  const minY = b.y1;
  const width = b.x2 - b.x1;
  const height = b.y2 - b.y1;
  const markers = Object.entries(KIND_COLOUR)
    .map(
      ([kind, colour]) =>
        `<marker id="arrow-${kind}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${colour}"/></marker>`,
    )
    .join('');
  const units = nodes.filter((n) => n.isUnit).map(nodeSvg);
  const actors = nodes.filter((n) => !n.isUnit).map(nodeSvg);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${minX} ${minY} ${width} ${height}" width="${Math.round(width)}" height="${Math.round(height)}">`,
    `<defs>${markers}</defs><rect x="${minX}" y="${minY}" width="${width}" height="${height}" fill="#ffffff"/>`,
    extras?.under ?? '',
    ...units,
    ...edges.map(edgeSvg),
    ...actors,
    extras?.over ?? '',
    '</svg>',
  ].join('\n');
}
