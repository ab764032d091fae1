/**
 * One entry for every import format: detects the format, reads the stream into typed rows
 * (CSV, XLSX and GraphML through the spreadsheet layout) and plans the import. The interchange
 * JSON, for CREATE and REPLACE, is checked as the document it is, so its issues keep their paths.
 */
import type { Readable } from 'node:stream';

import { type InterchangeDocument, interchangeDocumentSchema } from '@kopplingskartan/schema/interchange';

import { chainLevels } from '../domain/rules.ts';
import { collectCsv, collectCsvZip } from './csv/csv-import.ts';
import { documentSheets } from './document-sheets.ts';
import { collectGraphml } from './graphml/graphml-import.ts';
import { documentIssue } from './import-issues.ts';
import { type ImportPlan, planDocument, planImport, type PlanOptions } from './import-plan.ts';
import { checkDocumentSize, ContentBudget, DEFAULT_IMPORT_LIMITS, isImportTooLarge } from './import-limits.ts';
import { type Collected, type ImportProgress, SheetCollector } from './sheet-collector.ts';
import type { SheetName } from './spreadsheet-layout.ts';
import { collectXlsx } from './xlsx/xlsx-import.ts';

export const IMPORT_FORMATS = ['csv', 'zip', 'xlsx', 'graphml', 'json'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

const BY_EXTENSION: Record<string, ImportFormat> = {
  csv: 'csv',
  txt: 'csv',
  zip: 'zip',
  xlsx: 'xlsx',
  graphml: 'graphml',
  xml: 'graphml',
  json: 'json',
};
const BY_MEDIA_TYPE: Record<string, ImportFormat> = {
  'text/csv': 'csv',
  'application/zip': 'zip',
  'application/x-zip-compressed': 'zip',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/graphml+xml': 'graphml',
  'application/xml': 'graphml',
  'text/xml': 'graphml',
  'application/json': 'json',
};

/** The format named outright, else by file extension, else by media type. */
export function detectFormat(hint: { format?: string; fileName?: string; contentType?: string }): ImportFormat | null {
  if (hint.format)
    return (IMPORT_FORMATS as readonly string[]).includes(hint.format) ? (hint.format as ImportFormat) : null;
  const extension = hint.fileName?.toLowerCase().split('.').pop();
  if (extension && BY_EXTENSION[extension]) return BY_EXTENSION[extension];
  const mediaType = hint.contentType?.split(';')[0]?.trim().toLowerCase();
  return (mediaType && BY_MEDIA_TYPE[mediaType]) || null;
}

export interface ImportSourceOptions extends PlanOptions {
  format: ImportFormat;
  /** For a lone CSV: its sheet, or a file name to take it from. */
  sheet?: SheetName;
  fileName?: string;
  onProgress?: (progress: ImportProgress) => void;
}

/** A stream's bytes as one buffer, refusing more than `maxBytes` (tests and benchmarks read their exports so). */
export function readAll(input: AsyncIterable<unknown>, maxBytes: number): Promise<Buffer> {
  return readBytes(new ContentBudget({ ...DEFAULT_IMPORT_LIMITS, maxUploadBytes: maxBytes }).upload(input));
}

function defaultLevelKey(existing: InterchangeDocument | null): string {
  if (!existing) return 'politics';
  return (
    chainLevels({ ...existing.organisation, version: 1 })[0]?.key ?? existing.organisation.levels[0]?.key ?? 'politics'
  );
}

function unreadable(message: string): Collected {
  return {
    sheets: new Map(),
    notes: [],
    issues: [documentIssue(null, 'UNREADABLE_FILE', message)],
  };
}

/**
 * Reads the file and plans its import; nothing is written here. Every limit of `options.limits`
 * holds while reading: a file over one is refused with IMPORT_TOO_LARGE (thrown), whatever its
 * format, as soon as the limit is passed.
 */
export async function planFromStream(input: Readable, options: ImportSourceOptions): Promise<ImportPlan> {
  const limits = options.limits ?? DEFAULT_IMPORT_LIMITS;
  const budget = new ContentBudget(limits);
  const collector = new SheetCollector({
    budget,
    isProtected: options.format !== 'graphml',
    onProgress: options.onProgress,
  });
  try {
    switch (options.format) {
      case 'csv':
        await collectCsv(budget.plain(input), collector, { sheet: options.sheet, fileName: options.fileName });
        break;
      case 'zip':
        // A ZIP's directory is at its end: the upload is held whole (within its limit), not inflated.
        await collectCsvZip(await readBytes(budget.upload(input)), collector, budget);
        break;
      case 'xlsx':
        await collectXlsx(await readBytes(budget.upload(input)), collector, budget);
        break;
      case 'graphml':
        // Read as it streams in: neither the upload nor its text is held whole.
        await collectGraphml(budget.plain(input), collector, {
          defaultLevelKey: defaultLevelKey(options.existing),
          fileName: options.fileName,
          limits,
        });
        break;
      case 'json': {
        const text = (await readBytes(budget.plain(input))).toString('utf8');
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch (error) {
          return planImport(unreadable(`not JSON: ${(error as Error).message}`), options);
        }
        checkDocumentSize(value, limits);
        if (options.mode !== 'MERGE') return planDocument(value, options);
        const parsed = interchangeDocumentSchema.safeParse(value);
        if (!parsed.success) return planDocument(value, options);
        collectDocument(parsed.data, collector);
        break;
      }
    }
  } catch (error) {
    if (isImportTooLarge(error)) throw error;
    return planImport(unreadable(`the ${options.format} file could not be read: ${(error as Error).message}`), options);
  }
  return planImport(collector.finish(), options);
}

async function readBytes(chunks: AsyncIterable<Buffer>): Promise<Buffer> {
  const buffers: Buffer[] = [];
  for await (const chunk of chunks) buffers.push(chunk);
  return Buffer.concat(buffers);
}

/** A document as the rows of every sheet, for merging an interchange document into an organisation. */
function collectDocument(document: InterchangeDocument, collector: SheetCollector): void {
  for (const sheet of documentSheets(document, { isProtected: false })) {
    const sink = collector.begin(sheet.name, sheet.header, sheet.name);
    let row = 1;
    for (const cells of sheet.rows) sink?.row(++row, cells);
    sink?.end();
  }
}
