import { unzipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';

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
      [1, 2, 3].map((n) => ({ image: PNG, text: text(n) })),
      'Dialogmöte',
    );
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(3);
    const { width, height } = pdf.getPage(0).getSize();
    expect(width).toBeGreaterThan(height);
    expect(pdf.getTitle()).toBe('Dialogmöte');
  });
});

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
