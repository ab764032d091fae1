import { createCy, LARGE_MAP } from './cy-instance.ts';
import { bandRects, canvasMeasure, LEGEND_SIZE, NAME_SIZE, nameMargin } from './export.ts';
import { type Decor, legendDecor, levelNameDecor, paintDecor } from './export-decor.ts';
import { LABEL_FONT_FAMILY } from './label-text.ts';
import type { LegendModel } from './legend-model.ts';
import { levelBands, namedRows } from './level-bands.ts';
import { bandNodes } from './level-overlay.ts';
import type { ClassSets } from './class-sets.ts';
import type { CanvasMap } from './model.ts';
import { drawStep, moveCamera, type StepCamera } from './step-camera.ts';

export interface StepImageFrame {
  map: CanvasMap;
  classSets: ClassSets;
  camera: StepCamera;
}

export interface StepImage {
  image: Blob;
  /** The level names in image pixels, when they were left for the caller to write (a PDF's text). */
  names: Decor;
}

export interface StepImageOptions {
  width: number;
  height: number;
  scale?: number;
  format?: 'png' | 'jpg';
  /** The legend to paint in each image, or null for none (a PDF writes its own, as text). */
  legend: LegendModel | null;
  /** Paint the level names into the image, or only leave room for them (a PDF writes them). */
  paintNames: boolean;
}

/**
 * Renders each step to an image of a fixed size (so every page of an export looks the same
 * whatever the window): the level rows behind the map, their names in a margin on the left and
 * the legend along the bottom, as on screen. Yields between steps so progress can be shown.
 */
export async function renderStepImages(
  frames: readonly StepImageFrame[],
  options: StepImageOptions,
  onProgress?: (done: number, total: number) => void,
): Promise<StepImage[]> {
  const container = document.createElement('div');
  Object.assign(container.style, {
    position: 'fixed',
    left: '-100000px',
    top: '0',
    width: `${options.width}px`,
    height: `${options.height}px`,
    pointerEvents: 'none',
  });
  container.setAttribute('aria-hidden', 'true');
  document.body.append(container);
  const largest = Math.max(0, ...frames.map((f) => f.map.actors.length + f.map.links.length + f.map.units.length));
  // The canvas renderer, never WebGL: an export must draw every label.
  const actors = Math.max(0, ...frames.map((f) => f.map.actors.length));
  const cy = createCy(container, Math.min(largest, LARGE_MAP), actors);
  const scale = options.scale ?? 1;
  const canvas = document.createElement('canvas');
  canvas.width = options.width * scale;
  canvas.height = options.height * scale;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('No 2D canvas to draw the steps on');
  const measure = canvasMeasure(ctx);
  const images: StepImage[] = [];
  try {
    for (const [i, frame] of frames.entries()) {
      drawStep(cy, frame.map, frame.classSets);
      const bands = levelBands(frame.map.levels, bandNodes(cy));
      const margin = nameMargin({ bands }, measure, NAME_SIZE);
      const legend = options.legend
        ? legendDecor(options.legend, { left: 12, top: 0, width: options.width - 24 }, LEGEND_SIZE, measure)
        : null;
      const legendHeight = legend ? legend.height + 16 : 0;
      moveCamera(cy, frame.camera, 0, { left: margin, top: 8, right: 8, bottom: legendHeight + 8 });
      const zoom = cy.zoom();
      const pan = cy.pan();
      const toX = (x: number) => (x * zoom + pan.x) * scale;
      const toY = (y: number) => (y * zoom + pan.y) * scale;
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      paintDecor(ctx, bandRects({ bands }, toX, toY), LABEL_FONT_FAMILY);
      const shot = await cy.png({ output: 'blob-promise', full: false, scale });
      ctx.drawImage(await createImageBitmap(shot), 0, 0);
      const names = levelNameDecor(
        namedRows(bands),
        (y) => toY(y) / scale,
        { left: 8, top: 0, bottom: options.height - legendHeight },
        NAME_SIZE,
      );
      ctx.setTransform(scale, 0, 0, scale, 0, 0);
      if (options.paintNames) paintDecor(ctx, names, LABEL_FONT_FAMILY);
      if (legend) {
        const top = options.height - legendHeight + 8;
        paintDecor(
          ctx,
          legendDecor(options.legend as LegendModel, { left: 12, top, width: options.width - 24 }, LEGEND_SIZE, measure)
            .decor,
          LABEL_FONT_FAMILY,
        );
      }
      const type = options.format === 'jpg' ? 'image/jpeg' : 'image/png';
      // JPEG for a PDF: pdf-lib embeds it as is, where a PNG is decoded and recompressed in script.
      const image = await new Promise<Blob>((resolve, reject) =>
        canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The step could not be drawn'))), type, 0.92),
      );
      images.push({ image, names: options.paintNames ? { shapes: [], texts: [] } : names });
      onProgress?.(i + 1, frames.length);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  } finally {
    cy.destroy();
    container.remove();
  }
  return images;
}
