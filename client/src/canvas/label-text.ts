/**
 * Actor labels as the map draws them: shortened where a unit box already names the unit, wrapped
 * at word boundaries (never inside a word), and sized so the node fits its text. The same lines
 * are used by the canvas, the PNG (drawn by the canvas) and the SVG export, so all three wrap
 * alike. Pure: text measuring is passed in (the browser measures with a 2D canvas, tests and
 * Node scripts with an estimate).
 */

/** Width in model pixels of a string at a font size. */
export type MeasureText = (text: string, fontSize: number) => number;

/** The family the stylesheet draws labels in, and the one they are measured in. */
export const LABEL_FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif';

export interface LabelGeometry {
  /** Font size in model pixels. */
  fontSize: number;
  /** Lines are wrapped to at most this width (a longer single word widens its line). */
  maxTextWidth: number;
  lineHeight: number;
  /** Space between the text and the node's border, each side. */
  paddingX: number;
  paddingY: number;
  minWidth: number;
}

export const LABEL_GEOMETRY: LabelGeometry = {
  fontSize: 15,
  maxTextWidth: 104,
  lineHeight: 1.12,
  paddingX: 7,
  paddingY: 5,
  minWidth: 64,
};

export interface SizedLabel {
  /** The lines joined by "\n" (Cytoscape breaks there and nowhere else). */
  text: string;
  lines: string[];
  width: number;
  height: number;
  fontSize: number;
}

/**
 * Where a line may break: after a space, or after a hyphen or slash that joins two parts
 * ("Barn- och", "praktisk-estetiska", "matematik/NO"), which is a word boundary, not a cut.
 */
function breakUnits(text: string): string[] {
  const units: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const parts = word.split(/(?<=[-/–](?=\p{L}))/u);
    parts.forEach((part, i) => units.push(i < parts.length - 1 ? part : `${part} `));
  }
  if (units.length > 0) units[units.length - 1] = (units[units.length - 1] ?? '').trimEnd();
  return units;
}

/** Greedy wrap at word boundaries; a word wider than the line stays whole on its own line. */
export function wrapLabel(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const unit of breakUnits(text)) {
    const candidate = line + unit;
    if (line === '' || measure(candidate.trimEnd()) <= maxWidth) {
      line = candidate;
      continue;
    }
    lines.push(line.trimEnd());
    line = unit;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines.length > 0 ? lines : [''];
}

export function sizeLabel(
  text: string,
  measure: MeasureText,
  geometry: LabelGeometry = LABEL_GEOMETRY,
  fontSize = geometry.fontSize,
): SizedLabel {
  const scale = fontSize / geometry.fontSize;
  const at = (s: string) => measure(s, fontSize);
  const lines = wrapLabel(text, geometry.maxTextWidth * scale, at);
  const widest = Math.max(0, ...lines.map(at));
  return {
    text: lines.join('\n'),
    lines,
    width: Math.ceil(Math.max(geometry.minWidth * scale, widest + 2 * geometry.paddingX * scale)),
    height: Math.ceil(lines.length * fontSize * geometry.lineHeight + 2 * geometry.paddingY * scale),
    fontSize,
  };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The name without the names of the units around it, when a box on the map already says them:
 * "Rektor Tallmoskolan" inside the box "Tallmoskolan" reads "Rektor". The full name stays in the
 * details panel, search and tooltips. A name that would be left empty is kept whole.
 */
export function withoutUnitNames(name: string, unitNames: readonly string[]): string {
  let short = name;
  for (const unit of unitNames) {
    const trimmed = unit.trim();
    if (trimmed.length < 3) continue;
    const pattern = new RegExp(`(^|[\\s,(–-]+)${escapeRegExp(trimmed)}(?=$|[\\s,)–-])`, 'u');
    const next = short.replace(pattern, '').replace(/\(\s*\)/g, '');
    if (next !== short) short = next;
  }
  short = short
    .replace(/[\s,–-]+$/u, '')
    .replace(/^[\s,–-]+/u, '')
    .replace(/\s{2,}/g, ' ');
  return short.length >= 2 ? short : name;
}

/**
 * An estimate of label widths for Node scripts and tests: average advance widths of a wide
 * sans-serif (DejaVu Sans, what headless Chromium on Debian draws with), per character class.
 */
export const estimateText: MeasureText = (text, fontSize) => {
  let em = 0;
  for (const c of text) {
    if (c === ' ') em += 0.32;
    else if ("iljtf.,;:!|'’()[]/-".includes(c)) em += 0.34;
    else if ('mwMWÅÄÖ–'.includes(c)) em += 0.86;
    else if (c === c.toUpperCase() && c !== c.toLowerCase()) em += 0.7;
    else if (/\d/.test(c)) em += 0.64;
    else em += 0.58;
  }
  return em * fontSize;
};

/** Measures with the browser's text engine in the labels' own font; cached per string. */
export function browserMeasure(): MeasureText {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return estimateText;
  const cache = new Map<string, number>();
  // Setting the font parses it, however often it was set before: only a new size sets it.
  let size = NaN;
  return (text, fontSize) => {
    const key = `${fontSize}|${text}`;
    let width = cache.get(key);
    if (width === undefined) {
      if (fontSize !== size) context.font = `${fontSize}px ${LABEL_FONT_FAMILY}`;
      size = fontSize;
      width = context.measureText(text).width;
      cache.set(key, width);
    }
    return width;
  };
}
