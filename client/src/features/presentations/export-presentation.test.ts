import { unzipSync } from 'fflate';
import { decodePDFRawStream, PDFArray, PDFDocument, type PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';

import { legendModel } from '../../canvas/legend-model.ts';
import { buildPdf, zipImages } from './export-presentation.ts';

/** A 1×1 white PNG. */
const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC'),
  (c) => c.charCodeAt(0),
);

describe('buildPdf', () => {
  it('makes one landscape page per step, even with text Helvetica cannot encode', async () => {
    const text = (n: number) => ({
      title: `Steg ${n}: nämnd → förvaltning`,
      caption: 'Rektorerna möter skolchefen – ”lös koppling” ≥ 2 gånger per termin 🙂',
      finding: n === 2 ? 'Glapp mellan rektor och lärare' : null,
      footer: `Dialogmöte · ${n} / 3`,
    });
    const bytes = await buildPdf(
      [1, 2, 3].map((n) => ({ image: PNG, names: { shapes: [], texts: [] }, text: text(n) })),
      'Dialogmöte',
      null,
    );
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(3);
    const { width, height } = pdf.getPage(0).getSize();
    expect(width).toBeGreaterThan(height);
    expect(pdf.getTitle()).toBe('Dialogmöte');
  });
});

describe('the PDF keeps its words as text', () => {
  it('writes the level names and the legend as PDF text, not into the picture', async () => {
    const legend = legendModel((key) => key.replace(/^\w+\./, '')); // each text is its key's last part
    const names = { shapes: [], texts: [{ text: 'Rektor', x: 8, y: 100, size: 14, isBold: true, colour: '#1d2430' }] };
    const bytes = await buildPdf(
      [{ image: PNG, names, text: { title: 'Steg', caption: null, finding: null, footer: 'x' } }],
      'Dialogmöte',
      legend,
    );
    const pdf = await PDFDocument.load(bytes);
    const shown = textOf(pdf);
    for (const word of ['Rektor', 'TIGHT', 'STEERING', 'direction', 'neutral', 'Steg']) expect(shown).toContain(word);
  });
});

/** The strings of the first page's text operators (pdf-lib writes standard fonts as hex strings). */
function textOf(pdf: PDFDocument): string {
  const page = pdf.getPage(0);
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray() : [contents];
  let out = '';
  for (const ref of streams) {
    const stream = pdf.context.lookup(ref) as PDFRawStream;
    const raw = new TextDecoder('latin1').decode(decodePDFRawStream(stream).decode());
    for (const m of raw.matchAll(/<([0-9A-Fa-f]+)>\s*Tj/g)) {
      const hex = m[1] ?? '';
      for (let i = 0; i < hex.length; i += 2) out += String.fromCharCode(parseInt(hex.slice(i, i + 2), 16));
      out += ' ';
    }
  }
  return out;
}

describe('zipImages', () => {
  it('zips one PNG per step under its name', async () => {
    const zip = await zipImages([
      { name: '01-hela-kedjan.png', image: PNG },
      { name: '02-glappet.png', image: PNG },
    ]);
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(['01-hela-kedjan.png', '02-glappet.png']);
    expect(files['02-glappet.png']).toEqual(PNG);
  });
});
