import { describe, expect, it } from 'vitest';

import { type LayoutActor, type LayoutLevel, layeredLayout, LAYERED_DEFAULTS } from './layered-layout.ts';

const levels: LayoutLevel[] = [
  { key: 'politics', isSide: false, rank: 0 },
  { key: 'administration', isSide: false, rank: 1 },
  { key: 'principal', isSide: false, rank: 2 },
  { key: 'teacher', isSide: false, rank: 3 },
  { key: 'support', isSide: true, rank: null },
];
const actor = (id: string, levelKey: string, unitId: string | null = null): LayoutActor => ({
  id,
  name: id,
  levelKey,
  unitId,
});

describe('layeredLayout', () => {
  it('puts chain levels in rank order from the top, each level on its own row', () => {
    const p = layeredLayout(
      levels,
      [
        actor('teachers', 'teacher'),
        actor('committee', 'politics'),
        actor('chief', 'administration'),
        actor('principal', 'principal'),
      ],
      [],
    );
    const ys = ['committee', 'chief', 'principal', 'teachers'].map((id) => p.get(id)?.y ?? NaN);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(new Set(ys).size).toBe(4);
  });

  it('orders levels by rank, not by list order', () => {
    const shuffled = [levels[3], levels[0], levels[2], levels[1], levels[4]] as LayoutLevel[];
    const p = layeredLayout(shuffled, [actor('t', 'teacher'), actor('p', 'politics')], []);
    expect(p.get('p')?.y).toBeLessThan(p.get('t')?.y ?? 0);
  });

  it('places side actors in a lane to the right of every chain actor', () => {
    const actors = [
      actor('c', 'politics'),
      actor('a1', 'administration'),
      actor('a2', 'administration'),
      actor('uni', 'support'),
      actor('agency', 'support'),
    ];
    const p = layeredLayout(levels, actors, []);
    const chainRight = Math.max(...['c', 'a1', 'a2'].map((id) => p.get(id)?.x ?? 0));
    expect(p.get('uni')?.x).toBeGreaterThan(chainRight);
    expect(p.get('agency')?.x).toBe(p.get('uni')?.x);
  });

  it('gives each unit its own column range so unit boxes cannot overlap', () => {
    const units = [
      { id: 'north', name: 'North school', parentId: null },
      { id: 'south', name: 'South school', parentId: null },
    ];
    const actors = [
      actor('pn', 'principal', 'north'),
      actor('ps', 'principal', 'south'),
      ...['t1', 't2', 't3'].map((id) => actor(id, 'teacher', 'north')),
      actor('ts', 'teacher', 'south'),
    ];
    const p = layeredLayout(levels, actors, units);
    const xs = (ids: string[]) => ids.map((id) => p.get(id)?.x ?? NaN);
    const northRight = Math.max(...xs(['pn', 't1', 't2', 't3']));
    const southLeft = Math.min(...xs(['ps', 'ts']));
    expect(southLeft - northRight).toBeGreaterThanOrEqual(LAYERED_DEFAULTS.columnWidth);
  });

  it('stacks teams of teachers under their school instead of spreading them sideways', () => {
    const units = [
      { id: 'school', name: 'School', parentId: null },
      { id: 'team-a', name: 'Team A', parentId: 'school' },
      { id: 'team-b', name: 'Team B', parentId: 'school' },
    ];
    const actors = [
      actor('p', 'principal', 'school'),
      actor('a1', 'teacher', 'team-a'),
      actor('a2', 'teacher', 'team-a'),
      actor('b1', 'teacher', 'team-b'),
    ];
    const p = layeredLayout(levels, actors, units);
    expect(p.get('b1')?.x).toBe(p.get('a1')?.x);
    expect(p.get('b1')?.y).toBeGreaterThan(p.get('a1')?.y ?? 0);
    expect(p.get('a2')?.y).toBe(p.get('a1')?.y);
    // The principal, alone on its level, is centred over the school rather than beside the teams.
    expect(p.get('p')?.x).toBeGreaterThan(p.get('a1')?.x ?? 0);
    expect(p.get('p')?.x).toBeLessThan(p.get('a2')?.x ?? 0);
  });

  it('wraps a crowded level into sub-rows and pushes the next level down', () => {
    const actors = [...Array.from({ length: 20 }, (_, i) => actor(`p${i}`, 'principal')), actor('t', 'teacher')];
    const p = layeredLayout(levels, actors, [], { wrapAt: 8 });
    const principalYs = new Set(Array.from({ length: 20 }, (_, i) => p.get(`p${i}`)?.y));
    expect(principalYs.size).toBe(3);
    expect(p.get('t')?.y).toBeGreaterThan(Math.max(...([...principalYs] as number[])));
  });

  it('wraps actors outside units at their own width when asked (hundreds of collapsed units)', () => {
    const actors = Array.from({ length: 40 }, (_, i) => actor(`s${i}`, 'principal'));
    const rows = (options = {}) =>
      new Set([...layeredLayout(levels, actors, [], options).values()].map((p) => p.y)).size;
    expect(rows()).toBe(7); // 40 actors, 6 a row
    expect(rows({ rootWrapAt: 20 })).toBe(2);
    // Blocks of units keep the ordinary wrap.
    const inUnit = actors.map((a) => ({ ...a, unitId: 'u' }));
    const units = [{ id: 'u', name: 'U', parentId: null }];
    const ys = new Set([...layeredLayout(levels, inUnit, units, { rootWrapAt: 20 }).values()].map((p) => p.y));
    expect(ys.size).toBe(7);
  });

  it('places every actor exactly once, even with unknown levels, units and unit cycles', () => {
    const units = [
      { id: 'a', name: 'A', parentId: 'b' },
      { id: 'b', name: 'B', parentId: 'a' },
    ];
    const actors = [actor('x', 'teacher', 'a'), actor('y', 'pupils', null), actor('z', 'teacher', 'missing')];
    const p = layeredLayout(levels, actors, units);
    expect([...p.keys()].sort()).toEqual(['x', 'y', 'z']);
    for (const point of p.values()) expect(Number.isFinite(point.x) && Number.isFinite(point.y)).toBe(true);
  });

  it('is fast enough for 20,000 actors', () => {
    const units = Array.from({ length: 400 }, (_, i) => ({ id: `u${i}`, name: `U${i}`, parentId: null }));
    const keys = ['politics', 'administration', 'principal', 'teacher', 'support'];
    const actors = Array.from({ length: 20_000 }, (_, i) =>
      actor(`a${i}`, keys[i % 5] as string, i % 5 >= 2 ? `u${i % 400}` : null),
    );
    const start = performance.now();
    expect(layeredLayout(levels, actors, units).size).toBe(20_000);
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
