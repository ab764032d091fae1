/**
 * Cell values: how one field is written to a spreadsheet cell and read back. Reading is
 * forgiving (Swedish and English words, any case) and writing is exact, so that an export
 * imports to the same organisation.
 */
import { isCalendarDate } from '@kopplingskartan/schema/interchange';

import type { ImportIssueReason } from './import-issues.ts';
import {
  BOOLEAN_WORDS,
  type ColumnType,
  enumWord,
  enumWords,
  type Lang,
  normaliseWord,
  resolveEnumWord,
} from './spreadsheet-layout.ts';

/** A parsed cell: references stay raw strings until the merge resolves them. */
export type CellValue = string | number | boolean | null | string[];

/**
 * Characters that make a spreadsheet treat a cell as a formula (OWASP "CSV injection"). A cell
 * that starts with one of them, after any number of quotes, gets one more leading quote on
 * export; the importer removes exactly one, so every string survives the round trip.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

export function protectCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function unprotectCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value) ? value.slice(1) : value;
}

/** Lists are written `a; b; c`; a `;` or `\` inside an item is escaped with `\`. */
export function encodeList(items: readonly string[]): string {
  return items.map((item) => item.replace(/[\\;]/g, (c) => `\\${c}`)).join('; ');
}

export function decodeList(cell: string): string[] {
  const items: string[] = [];
  let current = '';
  for (let i = 0; i < cell.length; i++) {
    const c = cell[i]!;
    if (c === '\\' && i + 1 < cell.length) {
      current += cell[++i];
    } else if (c === ';') {
      items.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  items.push(current);
  return items.map((item) => item.trim()).filter((item) => item !== '');
}

const TRUE_WORDS = new Set(
  [BOOLEAN_WORDS.true.en, BOOLEAN_WORDS.true.sv, ...BOOLEAN_WORDS.true.aliases].map(normaliseWord),
);
const FALSE_WORDS = new Set(
  [BOOLEAN_WORDS.false.en, BOOLEAN_WORDS.false.sv, ...BOOLEAN_WORDS.false.aliases].map(normaliseWord),
);

export interface CellProblem {
  reason: ImportIssueReason;
  message: string;
}

export type CellResult = { ok: true; value: CellValue } | { ok: false; problem: CellProblem };

const ok = (value: CellValue): CellResult => ({ ok: true, value });
const bad = (reason: ImportIssueReason, message: string): CellResult => ({ ok: false, problem: { reason, message } });

/**
 * Reads one cell for its column type. Text keeps its spaces (exact round trips); ids, words,
 * numbers and references are trimmed. An empty cell is null (false for flags, [] for lists).
 */
export function parseCell(type: ColumnType, raw: string): CellResult {
  const trimmed = raw.trim();
  switch (type.type) {
    case 'text':
      if (trimmed === '') return type.isRequired ? bad('REQUIRED', 'must not be empty') : ok(null);
      return ok(raw);
    case 'id':
    case 'ref':
      return ok(trimmed === '' ? null : trimmed);
    case 'enum': {
      if (trimmed === '') return ok(null);
      const value = resolveEnumWord(type.values, trimmed);
      return value
        ? ok(value)
        : bad('INVALID', `"${trimmed}" is not one of ${enumWords(type.values)} (${enumWords(type.values, 'sv')})`);
    }
    case 'enumList': {
      const values: string[] = [];
      for (const word of decodeList(raw)) {
        const value = resolveEnumWord(type.values, word);
        if (!value)
          return bad('INVALID', `"${word}" is not one of ${enumWords(type.values)} (${enumWords(type.values, 'sv')})`);
        values.push(value);
      }
      return ok(values);
    }
    case 'rating':
    case 'flag': {
      if (trimmed === '') return ok(type.type === 'flag' ? false : null);
      const word = normaliseWord(trimmed);
      if (TRUE_WORDS.has(word)) return ok(true);
      if (FALSE_WORDS.has(word)) return ok(false);
      return bad('INVALID', `"${trimmed}" is not yes/no (ja/nej)`);
    }
    case 'int': {
      if (trimmed === '') return ok(null);
      return /^-?\d+$/.test(trimmed) ? ok(Number(trimmed)) : bad('INVALID', `"${trimmed}" is not a whole number`);
    }
    case 'date':
      if (trimmed === '') return ok(null);
      return isCalendarDate(trimmed)
        ? ok(trimmed)
        : bad('INVALID', `"${trimmed}" is not a day of the calendar as YYYY-MM-DD`);
    case 'list':
    case 'refList':
      return ok(decodeList(raw));
  }
}

/** Writes one field for its column type; the inverse of `parseCell`. */
export function formatCell(type: ColumnType, value: unknown, lang: Lang): string {
  if (value === null || value === undefined) return '';
  switch (type.type) {
    case 'enum':
      return enumWord(type.values, String(value), lang);
    case 'enumList':
      return encodeList((value as string[]).map((v) => enumWord(type.values, v, lang)));
    case 'rating':
    case 'flag':
      return value ? BOOLEAN_WORDS.true[lang] : BOOLEAN_WORDS.false[lang];
    case 'list':
    case 'refList':
      return encodeList(value as string[]);
    default:
      return String(value);
  }
}
