/**
 * The layered layout: chain levels as rows (politics at the top, teachers at the bottom), side
 * levels (support) in a lane to the right. Pure and synchronous, so it is testable and is used as
 * a Cytoscape `preset` layout (instant even for 20,000 elements).
 *
 * Units become horizontal blocks: a unit's actors and its sub-units sit in one column range that no
 * other unit uses, so the compound boxes Cytoscape draws around them do not overlap.
 */
export interface LayoutLevel {
  key: string;
  isSide: boolean;
  rank: number | null;
}
export interface LayoutActor {
  id: string;
  name: string;
  levelKey: string;
  unitId: string | null;
}
export interface LayoutUnit {
  id: string;
  name: string;
  parentId: string | null;
}
export interface Point {
  x: number;
  y: number;
}
export interface LayeredLayoutOptions {
  /** Horizontal distance between actor centres. */
  columnWidth: number;
  /** Vertical distance between wrapped sub-rows of one level. */
  rowHeight: number;
  /** Extra space between levels. */
  levelGap: number;
  /** Gap between sibling unit blocks. */
  blockGap: number;
  /** A block wraps its actors of one level after this many columns. */
  wrapAt: number;
  /** The same for actors outside every unit, when it should differ (hundreds of collapsed units). */
  rootWrapAt: number | null;
}

export const LAYERED_DEFAULTS: LayeredLayoutOptions = {
  columnWidth: 140,
  rowHeight: 84,
  levelGap: 120,
  blockGap: 44,
  wrapAt: 6,
  rootWrapAt: null,
};

interface Block {
  /** Actors of this block itself (not of sub-units), per chain level. */
  own: Map<string, LayoutActor[]>;
  children: Block[];
  /** Levels with actors in any sub-unit, at any depth. */
  levelsBelow: Set<string>;
  /** Columns taken by own actors that share a level with sub-units (they go first, on the left). */
  leadingColumns: number;
  width: number;
  /** Sub-units that only hold actors of one level (teams of teachers) stack as sub-rows. */
  isStacked: boolean;
  /** Sub-rows this block uses on its own single level when stacked inside a parent. */
  rows: number;
}

function byName(a: { name: string; id: string }, b: { name: string; id: string }): number {
  return a.name.localeCompare(b.name, 'sv') || a.id.localeCompare(b.id);
}

