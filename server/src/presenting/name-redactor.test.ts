import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { AMBIGUOUS, nameRedactor, type WithheldName } from './name-redactor.ts';

const person = (name: string, shownAs: string, rank = 3): WithheldName => ({
  name,
  shownAs,
  inflection: 'person',
  rank,
});
const noun = (name: string, shownAs: string, isKeptWhenShared = false): WithheldName => ({
  name,
  shownAs,
  inflection: 'noun',
  rank: 1,
  isKeptWhenShared,
});

describe('name redactor', () => {
  it('replaces whole words in any case, with å, ä and ö inside words, never at their edges', () => {
    const redact = nameRedactor([person('Åsa Öberg', 'Rektor 2'), person('Öberg', 'Rektor 2', 2)]);
    expect(redact('ÅSA ÖBERG, åsa öberg och Åsa Öberg.')).toBe('Rektor 2, Rektor 2 och Rektor 2.');
    expect(redact('Öberg säger; öbergare och Söberg är andra ord.')).toBe(
      'Rektor 2 säger; öbergare och Söberg är andra ord.',
    );
  });

  it('takes the genitive of a name and gives it to the stand-in, as Swedish writes it', () => {
    const redact = nameRedactor([person('Eva Exempel', 'Förvaltning'), person('Lars', 'Lärare 2')]);
    expect(redact('Eva Exempels mål')).toBe('Förvaltnings mål');
    expect(redact('Eva Exempel:s mål')).toBe('Förvaltnings mål');
    expect(redact("Lars mål och Lars's goal")).toBe("Lärare 2 mål och Lärare 2's goal");
    expect(redact('Larss')).toBe('Lärare 2:s');
  });

  it('takes definite and plural endings of a noun, but not of a person’s name', () => {
    const redact = nameRedactor([noun('Norrskola', 'Skola 1'), noun('Lärarlag', 'Lag 2'), person('Anna', 'Rektor')]);
    expect(redact('Norrskolan, norrskolans, Norrskolorna och Lärarlaget; lärarlagens tid')).toBe(
      'Skola 1, Skola 1:s, Skola 1 och Lag 2; Lag 2:s tid',
    );
    // "annan" (other) is not a form of the name Anna.
    expect(redact('Anna och en annan rektor')).toBe('Rektor och en annan rektor');
  });

  it('matches a name of several words across spaces and a punctuation mark, not across lines', () => {
    const redact = nameRedactor([noun('Rektor, F–6', 'Rektor 1'), person('Eva Exempel', 'Förvaltning')]);
    expect(redact('Rektor, F–6 och rektor F-6')).toBe('Rektor 1 och Rektor 1');
    expect(redact('Eva\nExempel')).toBe('Eva\nExempel');
  });

  it('prefers the longest name, and settles names that read alike by rank, then as ambiguous', () => {
    const redact = nameRedactor([
      person('Anna Berg', 'Rektor 2'),
      person('Anna', 'Rektor 2', 2),
      person('Anna', 'Lärare 1', 2),
      noun('Arbetslag', 'Lärare 3', true),
      noun('Arbetslag', 'Lärare 4', true),
      noun('Berg', 'Skola 9'),
    ]);
    expect(redact('Anna Berg och Anna')).toBe(`Rektor 2 och ${AMBIGUOUS}`);
    expect(redact('Arbetslag')).toBe('Arbetslag');
    expect(redact('Berg')).toBe('Skola 9');
  });

  it('leaves a text without names as it is', () => {
    expect(nameRedactor([])('Vad som helst')).toBe('Vad som helst');
    expect(nameRedactor([person('Eva', 'X')])('Evangelium, eva-lunda?')).toBe('Evangelium, X-lunda?');
  });
});

/**
 * Property: a generated person's name, placed in a generated caption in any case and any
 * inflection, never reaches the audience, in whole or in any part; and every other word of the
 * caption does. Names use Swedish letters; filler words are drawn from a fixed list, and a case
 * is skipped when a filler word happens to contain a part of the name.
 */
