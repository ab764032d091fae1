import type { Point } from './layered-layout.ts';
import type { Box } from './unit-boxes.ts';

/**
 * Where a node added to a map the user has arranged should go: as close as possible to the
 * preferred point (beside its unit's actors on its level), on a free spot, so it covers nobody and
 * nothing else moves. Tries the preferred row outwards, right then left, then the rows below.
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
  for (let row = 0; row < 40; row++) {
    for (let k = 0; k <= 80; k++) {
      for (const side of k === 0 ? [0] : [1, -1]) {
        const p = { x: preferred.x + side * k * stepX, y: preferred.y + row * stepY };
        if (!overlaps(p)) return p;
      }
    }
  }
  return { x: preferred.x, y: preferred.y + 40 * stepY };
}
