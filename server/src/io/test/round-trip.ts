/** Export → import helpers shared by the round-trip tests. */
import { PassThrough, Readable } from 'node:stream';

import type { InterchangeDocument } from '@kopplingskartan/schema/interchange';

import { canonicalDocument, contentsToDocument } from '../../domain/document.ts';
import { csvChunks, csvZip } from '../csv/csv-export.ts';
import { documentSheets } from '../document-sheets.ts';
import { graphmlChunks } from '../graphml/graphml-export.ts';
import type { ImportPlan } from '../import-plan.ts';
import { type ImportFormat, planFromStream, readAll, type ImportSourceOptions } from '../import-source.ts';
import type { Lang } from '../spreadsheet-layout.ts';
import { writeXlsx } from '../xlsx/xlsx-export.ts';

export async function exportAs(
  document: InterchangeDocument,
  format: ImportFormat,
  lang: Lang = 'en',
): Promise<Buffer> {
  switch (format) {
    case 'zip':
      return readAll(Readable.from(csvZip(documentSheets(document, { lang }), lang)), 1e9);
    case 'xlsx': {
      const out = new PassThrough();
      const bytes = readAll(out, 1e9);
      await writeXlsx(documentSheets(document, { lang }), out, { lang });
      return bytes;
    }
    case 'graphml':
      return Buffer.from([...graphmlChunks(document)].join(''), 'utf8');
    case 'json':
      return Buffer.from(JSON.stringify(document), 'utf8');
    case 'csv': {
      const [links] = documentSheets(document, { lang, sheets: ['links'] });
      return Buffer.from([...csvChunks(links!)].join(''), 'utf8');
    }
  }
}

export function planBytes(
  bytes: Buffer | string,
  options: Partial<ImportSourceOptions> & Pick<ImportSourceOptions, 'format'>,
): Promise<ImportPlan> {
  return planFromStream(Readable.from([Buffer.from(bytes)]), { mode: 'CREATE', existing: null, ...options });
}

export function canonical(document: InterchangeDocument): InterchangeDocument {
  return canonicalDocument(document);
}

/** The organisation an accepted plan would write, in canonical order. */
export function planned(plan: ImportPlan): InterchangeDocument {
  if (!plan.contents) throw new Error(`plan refused: ${JSON.stringify(plan.issues.slice(0, 5))}`);
  return canonicalDocument(contentsToDocument(plan.contents));
}
