import { renderStepImages } from '../../canvas/step-camera.ts';
import { fileSlug, sanitiseForFont, wrapText } from './pdf-text.ts';
import { toStepFrame } from './step-view.ts';
import type { Show } from './types.ts';

export type ExportFormat = 'pdf' | 'png';

export interface ExportProgress {
  done: number;
  total: number;
}

/** The size each step is drawn at: 16:9, like most projectors. */
const IMAGE = { width: 1600, height: 900 };
/** A4 landscape in PDF points. */
const PAGE = { width: 841.89, height: 595.28, margin: 36 };

export interface PageText {
  title: string;
  caption: string | null;
  finding: string | null;
  footer: string;
}

async function stepImages(
  show: Show,
  format: 'png' | 'jpg',
  onProgress: (p: ExportProgress) => void,
): Promise<Uint8Array[]> {
  const frames = show.presentation.steps.flatMap((step) => {
    const frame = toStepFrame(show.maps, step);
    return frame ? [frame] : [];
  });
  onProgress({ done: 0, total: frames.length });
  const blobs = await renderStepImages(frames, { ...IMAGE, format }, (done, total) => onProgress({ done, total }));
  return Promise.all(blobs.map(async (b) => new Uint8Array(await b.arrayBuffer())));
}

function isPng(bytes: Uint8Array): boolean {
  return bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
}

/** One landscape page per step: the map on top, title and caption under it, a footer line. */
export async function buildPdf(
  /** PNG or JPEG bytes of each step's map, with its texts. */
  pages: { image: Uint8Array; text: PageText }[],
  title: string,
): Promise<Uint8Array> {
  const { PDFDocument, StandardFonts, rgb } = await import('pdf-lib');
  const pdf = await PDFDocument.create();
  pdf.setTitle(title);
  pdf.setCreator('Kopplingskartan');
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const charset = new Set(regular.getCharacterSet());
  const clean = (s: string) => sanitiseForFont(s, charset);
  const ink = rgb(0.11, 0.14, 0.19);
  const muted = rgb(0.36, 0.4, 0.45);
  const width = PAGE.width - 2 * PAGE.margin;
  const embedImage = (bytes: Uint8Array) => (isPng(bytes) ? pdf.embedPng(bytes) : pdf.embedJpg(bytes));

  for (const { image, text } of pages) {
    const page = pdf.addPage([PAGE.width, PAGE.height]);
    const block = (value: string, font: typeof regular, size: number, maxLines: number, colour: typeof ink) => ({
      lines: wrapText(clean(value), width, (s) => font.widthOfTextAtSize(s, size), maxLines),
      font,
      size,
      colour,
    });
    const blocks = [block(text.title, bold, 20, 2, ink)];
    if (text.caption) blocks.push(block(text.caption, regular, 12, 5, ink));
    if (text.finding) blocks.push(block(text.finding, regular, 10, 3, muted));
    const gap = 6;
    const textHeight = blocks.reduce((h, b) => h + b.lines.length * b.size * 1.25 + gap, 0);
    const footerHeight = 16;
    // The map takes what the text leaves, kept in proportion and centred.
    const boxTop = PAGE.height - PAGE.margin;
    const boxHeight = boxTop - PAGE.margin - footerHeight - textHeight - 10;
    const picture = await embedImage(image);
    const scale = Math.min(width / picture.width, Math.max(10, boxHeight) / picture.height);
    const w = picture.width * scale;
    const h = picture.height * scale;
    page.drawImage(picture, { x: PAGE.margin + (width - w) / 2, y: boxTop - h, width: w, height: h });
    page.drawRectangle({
      x: PAGE.margin + (width - w) / 2,
      y: boxTop - h,
      width: w,
      height: h,
      borderColor: rgb(0.85, 0.87, 0.9),
      borderWidth: 0.75,
    });
    let y = boxTop - h - 10;
    for (const block of blocks) {
      for (const line of block.lines) {
        y -= block.size * 1.25;
        page.drawText(line, { x: PAGE.margin, y, size: block.size, font: block.font, color: block.colour });
      }
      y -= gap;
    }
    const footer = clean(text.footer);
    page.drawText(footer, {
      x: PAGE.width - PAGE.margin - regular.widthOfTextAtSize(footer, 9),
      y: PAGE.margin - 12,
      size: 9,
      font: regular,
      color: muted,
    });
  }
  return pdf.save();
}

export function zipImages(files: { name: string; image: Uint8Array }[]): Promise<Uint8Array> {
  return import('fflate').then(({ zipSync }) =>
    // PNGs are compressed already: store them.
    zipSync(Object.fromEntries(files.map((f) => [f.name, [f.image, { level: 0 }]]))),
  );
}

/**
 * Renders every step and returns the file to download: a PDF with one page per step, or a zip with
 * one PNG per step. `textFor` gives each step's texts in the user's language.
 */
export async function exportPresentation(
  show: Show,
  format: ExportFormat,
  textFor: (index: number) => PageText,
  onProgress: (p: ExportProgress) => void,
): Promise<{ filename: string; blob: Blob }> {
  const images = await stepImages(show, format === 'pdf' ? 'jpg' : 'png', onProgress);
  const base = fileSlug(show.presentation.name, 'presentation');
  if (format === 'pdf') {
    const bytes = await buildPdf(
      images.map((image, i) => ({ image, text: textFor(i) })),
      show.presentation.name,
    );
    return { filename: `${base}.pdf`, blob: new Blob([bytes as BlobPart], { type: 'application/pdf' }) };
  }
  const files = images.map((image, i) => ({
    name: `${String(i + 1).padStart(2, '0')}-${fileSlug(textFor(i).title)}.png`,
    image,
  }));
  const zip = await zipImages(files);
  return { filename: `${base}-png.zip`, blob: new Blob([zip as BlobPart], { type: 'application/zip' }) };
}
