import * as Plot from '@observablehq/plot';

import { seriesLabelPositions, type TrendChart } from './trend-charts.ts';

export interface DrawOptions {
  width: number;
  /** Said by screen readers for the picture; the table beside it has the values. */
  label: string;
  /** The timeline step the map shows, marked by a thin rule; null when not stepping. */
  currentStep: number | null;
}

/** Room on the right for the series' names written at their lines' ends (no separate legend). */
const LABEL_ROOM = 150;
/** Dark enough for text on white (contrast 4.5:1 and more); none of them means better or worse. */
const SERIES_COLOURS = ['#3b5b92', '#a4501f', '#2f6f62', '#7a4f9a', '#7d6124', '#4a5565'];
const HEIGHT = 220;
const MARGINS = { top: 20, bottom: 36 };
/** The plot area's height in pixels, for spacing names in the y scale's units. */
const PLOT_HEIGHT = HEIGHT - MARGINS.top - MARGINS.bottom;

/**
 * One trend chart as an SVG element (Observable Plot): a line with a symbol per point for each
 * series, its name written at its last point, so shape and text carry what colour also shows.
 * This module is loaded on demand: the charting library stays out of the map's bundle.
 */
export function drawTrendChart(chart: TrendChart, options: DrawOptions): SVGSVGElement {
  const measured = chart.points.filter((point) => point.value !== null);
  const maxCount = Math.max(1, ...measured.map((point) => point.value ?? 0));
  const top = chart.scale === 'share' ? 1 : maxCount;
  // Each series' name beside its last point, pushed apart where lines end close together.
  const lasts = chart.series.flatMap((series) => {
    const last = measured.filter((point) => point.series === series).at(-1);
    return last ? [last] : [];
  });
  const labelY = seriesLabelPositions(
    lasts.map((point) => point.value ?? 0),
    (top * 15) / PLOT_HEIGHT,
    0,
    top,
  );
  const labels = lasts.map((point, i) => ({ ...point, labelY: labelY[i] }));
  const svg = Plot.plot({
    width: options.width,
    height: HEIGHT,
    marginRight: LABEL_ROOM,
    marginTop: MARGINS.top,
    marginLeft: 46,
    marginBottom: MARGINS.bottom,
    style: { fontSize: '12px', background: '#ffffff', color: '#1f2328' },
    x: {
      type: 'point',
      domain: chart.steps.map((_, step) => step),
      tickFormat: (step: number) => chart.ticks[step] ?? '',
      label: null,
      inset: 16,
    },
    y:
      chart.scale === 'share'
        ? { domain: [0, 1], grid: true, tickFormat: '.0%', label: null, ticks: 5 }
        : { domain: [0, top], grid: true, label: null, ticks: Math.min(top, 5), tickFormat: 'd' },
    color: { domain: chart.series, range: SERIES_COLOURS },
    symbol: { domain: chart.series },
    marks: [
      Plot.ruleY([0]),
      ...(options.currentStep === null
        ? []
        : [Plot.ruleX([options.currentStep], { stroke: '#8a8f98', strokeDasharray: '3,3' })]),
      Plot.lineY(measured, { x: 'step', y: 'value', z: 'series', stroke: 'series', strokeWidth: 2 }),
      Plot.dot(measured, { x: 'step', y: 'value', stroke: 'series', symbol: 'series', fill: '#ffffff', r: 4 }),
      Plot.text(labels, {
        x: 'step',
        y: 'labelY',
        text: 'series',
        fill: 'series',
        textAnchor: 'start',
        dx: 10,
        lineWidth: 12,
      }),
    ],
  });
  if (!(svg instanceof SVGSVGElement)) throw new Error('A trend chart without a legend is one SVG element.');
  // One picture for screen readers, labelled as a whole (the table beside it has the values):
  // Plot's labels on its groups are not allowed on elements without a role (axe: aria-prohibited-attr).
  for (const part of svg.querySelectorAll('[aria-label]')) part.removeAttribute('aria-label');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', options.label);
  return svg;
}
