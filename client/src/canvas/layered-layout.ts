import { UNIT_BOX_DEFAULTS } from './unit-boxes.ts';

/**
 * The layered layout: chain levels as rows (politics at the top, teachers at the bottom), units as
 * compact columns, side levels (support) in a lane of their own under the chain. Pure and synchronous, so it is
 * testable and applied in one batch (instant even for 20,000 elements).
 *
 * - A unit is a block: its own actors, packed per level, above the columns of its sub-units.
 *   Sub-units with actors on one level only (teams of teachers) are packed as tiles among those
 *   actors instead of taking a column of their own. Blocks never share columns, so unit boxes
 *   cannot overlap; each level's row is as tall as its busiest block needs.
 * - How wide a block may grow before it wraps into sub-rows, and into how many shelves the
 *   top-level units wrap on a national map, are chosen so the map's shape comes closest to the
 *   screen's: that is what makes the first fitted view as large as possible.
 * - Siblings and actors within a row are ordered by the barycentre of their neighbours (two
 *   sweeps), which removes most crossings between the school columns and the levels above.
 * - Side actors never join a unit's block (a school's student health team would otherwise
 *   stretch the school's box across the map): they sit in the lane, ordered by their neighbours.
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
  width: number;
  height: number;
}
export interface LayoutUnit {
  id: string;
  name: string;
  parentId: string | null;
  /** Width of the box's label, so that a box is never narrower than its name. */
  labelWidth: number;
}
export interface LayoutLink {
  sourceId: string;
  targetId: string;
}
export interface Point {
  x: number;
  y: number;
}

export interface LayeredLayoutOptions {
  /** Between actors in a row. */
  gapX: number;
  /** Between wrapped sub-rows of one level. */
  gapY: number;
  /** Between level rows (room for the lines between levels). */
  levelGap: number;
  /** Between sibling unit boxes. */
  blockGap: number;
  /** The unit boxes' padding and the room for a box's label (as unit-boxes.ts draws them). */
  boxPadding: number;
  boxLabel: number;
  /** Between the chain and the side lane under it. */
  laneGap: number;
  /** The shape to aim for (width / height of the map area on screen). */
  aspect: number;
}

export const LAYERED_DEFAULTS: LayeredLayoutOptions = {
  gapX: 10,
  gapY: 6,
  levelGap: 36,
  blockGap: 10,
  boxPadding: UNIT_BOX_DEFAULTS.padding,
  boxLabel: UNIT_BOX_DEFAULTS.labelSpace,
  laneGap: 44,
  aspect: 1.7,
};

/**
 * How many rows of actors a block may stack in one level before it widens instead, tried in turn;
 * the best for the screen's shape wins.
 */
const ROW_LIMITS = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 7, 8, 10, 12, 16, 24, 32];
const ORDER_SWEEPS = 2;
/** The fewest top-level units (columns) for which wrapping them into shelves is considered. */
const SHELVES_FROM = 16;

interface Item {
  width: number;
  height: number;
  actor?: LayoutActor;
  tile?: Block;
}

interface Packed {
  height: number;
  width: number;
  rows: { items: Item[]; width: number; height: number }[];
}

interface Block {
  unit: LayoutUnit | null;
  /** Own actors by chain level index. */
  own: Map<number, LayoutActor[]>;
  children: Block[];
  /** Chain level indexes spanned by the block's subtree; top > bottom when empty. */
  top: number;
  bottom: number;
  width: number;
  contentWidth: number;
  columnsWidth: number;
  /** Height the block takes in each level's row (its box's label and padding included). */
  parts: Map<number, number>;
  packs: Map<number, Packed>;
  columns: Block[];
  tiles: Map<number, Block[]>;
  /** Sort key among siblings (barycentre of the neighbours outside the block). */
  key: number;
}

function byName(a: { name: string; id: string }, b: { name: string; id: string }): number {
  return a.name.localeCompare(b.name, 'sv') || a.id.localeCompare(b.id);
}

