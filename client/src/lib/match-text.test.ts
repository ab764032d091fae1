import { describe, expect, it } from 'vitest';

import { foldText, matchRank } from './match-text.ts';

describe('matchRank', () => {
  it('ignores case and diacritics', () => {
    expect(foldText('Östra Lärarlaget')).toBe('ostra lararlaget');
    expect(matchRank('lara', ['Lärarlaget'])).toBe(1);
  });
  it('ranks an exact name first, then names that begin so, then words that start words, then words inside words', () => {
    expect(matchRank('rektor ekskolan', ['Rektor Ekskolan'])).toBe(0);
    expect(matchRank('rek', ['Rektor Ekskolan'])).toBe(1);
    expect(matchRank('rek', ['Biträdande rektor Ekskolan'])).toBe(2);
    expect(matchRank('ekskolan rektor', ['Rektor Ekskolan'])).toBe(2);
    // "ek" is inside "rektor" but starts no word of "Rektor Björkskolan".
    expect(matchRank('rektor ek', ['Rektor Björkskolan'])).toBe(3);
    expect(matchRank('lärare', ['Förstelärare Ekskolan'])).toBe(3);
  });
  it('needs every word, in any of the texts, in any order', () => {
    expect(matchRank('norr skolchef', ['Förvaltningen', 'Skolchef', 'Norrort'])).toBe(2);
    expect(matchRank('norr rektor', ['Rektor Söderskolan'])).toBeNull();
  });
  it('lets an empty query match everything, and a missing text match nothing', () => {
    expect(matchRank('  ', [null])).toBe(3);
    expect(matchRank('a', [null, undefined])).toBeNull();
  });
  it('treats punctuation as a word break', () => {
    expect(matchRank('6 bj', ['Arbetslag 4–6, Björkskolan'])).toBe(2);
  });
});
