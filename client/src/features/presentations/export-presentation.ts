import { fileSlug, sanitiseForFont, wrapText } from '@kopplingskartan/schema/text';

import { type Decor, legendDecor, type Measure } from '../../canvas/export-decor.ts';
import type { LegendModel } from '../../canvas/legend-model.ts';
import { renderStepImages, type StepImage } from '../../canvas/step-images.ts';
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

/** A step's picture and, for a PDF, the level names it leaves to be written as text. */
export interface PageImage {
  bytes: Uint8Array;
  names: Decor;
}

async function stepImages(
  show: Show,
  options: { format: 'png' | 'jpg'; legend: LegendModel | null; paintNames: boolean },
  onProgress: (p: ExportProgress) => void,
): Promise<PageImage[]> {
  const frames = show.presentation.steps.flatMap((step) => {
    const frame = toStepFrame(show.maps, step);
    return frame ? [frame] : [];
  });
  onProgress({ done: 0, total: frames.length });
  const images = await renderStepImages(frames, { ...IMAGE, ...options }, (done, total) => onProgress({ done, total }));
  return Promise.all(
    images.map(async (i: StepImage) => ({ bytes: new Uint8Array(await i.image.arrayBuffer()), names: i.names })),
  );
}

function hexColour(hex: string): { r: number; g: number; b: number } {
  const n = parseInt(hex.replace('#', ''), 16);
  return { r: ((n >> 16) & 255) / 255, g: ((n >> 8) & 255) / 255, b: (n & 255) / 255 };
}

function isPng(bytes: Uint8Array): boolean {
  return bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47;
}

/**
 * One landscape page per step: the map on top with its level names, the legend under it, title
 * and caption under that, a footer line. Every text (names and legend included) is PDF text, so it
 * can be selected, searched and read aloud; only the map itself is a picture.
 */
export async function buildPdf(
  /** PNG or JPEG bytes of each step's map with the level names to write on it, and its texts. */
  pages: { image: Uint8Array; names: Decor; text: PageText }[],
  title: string,
  legend: LegendModel | null,
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
  const measure: Measure = (s, size, isBold) => (isBold ? bold : regular).widthOfTextAtSize(clean(s), size);
  const colour = (hex: string) => {
    const c = hexColour(hex);
    return rgb(c.r, c.g, c.b);
  };
  /** Draws decor laid out in a top-down box whose top left is at (left, top) in PDF points. */
  const drawDecor = (page: ReturnType<typeof pdf.addPage>, decor: Decor, left: number, top: number, k = 1) => {
    const X = (x: number) => left + x * k;
    const Y = (y: number) => top - y * k;
    for (const shape of decor.shapes) {
      const dash = (d: number[] | null) => (d ? { dashArray: d.map((v) => v * k) } : {});
      if (shape.kind === 'line') {
        page.drawLine({
          start: { x: X(shape.x1), y: Y(shape.y1) },
          end: { x: X(shape.x2), y: Y(shape.y2) },
          thickness: shape.width * k,
          color: colour(shape.colour),
          opacity: shape.opacity,
          ...dash(shape.dash),
        });
      } else if (shape.kind === 'rect') {
        page.drawRectangle({
          x: X(shape.x),
          y: Y(shape.y + shape.height),
          width: shape.width * k,
          height: shape.height * k,
          ...(shape.fill ? { color: colour(shape.fill) } : {}),
          ...(shape.stroke
            ? {
                borderColor: colour(shape.stroke),
                borderWidth: 0.75,
                ...(shape.dash ? { borderDashArray: shape.dash } : {}),
              }
            : {}),
        });
      } else if (shape.kind === 'ellipse') {
        page.drawEllipse({
          x: X(shape.cx),
          y: Y(shape.cy),
          xScale: shape.rx * k,
          yScale: shape.ry * k,
          color: colour(shape.fill),
          borderColor: colour(shape.stroke),
          borderWidth: 0.75,
          ...(shape.dash ? { borderDashArray: shape.dash } : {}),
        });
      } else {
        const [a, b, c] = shape.points.map(([x, y]) => `${X(x)} ${-Y(y)}`);
        page.drawSvgPath(`M ${a} L ${b} L ${c} Z`, { x: 0, y: 0, color: colour(shape.colour) });
      }
    }
    for (const t of decor.texts) {
      page.drawText(clean(t.text), {
        x: X(t.x),
        y: Y(t.y),
        size: t.size * k,
        font: t.isBold ? bold : regular,
        color: colour(t.colour),
      });
    }
  };
  const legendBlock = legend ? legendDecor(legend, { left: 0, top: 0, width }, 8, measure) : null;

  for (const { image, names, text } of pages) {
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
    const legendHeight = legendBlock ? legendBlock.height + 8 : 0;
    const boxHeight = boxTop - PAGE.margin - footerHeight - textHeight - legendHeight - 10;
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
    // The level names, written on the picture's left margin where they stand on screen.
    drawDecor(page, names, PAGE.margin + (width - w) / 2, boxTop, scale);
    let y = boxTop - h - 10;
    if (legendBlock) {
      drawDecor(page, legendBlock.decor, PAGE.margin, y);
      y -= legendHeight;
    }
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
  /** The legend to show, or null to leave it out. */
  legend: LegendModel | null,
): Promise<{ filename: string; blob: Blob }> {
  const isPdf = format === 'pdf';
  // A PDF writes the legend and the level names itself, as text; PNG images carry them painted.
  const images = await stepImages(
    show,
    { format: isPdf ? 'jpg' : 'png', legend: isPdf ? null : legend, paintNames: !isPdf },
    onProgress,
  );
  const base = fileSlug(show.presentation.name, 'presentation');
  if (isPdf) {
    const bytes = await buildPdf(
      images.map((image, i) => ({ image: image.bytes, names: image.names, text: textFor(i) })),
      show.presentation.name,
      legend,
    );
    return { filename: `${base}.pdf`, blob: new Blob([bytes as BlobPart], { type: 'application/pdf' }) };
  }
  const files = images.map((image, i) => ({
    name: `${String(i + 1).padStart(2, '0')}-${fileSlug(textFor(i).title)}.png`,
    image: image.bytes,
  }));
  const zip = await zipImages(files);
  return { filename: `${base}-png.zip`, blob: new Blob([zip as BlobPart], { type: 'application/zip' }) };
}
