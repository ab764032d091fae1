import { describe, expect, it } from 'vitest';

import type { Actor, ScenarioGraph, Unit } from '../domain/records.ts';
import { testActor } from '../domain/test-records.ts';
import { anonymiseGraph, anonymity, anonymousLabels, nameReplacer } from './anonymise.ts';
import { unitStandIns } from './unit-stand-ins.ts';

const LEVELS = [
  { key: 'principal', name: 'Rektor', isSide: false },
  { key: 'teacher', name: 'Lärare', isSide: false },
];

const actor = (id: string, fields: Partial<Actor>) => testActor(id, { name: id, ...fields });

const ACTORS = [
  actor('b-rektor', { name: 'Rektor Norrskolan', personName: 'Anna Berg', levelKey: 'principal', role: 'Rektor, F–6' }),
  actor('a-rektor', { name: 'Rektor Söderskolan', levelKey: 'principal', role: 'Rektor, F–6' }),
  actor('c-lag', { name: 'Arbetslag', personName: 'Anna Berg' }),
  actor('d-lag', { name: 'Arbetslag' }),
  actor('e-ensam', { name: 'Lärare i sva', role: '  ' }),
];

describe('anonymous labels', () => {
  it('name actors by role, else level, numbered by id only when a label is shared', () => {
    expect(Object.fromEntries(anonymousLabels(ACTORS, LEVELS))).toEqual({
      'a-rektor': 'Rektor, F–6 1',
      'b-rektor': 'Rektor, F–6 2',
      'c-lag': 'Lärare 1',
      'd-lag': 'Lärare 2',
      'e-ensam': 'Lärare 3',
    });
  });
});

describe('name replacer', () => {
  it('in anonymised mode replaces person and map names as whole words, longest first, in any case and inflection', () => {
    const replace = nameReplacer(ACTORS, [], { labels: anonymousLabels(ACTORS, LEVELS), units: new Map() }, 'sv');
    expect(replace('Rektor Norrskolan möter rektor söderskolan och REKTOR SÖDERSKOLANS lag.')).toBe(
      'Rektor, F–6 2 möter Rektor, F–6 1 och Rektor, F–6 1:s lag.',
    );
    // "Arbetslag" is shared by two actors: it names a role and stays; "Lärare i sva" is one actor.
    expect(replace('Arbetslag och Lärare i sva')).toBe('Arbetslag och Lärare 3');
  });

  it('withholds a person’s name, whole or any part of two letters or more, and its genitive', () => {
    const actors = [
      actor('b-rektor', { name: 'Rektor Norrskolan', personName: 'Anna-Karin Berg Li', levelKey: 'principal' }),
      actor('d-lag', { name: 'Arbetslag', personName: 'Bo K' }),
    ];
    for (const [anonymous, rektor, lag] of [
      [{ labels: anonymousLabels(actors, LEVELS), units: new Map() }, 'Rektor', 'Lärare'],
      [null, 'Rektor Norrskolan', 'Arbetslag'],
    ] as const) {
      const replace = nameReplacer(actors, [], anonymous, 'sv');
      expect(replace('Anna-Karin Berg Li, anna-karin, BERGS, Karins och Li:s; Bo K och Bos')).toBe(
        `${rektor}, ${rektor}-${rektor}, ${rektor}s, ${rektor}s och ${rektor}s; ${lag} och ${lag}s`,
      );
      // A one-letter part ("K") is no name on its own.
      expect(replace('K')).toBe('K');
    }
  });

  it('replaces a name that belongs to several people by an omission mark', () => {
    const actors = [
      actor('a', { name: 'Rektor Norrskolan', personName: 'Anna Berg', levelKey: 'principal' }),
      actor('b', { name: 'Rektor Söderskolan', personName: 'Anna Lind', levelKey: 'principal' }),
    ];
    expect(nameReplacer(actors, [], null, 'sv')('Anna och Anna Lind')).toBe('[…] och Rektor Söderskolan');
  });
});

