/** Lower case without diacritics, so that "lara" finds "Lärare" and "ostra" finds "Östra". */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

/**
 * How well a query matches texts (a name, a role…), for ordering what is found: 0 when the first
 * text is exactly the query, 1 when it begins with the query, 2 when every word of the query
 * starts a word of the texts, 3 when every word occurs somewhere ("lärare" in "Förstelärare"),
 * null when some word is missing. An empty query matches everything at 3.
 */
export function matchRank(query: string, texts: readonly (string | null | undefined)[]): 0 | 1 | 2 | 3 | null {
  const folded = texts.filter((text): text is string => Boolean(text)).map(foldText);
  const wanted = foldText(query).trim();
  if (wanted !== '' && folded[0] === wanted) return 0;
  const words = wanted.split(/\s+/).filter(Boolean);
  const haystack = folded.join(' ');
  if (!words.every((word) => haystack.includes(word))) return null;
  if (wanted !== '' && folded[0]?.startsWith(wanted)) return 1;
  const starts = haystack.split(/[\s\p{P}]+/u);
  return words.length > 0 && words.every((word) => starts.some((start) => start.startsWith(word))) ? 2 : 3;
}
