/**
 * Unit boxes: the dashed rectangle drawn around a unit's actors (a school around its principal and
 * teacher teams). They are ordinary nodes sized from their members, not Cytoscape compound
 * parents: with compound nodes in the graph every style property Cytoscape applies also dirties
 * the caches of the element's parents, descendants and their edges, which made the first frame of
 * a 2,000-element map about 40 % slower (measured with `npm run bench:client`).
 *
 * Pure: members and units in, boxes out, so the geometry is testable without a browser.
 */
export interface Box {
  /** Centre, as Cytoscape positions nodes. */
  x: number;
  y: number;
  width: number;
  height: number;
}

/** One drawn actor: its unit and its rectangle (centre and size). */
export interface BoxMember {
  unitId: string | null;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface BoxUnit {
  id: string;
  parentId: string | null;
}

export interface UnitBoxOptions {
  /** Space between the members and the box's border. */
  padding: number;
  /** Room kept above a nested unit's box for its label, inside the parent's box. */
  labelSpace: number;
}

export const UNIT_BOX_DEFAULTS: UnitBoxOptions = { padding: 8, labelSpace: 21 };

/** The size of a unit box with no visible actor inside (a unit just created, say). */
export const EMPTY_UNIT_SIZE = { width: 160, height: 56 } as const;

interface Bounds {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

function extend(into: Bounds | undefined, add: Bounds): Bounds {
  if (!into) return { ...add };
  return {
    x1: Math.min(into.x1, add.x1),
    y1: Math.min(into.y1, add.y1),
    x2: Math.max(into.x2, add.x2),
    y2: Math.max(into.y2, add.y2),
  };
}

/**
 * The box of every unit that has a member at any depth: its own actors and its sub-units' boxes
 * (with their labels), plus padding. Units with nothing inside get no box; unknown parents and
 * cycles end the chain, so every member counts once per ancestor.
 */
export function unitBoxes(
  units: readonly BoxUnit[],
  members: readonly BoxMember[],
  options: Partial<UnitBoxOptions> = {},
): Map<string, Box> {
  const o = { ...UNIT_BOX_DEFAULTS, ...options };
  const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
  const own = new Map<string, Bounds>();
  for (const m of members) {
    if (!m.unitId || !parentOf.has(m.unitId)) continue;
    const b = { x1: m.x - m.width / 2, y1: m.y - m.height / 2, x2: m.x + m.width / 2, y2: m.y + m.height / 2 };
    own.set(m.unitId, extend(own.get(m.unitId), b));
  }
  const children = new Map<string, string[]>();
  for (const unit of units) {
    if (unit.parentId && parentOf.has(unit.parentId) && !isCycle(unit.id, parentOf)) {
      children.set(unit.parentId, [...(children.get(unit.parentId) ?? []), unit.id]);
    }
  }
  const bounds = new Map<string, Bounds | null>();
  const measure = (id: string): Bounds | null => {
    if (bounds.has(id)) return bounds.get(id) ?? null;
    bounds.set(id, null); // guards against cycles the check above missed
    let inner = own.get(id);
    for (const child of children.get(id) ?? []) {
      const b = measure(child);
      if (b) inner = extend(inner, { ...b, y1: b.y1 - o.labelSpace });
    }
    const result = inner
      ? { x1: inner.x1 - o.padding, y1: inner.y1 - o.padding, x2: inner.x2 + o.padding, y2: inner.y2 + o.padding }
      : null;
    bounds.set(id, result);
    return result;
  };
  const boxes = new Map<string, Box>();
  for (const unit of units) {
    const b = measure(unit.id);
    if (b) boxes.set(unit.id, { x: (b.x1 + b.x2) / 2, y: (b.y1 + b.y2) / 2, width: b.x2 - b.x1, height: b.y2 - b.y1 });
  }
  return boxes;
}

/** How deep a unit sits (0 for a top-level unit), so nested boxes are drawn above their parents. */
export function unitDepths(units: readonly BoxUnit[]): Map<string, number> {
  const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
  const depths = new Map<string, number>();
  for (const unit of units) {
    let depth = 0;
    const seen = new Set([unit.id]);
    let at = unit.parentId;
    while (at && parentOf.has(at) && !seen.has(at)) {
      seen.add(at);
      depth++;
      at = parentOf.get(at) ?? null;
    }
    depths.set(unit.id, depth);
  }
  return depths;
}

function isCycle(id: string, parentOf: ReadonlyMap<string, string | null>): boolean {
  const seen = new Set([id]);
  let at = parentOf.get(id) ?? null;
  while (at) {
    if (seen.has(at)) return true;
    seen.add(at);
    at = parentOf.get(at) ?? null;
  }
  return false;
}

/** The smallest box holding every given box (for fitting the view without asking Cytoscape). */
export function boundsOf(boxes: Iterable<Box>): Box | null {
  let b: Bounds | undefined;
  for (const box of boxes) {
    b = extend(b, {
      x1: box.x - box.width / 2,
      y1: box.y - box.height / 2,
      x2: box.x + box.width / 2,
      y2: box.y + box.height / 2,
    });
  }
  return b ? { x: (b.x1 + b.x2) / 2, y: (b.y1 + b.y2) / 2, width: b.x2 - b.x1, height: b.y2 - b.y1 } : null;
}

/** Screen pixels at each edge of the canvas that something covers (level names, legend, panel). */
export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const uniformInsets = (padding: number): Insets => ({
  top: padding,
  right: padding,
  bottom: padding,
  left: padding,
});

/**
 * The zoom and pan that fit a box into the free part of a viewport, clamped to the zoom limits:
 * what `cy.fit()` computes, but from positions we already know, so the first frame does not
 * wait for Cytoscape to compute every element's style and bounding box twice.
 */
export function fitViewport(
  box: Box,
  viewport: { width: number; height: number },
  options: { insets: Insets; minZoom: number; maxZoom: number },
): { zoom: number; pan: { x: number; y: number } } {
  const { insets } = options;
  const w = Math.max(1, viewport.width - insets.left - insets.right);
  const h = Math.max(1, viewport.height - insets.top - insets.bottom);
  const wanted = Math.min(w / Math.max(1, box.width), h / Math.max(1, box.height));
  const zoom = Math.min(options.maxZoom, Math.max(options.minZoom, wanted));
  return {
    zoom,
    pan: { x: insets.left + w / 2 - zoom * box.x, y: insets.top + h / 2 - zoom * box.y },
  };
}
