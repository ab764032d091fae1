import { describe, expect, it } from 'vitest';

import { actorsReachedBy, initiativesReachingActor, initiativesReachingUnit } from './reach.ts';

// A school with one team; a second school; an actor in each place and one outside any unit.
const units = [
  { id: 'school', parentId: null },
  { id: 'team', parentId: 'school' },
  { id: 'other', parentId: null },
];
const actors = [
  { id: 'principal', unitId: 'school' },
  { id: 'teachers', unitId: 'team' },
  { id: 'otherPrincipal', unitId: 'other' },
  { id: 'chief', unitId: null },
];
const initiatives = [
  { id: 'forSchool', targetActorIds: [], targetUnitIds: ['school'] },
  { id: 'forTeachers', targetActorIds: ['teachers'], targetUnitIds: [] },
  { id: 'forChief', targetActorIds: ['chief'], targetUnitIds: [] },
  { id: 'forTeam', targetActorIds: [], targetUnitIds: ['team'] },
];
const ids = (list: { id: string }[]) => list.map((i) => i.id);

describe('initiatives reaching actors and units', () => {
  it('reach an actor aimed at it, or at its unit or a unit above', () => {
    expect(ids(initiativesReachingActor(actors[1]!, initiatives, units))).toEqual([
      'forSchool',
      'forTeachers',
      'forTeam',
    ]);
    expect(ids(initiativesReachingActor(actors[0]!, initiatives, units))).toEqual(['forSchool']);
    expect(ids(initiativesReachingActor(actors[3]!, initiatives, units))).toEqual(['forChief']);
  });
  it('reach a unit aimed at it, a unit above or below it, or an actor inside it', () => {
    expect(ids(initiativesReachingUnit('school', initiatives, units, actors))).toEqual([
      'forSchool',
      'forTeachers',
      'forTeam',
    ]);
    expect(ids(initiativesReachingUnit('team', initiatives, units, actors))).toEqual([
      'forSchool',
      'forTeachers',
      'forTeam',
    ]);
    expect(ids(initiativesReachingUnit('other', initiatives, units, actors))).toEqual([]);
  });
  it('lists everyone an initiative reaches', () => {
    expect(actorsReachedBy(initiatives[0]!, units, actors).sort()).toEqual(['principal', 'teachers']);
    expect(
      actorsReachedBy({ id: 'x', targetActorIds: ['chief'], targetUnitIds: ['team'] }, units, actors).sort(),
    ).toEqual(['chief', 'teachers']);
  });
});
