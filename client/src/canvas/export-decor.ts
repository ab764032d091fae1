import type { LegendModel } from './legend-model.ts';
import type { Band } from './level-bands.ts';
import { NODE_BORDER, SIDE_FILL, TEXT_COLOUR } from './appearance.ts';

/**
 * What an exported picture carries besides the map: the level rows' names and the legend, laid out
 * once as plain shapes and texts, then painted by whichever medium exports (a 2D canvas for PNG,
 * SVG markup, or PDF drawing operations that keep the text selectable). Pure.
 */
export type DecorShape =
  | {
      kind: 'line';
      x1: number;
      y1: number;
      x2: number;
      y2: number;
      colour: string;
      width: number;
      dash: number[] | null;
      opacity: number;
    }
  | {
      kind: 'rect';
      x: number;
      y: number;
      width: number;
      height: number;
      fill: string | null;
      stroke: string | null;
      dash: number[] | null;
    }
  | {
      kind: 'ellipse';
      cx: number;
      cy: number;
      rx: number;
      ry: number;
      fill: string;
      stroke: string;
      dash: number[] | null;
    }
  | { kind: 'triangle'; points: [number, number][]; colour: string };

export interface DecorText {
  text: string;
  /** Left end of the text's baseline. */
  x: number;
  y: number;
  size: number;
  isBold: boolean;
  colour: string;
}

export interface Decor {
  shapes: DecorShape[];
  texts: DecorText[];
}

export type Measure = (text: string, size: number, isBold: boolean) => number;

const MUTED = '#4a5565';

interface Part {
  width: number;
  draw: (x: number, baseline: number, out: Decor) => void;
}

function textPart(text: string, size: number, isBold: boolean, colour: string, measure: Measure): Part {
  return {
    width: measure(text, size, isBold),
    draw: (x, baseline, out) => out.texts.push({ text, x, y: baseline, size, isBold, colour }),
  };
}

function dashOf(dashArray: string | null, scale: number): number[] | null {
  return dashArray ? dashArray.split(' ').map((n) => Number(n) * scale) : null;
}

/**
 * The legend as rows of items that wrap at `width`, starting at (`left`, `top`). Returns what to
 * draw and the height it takes. `size` is the text size; every other measure follows from it.
 */
export function legendDecor(
  legend: LegendModel,
  box: { left: number; top: number; width: number },
  size: number,
  measure: Measure,
): { decor: Decor; height: number } {
  const s = size / 12;
  const small = size * 0.92;
  const items: Part[][] = [];
  /** A drawn sample `width` wide (unscaled), its shapes placed around the text's middle line `y`. */
  const symbol = (width: number, shapes: (x: number, y: number) => DecorShape[]): Part => ({
    width: width * s,
    draw: (x, baseline, out) => out.shapes.push(...shapes(x, baseline - size * 0.35)),
  });
  items.push([textPart(`${legend.couplingHeading}:`, size, true, TEXT_COLOUR, measure)]);
  for (const c of legend.couplings) {
    const sample = symbol(40, (x, y) => [
      {
        kind: 'line',
        x1: x,
        y1: y,
        x2: x + 40 * s,
        y2: y,
        colour: '#333333',
        width: c.style.width * s,
        dash: dashOf(c.style.dashArray, s),
        opacity: c.style.opacity,
      },
      ...(c.style.hasBreak
        ? [
            {
              kind: 'line' as const,
              x1: x + 20 * s,
              y1: y - 6 * s,
              x2: x + 20 * s,
              y2: y + 6 * s,
              colour: '#333333',
              width: 2.5 * s,
              dash: null,
              opacity: 1,
            },
          ]
        : []),
    ]);
    items.push([
      sample,
      textPart(c.label, size, true, TEXT_COLOUR, measure),
      textPart(c.help, small, false, MUTED, measure),
    ]);
  }
  items.push([textPart(`${legend.kindHeading}:`, size, true, TEXT_COLOUR, measure)]);
  for (const k of legend.kinds) {
    const swatch = symbol(18, (x, y) => [
      { kind: 'rect', x, y: y - 2 * s, width: 18 * s, height: 4 * s, fill: k.colour, stroke: null, dash: null },
    ]);
    items.push([swatch, textPart(k.label, size, false, TEXT_COLOUR, measure)]);
  }
  const arrow = symbol(34, (x, y) => [
    { kind: 'line', x1: x, y1: y, x2: x + 24 * s, y2: y, colour: '#333333', width: 2 * s, dash: null, opacity: 1 },
    {
      kind: 'triangle',
      points: [
        [x + 24 * s, y - 5 * s],
        [x + 33 * s, y],
        [x + 24 * s, y + 5 * s],
      ],
      colour: '#333333',
    },
  ]);
  items.push([arrow, textPart(legend.direction, size, false, TEXT_COLOUR, measure)]);
  const side = symbol(16, (x, y) => [
    {
      kind: 'ellipse',
      cx: x + 8 * s,
      cy: y,
      rx: 8 * s,
      ry: 5.5 * s,
      fill: SIDE_FILL,
      stroke: NODE_BORDER,
      dash: [3 * s, 2 * s],
    },
  ]);
  items.push([side, textPart(legend.side, size, false, TEXT_COLOUR, measure)]);
  const unit = symbol(16, (x, y) => [
    {
      kind: 'rect',
      x,
      y: y - 5.5 * s,
      width: 16 * s,
      height: 11 * s,
      fill: null,
      stroke: '#6b7480',
      dash: [3 * s, 2 * s],
    },
  ]);
  items.push([unit, textPart(legend.unit, size, false, TEXT_COLOUR, measure)]);
  items.push([
    textPart('≠', size, true, TEXT_COLOUR, measure),
    textPart(legend.disagree, size, false, TEXT_COLOUR, measure),
  ]);
  for (const word of legend.neutral.split(' ')) items.push([textPart(word, small, false, MUTED, measure)]);

  const decor: Decor = { shapes: [], texts: [] };
  const innerGap = 5 * s;
  const itemGap = 14 * s;
  const wordGap = measure(' ', small, false);
  const lineHeight = size * 1.6;
  const titleWidth = measure(legend.title, size, true) + itemGap;
  let x = box.left + titleWidth;
  let baseline = box.top + size * 1.15;
  decor.texts.push({ text: legend.title, x: box.left, y: baseline, size, isBold: true, colour: TEXT_COLOUR });
  const neutralFrom = items.length - legend.neutral.split(' ').length;
  items.forEach((parts, i) => {
    const width = parts.reduce((w, p) => w + p.width, 0) + innerGap * (parts.length - 1);
    const gap = i > neutralFrom ? wordGap : itemGap;
    if (x > box.left + titleWidth && x + width > box.left + box.width) {
      x = box.left + titleWidth;
      baseline += lineHeight;
    } else if (x > box.left + titleWidth) {
      x += gap;
    }
    let at = x;
    for (const part of parts) {
      part.draw(at, baseline, decor);
      at += part.width + innerGap;
    }
    x += width;
  });
  return { decor, height: baseline - box.top + size * 0.6 };
}