function emptyBlock(unit: LayoutUnit | null): Block {
  return {
    unit,
    own: new Map(),
    children: [],
    top: Infinity,
    bottom: -Infinity,
    width: 0,
    contentWidth: 0,
    columnsWidth: 0,
    parts: new Map(),
    packs: new Map(),
    columns: [],
    tiles: new Map(),
    key: 0,
  };
}

const isTile = (b: Block) => b.unit !== null && b.top === b.bottom;

/** Shelf packing of a row's items into a width; each shelf is centred. */
function pack(items: readonly Item[], width: number, o: LayeredLayoutOptions): Packed {
  const rows: Packed['rows'] = [];
  let row: Packed['rows'][number] | null = null;
  for (const item of items) {
    if (!row || (row.items.length > 0 && row.width + o.gapX + item.width > width)) {
      row = { items: [], width: 0, height: 0 };
      rows.push(row);
    }
    row.width += (row.items.length > 0 ? o.gapX : 0) + item.width;
    row.height = Math.max(row.height, item.height);
    row.items.push(item);
  }
  const height = rows.reduce((h, r) => h + r.height, 0) + o.gapY * Math.max(0, rows.length - 1);
  return { rows, height, width: Math.max(0, ...rows.map((r) => r.width)) };
}

/** The height `pack` gives the items at `width`, without building its rows (bisection asks often). */
function packedHeight(items: readonly Item[], width: number, o: LayeredLayoutOptions): number {
  let heights = 0;
  let rows = 0;
  let rowWidth = 0;
  let rowHeight = 0;
  for (const item of items) {
    if (rows === 0 || rowWidth + o.gapX + item.width > width) {
      heights += rowHeight;
      rows++;
      rowWidth = item.width;
      rowHeight = item.height;
      continue;
    }
    rowWidth += o.gapX + item.width;
    rowHeight = Math.max(rowHeight, item.height);
  }
  return heights + rowHeight + o.gapY * Math.max(0, rows - 1);
}

/**
 * The narrowest width at which a row's items pack into at most `budget` of height (or into one
 * line when they cannot), found by bisection over widths: a block is as wide as it must be to
 * keep its part of the row as low as the row allows.
 */
function narrowestWithin(items: readonly Item[], budget: number, o: LayeredLayoutOptions): number {
  if (items.length === 0) return 0;
  let low = Math.max(...items.map((i) => i.width));
  let high = items.reduce((w, i) => w + i.width, 0) + o.gapX * (items.length - 1);
  if (packedHeight(items, low, o) <= budget) return low;
  for (let step = 0; step < 12 && high - low > 4; step++) {
    const middle = (low + high) / 2;
    if (packedHeight(items, middle, o) <= budget) high = middle;
    else low = middle;
  }
  return high;
}

function itemsAt(block: Block, level: number): Item[] {
  const items: Item[] = (block.own.get(level) ?? []).map((actor) => ({
    width: actor.width,
    height: actor.height,
    actor,
  }));
  for (const tile of block.tiles.get(level) ?? []) {
    items.push({ width: tile.width, height: tile.parts.get(level) ?? 0, tile });
  }
  return items;
}

