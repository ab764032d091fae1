/**
 * XLSX import with exceljs's streaming reader: rows are handed to the collector as they are
 * read, so a workbook with 100,000 links is never held as a whole object model (only its
 * compressed bytes are).
 */

/** Workbook parts the streaming reader must see before any worksheet. */
const FIRST_PARTS = [
  '[Content_Types].xml',
  '_rels/.rels',
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/sharedStrings.xml',
  'xl/styles.xml',
];

/**
 * exceljs's streaming reader loses sheet names, and sometimes whole sheets, when worksheets come
 * before `xl/workbook.xml` in the ZIP, which is the order its own streaming writer produces. The
 * entries are put in reading order first, copied without recompressing.
 */
export function inReadingOrder(xlsx: Buffer): Readable {
  const entries = [...readZipRaw(xlsx)];
  const rank = (name: string) => {
    const i = FIRST_PARTS.indexOf(name);
    return i < 0 ? FIRST_PARTS.length : i;
  };
  const ordered = entries
    .map((entry, i) => ({ entry, i }))
    .sort((a, b) => rank(a.entry.name) - rank(b.entry.name) || a.i - b.i);
  return Readable.from(reorderZip(ordered.map(({ entry }) => entry)));
}
import { Readable } from 'node:stream';

import ExcelJS from 'exceljs';

import type { SheetCollector, SheetSink } from '../sheet-collector.ts';
import { readZipRaw, reorderZip } from '../zip/zip.ts';

/** The reader's worksheet as we use it: exceljs's types leave out `name`. */
interface WorksheetStream extends AsyncIterable<{ number: number; values: unknown }> {
  name: string;
}

/** What a person typed, as text: numbers, dates, rich text and formula results included. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  if (typeof value === 'object') {
    const v = value as { richText?: Array<{ text: string }>; text?: unknown; result?: unknown; error?: unknown };
    if (v.richText) return v.richText.map((part) => part.text).join('');
    if ('result' in v) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
  }
  return '';
}

function rowCells(values: unknown): string[] {
  // exceljs rows are 1-based sparse arrays: index 0 is always empty.
  const list = Array.isArray(values) ? (values as unknown[]) : [];
  const cells: string[] = [];
  for (let i = 1; i < list.length; i++) cells.push(cellText(list[i]));
  return cells;
}

export async function collectXlsx(xlsx: Buffer, collector: SheetCollector): Promise<void> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(inReadingOrder(xlsx), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
  });
  for await (const sheet of reader as unknown as AsyncIterable<WorksheetStream>) {
    let sink: SheetSink | null | undefined;
    for await (const row of sheet) {
      const cells = rowCells(row.values);
      if (sink === undefined) {
        if (cells.every((cell) => cell.trim() === '')) continue;
        // A skipped sheet is still read to its end: leaving exceljs's iterator early confuses its reader.
        sink = collector.begin(sheet.name, cells);
        continue;
      }
      sink?.row(row.number, cells);
    }
    sink?.end();
  }
}
