/**
 * CSV import: one file per sheet, parsed as a stream by papaparse (delimiter detected, so
 * Swedish Excel's `;` works), or a ZIP of such files named after their sheets.
 */
import { Readable } from 'node:stream';

import Papa from 'papaparse';

import type { ContentBudget } from '../import-limits.ts';
import { readZipRaw } from '../zip/zip.ts';
import { guessSheet, type SheetCollector, type SheetSink } from '../sheet-collector.ts';
import { resolveSheetName, type SheetName } from '../spreadsheet-layout.ts';

export interface CsvSheetHint {
  /** The sheet, when the caller knows it (`?sheet=links`). */
  sheet?: SheetName;
  /** A file name (`kopplingar.csv`) to take the sheet from. */
  fileName?: string;
}

function sheetFromFileName(fileName: string | undefined): SheetName | null {
  if (!fileName) return null;
  const base = fileName
    .split(/[\\/]/)
    .pop()!
    .replace(/\.[^.]*$/, '');
  return resolveSheetName(base);
}

/**
 * The stream as text chunks. papaparse decodes each chunk on its own, which would break an å
 * split between two chunks, so decoding happens here, across chunk boundaries.
 */
async function* textChunks(input: AsyncIterable<unknown>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  for await (const chunk of input) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk as Uint8Array, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/**
 * The delimiter, from the header line: Swedish Excel writes `;`, others `,` or tab. Guessing from
 * the header alone is safer than from data rows, whose text may be full of `;` and `,`.
 */
function delimiterOf(headerLine: string): string {
  const outsideQuotes = headerLine.replace(/"[^"]*"/g, '');
  const counts = [',', ';', '\t'].map((d) => ({ d, n: outsideQuotes.split(d).length - 1 }));
  return counts.reduce((best, c) => (c.n > best.n ? c : best)).d;
}

const HEADER_SCAN_LENGTH = 64 * 1024;

/** Text chunks with the first line available up front, for delimiter detection. */
async function withHeaderLine(
  input: AsyncIterable<unknown>,
): Promise<{ headerLine: string; chunks: AsyncGenerator<string> }> {
  const source = textChunks(input);
  const head: string[] = [];
  let seen = '';
  for (;;) {
    const next = await source.next();
    if (next.done) break;
    head.push(next.value);
    seen += next.value;
    // The delimiter is judged on the first line, or on what came of it in the first 64 KiB.
    if (/[\r\n]/.test(next.value) || seen.length > HEADER_SCAN_LENGTH) break;
  }
  async function* all(): AsyncGenerator<string> {
    yield* head;
    yield* source;
  }
  return { headerLine: seen.split(/\r?\n|\r/)[0] ?? '', chunks: all() };
}

/**
 * Reads one CSV sheet from a stream into the collector. A refusal by the collector (a limit)
 * stops the reading and is passed on.
 */
export async function collectCsv(
  input: AsyncIterable<unknown>,
  collector: SheetCollector,
  hint: CsvSheetHint = {},
): Promise<void> {
  const { headerLine, chunks } = await withHeaderLine(input);
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, {
    header: false,
    skipEmptyLines: false,
    delimiter: delimiterOf(headerLine),
  });
  let sink: SheetSink | null | undefined;
  let row = 0;
  await new Promise<void>((resolve, reject) => {
    const text = Readable.from(chunks);
    let failure: unknown = null;
    const fail = (error: unknown) => {
      failure ??= error;
      text.destroy();
      reject(error as Error);
    };
    parser.on('data', (cells: string[]) => {
      if (failure) return;
      try {
        take(cells);
      } catch (error) {
        fail(error);
      }
    });
    parser.on('end', () => resolve());
    parser.on('error', fail);
    text.on('error', fail);
    text.pipe(parser);
  });
  sink?.end();

  function take(cells: string[]): void {
    row++;
    if (sink === undefined) {
      const known = hint.sheet ?? sheetFromFileName(hint.fileName) ?? guessSheet(cells);
      if (!known) {
        collector.issue({
          sheet: null,
          row: 1,
          column: null,
          field: null,
          reason: 'MISSING_SHEET',
          message: `cannot tell which sheet ${hint.fileName ? `"${hint.fileName}"` : 'this CSV file'} is: name the file after its sheet (actors.csv, kopplingar.csv …) or pass ?sheet=`,
        });
        sink = null;
      } else {
        sink = collector.begin(hint.fileName ?? known, cells, known);
      }
      return;
    }
    sink?.row(row, cells);
  }
}

/**
 * Reads every `*.csv` of a ZIP file, each as the sheet its file name says, inflating it within
 * `budget` as it is read. Other files are noted and never inflated.
 */
export async function collectCsvZip(zip: Buffer, collector: SheetCollector, budget: ContentBudget): Promise<void> {
  for (const entry of readZipRaw(zip)) {
    const sheet = entry.name.toLowerCase().endsWith('.csv') ? sheetFromFileName(entry.name) : null;
    if (!sheet) {
      collector.note({
        sheet: null,
        message: `file "${entry.name}" is not a CSV file named after a sheet of this layout; skipped`,
      });
      continue;
    }
    await collectCsv(budget.entry(entry), collector, { sheet, fileName: entry.name });
  }
}