/** Sizes a block (and, unless `shallow`, its subtree) for a row limit. */
function measure(block: Block, budget: number, o: LayeredLayoutOptions, shallow = false): void {
  if (!shallow) for (const child of block.children) measure(child, budget, o);
  const children = block.children.filter((c) => c.top <= c.bottom);
  block.top = Infinity;
  block.bottom = -Infinity;
  for (const [level, list] of block.own) {
    if (list.length === 0) continue;
    block.top = Math.min(block.top, level);
    block.bottom = Math.max(block.bottom, level);
  }
  for (const child of children) {
    block.top = Math.min(block.top, child.top);
    block.bottom = Math.max(block.bottom, child.bottom);
  }
  block.columns = children.filter((c) => !isTile(c)).sort((a, b) => a.key - b.key);
  block.tiles = new Map();
  for (const tile of children.filter(isTile).sort((a, b) => a.key - b.key)) {
    block.tiles.set(tile.top, [...(block.tiles.get(tile.top) ?? []), tile]);
  }
  block.columnsWidth =
    block.columns.reduce((w, c) => w + c.width, 0) + o.blockGap * Math.max(0, block.columns.length - 1);
  const pad = block.unit ? o.boxPadding : 0;
  let contentWidth = Math.max(block.columnsWidth, block.unit ? block.unit.labelWidth - 2 * pad : 0);
  const levels: number[] = [];
  for (let level = block.top; level <= block.bottom; level++) levels.push(level);
  const rowItems = new Map(levels.map((level) => [level, itemsAt(block, level)]));
  for (const items of rowItems.values()) contentWidth = Math.max(contentWidth, narrowestWithin(items, budget, o));
  block.contentWidth = contentWidth;
  block.width = contentWidth + 2 * pad;
  block.packs = new Map();
  block.parts = new Map();
  for (const level of levels) {
    const packed = pack(rowItems.get(level) ?? [], contentWidth, o);
    block.packs.set(level, packed);
    const below = block.columns.filter((c) => c.top <= level && level <= c.bottom);
    const columnsPart = Math.max(0, ...below.map((c) => c.parts.get(level) ?? 0));
    let part = packed.height + (packed.height > 0 && columnsPart > 0 ? o.gapY : 0) + columnsPart;
    if (block.unit && level === block.top) part += o.boxLabel + pad;
    if (block.unit && level === block.bottom) part += pad;
    block.parts.set(level, part);
  }
}

/** Writes the block's actor positions; `rowTop` gives the y where the block starts in each row. */
function place(
  block: Block,
  left: number,
  rowTop: (level: number) => number,
  out: Map<string, Point>,
  o: LayeredLayoutOptions,
): void {
  const pad = block.unit ? o.boxPadding : 0;
  const inner = left + pad;
  const columnTop = new Map<number, number>();
  for (let level = block.top; level <= block.bottom; level++) {
    let y = rowTop(level) + (block.unit && level === block.top ? o.boxLabel + pad : 0);
    for (const row of block.packs.get(level)?.rows ?? []) {
      let x = inner + (block.contentWidth - row.width) / 2;
      for (const item of row.items) {
        if (item.actor) {
          out.set(item.actor.id, { x: x + item.width / 2, y: y + row.height / 2 });
        } else if (item.tile) {
          const tileTop = y + (row.height - item.height) / 2;
          place(item.tile, x, () => tileTop, out, o);
        }
        x += item.width + o.gapX;
      }
      y += row.height + o.gapY;
    }
    columnTop.set(level, y);
  }
  let x = inner + (block.contentWidth - block.columnsWidth) / 2;
  for (const column of block.columns) {
    place(column, x, (level) => columnTop.get(level) ?? rowTop(level), out, o);
    x += column.width + o.blockGap;
  }
}

interface Shelf {
  block: Block;
  bands: number[];
  height: number;
}

