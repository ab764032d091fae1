import { describe, expect, it } from 'vitest';

import { compareAnswers } from './compare-answers.ts';

describe('compareAnswers', () => {
  it('marks where respondents disagree and where an answer differs from the link, ignoring "not assessed"', () => {
    const link = { coupling: 'LOOSE', targetResponds: true, sourceResponds: true, distinctive: true };
    const rows = compareAnswers(link, [
      { coupling: 'TIGHT', targetResponds: true, sourceResponds: null, distinctive: null },
      { coupling: 'DECOUPLED', targetResponds: true, sourceResponds: false, distinctive: null },
    ]);
    expect(rows).toEqual([
      {
        aspect: 'coupling',
        link: 'LOOSE',
        answers: ['TIGHT', 'DECOUPLED'],
        isDisagreement: true,
        differsFromLink: [true, true],
      },
      {
        aspect: 'targetResponds',
        link: true,
        answers: [true, true],
        isDisagreement: false,
        differsFromLink: [false, false],
      },
      {
        aspect: 'sourceResponds',
        link: true,
        answers: [null, false],
        isDisagreement: false,
        differsFromLink: [false, true],
      },
      {
        aspect: 'distinctive',
        link: true,
        answers: [null, null],
        isDisagreement: false,
        differsFromLink: [false, false],
      },
    ]);
  });
  it('finds nothing to compare without perceptions', () => {
    const link = { coupling: 'TIGHT', targetResponds: null, sourceResponds: null, distinctive: null };
    expect(compareAnswers(link, []).every((row) => !row.isDisagreement && row.answers.length === 0)).toBe(true);
  });
});