const testUnit = (id: string, fields: Pick<Unit, 'name' | 'kind'> & Partial<Unit>): Unit => ({
  id,
  parentId: null,
  place: null,
  organisationId: 'org',
  version: 1,
  ...fields,
});

describe('units in an anonymised presentation', () => {
  const units = [
    testUnit('u-norr', { name: 'Norrskolan', kind: 'SCHOOL', place: 'Norrby' }),
    testUnit('u-norr-f3', { name: 'Arbetslag F–3, Norrskolan', kind: 'TEAM', parentId: 'u-norr' }),
    testUnit('u-syd', { name: 'Söderskolan', kind: 'SCHOOL' }),
    testUnit('u-område', { name: 'Område Norr', kind: 'AREA' }),
  ];
  const actors = [
    // Norrskolan: one principal (identifying) beside two teachers.
    actor('n-rektor', {
      name: 'Rektor Norrskolan',
      role: 'Rektor på Norrskolan',
      levelKey: 'principal',
      unitId: 'u-norr',
    }),
    actor('n-l1', { name: 'Lärare A', levelKey: 'teacher', unitId: 'u-norr' }),
    actor('n-l2', { name: 'Lärare B', levelKey: 'teacher', unitId: 'u-norr' }),
    // Söderskolan: two principals and nobody else, so its name points at no one person.
    actor('s-r1', { name: 'Rektor 1', levelKey: 'principal', unitId: 'u-syd' }),
    actor('s-r2', { name: 'Rektor 2', levelKey: 'principal', unitId: 'u-syd' }),
  ];

  it('stand in for the units where some role has a single holder, numbered per kind', () => {
    expect(Object.fromEntries(unitStandIns(units, actors, LEVELS))).toEqual({
      'u-norr': { sv: 'Skola 1', en: 'School 1' },
    });
    const alone = [...actors, actor('f3', { name: 'Lag F–3', levelKey: 'teacher', unitId: 'u-norr-f3' })];
    expect(Object.fromEntries(unitStandIns(units, alone, LEVELS))).toEqual({
      'u-norr': { sv: 'Skola 1', en: 'School 1' },
      'u-norr-f3': { sv: 'Arbetslag 1', en: 'Team 1' },
    });
  });

  it('are replaced on the map, in labels and in texts, in the text’s language; or kept when asked', () => {
    const graph: ScenarioGraph = {
      organisation: { id: 'org', name: 'Org', kind: 'OTHER', description: null, levels: LEVELS, version: 1 },
      scenario: {
        id: 's',
        name: 'Nu',
        kind: 'CURRENT',
        observedAt: null,
        description: null,
        basedOnId: null,
        organisationId: 'org',
        version: 1,
      },
      units,
      actors,
      links: [],
      arenas: [],
      perceptions: [],
      initiatives: [],
    };
    const withheld = anonymity(actors, units, LEVELS, false);
    const map = anonymiseGraph(graph, withheld);
    expect(map.units.map((unit) => [unit.name, unit.place, unit.anonymisedName ?? null])).toEqual([
      ['Skola 1', null, { sv: 'Skola 1', en: 'School 1' }],
      ['Arbetslag F–3, Skola 1', null, null],
      ['Söderskolan', null, null],
      ['Område Norr', null, null],
    ]);
    // The principal's role named the school: the label does not.
    expect(map.actors.find((a) => a.id === 'n-rektor')!.name).toBe('Rektor på Skola 1');
    const text = 'Norrskolans rektor och Söderskolan';
    expect(nameReplacer(actors, units, withheld, 'sv')(text)).toBe('Skola 1:s rektor och Söderskolan');
    expect(nameReplacer(actors, units, withheld, 'en')(text)).toBe('School 1:s rektor och Söderskolan');

    const kept = anonymity(actors, units, LEVELS, true);
    expect(anonymiseGraph(graph, kept).units.map((unit) => unit.name)).toEqual(units.map((unit) => unit.name));
    expect(nameReplacer(actors, units, kept, 'sv')(text)).toBe(text);
    expect(nameReplacer(actors, units, null, 'sv')(text)).toBe(text);
  });
});
