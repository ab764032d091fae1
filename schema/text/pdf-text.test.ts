import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';

import { fileSlug, sanitiseForFont, wrapText } from './pdf-text.ts';

async function helvetica() {
  const pdf = await PDFDocument.create();
  return pdf.embedFont(StandardFonts.Helvetica);
}

describe('sanitiseForFont', () => {
  it('keeps Swedish letters, é and typographic punctuation that WinAnsi has', async () => {
    const font = await helvetica();
    const charset = new Set(font.getCharacterSet());
    const text = 'Rektorsnivån – ”förstelärare” på Ekskolan, café… Åsa Öberg';
    expect(sanitiseForFont(text, charset)).toBe(text);
  });

  it('replaces what Helvetica cannot encode, so pdf-lib does not throw', async () => {
    const font = await helvetica();
    const charset = new Set(font.getCharacterSet());
    const raw = 'Nämnd → förvaltning, −2 ≥ 1, Łódź ő 中 🙂';
    expect(() => font.encodeText(raw)).toThrow();
    const clean = sanitiseForFont(raw, charset);
    expect(clean).toBe('Nämnd -> förvaltning, -2 >= 1, Lódz o ? ?');
    expect(() => font.encodeText(clean)).not.toThrow();
  });

  it('joins a decomposed letter before checking it', () => {
    const charset = new Set([...'abcå'].map((c) => c.codePointAt(0) ?? 0));
    expect(sanitiseForFont('a\u030a', charset)).toBe('å');
  });
});

describe('wrapText', () => {
  const measure = (s: string) => s.length;
  it('wraps at words and keeps paragraphs', () => {
    expect(wrapText('en två tre fyra\nfem', 8, measure)).toEqual(['en två', 'tre fyra', 'fem']);
  });
  it('breaks a word longer than a line', () => {
    expect(wrapText('abcdefghij', 4, measure)).toEqual(['abcd', 'efgh', 'ij']);
  });
  it('cuts at the line limit with an ellipsis', () => {
    expect(wrapText('ett två tre fyra fem sex', 7, measure, 2)).toEqual(['ett två', 'tre…']);
  });
});

describe('fileSlug', () => {
  it('makes a readable ASCII file name part', () => {
    expect(fileSlug('Steg 2: Glappet mellan rektor & lärare')).toBe('steg-2-glappet-mellan-rektor-larare');
    expect(fileSlug('中文')).toBe('step');
  });
});
