import { describe, expect, it } from 'vitest';

import type { Actor } from '../domain/records.ts';
import { testActor } from '../domain/test-records.ts';
import { anonymousLabels, nameReplacer } from './anonymise.ts';

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
  it('in anonymised mode replaces person and map names as whole words, longest first', () => {
    const replace = nameReplacer(ACTORS, anonymousLabels(ACTORS, LEVELS));
    expect(replace('Anna Berg och Rektor Norrskolan möter Rektor Söderskolans lag.')).toBe(
      'Rektor, F–6 2 och Rektor, F–6 2 möter Rektor Söderskolans lag.',
    );
    // "Arbetslag" is shared by two actors: it names a role and stays; "Lärare i sva" is one actor.
    expect(replace('Arbetslag och Lärare i sva')).toBe('Arbetslag och Lärare 3');
  });

  it('without anonymising still withholds person names, shown as the actor’s map name', () => {
    const replace = nameReplacer(ACTORS, null);
    expect(replace('Anna Berg leder Rektor Norrskolan.')).toBe('Rektor Norrskolan leder Rektor Norrskolan.');
    expect(replace('Annas bok')).toBe('Annas bok');
  });
});