/** Wraps the top-level columns into `count` shelves of about equal width; shelf 0 keeps the rest. */
function shelvesOf(root: Block, count: number, budget: number, o: LayeredLayoutOptions, levels: number): Shelf[] {
  const columns = root.children.filter((c) => c.top <= c.bottom && !isTile(c)).sort((a, b) => a.key - b.key);
  const total = columns.reduce((w, c) => w + c.width + o.blockGap, 0);
  const groups: Block[][] = [[]];
  let width = 0;
  for (const column of columns) {
    const current = groups[groups.length - 1] as Block[];
    if (current.length > 0 && width + column.width > (total / count) * 1.02 && groups.length < count) {
      groups.push([column]);
      width = column.width + o.blockGap;
    } else {
      current.push(column);
      width += column.width + o.blockGap;
    }
  }
  return groups.map((group, i) => {
    const block = emptyBlock(null);
    if (i === 0) {
      const inGroup = new Set(group);
      block.children = [...root.children.filter((c) => !inGroup.has(c) && isTile(c)), ...group];
      block.own = root.own;
    } else {
      block.children = group;
    }
    block.key = i;
    measure(block, budget, o, true);
    const bands = Array.from({ length: levels }, (_, level) => block.parts.get(level) ?? 0);
    const height = bands.reduce((h, b) => h + b, 0) + o.levelGap * Math.max(0, bands.filter((b) => b > 0).length - 1);
    return { block, bands, height };
  });
}

export function layeredLayout(
  levels: readonly LayoutLevel[],
  actors: readonly LayoutActor[],
  units: readonly LayoutUnit[],
  links: readonly LayoutLink[] = [],
  options: Partial<LayeredLayoutOptions> = {},
): Map<string, Point> {
  const o = { ...LAYERED_DEFAULTS, ...options };
  const chain = levels.filter((l) => !l.isSide).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  const chainIndex = new Map(chain.map((l, i) => [l.key, i]));
  const unitIds = new Set(units.map((u) => u.id));

  // The unit tree; unknown parents and cycles fall back to the root so nothing is lost.
  const root = emptyBlock(null);
  const blocks = new Map<string, Block>();
  const sortedUnits = [...units].sort(byName);
  for (const unit of sortedUnits) blocks.set(unit.id, emptyBlock(unit));
  for (const unit of sortedUnits) {
    const parent = unit.parentId && unitIds.has(unit.parentId) && !isCycle(unit, units) ? unit.parentId : null;
    (parent ? (blocks.get(parent) as Block) : root).children.push(blocks.get(unit.id) as Block);
  }
  const side: LayoutActor[] = [];
  const blockOf = new Map<string, Block>();
  for (const actor of [...actors].sort(byName)) {
    const level = chainIndex.get(actor.levelKey);
    if (level === undefined) {
      side.push(actor);
      continue;
    }
    const block = (actor.unitId && blocks.get(actor.unitId)) || root;
    block.own.set(level, [...(block.own.get(level) ?? []), actor]);
    blockOf.set(actor.id, block);
  }
  // Ancestors of each block, for the neighbours that lie outside a block.
  const parentOf = new Map<Block, Block>();
  const walk = (b: Block) => {
    for (const c of b.children) {
      parentOf.set(c, b);
      walk(c);
    }
  };
  walk(root);
  const neighbours = new Map<string, string[]>();
  for (const link of links) {
    if (link.sourceId === link.targetId) continue;
    neighbours.set(link.sourceId, [...(neighbours.get(link.sourceId) ?? []), link.targetId]);
    neighbours.set(link.targetId, [...(neighbours.get(link.targetId) ?? []), link.sourceId]);
  }

  const rowUnit = Math.max(1, ...actors.map((a) => a.height)) + o.gapY;
  const run = (rowLimit: number, shelfCount: number) => {
    measure(root, rowLimit * rowUnit, o);
    const shelves = shelvesOf(root, shelfCount, rowLimit * rowUnit, o, chain.length);
    const positions = new Map<string, Point>();
    let top = 0;
    let chainWidth = 0;
    for (const shelf of shelves) {
      const bandTop: number[] = [];
      let y = top;
      for (const band of shelf.bands) {
        bandTop.push(y);
        if (band > 0) y += band + o.levelGap;
      }
      place(shelf.block, 0, (level) => bandTop[level] ?? top, positions, o);
      chainWidth = Math.max(chainWidth, shelf.block.width);
      top += shelf.height + o.levelGap * 2;
    }
    return { positions, width: chainWidth, height: Math.max(0, top - o.levelGap * 2) };
  };

  // Order by barycentres of neighbours: a sweep down the levels (each ordered by the levels
  // above it), then up (by the levels below), from the placement so far.
  const defaultLimit = 3;
  if (links.length > 0) {
    const levelOf = new Map<string, number>();
    for (const actor of actors) {
      const level = chainIndex.get(actor.levelKey);
      if (level !== undefined) levelOf.set(actor.id, level);
    }
    const order = (level: number, isDown: boolean) =>
      orderLevel(
        root,
        level,
        (other) => (isDown ? other < level : other > level),
        (block) => (isDown ? block.top : block.bottom) === level,
        { positions: run(defaultLimit, 1).positions, neighbours },
        levelOf,
        blockOf,
        parentOf,
      );
    for (let sweep = 0; sweep < ORDER_SWEEPS; sweep++) {
      for (let level = 1; level < chain.length; level++) order(level, true);
      for (let level = chain.length - 2; level >= 0; level--) order(level, false);
    }
  }

  // Choose the row limit and shelf count whose map comes closest to the screen's shape.
  const sideArea = side.reduce((a, s) => a + (s.width + o.gapX) * (s.height + o.gapY), 0);
  let best: { rowLimit: number; shelves: number; score: number } = { rowLimit: defaultLimit, shelves: 1, score: -1 };
  const maxPerLevel = Math.max(
    1,
    ...[root, ...blocks.values()].flatMap((b) => [...b.own.values()].map((l) => l.length)),
  );
  for (const rowLimit of ROW_LIMITS.filter((r, i) => i === 0 || (ROW_LIMITS[i - 1] ?? 0) < maxPerLevel * 2)) {
    measure(root, rowLimit * rowUnit, o);
    const columns = root.children.filter((c) => c.top <= c.bottom && !isTile(c)).length;
    // Shelves repeat the level rows: worth it only for maps with many top-level units.
    const maxShelves = columns >= SHELVES_FROM ? Math.min(Math.floor(columns / 4), 24) : 1;
    for (let count = 1; count <= maxShelves; count++) {
      const shelves = shelvesOf(root, count, rowLimit * rowUnit, o, chain.length);
      const height = shelves.reduce((h, s) => h + s.height, 0) + o.levelGap * 2 * (shelves.length - 1);
      const width = Math.max(...shelves.map((s) => s.block.width));
      const laneHeight = sideArea > 0 ? o.laneGap + sideArea / Math.max(width, 1) : 0;
      const score = Math.min(o.aspect / Math.max(width, 1), 1 / Math.max(height + laneHeight, 1));
      if (score > best.score) best = { rowLimit, shelves: count, score };
      if (shelves.length < count) break;
    }
  }
  const { positions, width: chainWidth, height: chainHeight } = run(best.rowLimit, best.shelves);
  placeSideLane(side, positions, neighbours, chainWidth, chainHeight, o);
  return positions;
}

