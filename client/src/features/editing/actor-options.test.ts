import { describe, expect, it } from 'vitest';

import { rankActorOptions, type RankOptions } from './actor-options.ts';

const actors = [
  { id: 'a', name: 'Örjan', levelKey: 'teacher', unitId: 'east', role: 'Lärare' },
  { id: 'b', name: 'Anna', levelKey: 'principal', unitId: 'west', role: 'Rektor' },
  { id: 'c', name: 'Bertil', levelKey: 'teacher', unitId: 'west', role: null },
  { id: 'd', name: 'Cecilia', levelKey: 'administration', unitId: null, role: 'Skolchef' },
  { id: 'e', name: 'Doris', levelKey: 'teacher', unitId: 'west', role: 'Förstelärare' },
];
const base: RankOptions = {
  recentIds: [],
  nearUnitId: null,
  excludeId: null,
  levelName: (key) => ({ teacher: 'Lärare', principal: 'Rektor', administration: 'Förvaltning' })[key] ?? key,
  unitName: (id) => ({ east: 'Östskolan', west: 'Västskolan' })[id],
  locale: 'sv',
};

describe('rankActorOptions', () => {
  it('sorts by name in the language given (Ö after Z in Swedish)', () => {
    expect(rankActorOptions(actors, base).map((o) => o.label)).toEqual(['Anna', 'Bertil', 'Cecilia', 'Doris', 'Örjan']);
  });
  it('puts recent actors first, newest first, then the other end’s unit, then the rest', () => {
    const ranked = rankActorOptions(actors, { ...base, recentIds: ['d', 'a'], nearUnitId: 'west', excludeId: 'b' });
    expect(ranked.map((o) => o.value)).toEqual(['d', 'a', 'c', 'e']);
  });
  it('hints role, level and unit, leaving out what is missing', () => {
    const hints = Object.fromEntries(rankActorOptions(actors, base).map((o) => [o.value, o.hint]));
    expect(hints).toEqual({
      a: 'Lärare · Lärare · Östskolan',
      b: 'Rektor · Rektor · Västskolan',
      c: 'Lärare · Västskolan',
      d: 'Skolchef · Förvaltning',
      e: 'Förstelärare · Lärare · Västskolan',
    });
  });
});
