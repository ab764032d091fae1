import type { Coupling, LinkKind } from './model.ts';

/**
 * The neutral encoding, shared by the stylesheet, the legend and the SVG export. Coupling is shown
 * by line style and weight only, never by a colour that could read as good or bad; kind gets a
 * restrained palette without red/green.
 */
export interface CouplingStyle {
  lineStyle: 'solid' | 'dashed' | 'dotted';
  width: number;
  opacity: number;
  /** SVG stroke-dasharray for the same look outside Cytoscape. */
  dashArray: string | null;
  /** A bar across the middle of the line: the visible break of a decoupled link. */
  hasBreak: boolean;
}

export const COUPLING_STYLE: Record<Coupling, CouplingStyle> = {
  TIGHT: { lineStyle: 'solid', width: 4.5, opacity: 0.95, dashArray: null, hasBreak: false },
  LOOSE: { lineStyle: 'dashed', width: 2.5, opacity: 0.9, dashArray: '9 6', hasBreak: false },
  DECOUPLED: { lineStyle: 'dotted', width: 1.6, opacity: 0.55, dashArray: '2 5', hasBreak: true },
};

export const KIND_COLOUR: Record<LinkKind, string> = {
  STEERING: '#3b5b92',
  SUPPORT: '#7b67a6',
  DIALOGUE: '#2c7c84',
  FOLLOW_UP: '#8a6a2f',
  INFORMAL: '#6f6f6f',
  INTERPRETATION: '#95587a',
};

/** Node fills by level position: one cool, light family so no level looks "better". */
export const LEVEL_FILLS = ['#dfe7f2', '#e4e9ee', '#e9ecf0', '#eef0f2', '#f1f2f4', '#f3f4f6', '#f5f6f7'];
export const SIDE_FILL = '#f3efe6';
export const NODE_BORDER = '#4a5565';
export const TEXT_COLOUR = '#1d2430';

/**
 * `hex` (#rrggbb) as it shows at `opacity` over white: the same look drawn opaque. Cytoscape draws
 * each arrowhead of a translucent link twice (clearing under it first), which was the largest cost
 * of drawing a big map without a GPU.
 */
export function overWhite(hex: string, opacity: number): string {
  const channel = (at: number) => Math.round(parseInt(hex.slice(at, at + 2), 16) * opacity + 255 * (1 - opacity));
  return `#${[1, 3, 5].map((at) => channel(at).toString(16).padStart(2, '0')).join('')}`;
}