/**
 * One step of a layer sweep: at one level, sorts the actors and the blocks that start (or, going
 * up, end) there by the mean x of their neighbours on the levels already ordered.
 */
function orderLevel(
  root: Block,
  level: number,
  isOrdered: (otherLevel: number) => boolean,
  startsHere: (block: Block) => boolean,
  graph: { positions: ReadonlyMap<string, Point>; neighbours: ReadonlyMap<string, readonly string[]> },
  levelOf: ReadonlyMap<string, number>,
  blockOf: ReadonlyMap<string, Block>,
  parentOf: ReadonlyMap<Block, Block>,
): void {
  const { positions, neighbours } = graph;
  const isInside = (actorId: string, block: Block): boolean => {
    for (let b = blockOf.get(actorId); b; b = parentOf.get(b)) if (b === block) return true;
    return false;
  };
  const barycentre = (ids: readonly string[], block: Block | null): number | null => {
    let sum = 0;
    let n = 0;
    for (const id of ids) {
      for (const other of neighbours.get(id) ?? []) {
        const otherLevel = levelOf.get(other);
        if (otherLevel === undefined || !isOrdered(otherLevel) || (block && isInside(other, block))) continue;
        const p = positions.get(other);
        if (p) {
          sum += p.x;
          n++;
        }
      }
    }
    return n > 0 ? sum / n : null;
  };
  const actorsOf = (block: Block): string[] => [
    ...[...block.own.values()].flat().map((a) => a.id),
    ...block.children.flatMap(actorsOf),
  ];
  const meanX = (ids: readonly string[]) =>
    ids.reduce((sum, id) => sum + (positions.get(id)?.x ?? 0), 0) / Math.max(1, ids.length);
  const visit = (block: Block) => {
    const list = block.own.get(level);
    if (list && list.length > 1) {
      const keys = new Map(list.map((a) => [a.id, barycentre([a.id], null) ?? meanX([a.id])]));
      block.own.set(
        level,
        [...list].sort((a, b) => (keys.get(a.id) ?? 0) - (keys.get(b.id) ?? 0) || byName(a, b)),
      );
    }
    for (const child of block.children) {
      if (child.top <= child.bottom && startsHere(child)) {
        const ids = actorsOf(child);
        child.key = barycentre(ids, child) ?? meanX(ids);
      }
      visit(child);
    }
  };
  visit(root);
}

