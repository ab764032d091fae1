/** CSV export: one sheet per file, UTF-8 with a BOM so that Excel reads å, ä and ö. */
import Papa from 'papaparse';

import type { SheetRows } from '../document-sheets.ts';
import { zipStream, type ZipEntry } from '../zip/zip.ts';
import type { Lang } from '../spreadsheet-layout.ts';
import { sheetTitle, sheetSpec } from '../spreadsheet-layout.ts';

const BATCH = 2000;

/** The sheet as CSV text in chunks of a few thousand rows. */
export function* csvChunks(sheet: Pick<SheetRows, 'header' | 'rows'>): Generator<string> {
  yield `\uFEFF${Papa.unparse([sheet.header], { newline: '\r\n' })}\r\n`;
  let batch: string[][] = [];
  for (const row of sheet.rows) {
    batch.push(row);
    if (batch.length === BATCH) {
      yield `${Papa.unparse(batch, { newline: '\r\n' })}\r\n`;
      batch = [];
    }
  }
  if (batch.length > 0) yield `${Papa.unparse(batch, { newline: '\r\n' })}\r\n`;
}

export function csvFileName(sheet: SheetRows, lang: Lang): string {
  return `${sheetTitle(sheetSpec(sheet.name), lang).normalize('NFC')}.csv`;
}

/** Every sheet as `<sheet>.csv` in one ZIP file. */
export function csvZip(sheets: readonly SheetRows[], lang: Lang): AsyncGenerator<Buffer> {
  function* entries(): Generator<ZipEntry> {
    for (const sheet of sheets)
      yield { name: csvFileName(sheet, lang), data: Buffer.from([...csvChunks(sheet)].join(''), 'utf8') };
  }
  return zipStream(entries());
}
