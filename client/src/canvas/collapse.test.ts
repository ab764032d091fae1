import { describe, expect, it } from 'vitest';

import { emptyClassSets } from './class-sets.ts';
import { collapseClassSets, collapseUnits, isCollapsing } from './collapse.ts';
import type { CanvasLink, CanvasMap } from './model.ts';

const link = (id: string, sourceId: string, targetId: string): CanvasLink => ({
  id,
  sourceId,
  targetId,
  kind: 'STEERING',
  coupling: 'TIGHT',
  targetResponds: null,
  sourceResponds: null,
});

// A chief over two schools; North has a team inside it; a university beside the chain.
const map: CanvasMap = {
  levels: [
    { key: 'administration', name: 'A', isSide: false, rank: 1 },
    { key: 'principal', name: 'P', isSide: false, rank: 2 },
    { key: 'teacher', name: 'T', isSide: false, rank: 3 },
    { key: 'support', name: 'S', isSide: true, rank: null },
  ],
  units: [
    { id: 'north', name: 'Norrskolan', parentId: null },
    { id: 'north-team', name: 'Lag 1', parentId: 'north' },
    { id: 'south', name: 'Söderskolan', parentId: null },
    { id: 'empty', name: 'Ny skola', parentId: null },
  ],
  actors: [
    { id: 'chief', name: 'Skolchef', levelKey: 'administration', unitId: null },
    { id: 'pn', name: 'Rektor N', levelKey: 'principal', unitId: 'north' },
    { id: 'tn', name: 'Lärare N', levelKey: 'teacher', unitId: 'north-team' },
    { id: 'ps', name: 'Rektor S', levelKey: 'principal', unitId: 'south' },
    { id: 'ts', name: 'Lärare S', levelKey: 'teacher', unitId: 'south' },
    { id: 'uni', name: 'Lärosäte', levelKey: 'support', unitId: null },
  ],
  links: [
    link('l-chief-pn', 'chief', 'pn'),
    link('l-chief-ps', 'chief', 'ps'),
    link('l-pn-tn', 'pn', 'tn'),
    link('l-ps-ts', 'ps', 'ts'),
    link('l-tn-ts', 'tn', 'ts'),
    link('l-ts-pn', 'ts', 'pn'),
    link('l-uni-chief', 'uni', 'chief'),
  ],
};

describe('collapseUnits', () => {
  const c = collapseUnits(map, new Set());

  it('draws each top-level unit with actors as one node on its highest chain level', () => {
    const north = c.map.actors.find((a) => a.id === 'agg:north');
    expect(north).toMatchObject({
      name: 'Norrskolan (2)',
      levelKey: 'principal',
      unitId: null,
      collapsed: { unitId: 'north', actorCount: 2 },
    });
    expect(c.map.actors.map((a) => a.id).sort()).toEqual(['agg:north', 'agg:south', 'chief', 'uni']);
    expect(c.collapsedUnitIds.sort()).toEqual(['north', 'south']);
    // The unit without actors stays a (small) unit box; collapsed units and their teams go.
    expect(c.map.units.map((u) => u.id)).toEqual(['empty']);
  });

  it('keeps links between drawn actors, hides links inside a unit and bundles the rest per pair', () => {
    const ids = c.map.links.map((l) => l.id).sort();
    expect(ids).toEqual(['agg:agg:north|agg:south', 'agg:agg:north|chief', 'agg:agg:south|chief', 'l-uni-chief']);
    const between = c.map.links.find((l) => l.id === 'agg:agg:north|agg:south');
    expect(between?.bundled).toEqual({ linkCount: 2 });
    expect(c.members.get('agg:agg:north|agg:south')?.sort()).toEqual(['l-tn-ts', 'l-ts-pn']);
    expect(c.alias.get('l-pn-tn')).toBe('agg:north');
  });

  it('maps actors, links and unit boxes of collapsed units to what stands for them', () => {
    expect(c.alias.get('tn')).toBe('agg:north');
    expect(c.alias.get('unit:north-team')).toBe('agg:north');
    expect(c.alias.has('chief')).toBe(false);
  });

  it('draws an opened unit in full', () => {
    const open = collapseUnits(map, new Set(['north']));
    expect(open.map.actors.map((a) => a.id).sort()).toEqual(['agg:south', 'chief', 'pn', 'tn', 'uni']);
    expect(open.map.units.map((u) => u.id).sort()).toEqual(['empty', 'north', 'north-team']);
    expect(open.map.links.map((l) => l.id)).toContain('l-pn-tn');
    // North's teacher to South: a bundle of one, from the drawn teacher to South's node.
    expect(open.map.links.find((l) => l.id === 'agg:agg:south|tn')?.bundled).toEqual({ linkCount: 1 });
  });
});

describe('collapseClassSets', () => {
  const c = collapseUnits(map, new Set());

  it('highlights a collapsed unit when any member is, dims or hides it only when all are', () => {
    const sets = collapseClassSets(
      {
        ...emptyClassSets(),
        highlighted: new Set(['tn', 'l-pn-tn']),
        dimmed: new Set(['pn', 'ps', 'ts', 'uni']),
        hidden: new Set(['unit:north-team', 'l-tn-ts', 'l-ts-pn']),
      },
      c,
    );
    expect([...sets.highlighted]).toEqual(['agg:north']);
    expect([...sets.dimmed].sort()).toEqual(['agg:south', 'uni']);
    expect([...sets.hidden]).toEqual(['agg:agg:north|agg:south']);
  });
});

describe('isCollapsing', () => {
  it('draws a 20,000-element map in full unless asked, offers collapsing above 5,000, collapses beyond 25,000', () => {
    expect(isCollapsing(20_000, null)).toBe(false);
    expect(isCollapsing(20_000, true)).toBe(true);
    expect(isCollapsing(5_000, true)).toBe(false); // too small to offer it
    expect(isCollapsing(25_001, null)).toBe(true);
    expect(isCollapsing(25_001, false)).toBe(false);
  });
});
