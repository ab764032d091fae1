import { describe, expect, it } from 'vitest';

import { mapForStep, showInLanguage, toStepCamera, toStepClassSets } from './step-view.ts';
import type { ShowMap, Step } from './types.ts';

const map = {
  organisation: {
    id: 'o',
    name: 'Kommun',
    levels: [
      { key: 'politics', name: 'Politik', isSide: false, rank: 0 },
      { key: 'administration', name: 'Förvaltning', isSide: false, rank: 1 },
      { key: 'principal', name: 'Rektor', isSide: false, rank: 2 },
    ],
  },
  scenario: { id: 'now', name: 'Nuläge', kind: 'CURRENT' as const },
  units: [],
  actors: [
    { id: 'committee', name: 'Nämnden', levelKey: 'politics', unitId: null },
    { id: 'chief', name: 'Skolchefen', levelKey: 'administration', unitId: null },
    { id: 'principal', name: 'Rektorn', levelKey: 'principal', unitId: null },
  ],
  links: [
    {
      id: 'l1',
      sourceId: 'committee',
      targetId: 'chief',
      kind: 'STEERING' as const,
      coupling: 'TIGHT' as const,
      targetResponds: true,
      sourceResponds: true,
    },
    {
      id: 'l2',
      sourceId: 'chief',
      targetId: 'principal',
      kind: 'SUPPORT' as const,
      coupling: 'LOOSE' as const,
      targetResponds: true,
      sourceResponds: true,
    },
  ],
} satisfies ShowMap;
const canvasMap = { levels: map.organisation.levels, actors: map.actors, units: map.units, links: map.links };

const step = (patch: Partial<Step> = {}): Step => ({
  id: 's',
  title: 'T',
  caption: null,
  scenarioId: null,
  roundId: null,
  levelKeys: [],
  linkKinds: [],
  couplings: [],
  highlight: { actorIds: [], linkIds: [], pathFromId: null, pathToId: null, findingId: null, findingText: null },
  camera: { mode: 'FIT_ALL', zoom: null, panX: null, panY: null },
  ...patch,
});

describe('mapForStep', () => {
  it('picks the step’s scenario, else the current one listed first', () => {
    const desired = { ...map, scenario: { ...map.scenario, id: 'want' } };
    expect(mapForStep([map, desired], { scenarioId: 'want' })).toBe(desired);
    expect(mapForStep([map, desired], { scenarioId: null })).toBe(map);
    expect(mapForStep([map, desired], { scenarioId: 'deleted' })).toBe(map);
    expect(mapForStep([], { scenarioId: null })).toBeNull();
  });
});

describe('toStepClassSets', () => {
  it('hides what the filters leave out', () => {
    const sets = toStepClassSets(
      canvasMap,
      step({ levelKeys: ['politics', 'administration'], linkKinds: ['STEERING'] }),
    );
    expect([...sets.hidden].sort()).toEqual(['l2', 'principal']);
    expect(sets.dimmed.size).toBe(0);
  });
  it('highlights and dims the rest; a deleted actor is simply not highlighted', () => {
    const sets = toStepClassSets(
      canvasMap,
      step({ highlight: { ...step().highlight, actorIds: ['chief', 'gone'], linkIds: [] } }),
    );
    expect([...sets.highlighted]).toEqual(['chief']);
    expect([...sets.dimmed].sort()).toEqual(['committee', 'l1', 'l2', 'principal']);
    const onlyGone = toStepClassSets(canvasMap, step({ highlight: { ...step().highlight, actorIds: ['gone'] } }));
    expect(onlyGone.dimmed.size).toBe(0);
  });
  it('gives the best path its own look', () => {
    const sets = toStepClassSets(
      canvasMap,
      step({
        highlight: {
          ...step().highlight,
          actorIds: ['committee', 'chief', 'principal'],
          linkIds: ['l1', 'l2'],
          pathFromId: 'committee',
          pathToId: 'principal',
        },
      }),
    );
    expect([...sets.path].sort()).toEqual(['chief', 'committee', 'l1', 'l2', 'principal']);
    expect(sets.highlighted.size).toBe(0);
  });
});

describe('toStepCamera', () => {
  it('reads a saved viewport as zoom around a centre point, and falls back to the whole map without one', () => {
    expect(toStepCamera(step({ camera: { mode: 'VIEWPORT', zoom: 2, panX: 5, panY: 6 } }))).toEqual({
      mode: 'VIEWPORT',
      zoom: 2,
      centre: { x: 5, y: 6 },
    });
    expect(toStepCamera(step({ camera: { mode: 'VIEWPORT', zoom: null, panX: null, panY: null } }))).toEqual({
      mode: 'FIT_ALL',
    });
    expect(toStepCamera(step({ camera: { mode: 'FIT_HIGHLIGHT', zoom: 1, panX: 0, panY: 0 } }))).toEqual({
      mode: 'FIT_HIGHLIGHT',
    });
  });
});

describe('showInLanguage', () => {
  it('names a withheld unit by its stand-in in the reader’s language, and leaves the others', () => {
    const units = [
      { id: 'u1', name: 'Skola 1', parentId: null, anonymisedName: { sv: 'Skola 1', en: 'School 1' } },
      { id: 'u2', name: 'Kansliet', parentId: null, anonymisedName: null },
    ];
    const show = {
      presentation: {
        id: 'p',
        organisationId: 'o',
        name: 'P',
        description: null,
        anonymised: true,
        keepUnitNames: false,
        version: 1,
        steps: [],
      },
      maps: [{ ...map, units }],
      rounds: [],
      live: null,
      canPresent: false,
    };
    const names = (language: 'sv' | 'en') => showInLanguage(show, language).maps[0]!.units.map((u) => u.name);
    expect(names('en')).toEqual(['School 1', 'Kansliet']);
    expect(names('sv')).toEqual(['Skola 1', 'Kansliet']);
  });
});
