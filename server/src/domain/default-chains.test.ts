import { describe, expect, it } from 'vitest';

import { defaultLevels } from './default-chains.ts';
import { DEFAULT_LEVELS } from './records.ts';
import { checkLevels } from './rules.ts';

describe('defaultLevels', () => {
  it('gives an independent group its board, CEO and regional managers above the schools', () => {
    expect(defaultLevels('INDEPENDENT', 'en')).toEqual([
      { key: 'board', name: 'Board', isSide: false },
      { key: 'ceo', name: 'CEO', isSide: false },
      { key: 'region', name: 'Regional manager', isSide: false },
      { key: 'principal', name: 'Principal', isSide: false },
      { key: 'teacher', name: 'Teacher', isSide: false },
      { key: 'support', name: 'Support', isSide: true },
    ]);
  });
  it('names the municipal chain in Swedish by default, the chain used when none is given', () => {
    const chain = [
      { key: 'politics', name: 'Politik', isSide: false },
      { key: 'administration', name: 'Förvaltning', isSide: false },
      { key: 'principal', name: 'Rektor', isSide: false },
      { key: 'teacher', name: 'Lärare', isSide: false },
      { key: 'support', name: 'Stöd', isSide: true },
    ];
    expect(defaultLevels('MUNICIPAL')).toEqual(chain);
    expect(DEFAULT_LEVELS).toEqual(chain);
  });
  it('passes the level rules for every kind and language', () => {
    for (const kind of ['MUNICIPAL', 'INDEPENDENT', 'OTHER'] as const) {
      for (const language of ['sv', 'en'] as const) {
        const levels = defaultLevels(kind, language);
        expect(checkLevels({ id: 'o', name: 'O', kind, description: null, levels, version: 1 }, new Set())).toEqual([]);
      }
    }
  });
});
