import { describe, expect, it } from 'vitest';

import {
  type LayoutActor,
  type LayoutLevel,
  type LayoutLink,
  type LayoutUnit,
  layeredLayout,
  LAYERED_DEFAULTS,
  type Point,
} from './layered-layout.ts';

const levels: LayoutLevel[] = [
  { key: 'politics', isSide: false, rank: 0 },
  { key: 'administration', isSide: false, rank: 1 },
  { key: 'principal', isSide: false, rank: 2 },
  { key: 'teacher', isSide: false, rank: 3 },
  { key: 'support', isSide: true, rank: null },
];
const SIZE = { width: 100, height: 40 };
const actor = (id: string, levelKey: string, unitId: string | null = null): LayoutActor => ({
  id,
  name: id,
  levelKey,
  unitId,
  ...SIZE,
});
const unit = (id: string, parentId: string | null = null): LayoutUnit => ({ id, name: id, parentId, labelWidth: 60 });

/** True when two actors' rectangles overlap. */
function overlaps(a: Point, b: Point): boolean {
  return Math.abs(a.x - b.x) < SIZE.width && Math.abs(a.y - b.y) < SIZE.height;
}

/** Crossings of straight links between actor centres (the comparison script counts the same way). */
function crossings(p: ReadonlyMap<string, Point>, links: readonly LayoutLink[]): number {
  const segs = links.map((l) => [p.get(l.sourceId), p.get(l.targetId)] as [Point, Point]);
  const side = (a: Point, b: Point, c: Point) => Math.sign((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x));
  let n = 0;
  for (let i = 0; i < segs.length; i++) {
    for (let j = i + 1; j < segs.length; j++) {
      const [a, b] = segs[i] as [Point, Point];
      const [c, d] = segs[j] as [Point, Point];
      if (side(a, b, c) * side(a, b, d) < 0 && side(c, d, a) * side(c, d, b) < 0) n++;
    }
  }
  return n;
}

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

  it('places side actors in a lane under the chain, even those of a unit, each near its neighbours', () => {
    const actors = [
      actor('c', 'politics'),
      actor('a1', 'administration'),
      actor('pn', 'principal', 'north'),
      actor('ps', 'principal', 'south'),
      actor('tn', 'teacher', 'north'),
      actor('ts', 'teacher', 'south'),
      actor('uni', 'support'),
      actor('health', 'support', 'north'),
    ];
    const links = [
      { sourceId: 'health', targetId: 'pn' },
      { sourceId: 'uni', targetId: 'ps' },
    ];
    const p = layeredLayout(levels, actors, [unit('north'), unit('south')], links);
    const chainBottom = Math.max(
      ...['c', 'a1', 'pn', 'ps', 'tn', 'ts'].map((id) => (p.get(id)?.y ?? 0) + SIZE.height / 2),
    );
    for (const id of ['uni', 'health']) expect((p.get(id)?.y ?? 0) - SIZE.height / 2).toBeGreaterThan(chainBottom);
    // Each under the school it supports, not in the other school's columns.
    const isLeft = (a: string, b: string) => (p.get(a)?.x ?? 0) < (p.get(b)?.x ?? 0);
    expect(isLeft('health', 'uni')).toBe(isLeft('pn', 'ps'));
  });

  it('gives each unit its own column range, so unit boxes cannot overlap', () => {
    const actors = [
      actor('pn', 'principal', 'north'),
      actor('ps', 'principal', 'south'),
      ...['t1', 't2', 't3'].map((id) => actor(id, 'teacher', 'north')),
      actor('ts', 'teacher', 'south'),
    ];
    const p = layeredLayout(levels, actors, [unit('north'), unit('south')]);
    const xs = (ids: string[]) => ids.map((id) => p.get(id)?.x ?? NaN);
    const [northLeft, northRight] = [
      Math.min(...xs(['pn', 't1', 't2', 't3'])),
      Math.max(...xs(['pn', 't1', 't2', 't3'])),
    ];
    const [southLeft, southRight] = [Math.min(...xs(['ps', 'ts'])), Math.max(...xs(['ps', 'ts']))];
    // Two boxes (padding included) side by side: one lies wholly left of the other.
    const gap = SIZE.width + 2 * LAYERED_DEFAULTS.boxPadding;
    expect(southLeft - northRight >= gap || northLeft - southRight >= gap).toBe(true);
  });

  it('packs teams of teachers into their school instead of spreading them across the map', () => {
    const units = [unit('school'), unit('team-a', 'school'), unit('team-b', 'school'), unit('other')];
    const actors = [
      actor('p', 'principal', 'school'),
      actor('a1', 'teacher', 'team-a'),
      actor('a2', 'teacher', 'team-a'),
      actor('b1', 'teacher', 'team-b'),
      actor('q', 'principal', 'other'),
      actor('o1', 'teacher', 'other'),
    ];
    const p = layeredLayout(levels, actors, units);
    const school = ['p', 'a1', 'a2', 'b1'].map((id) => p.get(id)?.x ?? NaN);
    const other = ['q', 'o1'].map((id) => p.get(id)?.x ?? NaN);
    // The school's teams stay within the school's columns: no actor of the other unit between them.
    expect(Math.max(...school) < Math.min(...other) || Math.min(...school) > Math.max(...other)).toBe(true);
  });

  it('never puts two actors on top of each other', () => {
    const units = [unit('s1'), unit('s2'), unit('t1', 's1'), unit('t2', 's1')];
    const actors = [
      ...Array.from({ length: 7 }, (_, i) => actor(`pol${i}`, 'politics')),
      ...Array.from({ length: 9 }, (_, i) => actor(`adm${i}`, 'administration')),
      ...Array.from({ length: 3 }, (_, i) => actor(`p1-${i}`, 'principal', 's1')),
      ...Array.from({ length: 6 }, (_, i) => actor(`t1-${i}`, 'teacher', i % 2 ? 't1' : 't2')),
      ...Array.from({ length: 5 }, (_, i) => actor(`t2-${i}`, 'teacher', 's2')),
      ...Array.from({ length: 8 }, (_, i) => actor(`sup${i}`, 'support')),
    ];
    const p = layeredLayout(levels, actors, units);
    const points = actors.map((a) => p.get(a.id) as Point);
    for (let i = 0; i < points.length; i++) {
      for (let j = i + 1; j < points.length; j++) expect(overlaps(points[i] as Point, points[j] as Point)).toBe(false);
    }
  });

  it('orders schools by where their links come from, which removes the crossings of alphabetical order', () => {
    // Two area managers; the schools linked to the right-hand manager sort first by name.
    const units = ['a', 'b', 'c', 'd'].map((id) => unit(id));
    const actors = [
      actor('m1', 'administration'),
      actor('m2', 'administration'),
      ...['a', 'b', 'c', 'd'].flatMap((u) => [actor(`p-${u}`, 'principal', u), actor(`t-${u}`, 'teacher', u)]),
    ];
    const links = [
      { sourceId: 'm2', targetId: 'p-a' },
      { sourceId: 'm2', targetId: 'p-b' },
      { sourceId: 'm1', targetId: 'p-c' },
      { sourceId: 'm1', targetId: 'p-d' },
    ];
    // Alphabetical order (no links given) crosses: m1 is left of m2, its schools are right.
    const plain = layeredLayout(levels, actors, units);
    expect(crossings(plain, links)).toBeGreaterThan(0);
    expect(crossings(layeredLayout(levels, actors, units, links), links)).toBe(0);
  });

  it('shapes a crowded level to the screen: a wide screen gets fewer, wider rows', () => {
    const actors = [...Array.from({ length: 40 }, (_, i) => actor(`p${i}`, 'principal')), actor('t', 'teacher')];
    const rows = (aspect: number) =>
      new Set([...layeredLayout(levels, actors, [], [], { aspect }).values()].map((q) => q.y)).size;
    expect(rows(4)).toBeLessThan(rows(0.8));
    const p = layeredLayout(levels, actors, [], [], { aspect: 1 });
    const principalYs = actors.slice(0, 40).map((a) => p.get(a.id)?.y ?? 0);
    expect(p.get('t')?.y).toBeGreaterThan(Math.max(...principalYs));
  });

  it('wraps hundreds of schools into shelves on a national map instead of one endless row', () => {
    const units = Array.from({ length: 300 }, (_, i) => unit(`u${i}`));
    const actors = units.flatMap((u) => [actor(`p-${u.id}`, 'principal', u.id), actor(`t-${u.id}`, 'teacher', u.id)]);
    const p = layeredLayout(levels, actors, units, [], { aspect: 1.6 });
    const xs = [...p.values()].map((q) => q.x);
    const ys = [...p.values()].map((q) => q.y);
    const width = Math.max(...xs) - Math.min(...xs);
    const height = Math.max(...ys) - Math.min(...ys);
    expect(width / height).toBeLessThan(4);
    // Every school keeps its principal above its teachers.
    for (const u of units) expect(p.get(`p-${u.id}`)?.y).toBeLessThan(p.get(`t-${u.id}`)?.y ?? 0);
  });

  it('places every actor exactly once, even with unknown levels, units and unit cycles', () => {
    const units = [unit('a', 'b'), unit('b', 'a')];
    const actors = [actor('x', 'teacher', 'a'), actor('y', 'pupils', null), actor('z', 'teacher', 'missing')];
    const p = layeredLayout(levels, actors, units);
    expect([...p.keys()].sort()).toEqual(['x', 'y', 'z']);
    for (const point of p.values()) expect(Number.isFinite(point.x) && Number.isFinite(point.y)).toBe(true);
  });
});
