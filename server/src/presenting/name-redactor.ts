/**
 * Replaces names in a text written for an audience (a presentation's title, a caption, a
 * finding's explanation) by what stands in for them. Matching is by whole words in any case,
 * with Swedish inflections, so that "Evas", "EVA EXEMPEL" or "Norrskolans" are caught as well
 * as "Eva Exempel" and "Norrskolan". Pure; built once per presentation, linear in the text.
 *
 * Words are runs of letters, digits and combining marks (so å, ä and ö are inside words and
 * never boundaries); a name of several words matches across short runs of spaces and
 * punctuation on one line ("Rektor, F–6"). At each word the longest name wins.
 */

/**
 * - `person`: a person's name or one part of it; only the genitive (-s) is added in Swedish.
 * - `noun`: the name of an actor or unit, which also takes definite and plural endings
 *   ("Lärarlaget", "Norrskolan", "skolorna") and their genitives.
 */
export type Inflection = 'person' | 'noun';

export interface WithheldName {
  name: string;
  shownAs: string;
  inflection: Inflection;
  /**
   * When two names that read alike stand for different things, the higher rank decides; at the
   * same rank the text is replaced by `AMBIGUOUS`, unless `isKeptWhenShared` (a map name that
   * several actors share names a role, not someone, and stays as written).
   */
  rank: number;
  isKeptWhenShared?: boolean;
}

/** Stands in for a name that could be more than one withheld thing ("[…]", an editorial omission). */
export const AMBIGUOUS = '[…]';

