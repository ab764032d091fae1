import { describe, expect, it } from 'vitest';

import type { CanvasMap } from '../../canvas/model.ts';
import { getEmptyViewState } from '../../state/view-store.ts';
import { bestPath } from './best-path.ts';
import { type EmphasisInput, toClassSets } from './to-class-sets.ts';

// committee → chief → principal → teachers, plus a support actor and a decoupled skip link.
const map: CanvasMap = {
  levels: [
    { key: 'politics', name: 'P', isSide: false, rank: 0 },
    { key: 'administration', name: 'A', isSide: false, rank: 1 },
    { key: 'principal', name: 'R', isSide: false, rank: 2 },
    { key: 'teacher', name: 'L', isSide: false, rank: 3 },
    { key: 'support', name: 'S', isSide: true, rank: null },
  ],
  units: [{ id: 'school', name: 'Ekskolan', parentId: null }],
  actors: [
    { id: 'committee', name: 'Nämnd', levelKey: 'politics', unitId: null },
    { id: 'chief', name: 'Skolchef', levelKey: 'administration', unitId: null },
    { id: 'principal', name: 'Rektor Ekskolan', levelKey: 'principal', unitId: 'school' },
    { id: 'teachers', name: 'Lärarlag', levelKey: 'teacher', unitId: 'school' },
    { id: 'uni', name: 'Lärosäte', levelKey: 'support', unitId: null },
  ],
  links: [
    {
      id: 'l1',
      sourceId: 'committee',
      targetId: 'chief',
      kind: 'STEERING',
      coupling: 'TIGHT',
      targetResponds: null,
      sourceResponds: null,
    },
    {
      id: 'l2',
      sourceId: 'chief',
      targetId: 'principal',
      kind: 'FOLLOW_UP',
      coupling: 'LOOSE',
      targetResponds: null,
      sourceResponds: null,
    },
    {
      id: 'l3',
      sourceId: 'principal',
      targetId: 'teachers',
      kind: 'DIALOGUE',
      coupling: 'LOOSE',
      targetResponds: null,
      sourceResponds: null,
    },
    {
      id: 'skip',
      sourceId: 'chief',
      targetId: 'teachers',
      kind: 'STEERING',
      coupling: 'DECOUPLED',
      targetResponds: null,
      sourceResponds: null,
    },
    {
      id: 'l4',
      sourceId: 'uni',
      targetId: 'principal',
      kind: 'SUPPORT',
      coupling: 'LOOSE',
      targetResponds: null,
      sourceResponds: null,
    },
  ],
};
const input = (patch: Partial<EmphasisInput> = {}): EmphasisInput => {
  const v = getEmptyViewState();
  return { filters: v.filters, search: '', focusActorId: null, pathEnds: null, emphasis: null, ...patch };
};

describe('toClassSets', () => {
  it('hides, dims and marks nothing by default', () => {
    const s = toClassSets(map, input());
    expect([s.hidden.size, s.dimmed.size, s.highlighted.size, s.path.size, s.match.size]).toEqual([0, 0, 0, 0, 0]);
  });

  it('filters to one level, hiding the other actors, their links and empty unit boxes', () => {
    const s = toClassSets(map, input({ filters: { ...getEmptyViewState().filters, levelKeys: ['administration'] } }));
    expect([...s.hidden].sort()).toEqual(
      ['committee', 'l1', 'l2', 'l3', 'l4', 'principal', 'skip', 'teachers', 'uni', 'unit:school'].sort(),
    );
  });

  it('filters links by coupling and kind without hiding actors', () => {
    const s = toClassSets(map, input({ filters: { ...getEmptyViewState().filters, couplings: ['DECOUPLED'] } }));
    expect([...s.hidden].sort()).toEqual(['l1', 'l2', 'l3', 'l4']);
  });

  it('marks links whose perceptions disagree, and shows only them under that filter', () => {
    const disagreeingLinkIds = new Set(['l2', 'skip']);
    expect([...toClassSets(map, input({ disagreeingLinkIds })).marked].sort()).toEqual(['l2', 'skip']);
    const only = toClassSets(
      map,
      input({ disagreeingLinkIds, filters: { ...getEmptyViewState().filters, isDisagreeingOnly: true } }),
    );
    expect([...only.hidden].sort()).toEqual(['l1', 'l3', 'l4']);
    // A marked link hidden by another filter is not marked.
    const both = toClassSets(
      map,
      input({ disagreeingLinkIds, filters: { ...getEmptyViewState().filters, couplings: ['LOOSE'] } }),
    );
    expect([...both.marked]).toEqual(['l2']);
  });

  it('focuses on an actor’s neighbourhood and dims the rest', () => {
    const s = toClassSets(map, input({ focusActorId: 'committee' }));
    expect([...s.highlighted].sort()).toEqual(['chief', 'committee', 'l1']);
    expect(s.dimmed.has('teachers')).toBe(true);
    expect(s.dimmed.has('chief')).toBe(false);
  });

  it('highlights a finding’s emphasis', () => {
    const s = toClassSets(map, input({ emphasis: { actorIds: ['chief', 'teachers'], linkIds: ['skip'] } }));
    expect([...s.highlighted].sort()).toEqual(['chief', 'skip', 'teachers']);
    expect(s.dimmed.has('l2')).toBe(true);
  });

  it('marks the best path, preferring responsive links over the decoupled shortcut', () => {
    const s = toClassSets(map, input({ pathEnds: ['committee', 'teachers'] }));
    expect([...s.path].sort()).toEqual(['chief', 'committee', 'l1', 'l2', 'l3', 'principal', 'teachers'].sort());
  });

  it('matches search on name and extra text, case-insensitively', () => {
    const s = toClassSets(map, input({ search: 'REKTOR', searchText: new Map([['uni', 'Lärosäte forskare']]) }));
    expect([...s.match]).toEqual(['principal']);
    expect([
      ...toClassSets(map, input({ search: 'forsk', searchText: new Map([['uni', 'Lärosäte forskare']]) })).match,
    ]).toEqual(['uni']);
  });
});

describe('bestPath', () => {
  it('returns null for unconnected actors and the trivial path for one actor', () => {
    expect(bestPath(map.links, 'committee', 'nobody')).toBeNull();
    expect(bestPath(map.links, 'chief', 'chief')).toEqual({ actorIds: ['chief'], linkIds: [] });
  });
  it('uses a decoupled link when it is the only connection', () => {
    const only = map.links.filter((l) => l.id !== 'l3');
    expect(bestPath(only, 'principal', 'teachers')?.linkIds).toEqual(['l2', 'skip']);
  });
});
