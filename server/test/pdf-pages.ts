import { inflateSync } from 'node:zlib';

import { PDFArray, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import type { PDFPage } from 'pdf-lib';

/** WinAnsi bytes pdf-lib writes for the characters below 0xa0 that Latin-1 places elsewhere. */
const WIN_ANSI: Record<number, string> = { 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—' };

/**
 * The text shown on a page, one string per text operator, read back from its content streams:
 * pdf-lib writes every string as hex (`<…> Tj`) in Helvetica's WinAnsi encoding, so finding the
 * words there shows they are text, not pictures of text (no PDF text extractor is among the
 * dependencies; pdf-lib reads the file's structure and node's zlib inflates the streams).
 */
export function pageText(page: PDFPage): string[] {
  const contents = page.node.Contents();
  const streams =
    contents instanceof PDFArray ? contents.asArray().map((ref) => page.doc.context.lookup(ref)) : [contents];
  return streams.flatMap((stream) => {
    if (!(stream instanceof PDFRawStream)) return [];
    const isFlate = stream.dict.get(PDFName.of('Filter')) === PDFName.of('FlateDecode');
    const source = Buffer.from(isFlate ? inflateSync(stream.contents) : stream.contents).toString('latin1');
    return [...source.matchAll(/<([0-9A-Fa-f]*)> Tj/g)].map(([, hex]) =>
      Buffer.from(hex!, 'hex').reduce((text, byte) => text + (WIN_ANSI[byte] ?? String.fromCharCode(byte)), ''),
    );
  });
}

/** A PDF's page count and each page's text (one line per text operator). */
export async function pdfPages(bytes: Uint8Array): Promise<{ count: number; pages: string[] }> {
  const pdf = await PDFDocument.load(bytes);
  return { count: pdf.getPageCount(), pages: pdf.getPages().map((page) => pageText(page).join('\n')) };
}
