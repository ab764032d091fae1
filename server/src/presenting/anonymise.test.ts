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
  it('in anonymised mode replaces person and map names as whole words, longest first, in any case and inflection', () => {
    const replace = nameReplacer(ACTORS, anonymousLabels(ACTORS, LEVELS));
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
    for (const [labels, rektor, lag] of [
      [anonymousLabels(actors, LEVELS), 'Rektor', 'Lärare'],
      [null, 'Rektor Norrskolan', 'Arbetslag'],
    ] as const) {
      const replace = nameReplacer(actors, labels);
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
    expect(nameReplacer(actors, null)('Anna och Anna Lind')).toBe('[…] och Rektor Söderskolan');
  });
});
