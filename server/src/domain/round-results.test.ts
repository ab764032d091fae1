import { describe, expect, it } from 'vitest';

import type { Link } from './records.ts';
import { groupsShownApart, type RespondentAnswer, roundResults } from './round-results.ts';

function link(id: string, fields: Partial<Link> = {}): Link {
  return {
    id,
    scenarioId: 's',
    sourceId: 'a-admin',
    targetId: 'a-principal',
    kind: 'STEERING',
    coupling: 'TIGHT',
    targetResponds: true,
    sourceResponds: false,
    distinctive: false,
    arenaId: null,
    cadence: null,
    evidence: [],
    notes: null,
    confidential: false,
    partnershipStage: null,
    organisationId: 'org',
    version: 1,
    ...fields,
  };
}

/** t/s/d: y = yes, n = no, ? = don't know. */
function answer(participantId: string, levelKey: string, tsd: string, linkId = 'l-1'): RespondentAnswer {
  const v = (c: string) => (c === 'y' ? true : c === 'n' ? false : null);
  return {
    participantId,
    linkId,
    levelKey,
    targetResponds: v(tsd[0]!),
    sourceResponds: v(tsd[1]!),
    distinctive: v(tsd[2]!),
    comment: null,
  };
}

describe('groupsShownApart (smallest-group rule)', () => {
  it('shows nothing apart when every group is under the threshold', () => {
    expect(
      groupsShownApart(
        new Map([
          ['principal', 2],
          ['teacher', 1],
        ]),
        3,
      ),
    ).toEqual([]);
  });

  it('shows groups at the threshold apart when the merged rest is empty or itself at the threshold', () => {
    expect(groupsShownApart(new Map([['principal', 3]]), 3)).toEqual(['principal']);
    // 4 + 3 shown; 2 + 1 = 3 merged, which is at the threshold: nothing can be subtracted out.
    expect(
      groupsShownApart(
        new Map([
          ['principal', 4],
          ['teacher', 3],
          ['politics', 2],
          ['support', 1],
        ]),
        3,
      ),
    ).toEqual(['principal', 'teacher']);
  });

  it('merges the smallest shown group too while the merged rest is under the threshold', () => {
    // politics (1) alone merged could be read as total minus the others; teacher (3) joins it: 4.
    expect(
      groupsShownApart(
        new Map([
          ['principal', 5],
          ['teacher', 3],
          ['politics', 1],
        ]),
        3,
      ),
    ).toEqual(['principal']);
    // Two principals and one administrator, threshold 2: the administrator cannot be shown, so neither can the principals.
    expect(
      groupsShownApart(
        new Map([
          ['principal', 2],
          ['administration', 1],
        ]),
        2,
      ),
    ).toEqual([]);
  });
});

describe('roundResults', () => {
  it('counts each link’s answers, splits them and derives the coupling of each (Orton & Weick)', () => {
    const answers = [
      answer('p1', 'principal', 'yyn'), // responsive, not distinctive: TIGHT
      answer('p2', 'principal', 'yny'), // responsive, distinctive: LOOSE
      answer('p3', 'principal', 'nny'), // not responsive, distinctive: DECOUPLED
      answer('p4', 'administration', 'y?n'), // don't know one: no coupling
    ];
    const [result] = roundResults([link('l-1'), link('l-2')], answers, 3);
    expect(result).toMatchObject({
      linkId: 'l-1',
      answered: 4,
      targetResponds: { yes: 3, no: 1, unknown: 0 },
      sourceResponds: { yes: 1, no: 2, unknown: 1 },
      distinctive: { yes: 2, no: 2, unknown: 0 },
      coupling: { TIGHT: 1, LOOSE: 1, DECOUPLED: 1, unknown: 1 },
      viewsPart: ['COUPLING', 'TARGET_RESPONDS', 'SOURCE_RESPONDS'],
    });
    // principal 3 shown; administration 1 merged alone is under 3, so principal is merged too.
    expect(result!.groups.map((g) => [g.levelKey, g.answered])).toEqual([[null, 4]]);
    const second = roundResults([link('l-1'), link('l-2')], answers, 3)[1]!;
    expect(second).toMatchObject({ linkId: 'l-2', answered: 0, viewsPart: [], differsFromRecorded: [], groups: [] });
  });

  it('shows a level apart once it reaches the threshold and keeps a smaller one merged', () => {
    const answers = [
      answer('p1', 'principal', 'nny'),
      answer('p2', 'principal', 'nny'),
      answer('a1', 'administration', 'yyn'),
      answer('a2', 'administration', 'yyn'),
      answer('t1', 'teacher', 'yny'),
      answer('t2', 'teacher', 'yny'),
      answer('x1', 'politics', 'yyn'),
    ];
    const [result] = roundResults([link('l-1')], answers, 2);
    // 2, 2, 2 shown; politics 1 merged is under 2, so the smallest shown (ties: last by key, teacher) joins it.
    expect(result!.groups.map((g) => [g.levelKey, g.answered, g.coupling])).toEqual([
      ['administration', 2, { TIGHT: 2, LOOSE: 0, DECOUPLED: 0, unknown: 0 }],
      ['principal', 2, { TIGHT: 0, LOOSE: 0, DECOUPLED: 2, unknown: 0 }],
      [null, 3, { TIGHT: 1, LOOSE: 2, DECOUPLED: 0, unknown: 0 }],
    ]);
  });

  it('marks where most answers differ from what the link records, and not a split without a majority', () => {
    // Recorded: TIGHT, target responds, source does not, not distinctive.
    const mostlyLoose = [
      answer('p1', 'principal', 'yny'),
      answer('p2', 'principal', 'yny'),
      answer('p3', 'principal', 'yyn'),
    ];
    expect(roundResults([link('l-1')], mostlyLoose, 3)[0]!.differsFromRecorded).toEqual(['COUPLING', 'DISTINCTIVE']);
    const even = [answer('p1', 'principal', 'yny'), answer('p2', 'principal', 'yyn')];
    expect(roundResults([link('l-1')], even, 3)[0]!.differsFromRecorded).toEqual([]);
    const agreeing = [answer('p1', 'principal', 'ynn'), answer('p2', 'principal', 'ynn')];
    const result = roundResults([link('l-1')], agreeing, 3)[0]!;
    expect(result.differsFromRecorded).toEqual([]);
    expect(result.viewsPart).toEqual([]);
  });

  it('never compares an unasked or unknown aspect: answers without distinctiveness give no coupling', () => {
    const answers = [answer('p1', 'principal', 'nn?'), answer('p2', 'principal', 'nn?')];
    const result = roundResults([link('l-1')], answers, 3)[0]!;
    expect(result.coupling.unknown).toBe(2);
    expect(result.differsFromRecorded).toEqual(['TARGET_RESPONDS']);
  });
});
