/**
 * The named rows of the map: one horizontal band per chain level (several on a national map whose
 * units wrap into shelves), and the side lane. Derived from where the actors are, not from the
 * layout, so they follow the user's drags and saved positions. Pure: nodes in, rectangles out.
 */
export interface BandNode {
  levelKey: string;
  isSide: boolean;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface BandLevel {
  key: string;
  name: string;
  isSide: boolean;
  rank: number | null;
}

export interface Band {
  key: string;
  name: string;
  /** Position in the chain (0 at the top); bands alternate their shade by it. */
  index: number;
  x1: number;
  x2: number;
  y1: number;
  y2: number;
}

export interface LevelBands {
  bands: Band[];
  /** The side lane and the names of the side levels in it, or null when there are no side actors. */
  lane: { name: string; x1: number; x2: number; y1: number; y2: number } | null;
}

/** Actors of one level further apart than this (a drag, or the next shelf) start a new band. */
const SPLIT_GAP = 70;
/** Room above a band's first row for the unit boxes' names, and below its last. */
const MARGIN_TOP = 30;
const MARGIN_BOTTOM = 14;
const MARGIN_X = 28;

export function levelBands(levels: readonly BandLevel[], nodes: readonly BandNode[]): LevelBands {
  const chain = levels.filter((l) => !l.isSide).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  const chainIndex = new Map(chain.map((l, i) => [l.key, i]));
  const inChain = nodes.filter((n) => !n.isSide && chainIndex.has(n.levelKey));
  const bands: Band[] = [];
  if (inChain.length > 0) {
    const x1 = Math.min(...inChain.map((n) => n.x - n.width / 2)) - MARGIN_X;
    const x2 = Math.max(...inChain.map((n) => n.x + n.width / 2)) + MARGIN_X;
    chain.forEach((level, index) => {
      const spans = inChain
        .filter((n) => n.levelKey === level.key)
        .map((n) => ({ top: n.y - n.height / 2, bottom: n.y + n.height / 2 }))
        .sort((a, b) => a.top - b.top);
      let current: { top: number; bottom: number } | null = null;
      const flush = () => {
        if (current) {
          bands.push({
            key: level.key,
            name: level.name,
            index,
            x1,
            x2,
            y1: current.top - MARGIN_TOP,
            y2: current.bottom + MARGIN_BOTTOM,
          });
        }
      };
      for (const span of spans) {
        if (current && span.top - current.bottom <= SPLIT_GAP) {
          current.bottom = Math.max(current.bottom, span.bottom);
          continue;
        }
        flush();
        current = { ...span };
      }
      flush();
    });
  }
  // Where two bands would overlap (a tight level gap, a dragged actor), they meet half-way.
  const byTop = [...bands].sort((a, b) => a.y1 - b.y1);
  for (let i = 1; i < byTop.length; i++) {
    const above = byTop[i - 1] as Band;
    const below = byTop[i] as Band;
    if (above.y2 > below.y1 && above.y1 < below.y1) {
      const middle = (above.y2 + below.y1) / 2;
      above.y2 = middle;
      below.y1 = middle;
    }
  }
  const sideNodes = nodes.filter((n) => n.isSide || !chainIndex.has(n.levelKey));
  const sideNames = levels.filter((l) => l.isSide && sideNodes.some((n) => n.levelKey === l.key)).map((l) => l.name);
  // The lane spans the chain's width too (it lies under the chain), or its own where wider.
  const spanX = [
    ...bands.flatMap((b) => [b.x1, b.x2]),
    ...sideNodes.flatMap((n) => [n.x - n.width / 2 - MARGIN_X, n.x + n.width / 2 + MARGIN_X]),
  ];
  const lane =
    sideNodes.length > 0
      ? {
          name: sideNames.join(' · '),
          x1: Math.min(...spanX),
          x2: Math.max(...spanX),
          y1: Math.min(...sideNodes.map((n) => n.y - n.height / 2)) - MARGIN_BOTTOM,
          y2: Math.max(...sideNodes.map((n) => n.y + n.height / 2)) + MARGIN_BOTTOM,
        }
      : null;
  return { bands, lane };
}

/** Every named row, the side lane last: what the names beside the map list. */
export function namedRows(rows: LevelBands): { key: string; name: string; y1: number; y2: number; isLane: boolean }[] {
  return [
    ...rows.bands.map((b) => ({ key: b.key, name: b.name, y1: b.y1, y2: b.y2, isLane: false })),
    ...(rows.lane ? [{ key: 'side', name: rows.lane.name, y1: rows.lane.y1, y2: rows.lane.y2, isLane: true }] : []),
  ];
}
