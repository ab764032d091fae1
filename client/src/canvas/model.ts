/**
 * The plain shapes the canvas draws from: a subset of the map slice, so canvas code and its tests
 * depend on neither the API's generated types nor React.
 */
export type Coupling = 'TIGHT' | 'LOOSE' | 'DECOUPLED';
export type LinkKind = 'STEERING' | 'SUPPORT' | 'DIALOGUE' | 'FOLLOW_UP' | 'INFORMAL' | 'INTERPRETATION';

export const COUPLINGS: readonly Coupling[] = ['TIGHT', 'LOOSE', 'DECOUPLED'];
export const LINK_KINDS: readonly LinkKind[] = [
  'STEERING',
  'SUPPORT',
  'DIALOGUE',
  'FOLLOW_UP',
  'INFORMAL',
  'INTERPRETATION',
];

export interface CanvasLevel {
  key: string;
  name: string;
  isSide: boolean;
  rank: number | null;
}
export interface CanvasActor {
  id: string;
  name: string;
  levelKey: string;
  unitId: string | null;
  /** Set on a collapsed unit drawn as one node in place of its actors (see collapse.ts). */
  collapsed?: { unitId: string; actorCount: number };
}
export interface CanvasUnit {
  id: string;
  name: string;
  parentId: string | null;
}
export interface CanvasLink {
  id: string;
  sourceId: string;
  targetId: string;
  kind: LinkKind;
  coupling: Coupling;
  targetResponds: boolean | null;
  sourceResponds: boolean | null;
  /** Set on a bundle of links between collapsed units, drawn as one neutral line (collapse.ts). */
  bundled?: { linkCount: number };
}
export interface CanvasMap {
  levels: CanvasLevel[];
  actors: CanvasActor[];
  units: CanvasUnit[];
  links: CanvasLink[];
}

/**
 * How a link differs from the other scenario in the comparison view; along the timeline a change
 * of coupling says which way it went (tightened / loosened), other changes stay "changed".
 */
export type DiffMark = 'added' | 'removed' | 'changed' | 'tightened' | 'loosened';

/** The word-free sign drawn on a marked link (the legend explains each). */
export const DIFF_SIGNS: Record<DiffMark, string> = {
  added: '+',
  removed: '−',
  changed: 'Δ',
  tightened: '↑',
  loosened: '↓',
};

/** Prefix for unit node ids, so that a unit and an actor can never share a Cytoscape id. */
export const UNIT_PREFIX = 'unit:';
