import type { Core, NodeSingular } from 'cytoscape';

import type { ElementDef } from './elements.ts';
import type { Point } from './layered-layout.ts';
import { freeSpot } from './place-new.ts';
import { type Box } from './unit-boxes.ts';
import { UNIT_PREFIX } from './model.ts';

/** Space kept between a new node and its neighbours. */
const NEW_NODE_GAP = 10;

function boxOf(node: { position: () => Point; data: (key: string) => unknown }): Box {
  const { x, y } = node.position();
  return { x, y, width: Number(node.data('width')), height: Number(node.data('height')) };
}

/**
 * Positions for the nodes of `defs` not yet drawn, on a map the user may have arranged: a saved
 * position if there is one, else a free spot under the actors of the same unit on the same level,
 * else in the level's row near the unit's box, else where a fresh layout would put it. Drawn
 * nodes keep their positions (they are not in the result).
 */
export function placeNewNodes(
  cy: Core,
  defs: readonly ElementDef[],
  saved: ReadonlyMap<string, Point>,
  fallback: () => ReadonlyMap<string, Point>,
): Map<string, Point> {
  const positions = new Map<string, Point>();
  const fresh = defs.filter((d) => d.group === 'nodes' && cy.getElementById(String(d.data.id)).empty());
  if (fresh.length === 0) return positions;
  const occupied: Box[] = cy.nodes('.actor, .collapsed-unit').map(boxOf);
  let layout: ReadonlyMap<string, Point> | null = null;
  for (const def of fresh) {
    const id = String(def.data.id);
    const savedPoint = saved.get(id);
    if (savedPoint) {
      positions.set(id, savedPoint);
      continue;
    }
    if (def.data.entity !== 'actor') continue; // unit boxes are sized around their actors
    const size = { width: Number(def.data.width), height: Number(def.data.height) };
    const level = String(def.data.levelKey);
    const unitId = def.data.unitId ? String(def.data.unitId) : null;
    const sameLevel = cy
      .nodes('.actor')
      .filter((n) => n.data('levelKey') === level)
      .nodes();
    const siblings = unitId ? sameLevel.filter((n) => n.data('unitId') === unitId).nodes() : cy.collection().nodes();
    const unitBox = unitId ? cy.getElementById(UNIT_PREFIX + unitId).nodes() : cy.collection().nodes();
    let preferred: Point | null = null;
    if (siblings.nonempty()) {
      // Under the unit's last row of this level, from its left edge.
      const lowest = siblings.max((n) => n.position('y')).ele as NodeSingular;
      const left = siblings.min((n) => n.position('x') - Number(n.data('width')) / 2).value;
      preferred = {
        x: left + size.width / 2,
        y: lowest.position('y') + (Number(lowest.data('height')) + size.height) / 2 + NEW_NODE_GAP,
      };
    } else if (sameLevel.nonempty()) {
      const box = unitBox.first();
      const x =
        box.nonempty() && box.data('isEmpty') !== true
          ? box.position('x')
          : sameLevel.max((n) => n.position('x')).value;
      const nearest = sameLevel.min((n) => Math.abs(n.position('x') - x)).ele as NodeSingular;
      preferred = { x, y: nearest.position('y') };
    } else {
      layout ??= fallback();
      preferred = layout.get(id) ?? null;
    }
    if (!preferred) continue;
    const spot = freeSpot(size, preferred, occupied, NEW_NODE_GAP);
    positions.set(id, spot);
    occupied.push({ ...spot, ...size });
  }
  return positions;
}
