import { describe, expect, it } from 'vitest';

import { type BoxMember, boundsOf, fitViewport, uniformInsets, unitBoxes, unitDepths } from './unit-boxes.ts';

const actor = (unitId: string | null, x: number, y: number): BoxMember => ({ unitId, x, y, width: 100, height: 40 });
const options = { padding: 10, labelSpace: 20 };

describe('unitBoxes', () => {
  it('wraps a unit around its actors with padding', () => {
    const boxes = unitBoxes(
      [{ id: 'school', parentId: null }],
      [actor('school', 0, 0), actor('school', 200, 100)],
      options,
    );
    // Actors span x -50..250 and y -20..120; padding 10 on each side.
    expect(boxes.get('school')).toEqual({ x: 100, y: 50, width: 320, height: 160 });
  });

  it('wraps a parent around its sub-units and leaves room for their labels', () => {
    const units = [
      { id: 'school', parentId: null },
      { id: 'team', parentId: 'school' },
    ];
    const boxes = unitBoxes(units, [actor('school', 0, 0), actor('team', 0, 200)], options);
    const team = boxes.get('team');
    expect(team).toEqual({ x: 0, y: 200, width: 120, height: 60 });
    // Team box top 170, its label 20 above: 150. School: from -20 (its principal) to 230 (team box).
    const school = boxes.get('school');
    expect(school?.y).toBeCloseTo((-30 + 240) / 2);
    expect(school?.height).toBe(270);
    expect(school?.width).toBe(140);
  });

  it('gives no box to a unit with nothing visible inside, and ignores actors outside units', () => {
    const boxes = unitBoxes(
      [
        { id: 'empty', parentId: null },
        { id: 'school', parentId: null },
      ],
      [actor(null, 0, 0), actor('school', 500, 0), actor('unknown', 900, 0)],
      options,
    );
    expect([...boxes.keys()]).toEqual(['school']);
  });

  it('survives a cycle of parents', () => {
    const units = [
      { id: 'a', parentId: 'b' },
      { id: 'b', parentId: 'a' },
    ];
    const boxes = unitBoxes(units, [actor('a', 0, 0), actor('b', 300, 0)], options);
    expect(boxes.size).toBe(2);
    for (const box of boxes.values()) expect(Number.isFinite(box.width)).toBe(true);
  });

  it('is quick for a national map (20,000 actors in 400 units)', () => {
    const units = Array.from({ length: 400 }, (_, i) => ({ id: `u${i}`, parentId: i >= 200 ? `u${i - 200}` : null }));
    const members = Array.from({ length: 20_000 }, (_, i) => actor(`u${i % 400}`, i * 3, (i % 7) * 80));
    const start = performance.now();
    expect(unitBoxes(units, members).size).toBe(400);
    expect(performance.now() - start).toBeLessThan(500);
  });
});

describe('unitDepths', () => {
  it('counts ancestors, stopping at unknown parents and cycles', () => {
    const depths = unitDepths([
      { id: 'school', parentId: null },
      { id: 'team', parentId: 'school' },
      { id: 'group', parentId: 'team' },
      { id: 'orphan', parentId: 'gone' },
      { id: 'x', parentId: 'y' },
      { id: 'y', parentId: 'x' },
    ]);
    expect(Object.fromEntries(depths)).toMatchObject({ school: 0, team: 1, group: 2, orphan: 0 });
    expect(depths.get('x')).toBeLessThan(3);
  });
});

describe('fitting the view from known geometry', () => {
  it('bounds boxes and fits them into the viewport with padding, centred', () => {
    const box = boundsOf([
      { x: 0, y: 0, width: 100, height: 40 },
      { x: 900, y: 400, width: 100, height: 40 },
    ]);
    expect(box).toEqual({ x: 450, y: 200, width: 1000, height: 440 });
    const view = fitViewport(
      box ?? { x: 0, y: 0, width: 1, height: 1 },
      { width: 1080, height: 600 },
      { insets: uniformInsets(40), minZoom: 0.02, maxZoom: 4 },
    );
    expect(view.zoom).toBe(1);
    // The box's centre lands on the viewport's centre.
    expect(view.pan).toEqual({ x: 540 - 450, y: 300 - 200 });
  });

  it('fits into the part of the viewport the level names, legend and panels leave free', () => {
    const box = { x: 500, y: 250, width: 1000, height: 500 };
    // 120 px of names on the left, a 100 px legend at the bottom: 880 × 480 are free.
    const view = fitViewport(
      box,
      { width: 1000, height: 600 },
      { insets: { top: 10, right: 0, bottom: 110, left: 120 }, minZoom: 0.02, maxZoom: 4 },
    );
    expect(view.zoom).toBeCloseTo(0.88);
    // The box's left edge starts where the names end; its centre is the free part's centre.
    expect(view.pan.x + 0 * view.zoom).toBeCloseTo(120);
    expect(view.pan.y + 250 * view.zoom).toBeCloseTo(10 + 480 / 2);
  });

  it('clamps to the zoom limits and has no bounds for nothing', () => {
    expect(boundsOf([])).toBeNull();
    const tiny = fitViewport(
      { x: 0, y: 0, width: 1, height: 1 },
      { width: 800, height: 600 },
      { insets: uniformInsets(40), minZoom: 0.02, maxZoom: 4 },
    );
    expect(tiny.zoom).toBe(4);
    const huge = fitViewport(
      { x: 0, y: 0, width: 1e7, height: 1e7 },
      { width: 800, height: 600 },
      { insets: uniformInsets(40), minZoom: 0.02, maxZoom: 4 },
    );
    expect(huge.zoom).toBe(0.02);
  });
});