export function layeredLayout(
  levels: readonly LayoutLevel[],
  actors: readonly LayoutActor[],
  units: readonly LayoutUnit[],
  options: Partial<LayeredLayoutOptions> = {},
): Map<string, Point> {
  const o = { ...LAYERED_DEFAULTS, ...options };
  const chain = levels.filter((l) => !l.isSide).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  const chainKeys = new Set(chain.map((l) => l.key));
  const unitIds = new Set(units.map((u) => u.id));

  // Build the unit tree; unknown parents and cycles fall back to the root so nothing is lost.
  const emptyBlock = (): Block => ({
    own: new Map(),
    children: [],
    levelsBelow: new Set(),
    leadingColumns: 0,
    width: 0,
    isStacked: false,
    rows: 0,
  });
  const blocks = new Map<string | null, Block>([[null, emptyBlock()]]);
  for (const unit of [...units].sort(byName)) blocks.set(unit.id, emptyBlock());
  for (const unit of [...units].sort(byName)) {
    const parentKey = unit.parentId && unitIds.has(unit.parentId) && !isCycle(unit, units) ? unit.parentId : null;
    blocks.get(parentKey)?.children.push(blocks.get(unit.id) as Block);
  }
  const side: LayoutActor[] = [];
  for (const actor of [...actors].sort(byName)) {
    if (!chainKeys.has(actor.levelKey)) {
      side.push(actor);
      continue;
    }
    const block = blocks.get(actor.unitId && unitIds.has(actor.unitId) ? actor.unitId : null) as Block;
    const list = block.own.get(actor.levelKey) ?? [];
    list.push(actor);
    block.own.set(actor.levelKey, list);
  }

  const root = blocks.get(null) as Block;
  // Sub-rows each level needs (the most wrapped block decides), then the y of each level.
  // Own actors on a level no sub-unit uses (a school's principal above its teams) are centred
  // over the block and take no columns of their own; that keeps the chain narrow.
  const subRows = new Map<string, number>();
  const wrapOf = (block: Block) => (block === root && o.rootWrapAt ? o.rootWrapAt : o.wrapAt);
  const measure = (block: Block): number => {
    const childWidths = block.children.map(measure).filter((w) => w > 0);
    for (const child of block.children) {
      for (const key of child.levelsBelow) block.levelsBelow.add(key);
      for (const [key, list] of child.own) if (list.length > 0) block.levelsBelow.add(key);
    }
    let leading = 0;
    let centred = 0;
    for (const [key, list] of block.own) {
      subRows.set(key, Math.max(subRows.get(key) ?? 1, Math.ceil(list.length / wrapOf(block))));
      const columns = Math.min(list.length, wrapOf(block));
      if (block.levelsBelow.has(key)) leading = Math.max(leading, columns);
      else centred = Math.max(centred, columns);
    }
    const leafLevel = stackLevel(block.children.filter((c) => c.width > 0));
    block.isStacked = leafLevel !== null;
    if (leafLevel !== null) {
      const stackedRows = block.children.reduce((sum, c) => sum + c.rows, 0);
      subRows.set(
        leafLevel,
        Math.max(
          subRows.get(leafLevel) ?? 1,
          stackedRows + Math.ceil((block.own.get(leafLevel)?.length ?? 0) / o.wrapAt),
        ),
      );
    }
    const childrenWidth = block.isStacked
      ? Math.max(...childWidths)
      : childWidths.reduce((a, b) => a + b, 0) + o.blockGap * Math.max(0, childWidths.length - 1);
    const [onlyLevel, ...otherLevels] = [...block.own.keys()];
    block.rows =
      block.children.length === 0 && onlyLevel && otherLevels.length === 0
        ? Math.ceil((block.own.get(onlyLevel)?.length ?? 0) / o.wrapAt)
        : 0;
    block.leadingColumns = leading;
    const gap = leading > 0 && childrenWidth > 0 ? o.blockGap : 0;
    block.width = Math.max(leading * o.columnWidth + gap + childrenWidth, centred * o.columnWidth);
    return block.width;
  };
  const totalWidth = measure(root);
  // A wide chain gets taller gaps between levels: steeper lines are easier to follow, and the
  // map's shape stays closer to a screen's.
  const levelGap = Math.min(Math.max(o.levelGap, totalWidth / (chain.length * 3 || 1)), o.levelGap * 6);
  const levelY = new Map<string, number>();
  let y = 0;
  for (const level of chain) {
    levelY.set(level.key, y);
    y += (subRows.get(level.key) ?? 1) * o.rowHeight + levelGap;
  }

  const positions = new Map<string, Point>();
  const place = (block: Block, left: number, rowOffset = 0): void => {
    const wrap = wrapOf(block);
    for (const [key, list] of block.own) {
      const baseY = (levelY.get(key) ?? 0) + rowOffset * o.rowHeight;
      const columns = Math.min(list.length, wrap);
      const isLeading = block.levelsBelow.has(key);
      const start = isLeading ? left + o.columnWidth / 2 : left + block.width / 2 - ((columns - 1) * o.columnWidth) / 2;
      list.forEach((actor, i) => {
        positions.set(actor.id, {
          x: start + (i % wrap) * o.columnWidth,
          y: baseY + Math.floor(i / wrap) * o.rowHeight,
        });
      });
    }
    let x = left + (block.leadingColumns > 0 ? block.leadingColumns * o.columnWidth + o.blockGap : 0);
    let rows = 0;
    for (const child of block.children) {
      if (child.width <= 0) continue;
      if (block.isStacked) {
        place(child, x, rows);
        rows += child.rows;
      } else {
        place(child, x);
        x += child.width + o.blockGap;
      }
    }
  };
  place(root, 0);

  // The side lane: one column per side level, to the right of the chain, wrapped vertically.
  const sideKeys = levels.filter((l) => l.isSide || !chainKeys.has(l.key)).map((l) => l.key);
  const laneX = Math.max(totalWidth, o.columnWidth) + o.blockGap * 2;
  const chainHeight = Math.max(y - levelGap, o.rowHeight);
  const perColumn = Math.max(1, Math.floor(chainHeight / o.rowHeight) + 1);
  let column = 0;
  const groups = new Map<string, LayoutActor[]>();
  for (const actor of side) groups.set(actor.levelKey, [...(groups.get(actor.levelKey) ?? []), actor]);
  const orderedKeys = [...sideKeys, ...[...groups.keys()].filter((k) => !sideKeys.includes(k))];
  for (const key of orderedKeys) {
    const list = groups.get(key) ?? [];
    list.forEach((actor, i) => {
      positions.set(actor.id, {
        x: laneX + (column + Math.floor(i / perColumn)) * o.columnWidth,
        y: (i % perColumn) * o.rowHeight,
      });
    });
    column += Math.ceil(list.length / perColumn);
  }
  return positions;
}

/** The one level shared by 2+ childless single-level sub-units, or null when they should sit side by side. */
function stackLevel(children: Block[]): string | null {
  if (children.length < 2) return null;
  let level: string | null = null;
  for (const child of children) {
    const keys = [...child.own.keys()];
    if (child.children.length > 0 || keys.length !== 1 || (level !== null && keys[0] !== level)) return null;
    level = keys[0] ?? null;
  }
  return level;
}

function isCycle(unit: LayoutUnit, units: readonly LayoutUnit[]): boolean {
  const parents = new Map(units.map((u) => [u.id, u.parentId]));
  const seen = new Set<string>([unit.id]);
  let current = unit.parentId;
  while (current) {
    if (seen.has(current)) return true;
    seen.add(current);
    current = parents.get(current) ?? null;
  }
  return false;
}
