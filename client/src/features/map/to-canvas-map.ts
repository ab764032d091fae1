import type { CanvasMap } from '../../canvas/model.ts';
import type { MapData } from '../../state/map-store.ts';

/** The map slice narrowed to what the canvas draws. */
export function toCanvasMap(data: MapData): CanvasMap {
  return {
    levels: data.organisation.levels,
    actors: data.actors,
    units: data.units,
    links: data.links,
  };
}

export function searchTexts(data: MapData): Map<string, string> {
  return new Map(data.actors.map((a) => [a.id, [a.name, a.role ?? '', ...a.tags].join(' ')]));
}
