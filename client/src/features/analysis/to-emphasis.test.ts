import { describe, expect, it } from 'vitest';

import { toEmphasis } from './to-emphasis.ts';

const map = {
  actors: [
    { id: 'committee', unitId: null },
    { id: 'chief', unitId: null },
    { id: 'principal', unitId: 'school' },
    { id: 'teachers', unitId: 'school' },
  ],
  links: [
    { id: 'l1', sourceId: 'committee', targetId: 'chief' },
    { id: 'l2', sourceId: 'chief', targetId: 'principal' },
  ],
};

describe('toEmphasis', () => {
  it('adds both ends of a finding’s links to its actors', () => {
    expect(toEmphasis({ id: 'f', actorIds: [], linkIds: ['l2'], unitIds: [] }, map)).toEqual({
      actorIds: ['chief', 'principal'],
      linkIds: ['l2'],
    });
  });
  it('expands units to their actors and drops ids not on the map', () => {
    const e = toEmphasis({ id: 'f', actorIds: ['gone'], linkIds: ['l9'], unitIds: ['school'] }, map);
    expect(e).toEqual({ actorIds: ['principal', 'teachers'], linkIds: [] });
  });
});
