import type { Point } from './layered-layout.ts';
import type { Box } from './unit-boxes.ts';

/**
 * Where a node added to a map the user has arranged should go: as close as possible to the
 * preferred point (under its unit's actors on its level), on a free spot, so it covers nobody and
 * nothing else moves. Sideways steps cost twice as much as steps down: a new row in its own unit's
 * column is better than a place in the neighbouring unit's.
 */
export function freeSpot(
  size: { width: number; height: number },
  preferred: Point,
  occupied: readonly Box[],
  gap = 12,
): Point {
  const overlaps = (p: Point) =>
    occupied.some(
      (b) =>
        Math.abs(b.x - p.x) < (b.width + size.width) / 2 + gap &&
        Math.abs(b.y - p.y) < (b.height + size.height) / 2 + gap,
    );
  const stepX = size.width + gap;
  const stepY = size.height + gap;
  const candidates: { dx: number; dy: number }[] = [];
  for (let dy = 0; dy <= SEARCH; dy++) for (let dx = -SEARCH; dx <= SEARCH; dx++) candidates.push({ dx, dy });
  candidates.sort(
    (a, b) => 2 * Math.abs(a.dx) + a.dy - (2 * Math.abs(b.dx) + b.dy) || Math.abs(a.dx) - Math.abs(b.dx) || b.dx - a.dx,
  );
  for (const { dx, dy } of candidates) {
    const p = { x: preferred.x + dx * stepX, y: preferred.y + dy * stepY };
    if (!overlaps(p)) return p;
  }
  return { x: preferred.x, y: preferred.y + (SEARCH + 1) * stepY };
}

/** How many steps sideways and down are tried. */
const SEARCH = 24;