/** Definite and plural endings added to a noun as it is ("lag" → "laget", "lagen", "lagar"). */
const NOUN_ENDINGS = ['', 'n', 't', 'en', 'et', 'na', 'ar', 'er', 'or', 'arna', 'erna', 'orna'];
/** Endings that take the place of a final -a or -e ("skola" → "skolor", "lärare" → "lärarna"). */
const STEM_ENDINGS = ['ar', 'er', 'or', 'arna', 'erna', 'orna'];
/** Every ending a word may carry, genitive -s included, for finding the base to look up. */
const ALL_ENDINGS = [...new Set([...NOUN_ENDINGS, ...STEM_ENDINGS].flatMap((ending) => [ending, `${ending}s`]))];

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
/** What may stand between two words of one name: a few spaces or punctuation marks, no line break. */
const JOIN = /^[^\S\n]*[\p{P}\p{S}]?[^\S\n]*$/u;
/** A genitive written after the word: "F–6 2:s", "Eva's". */
const PUNCTUATED_GENITIVE = /^(:s|['’]s)(?![\p{L}\p{N}\p{M}])/iu;

interface Entry {
  words: string[];
  shownAs: string;
  inflection: Inflection;
}

interface Word {
  text: string;
  lower: string;
  start: number;
  end: number;
}

const wordsOf = (text: string): Word[] =>
  [...text.matchAll(WORD)].map((m) => ({
    text: m[0],
    lower: m[0].toLowerCase(),
    start: m.index,
    end: m.index + m[0].length,
  }));

/**
 * Whether `word` is `base` with an ending its inflection allows, and whether that ending is a
 * genitive. Both are lower case.
 */
function inflectedAs(word: string, base: string, inflection: Inflection): { isGenitive: boolean } | null {
  const forms: Array<[string, readonly string[]]> = [[base, inflection === 'noun' ? NOUN_ENDINGS : ['']]];
  if (inflection === 'noun' && /[ae]$/.test(base)) forms.push([base.slice(0, -1), STEM_ENDINGS]);
  for (const [stem, endings] of forms) {
    if (!word.startsWith(stem)) continue;
    const rest = word.slice(stem.length);
    if (endings.includes(rest)) return { isGenitive: false };
    if (rest.endsWith('s') && endings.includes(rest.slice(0, -1))) return { isGenitive: true };
  }
  return null;
}

/** The Swedish genitive of a stand-in: "Förvaltnings", "Lärare 2:s", "Stöds"; nothing after s, x, z. */
function genitiveOf(shownAs: string): string {
  if (/[sxz]$/i.test(shownAs)) return shownAs;
  return /[\p{L}]$/u.test(shownAs) ? `${shownAs}s` : `${shownAs}:s`;
}

/** The entries by key (lower-case words joined by a space), settling names that read alike. */
function settle(names: readonly WithheldName[]): Map<string, Entry> {
  const chosen = new Map<string, WithheldName & { isShared: boolean }>();
  for (const name of names) {
    const words = wordsOf(name.name.normalize('NFC')).map((word) => word.lower);
    if (words.join('').length < 2) continue;
    const key = words.join(' ');
    const held = chosen.get(key);
    if (!held || held.rank < name.rank) chosen.set(key, { ...name, isShared: false });
    else if (held.rank === name.rank && held.shownAs !== name.shownAs) held.isShared = true;
  }
  const entries = new Map<string, Entry>();
  for (const [key, name] of chosen) {
    if (name.isShared && name.isKeptWhenShared) continue;
    entries.set(key, {
      words: key.split(' '),
      shownAs: name.isShared ? AMBIGUOUS : name.shownAs,
      inflection: name.inflection,
    });
  }
  return entries;
}

export function nameRedactor(names: readonly WithheldName[]): (text: string) => string {
  const entries = settle(names);
  if (entries.size === 0) return (text) => text;
  // By all words but the last (never inflected), then by the last word as written in the name: a
  // text word is looked up by the few bases its endings allow, not compared with every name.
  const byLeadingWords = new Map<string, Map<string, Entry>>();
  let mostWords = 1;
  for (const entry of entries.values()) {
    const leading = entry.words.slice(0, -1).join(' ');
    let byLast = byLeadingWords.get(leading);
    if (!byLast) byLeadingWords.set(leading, (byLast = new Map()));
    byLast.set(entry.words.at(-1)!, entry);
    mostWords = Math.max(mostWords, entry.words.length);
  }

  /** The names of `count` words that the words from `at` may be, by the bases their last word allows. */
  const candidates = (words: readonly Word[], at: number, count: number): Entry[] => {
    const byLast = byLeadingWords.get(
      words
        .slice(at, at + count - 1)
        .map((word) => word.lower)
        .join(' '),
    );
    if (!byLast) return [];
    return basesOf(words[at + count - 1]!.lower).flatMap((base) => byLast.get(base) ?? []);
  };

  return (input) => {
    const text = input.normalize('NFC');
    const words = wordsOf(text);
    let out = '';
    let copiedTo = 0;
    for (let i = 0; i < words.length;) {
      if (words[i]!.start < copiedTo) {
        // The "s" of a genitive written "2:s", taken with the name before it.
        i += 1;
        continue;
      }
      let match: Match | null = null;
      // The longest name wins: try the most words first, each joined to the one before.
      let joined = 1;
      while (
        joined < mostWords &&
        i + joined < words.length &&
        isJoin(text, words[i + joined - 1]!, words[i + joined]!)
      )
        joined += 1;
      for (let count = joined; count >= 1 && !match; count--)
        match = firstMatch(text, words, i, count, candidates(words, i, count));
      if (!match) {
        i += 1;
        continue;
      }
      const start = words[i]!.start;
      out += text.slice(copiedTo, start) + match.replacement;
      copiedTo = match.end;
      i += match.wordCount;
    }
    return out + text.slice(copiedTo);
  };
}

/** The bases a word may be an inflected form of: itself, without an ending, and stems of -a and -e nouns. */
function basesOf(word: string): string[] {
  const bases = new Set<string>([word]);
  for (const ending of ALL_ENDINGS) {
    if (!word.endsWith(ending) || word.length <= ending.length) continue;
    const base = word.slice(0, word.length - ending.length);
    bases.add(base);
    bases.add(`${base}a`);
    bases.add(`${base}e`);
  }
  return [...bases];
}

const isJoin = (text: string, before: Word, after: Word): boolean => JOIN.test(text.slice(before.end, after.start));

interface Match {
  wordCount: number;
  /** Where the matched text ends in the input. */
  end: number;
  replacement: string;
}

/** The first of `candidates`, names of `count` words, that the words from `at` are (the last one inflected). */
function firstMatch(
  text: string,
  words: readonly Word[],
  at: number,
  count: number,
  candidates: readonly Entry[],
): Match | null {
  const last = words[at + count - 1]!;
  for (const entry of candidates) {
    const inflected = inflectedAs(last.lower, entry.words[count - 1]!, entry.inflection);
    if (!inflected) continue;
    const punctuated = inflected.isGenitive ? null : PUNCTUATED_GENITIVE.exec(text.slice(last.end));
    let replacement = entry.shownAs;
    if (inflected.isGenitive || punctuated?.[1] === ':s') replacement = genitiveOf(replacement);
    else if (punctuated) replacement += punctuated[1]; // an English "'s", as written
    return { wordCount: count, end: last.end + (punctuated?.[0].length ?? 0), replacement };
  }
  return null;
}
