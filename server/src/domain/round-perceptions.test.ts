import { describe, expect, it } from 'vitest';

import { type ClosingAnswer, respondentLabels, roundPerceptions } from './round-perceptions.ts';

const LEVELS = [
  { key: 'administration', name: 'Förvaltning', isSide: false },
  { key: 'principal', name: 'Rektor', isSide: false },
  { key: 'teacher', name: 'Lärare', isSide: false },
];

function answer(
  participantId: string,
  levelKey: string,
  role: string | null,
  fields: Partial<ClosingAnswer> = {},
): ClosingAnswer {
  return {
    participantId,
    linkId: 'l-1',
    levelKey,
    role,
    targetResponds: true,
    sourceResponds: true,
    distinctive: false,
    comment: null,
    isCommentReleased: false,
    ...fields,
  };
}

describe('respondentLabels', () => {
  it('names a level shown apart, a role only when its group is large enough, and the rest as merged', () => {
    const answers = [
      answer('p1', 'principal', 'biträdande rektor'),
      answer('p2', 'principal', 'biträdande rektor'),
      answer('p3', 'principal', null),
      answer('p4', 'principal', null),
      answer('t1', 'teacher', 'förstelärare'),
      answer('t2', 'teacher', null),
      answer('a1', 'administration', 'skolchef'),
      // The same participant on another link counts once.
      answer('p1', 'principal', 'biträdande rektor', { linkId: 'l-2' }),
    ];
    const labels = respondentLabels(answers, LEVELS, 2, 'sv');
    // Levels: principal 4, teacher 2, administration 1 → merged 1 < 2, so teacher (smallest shown) merges too.
    // Roles within principal: biträdande rektor 2, no role 2 → both shown apart.
    expect(Object.fromEntries(labels)).toEqual({
      p1: 'biträdande rektor (Rektor)',
      p2: 'biträdande rektor (Rektor)',
      p3: 'Rektor',
      p4: 'Rektor',
      t1: 'Sammanslagna nivåer (för få för att visas var för sig)',
      t2: 'Sammanslagna nivåer (för få för att visas var för sig)',
      a1: 'Sammanslagna nivåer (för få för att visas var för sig)',
    });
  });

  it('keeps a small role within a level shown apart to the level’s name', () => {
    const answers = [
      answer('p1', 'principal', 'biträdande rektor'),
      answer('p2', 'principal', null),
      answer('p3', 'principal', null),
    ];
    expect([...respondentLabels(answers, LEVELS, 2, 'en').values()]).toEqual(['Rektor', 'Rektor', 'Rektor']);
  });
});

describe('roundPerceptions', () => {
  it('writes one perception per answer on the copied link, with the derived coupling and only released comments', () => {
    const answers = [
      answer('p1', 'principal', null, { distinctive: true, comment: 'Släppt', isCommentReleased: true }),
      answer('p2', 'principal', null, { targetResponds: false, sourceResponds: false, comment: 'Inte släppt' }),
      answer('p3', 'principal', null, { linkId: 'l-gone', distinctive: null }),
    ];
    let n = 0;
    const perceptions = roundPerceptions(answers, {
      levels: LEVELS,
      threshold: 2,
      lang: 'en',
      linkIds: new Map([['l-1', 'l-copy']]),
      scenarioId: 's-obs',
      organisationId: 'org',
      observedAt: '2026-12-04',
      makeId: () => `perception-${++n}`,
    });
    expect(perceptions.map((p) => [p.id, p.linkId, p.respondent, p.coupling, p.comment])).toEqual([
      ['perception-1', 'l-copy', 'Rektor', 'LOOSE', 'Släppt'],
      ['perception-2', 'l-copy', 'Rektor', 'DECOUPLED', null],
    ]);
    expect(perceptions[0]).toMatchObject({
      respondentActorId: null,
      observedAt: '2026-12-04',
      scenarioId: 's-obs',
      confidential: false,
    });
  });
});
