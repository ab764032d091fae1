/**
 * Decompression bombs for the import limits' tests, made on the fly: each is a few hundred KiB
 * on disk and inflates to hundreds of MiB. The repeated text is deflated as it is produced, so
 * making one never holds its inflated size in memory.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, createDeflateRaw } from 'node:zlib';

import { readAll } from '../import-source.ts';
import { type RawZipEntry, zipRawStream } from '../zip/zip.ts';

const BLOCK = 1024 * 1024;

/** A deflated ZIP entry holding `head`, then `unit` repeated `count` times, then `tail`. */
export async function repeatedEntry(
  name: string,
  parts: { head?: string; unit: string; count: number; tail?: string },
): Promise<RawZipEntry> {
  const unitsPerBlock = Math.max(1, Math.floor(BLOCK / Buffer.byteLength(parts.unit)));
  const block = Buffer.from(parts.unit.repeat(unitsPerBlock));
  let crc = 0;
  let size = 0;
  function* pieces(): Generator<Buffer> {
    const take = (piece: Buffer) => {
      crc = crc32(piece, crc);
      size += piece.length;
      return piece;
    };
    if (parts.head) yield take(Buffer.from(parts.head));
    for (let left = parts.count; left > 0; left -= unitsPerBlock) {
      yield take(left >= unitsPerBlock ? block : Buffer.from(parts.unit.repeat(left)));
    }
    if (parts.tail) yield take(Buffer.from(parts.tail));
  }
  const chunks: Buffer[] = [];
  await pipeline(Readable.from(pieces()), createDeflateRaw({ level: 9 }), async (deflated) => {
    for await (const chunk of deflated) chunks.push(chunk as Buffer);
  });
  return { name, method: 8, crc, size, raw: Buffer.concat(chunks) };
}

/** A small entry, deflated. */
export function smallEntry(name: string, text: string): Promise<RawZipEntry> {
  return repeatedEntry(name, { unit: text, count: 1 });
}

export function zipOf(entries: RawZipEntry[]): Promise<Buffer> {
  return readAll(Readable.from(zipRawStream(entries)), 2 ** 30);
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** An inline-string cell. */
function cell(text: string): string {
  return `<c t="inlineStr"><is><t>${text}</t></is></c>`;
}

/** A workbook whose one sheet, "actors", has a header and then `rows` rows of one teacher each. */
export async function xlsxBomb(rows: number): Promise<Buffer> {
  return zipOf([
    await smallEntry(
      'xl/workbook.xml',
      `<workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}"><sheets><sheet name="actors" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    await smallEntry(
      'xl/_rels/workbook.xml.rels',
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${RELATIONSHIPS}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    ),
    await repeatedEntry('xl/worksheets/sheet1.xml', {
      head: `<worksheet xmlns="${MAIN}"><sheetData><row>${cell('name')}${cell('level')}</row>`,
      unit: `<row>${cell('Lärare')}${cell('teacher')}</row>`,
      count: rows,
      tail: '</sheetData></worksheet>',
    }),
  ]);
}

/** A ZIP of one CSV sheet, actors.csv, with `rows` teachers. */
export async function csvZipBomb(rows: number): Promise<Buffer> {
  return zipOf([
    await repeatedEntry('actors.csv', { head: 'name,level\r\n', unit: 'Lärare,teacher\r\n', count: rows }),
  ]);
}

/** A ZIP whose only entry is not a CSV file: `bytes` zeros, to be skipped. */
export async function skippedEntryBomb(bytes: number): Promise<Buffer> {
  return zipOf([await repeatedEntry('readme.bin', { unit: '\0', count: bytes })]);
}