/**
 * Side actors in a lane of their own under the chain, each as near as it can be to the mean x of
 * its neighbours: a support actor for one school sits under that school, so its links stay short
 * and cross few others (a lane to the right made every support link cross the chain). Rows wrap
 * at the chain's width.
 */
function placeSideLane(
  side: readonly LayoutActor[],
  positions: Map<string, Point>,
  neighbours: ReadonlyMap<string, readonly string[]>,
  chainWidth: number,
  chainHeight: number,
  o: LayeredLayoutOptions,
): void {
  if (side.length === 0) return;
  const key = new Map(
    side.map((actor) => {
      const xs = (neighbours.get(actor.id) ?? []).flatMap((id) => {
        const p = positions.get(id);
        return p ? [p.x] : [];
      });
      return [actor.id, xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : chainWidth / 2];
    }),
  );
  const ordered = [...side].sort((a, b) => (key.get(a.id) ?? 0) - (key.get(b.id) ?? 0) || byName(a, b));
  const width = Math.max(chainWidth, ...side.map((a) => a.width));
  const rows: LayoutActor[][] = [[]];
  let used = 0;
  for (const actor of ordered) {
    const current = rows[rows.length - 1] as LayoutActor[];
    if (current.length > 0 && used + o.gapX + actor.width > width) {
      rows.push([actor]);
      used = actor.width;
    } else {
      current.push(actor);
      used += (current.length > 1 ? o.gapX : 0) + actor.width;
    }
  }
  let top = chainHeight + o.laneGap;
  for (const row of rows) {
    // Each at its neighbours' x where it fits: pushed right past the one before, then pulled
    // back left where the row would run past the chain's right edge.
    const lefts: number[] = [];
    let right = -Infinity;
    for (const actor of row) {
      const left = Math.max((key.get(actor.id) ?? 0) - actor.width / 2, right + o.gapX, 0);
      lefts.push(left);
      right = left + actor.width;
    }
    let limit = width;
    for (let i = row.length - 1; i >= 0; i--) {
      const actor = row[i] as LayoutActor;
      lefts[i] = Math.max(0, Math.min(lefts[i] ?? 0, limit - actor.width));
      limit = (lefts[i] ?? 0) - o.gapX;
    }
    const height = Math.max(...row.map((a) => a.height));
    row.forEach((actor, i) => {
      positions.set(actor.id, { x: (lefts[i] ?? 0) + actor.width / 2, y: top + height / 2 });
    });
    top += height + o.gapY;
  }
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
