import type { Point } from '../canvas/layered-layout.ts';

/**
 * Dragged positions, saved per organisation and scenario in localStorage (per browser, not
 * shared between users: a deliberate first step; moving them to the API is a later issue).
 */
export function positionsKey(organisationId: string, scenarioId: string): string {
  return `kk:positions:${organisationId}:${scenarioId}`;
}

export function loadPositions(key: string, storage: Pick<Storage, 'getItem'> = localStorage): Map<string, Point> {
  try {
    const raw = storage.getItem(key);
    if (!raw) return new Map();
    const parsed = JSON.parse(raw) as Record<string, [number, number]>;
    return new Map(Object.entries(parsed).map(([id, [x, y]]) => [id, { x, y }]));
  } catch {
    return new Map(); // a corrupt entry must not break the map; the layout takes over
  }
}

export function savePositions(
  key: string,
  positions: ReadonlyMap<string, Point>,
  storage: Pick<Storage, 'setItem' | 'removeItem'> = localStorage,
): void {
  if (positions.size === 0) {
    storage.removeItem(key);
    return;
  }
  const compact = Object.fromEntries([...positions].map(([id, p]) => [id, [p.x, p.y]]));
  try {
    storage.setItem(key, JSON.stringify(compact));
  } catch {
    // Quota exceeded on a huge map: positions are a convenience, the layout still works.
  }
}