/**
 * The level rows' names in a margin left of the map, each at its row's middle. `toY` maps a
 * model y to the picture; rows outside the picture are left out.
 */
export function levelNameDecor(
  bands: readonly Pick<Band, 'name' | 'y1' | 'y2'>[],
  toY: (modelY: number) => number,
  box: { left: number; top: number; bottom: number },
  size: number,
): Decor {
  const texts: DecorText[] = [];
  for (const band of bands) {
    const y = (toY(band.y1) + toY(band.y2)) / 2 + size * 0.35;
    if (y < box.top + size || y > box.bottom) continue;
    texts.push({ text: band.name, x: box.left, y, size, isBold: true, colour: TEXT_COLOUR });
  }
  return { shapes: [], texts };
}

/** Paints decor on a 2D canvas (the PNG exports). */
export function paintDecor(ctx: CanvasRenderingContext2D, decor: Decor, fontFamily: string): void {
  for (const shape of decor.shapes) {
    ctx.save();
    if (shape.kind === 'line') {
      ctx.globalAlpha = shape.opacity;
      ctx.strokeStyle = shape.colour;
      ctx.lineWidth = shape.width;
      ctx.setLineDash(shape.dash ?? []);
      ctx.beginPath();
      ctx.moveTo(shape.x1, shape.y1);
      ctx.lineTo(shape.x2, shape.y2);
      ctx.stroke();
    } else if (shape.kind === 'rect') {
      ctx.setLineDash(shape.dash ?? []);
      if (shape.fill) {
        ctx.fillStyle = shape.fill;
        ctx.fillRect(shape.x, shape.y, shape.width, shape.height);
      }
      if (shape.stroke) {
        ctx.strokeStyle = shape.stroke;
        ctx.strokeRect(shape.x, shape.y, shape.width, shape.height);
      }
    } else if (shape.kind === 'ellipse') {
      ctx.setLineDash(shape.dash ?? []);
      ctx.beginPath();
      ctx.ellipse(shape.cx, shape.cy, shape.rx, shape.ry, 0, 0, Math.PI * 2);
      ctx.fillStyle = shape.fill;
      ctx.fill();
      ctx.strokeStyle = shape.stroke;
      ctx.stroke();
    } else {
      ctx.beginPath();
      shape.points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
      ctx.closePath();
      ctx.fillStyle = shape.colour;
      ctx.fill();
    }
    ctx.restore();
  }
  for (const text of decor.texts) {
    ctx.font = `${text.isBold ? 'bold ' : ''}${text.size}px ${fontFamily}`;
    ctx.fillStyle = text.colour;
    ctx.fillText(text.text, text.x, text.y);
  }
}

function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c,
  );
}

/** The same decor as SVG markup (the SVG export). */
export function decorSvg(decor: Decor, fontFamily: string): string {
  const dash = (d: number[] | null) => (d ? ` stroke-dasharray="${d.join(' ')}"` : '');
  const shapes = decor.shapes.map((shape) => {
    if (shape.kind === 'line')
      return `<line x1="${shape.x1}" y1="${shape.y1}" x2="${shape.x2}" y2="${shape.y2}" stroke="${shape.colour}" stroke-width="${shape.width}" opacity="${shape.opacity}"${dash(shape.dash)}/>`;
    if (shape.kind === 'rect')
      return `<rect x="${shape.x}" y="${shape.y}" width="${shape.width}" height="${shape.height}" fill="${shape.fill ?? 'none'}"${shape.stroke ? ` stroke="${shape.stroke}"` : ''}${dash(shape.dash)}/>`;
    if (shape.kind === 'ellipse')
      return `<ellipse cx="${shape.cx}" cy="${shape.cy}" rx="${shape.rx}" ry="${shape.ry}" fill="${shape.fill}" stroke="${shape.stroke}"${dash(shape.dash)}/>`;
    return `<polygon points="${shape.points.map((p) => p.join(',')).join(' ')}" fill="${shape.colour}"/>`;
  });
  const texts = decor.texts.map(
    (t) =>
      `<text x="${t.x}" y="${t.y}" font-size="${t.size}"${t.isBold ? ' font-weight="bold"' : ''} fill="${t.colour}" font-family='${fontFamily}'>${escapeXml(t.text)}</text>`,
  );
  return [...shapes, ...texts].join('\n');
}
