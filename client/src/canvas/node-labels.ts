import { LABEL_GEOMETRY, type MeasureText, sizeLabel, type SizedLabel, withoutUnitNames } from './label-text.ts';
import { type LayoutActor, type LayoutLink, type LayoutUnit, type Point, layeredLayout } from './layered-layout.ts';
import type { CanvasMap } from './model.ts';

/** Maps with more actors than this show labels by importance as the user zooms in. */
export const LABEL_TIERS_ABOVE = 150;
/** Font sizes of unit box labels (model pixels). */
export const UNIT_FONT_SIZE = 15;
/** How much larger the labels of important actors are on big maps: they can be read first. */
const TIER_SCALE = [1.7, 1.3, 1] as const;

export interface NodeLabels {
  actors: Map<string, SizedLabel & { tier: number }>;
  units: Map<string, { text: string; width: number }>;
}

function ancestorsOf(map: CanvasMap): Map<string, string[]> {
  const parentOf = new Map(map.units.map((u) => [u.id, u.parentId]));
  const chains = new Map<string, string[]>();
  for (const unit of map.units) {
    const chain: string[] = [];
    const seen = new Set<string>();
    for (let at: string | null = unit.id; at && parentOf.has(at) && !seen.has(at); at = parentOf.get(at) ?? null) {
      seen.add(at);
      chain.push(at);
    }
    chains.set(unit.id, chain);
  }
  return chains;
}

/**
 * Importance tier of each actor on a big map: 0 for the top two chain levels and the best
 * connected twentieth, 1 for the next fifth by links, 2 for the rest. Small maps are all tier 2:
 * every label has the same size and is legible at the first view.
 */
export function importanceTiers(map: CanvasMap): Map<string, number> {
  const tiers = new Map(map.actors.map((a) => [a.id, 2]));
  if (map.actors.length <= LABEL_TIERS_ABOVE) return tiers;
  const chain = map.levels.filter((l) => !l.isSide).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  const top = new Set(chain.slice(0, 2).map((l) => l.key));
  const degree = new Map<string, number>();
  for (const link of map.links) {
    degree.set(link.sourceId, (degree.get(link.sourceId) ?? 0) + 1);
    degree.set(link.targetId, (degree.get(link.targetId) ?? 0) + 1);
  }
  const ranked = [...map.actors].sort((a, b) => (degree.get(b.id) ?? 0) - (degree.get(a.id) ?? 0));
  ranked.forEach((actor, i) => {
    const share = i / ranked.length;
    tiers.set(actor.id, top.has(actor.levelKey) || share < 0.05 ? 0 : share < 0.25 ? 1 : 2);
  });
  return tiers;
}

/**
 * The text and size of every node: actor names without the units their boxes already name,
 * wrapped at word boundaries; unit names without their parent unit's name.
 */
export function nodeLabels(map: CanvasMap, measure: MeasureText): NodeLabels {
  const names = new Map(map.units.map((u) => [u.id, u.name]));
  const chains = ancestorsOf(map);
  const side = new Set(map.levels.filter((l) => l.isSide).map((l) => l.key));
  const tiers = importanceTiers(map);
  const actors = new Map<string, SizedLabel & { tier: number }>();
  for (const actor of map.actors) {
    // Side actors sit in their lane, outside any box: their names stay whole.
    const boxed = actor.unitId && !side.has(actor.levelKey) ? (chains.get(actor.unitId) ?? []) : [];
    const text = withoutUnitNames(
      actor.name,
      boxed.map((id) => names.get(id) ?? ''),
    );
    const tier = tiers.get(actor.id) ?? 2;
    const fontSize = LABEL_GEOMETRY.fontSize * (TIER_SCALE[tier] ?? 1);
    actors.set(actor.id, { ...sizeLabel(text, measure, LABEL_GEOMETRY, fontSize), tier });
  }
  const units = new Map<string, { text: string; width: number }>();
  for (const unit of map.units) {
    const above = (chains.get(unit.id) ?? []).slice(1).map((id) => names.get(id) ?? '');
    const text = withoutUnitNames(unit.name, above);
    units.set(unit.id, { text, width: Math.ceil(measure(text, UNIT_FONT_SIZE)) + 12 });
  }
  return { actors, units };
}

/** The layered layout of a canvas map with its labels' sizes. */
export function layoutMap(map: CanvasMap, labels: NodeLabels, options: { aspect?: number } = {}): Map<string, Point> {
  const actors: LayoutActor[] = map.actors.map((a) => {
    const label = labels.actors.get(a.id);
    return { ...a, width: label?.width ?? 100, height: label?.height ?? 40 };
  });
  const units: LayoutUnit[] = map.units.map((u) => ({ ...u, labelWidth: labels.units.get(u.id)?.width ?? 0 }));
  const links: LayoutLink[] = map.links;
  return layeredLayout(map.levels, actors, units, links, options);
}
