import { type CanvasLink, type CanvasMap, DIFF_SIGNS, type DiffMark, UNIT_PREFIX } from './model.ts';
import type { NodeLabels } from './node-labels.ts';
import { EMPTY_UNIT_SIZE, unitDepths } from './unit-boxes.ts';

/** A Cytoscape element definition, kept structural so this module stays free of the library. */
export interface ElementDef {
  group: 'nodes' | 'edges';
  data: Record<string, string | number | boolean | null>;
  classes: string;
  position?: { x: number; y: number };
}

/**
 * One-way responsiveness as an arrow: when only the target responds, the arrow points at the
 * target (the source steers, the target follows); when only the source responds, it points back.
 * Both or neither responding, or not assessed: no arrowhead.
 */
export function linkDirection(
  link: Pick<CanvasLink, 'targetResponds' | 'sourceResponds'>,
): 'forward' | 'backward' | 'none' {
  if (link.targetResponds === true && link.sourceResponds === false) return 'forward';
  if (link.sourceResponds === true && link.targetResponds === false) return 'backward';
  return 'none';
}

export function levelIndexes(map: Pick<CanvasMap, 'levels'>): Map<string, number> {
  return new Map(map.levels.map((level, i) => [level.key, i]));
}

/**
 * Builds the nodes (unit boxes, then actors) and edges for one map. Unit boxes are plain nodes
 * sized around their actors by unit-controller.ts, not compound parents (see unit-boxes.ts).
 */
export function toElements(
  map: CanvasMap,
  labels: NodeLabels,
  diff: ReadonlyMap<string, DiffMark> = new Map(),
): ElementDef[] {
  const unitIds = new Set(map.units.map((u) => u.id));
  const actorIds = new Set(map.actors.map((a) => a.id));
  const levelIndex = levelIndexes(map);
  const side = new Set(map.levels.filter((l) => l.isSide).map((l) => l.key));
  const depths = unitDepths(map.units);
  const elements: ElementDef[] = [];
  for (const unit of map.units) {
    const parentUnitId = unit.parentId && unitIds.has(unit.parentId) ? unit.parentId : null;
    elements.push({
      group: 'nodes',
      data: {
        id: UNIT_PREFIX + unit.id,
        recordId: unit.id,
        entity: 'unit',
        label: labels.units.get(unit.id)?.text ?? unit.name,
        fullName: unit.name,
        parentUnitId,
        depth: depths.get(unit.id) ?? 0,
        ...EMPTY_UNIT_SIZE,
      },
      classes: 'unit',
    });
  }
  for (const actor of map.actors) {
    const label = labels.actors.get(actor.id);
    const size = {
      label: label?.text ?? actor.name,
      fullName: actor.name,
      width: label?.width ?? 100,
      height: label?.height ?? 40,
      fontSize: label?.fontSize ?? 15,
    };
    if (actor.collapsed) {
      // A collapsed unit (collapse.ts): picking it selects the unit.
      elements.push({
        group: 'nodes',
        data: {
          id: actor.id,
          recordId: actor.collapsed.unitId,
          entity: 'unit',
          ...size,
          levelKey: actor.levelKey,
          unitId: null,
        },
        classes: 'collapsed-unit',
      });
      continue;
    }
    const unitId = actor.unitId && unitIds.has(actor.unitId) ? actor.unitId : null;
    elements.push({
      group: 'nodes',
      data: { id: actor.id, recordId: actor.id, entity: 'actor', ...size, levelKey: actor.levelKey, unitId },
      classes: [
        'actor',
        `level-${levelIndex.get(actor.levelKey) ?? 0}`,
        side.has(actor.levelKey) ? 'side' : 'chain',
      ].join(' '),
    });
  }
  for (const link of map.links) {
    if (!actorIds.has(link.sourceId) || !actorIds.has(link.targetId)) continue; // a filtered slice
    if (link.bundled) {
      // Links between collapsed units, one neutral line per pair: no kind, coupling or direction.
      elements.push({
        group: 'edges',
        data: {
          id: link.id,
          entity: 'bundle',
          source: link.sourceId,
          target: link.targetId,
          linkCount: link.bundled.linkCount,
        },
        classes: 'bundle',
      });
      continue;
    }
    const mark = diff.get(link.id);
    elements.push({
      group: 'edges',
      data: {
        id: link.id,
        recordId: link.id,
        entity: 'link',
        source: link.sourceId,
        target: link.targetId,
        kind: link.kind,
        coupling: link.coupling,
        label: mark ? DIFF_SIGNS[mark] : '',
      },
      classes: [
        'link',
        `coupling-${link.coupling.toLowerCase()}`,
        `kind-${link.kind.toLowerCase().replace('_', '-')}`,
        `dir-${linkDirection(link)}`,
        mark ? `diff-${mark}` : '',
      ]
        .filter(Boolean)
        .join(' '),
    });
  }
  return elements;
}