describe('name redactor, property', () => {
  const letters = 'abcdefghijklmnoprstuvyåäöé';
  const part = fc
    .array(fc.constantFrom(...letters), { minLength: 2, maxLength: 9 })
    .map((chars) => chars[0]!.toUpperCase() + chars.slice(1).join(''));
  const fullName = fc.array(part, { minLength: 1, maxLength: 3 });
  const FILLER = [
    'möte',
    'i',
    'dag',
    'rektorn',
    'säger',
    'att',
    'lärarna',
    'hör',
    'inte',
    'nämnden',
    'och',
    'ska',
    'styra',
    'kvalitet',
  ];
  const spelling = fc.constantFrom<(word: string) => string>(
    (word) => word,
    (word) => word.toLowerCase(),
    (word) => word.toUpperCase(),
  );
  const ending = fc.constantFrom('', 's', ':s', '’s', "'s");
  const around = fc.constantFrom<[string, string]>(
    ['', ''],
    ['(', ')'],
    ['"', '"'],
    ['', ','],
    ['', '.'],
    ['', '!'],
    ['«', '»'],
    ['— ', '?'],
  );
  /** What the caption says about the person: the whole name or one part of it. */
  const mention = fc.record({
    which: fc.nat(),
    isWhole: fc.boolean(),
    spelling,
    ending,
    around,
  });

  it('never lets a generated name, or a part of it, through', () => {
    fc.assert(
      fc.property(
        fullName,
        fc.array(fc.constantFrom(...FILLER), { minLength: 1, maxLength: 12 }),
        fc.array(mention, { minLength: 1, maxLength: 4 }),
        fc.nat(),
        (parts, filler, mentions, seed) => {
          const lowerParts = parts.map((p) => p.toLowerCase());
          fc.pre(filler.every((word) => lowerParts.every((p) => !word.includes(p))));
          // A stand-in of letters no name has, so that it cannot spell a part of one.
          const redact = nameRedactor([person(parts.join(' '), 'Q9'), ...parts.map((p) => person(p, 'Q9', 2))]);
          const words = [...filler];
          for (const [index, m] of mentions.entries()) {
            const said = m.isWhole ? parts.join(' ') : parts[m.which % parts.length]!;
            const [before, after] = m.around;
            words.splice((seed + index) % (words.length + 1), 0, `${before}${m.spelling(said)}${m.ending}${after}`);
          }
          const caption = words.join(' ');
          const shown = redact(caption).toLowerCase();
          for (const p of lowerParts) expect(shown, caption).not.toContain(p);
          // Nothing else was taken: every filler word is still there, in order.
          const kept = shown.split(/[^\p{L}]+/u).filter((word) => filler.includes(word));
          expect(kept, caption).toEqual(filler);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('never lets a generated noun through in its definite, plural or genitive forms', () => {
    const FORMS = ['', 'n', 'en', 'et', 'na', 'ar', 'er', 'or', 'arna', 'erna', 'orna'];
    fc.assert(
      fc.property(part, fc.constantFrom(...FORMS), fc.boolean(), spelling, (name, form, isGenitive, spell) => {
        // The sentence around it must hold no form of the name itself ("Vi" is a name, and a word).
        const stem = name.toLowerCase().replace(/[ae]$/, '');
        fc.pre(['vi', 'besöker', 'i', 'morgon'].every((word) => !word.startsWith(stem)));
        const word = spell(`${name}${form}${isGenitive ? 's' : ''}`);
        const shown = nameRedactor([noun(name, 'Skola 3')])(`Vi besöker ${word} i morgon.`);
        expect(shown).toBe(`Vi besöker ${isGenitive ? 'Skola 3:s' : 'Skola 3'} i morgon.`);
      }),
      { numRuns: 300 },
    );
  });
});
