/**
 * Text for the PDF's standard Helvetica, which encodes WinAnsi only: å ä ö é and the typographic
 * quotes and dashes are there, but a minus sign, an arrow or an emoji would make pdf-lib throw.
 * Known look-alikes are replaced, anything else that cannot be encoded becomes "?".
 */
const LOOK_ALIKES: Record<string, string> = {
  '\u2212': '-', // minus sign
  '\u2010': '-',
  '\u2011': '-',
  '\u2192': '->',
  '\u2190': '<-',
  '\u2194': '<->',
  '\u21c4': '<->',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2260': '!=',
  '\u2248': '~',
  '\u00a0': ' ',
  '\u202f': ' ',
  '\u2009': ' ',
  '\u200b': '',
  '\u2032': "'",
  '\u2033': '"',
  '\u0394': 'Delta',
  '\u0141': 'L', // Ł does not decompose to L + a mark
  '\u0142': 'l',
  '\t': ' ',
};

export function sanitiseForFont(text: string, charset: ReadonlySet<number>): string {
  let out = '';
  for (const char of text.normalize('NFC')) {
    const code = char.codePointAt(0) ?? 0;
    if (charset.has(code)) {
      out += char;
      continue;
    }
    const alike = LOOK_ALIKES[char];
    if (alike !== undefined && [...alike].every((c) => charset.has(c.codePointAt(0) ?? 0))) {
      out += alike;
      continue;
    }
    // A letter with a mark the font lacks ("ő") keeps its base letter ("o").
    const base = char.normalize('NFD').replace(/\p{M}/gu, '');
    out += base && [...base].every((c) => charset.has(c.codePointAt(0) ?? 0)) ? base : '?';
  }
  return out;
}

/**
 * Greedy word wrap: lines no wider than `maxWidth` by `measure`, at most `maxLines` (the last one
 * ends with "…" when text was cut). A word longer than a line is broken by characters.
 */
export function wrapText(
  text: string,
  maxWidth: number,
  measure: (s: string) => number,
  maxLines = Infinity,
  ellipsis = '…',
): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (measure(candidate) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = '';
      let rest = word;
      while (measure(rest) > maxWidth && rest.length > 1) {
        let cut = rest.length - 1;
        while (cut > 1 && measure(rest.slice(0, cut)) > maxWidth) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  while (lines.length > 1 && lines.at(-1) === '') lines.pop();
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1] ?? '';
  while (last && measure(`${last}${ellipsis}`) > maxWidth) last = last.slice(0, -1);
  kept[maxLines - 1] = `${last.trimEnd()}${ellipsis}`;
  return kept;
}

/** A safe, readable file name part: "Steg 2: Glappet" → "steg-2-glappet". */
export function fileSlug(text: string, fallback = 'step'): string {
  const slug = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
  return slug || fallback;
}
