import type { Core } from 'cytoscape';

import { decorSvg, type Decor, legendDecor, levelNameDecor, type Measure, paintDecor } from './export-decor.ts';
import { estimateText, LABEL_FONT_FAMILY } from './label-text.ts';
import type { LegendModel } from './legend-model.ts';
import { type LevelBands, namedRows } from './level-bands.ts';
import type { Coupling, LinkKind } from './model.ts';
import { CLASSES } from './stylesheet.ts';
import { type SvgEdge, type SvgNode, svgBounds, toSvg } from './svg.ts';

/** What an export carries besides the map: the level rows and, unless left out, the legend. */
export interface ExportExtras {
  bands: LevelBands;
  legend: LegendModel | null;
}

export const NAME_SIZE = 14;
export const LEGEND_SIZE = 13;

/** Widths for the SVG export, which is measured before any browser draws it. */
const estimate: Measure = (text, size, isBold) => estimateText(text, size) * (isBold ? 1.07 : 1);

export function canvasMeasure(ctx: CanvasRenderingContext2D): Measure {
  return (text, size, isBold) => {
    ctx.font = `${isBold ? 'bold ' : ''}${size}px ${LABEL_FONT_FAMILY}`;
    return ctx.measureText(text).width;
  };
}

export function nameMargin(extras: Pick<ExportExtras, 'bands'>, measure: Measure, size: number): number {
  const widest = Math.max(0, ...namedRows(extras.bands).map((b) => measure(b.name, size, true)));
  return widest > 0 ? widest + 2 * size : 0;
}

export function bandRects(
  extras: Pick<ExportExtras, 'bands'>,
  toX: (x: number) => number,
  toY: (y: number) => number,
): Decor {
  const shapes: Decor['shapes'] = extras.bands.bands.map((band) => ({
    kind: 'rect',
    x: toX(band.x1),
    y: toY(band.y1),
    width: toX(band.x2) - toX(band.x1),
    height: toY(band.y2) - toY(band.y1),
    fill: band.index % 2 === 0 ? '#e6ebf2' : '#eff2f6',
    stroke: null,
    dash: null,
  }));
  const lane = extras.bands.lane;
  if (lane) {
    shapes.push({
      kind: 'rect',
      x: toX(lane.x1),
      y: toY(lane.y1),
      width: toX(lane.x2) - toX(lane.x1),
      height: toY(lane.y2) - toY(lane.y1),
      fill: '#f4efe4',
      stroke: '#b9a57e',
      dash: [6, 5],
    });
  }
  return { shapes, texts: [] };
}

/**
 * The whole map (not just the viewport) as a PNG at twice the resolution: the level rows behind
 * it, their names in a margin on the left, and the legend under it unless left out.
 */
export async function exportPng(cy: Core, extras: ExportExtras): Promise<Blob> {
  const box = cy.elements().boundingBox({});
  const map = await createImageBitmap(
    cy.png({ output: 'blob', full: true, scale: 2, maxWidth: 8000, maxHeight: 8000 }),
  );
  const scale = map.width / Math.max(1, box.w);
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('No 2D canvas to draw the PNG on');
  const measure = canvasMeasure(ctx);
  const names = NAME_SIZE * scale;
  const margin = nameMargin(extras, measure, names);
  const pad = 16 * scale;
  const width = margin + map.width + pad;
  const legend = extras.legend
    ? legendDecor(
        extras.legend,
        { left: pad, top: pad + map.height + pad, width: width - 2 * pad },
        LEGEND_SIZE * scale,
        measure,
      )
    : null;
  canvas.width = Math.ceil(width);
  canvas.height = Math.ceil(pad + map.height + pad + (legend ? legend.height + pad : 0));
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  const toX = (x: number) => margin + (x - box.x1) * scale;
  const toY = (y: number) => pad + (y - box.y1) * scale;
  paintDecor(ctx, bandRects(extras, toX, toY), LABEL_FONT_FAMILY);
  ctx.drawImage(map, margin, pad);
  paintDecor(
    ctx,
    levelNameDecor(namedRows(extras.bands), toY, { left: pad / 2, top: 0, bottom: canvas.height }, names),
    LABEL_FONT_FAMILY,
  );
  if (legend) paintDecor(ctx, legend.decor, LABEL_FONT_FAMILY);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be made'))), 'image/png'),
  );
}

/** The visible elements, redrawn as SVG with the same encoding (see svg.ts), rows, names and legend. */
export function exportSvg(cy: Core, extras: ExportExtras): string {
  const nodes: SvgNode[] = cy.nodes(':visible').map((node) => {
    const box = node.boundingBox({ includeLabels: false, includeOverlays: false });
    const isUnit = node.isParent() || node.hasClass('unit');
    return {
      x: node.position('x'),
      y: node.position('y'),
      width: box.w,
      height: box.h,
      label: String(node.data('label') ?? ''),
      fontSize: isUnit ? parseFloat(String(node.style('font-size'))) : Number(node.data('fontSize') ?? 15),
      fill: String(node.style('background-color')),
      isUnit,
      isSide: node.hasClass('side'),
      opacity: node.hasClass(CLASSES.dimmed) ? 0.15 : 1,
    };
  });
  const edges: SvgEdge[] = cy.edges(':visible').map((edge) => ({
    x1: edge.source().position('x'),
    y1: edge.source().position('y'),
    x2: edge.target().position('x'),
    y2: edge.target().position('y'),
    coupling: edge.data('coupling') as Coupling,
    kind: edge.data('kind') as LinkKind,
    dir: edge.hasClass('dir-forward') ? 'forward' : edge.hasClass('dir-backward') ? 'backward' : 'none',
    opacity: edge.hasClass(CLASSES.dimmed) ? 0.15 : 1,
    isBundle: edge.hasClass('bundle'),
  }));
  const map = svgBounds(nodes);
  const margin = nameMargin(extras, estimate, NAME_SIZE);
  const x1 = map.x1 - margin;
  const legend = extras.legend
    ? legendDecor(extras.legend, { left: x1 + 16, top: map.y2 + 8, width: map.x2 - x1 - 32 }, LEGEND_SIZE, estimate)
    : null;
  const same = (v: number) => v;
  const names = levelNameDecor(
    namedRows(extras.bands),
    same,
    { left: x1 + 10, top: map.y1, bottom: map.y2 },
    NAME_SIZE,
  );
  return toSvg(nodes, edges, {
    under: decorSvg(bandRects(extras, same, same), LABEL_FONT_FAMILY),
    over: [decorSvg(names, LABEL_FONT_FAMILY), legend ? decorSvg(legend.decor, LABEL_FONT_FAMILY) : ''].join('\n'),
    bounds: { x1, y1: map.y1, x2: map.x2, y2: map.y2 + (legend ? legend.height + 16 : 0) },
  });
}
