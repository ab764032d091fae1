import { describe, expect, it } from 'vitest';

import { toLinkTallies } from './to-link-tallies.ts';

type Links = Parameters<typeof toLinkTallies>[0];
const split = (tight: number, loose: number, decoupled: number, unknown = 0) => ({ tight, loose, decoupled, unknown });
const names: Record<string, string> = { principal: 'Rektor', teacher: 'Lärare' };
const levelName = (key: string | null) => (key === null ? 'övriga' : names[key]!);

describe('toLinkTallies', () => {
  it('draws an unanswered link as 0, without marks or levels', () => {
    const links: Links = [
      { linkId: 'l1', answered: 0, coupling: split(0, 0, 0), viewsPart: [], differsFromRecorded: [], groups: [] },
    ];
    expect(toLinkTallies(links, levelName).get('l1')).toEqual({ label: '0', isViewsPart: false, isDiffering: false });
  });

  it('puts the marks before the count and the split, and answers without a coupling after it', () => {
    const links: Links = [
      {
        linkId: 'l1',
        answered: 5,
        coupling: split(2, 1, 1, 1),
        viewsPart: ['COUPLING'],
        differsFromRecorded: ['TARGET_RESPONDS'],
        // All five merged: one group without a level, so no second line (it would repeat the first).
        groups: [{ levelKey: null, coupling: split(2, 1, 1, 1) }],
      },
    ];
    expect(toLinkTallies(links, levelName).get('l1')).toEqual({
      label: '≠ ◇ 5 · 2/1/1 +1?',
      isViewsPart: true,
      isDiffering: true,
    });
  });

  it('adds the split by level for the groups the server shows apart, the rest as merged', () => {
    const links: Links = [
      {
        linkId: 'l2',
        answered: 4,
        coupling: split(3, 0, 1),
        viewsPart: [],
        differsFromRecorded: ['COUPLING'],
        groups: [
          { levelKey: 'principal', coupling: split(3, 0, 0) },
          { levelKey: null, coupling: split(0, 0, 1) },
        ],
      },
    ];
    expect(toLinkTallies(links, levelName).get('l2')).toEqual({
      label: '◇ 4 · 3/0/1\nRektor 3/0/0 · övriga 0/0/1',
      isViewsPart: false,
      isDiffering: true,
    });
  });
});
