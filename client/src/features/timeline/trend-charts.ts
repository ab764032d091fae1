import type { TrendsQuery } from '../../api/generated/graphql.ts';

export type Trends = TrendsQuery['trends'];
export type TrendChartId = 'share' | 'cutOff' | 'distance';

/** One value of one series at one point of the timeline; null where there is nothing to measure. */
export interface TrendPoint {
  step: number;
  series: string;
  value: number | null;
  /** The value as the table shows it ("3 av 4 (75 %)"). */
  text: string;
}

/** What one chart draws and its table lists: the same points, so the two never disagree. */
export interface TrendChart {
  id: TrendChartId;
  /** The timeline's points in order, as the table's rows name them. */
  steps: string[];
  /** The same points, shorter, as the x axis names them. */
  ticks: string[];
  series: string[];
  points: TrendPoint[];
  /** The y axis: a share (0–1) or a count from 0. */
  scale: 'share' | 'count';
}

export interface ChartWords {
  stepLabel: (scenario: Trends['scenarios'][number]) => string;
  tickLabel: (scenario: Trends['scenarios'][number]) => string;
  levelName: (key: string) => string;
  share: (responsive: number, total: number) => string;
  none: string;
  cutOff: string;
  distance: string;
}

/**
 * The three trend charts from the `trends` query: per adjacent level pair the share of responsive
 * links, the actors cut off from the top level, and the distance to the desired state (left out
 * when the organisation has no desired state). Every chart has one point per scenario.
 */
export function trendCharts(trends: Trends, words: ChartWords): TrendChart[] {
  const steps = trends.scenarios.map(words.stepLabel);
  const ticks = trends.scenarios.map(words.tickLabel);
  const pairName = (keys: readonly string[]) => keys.map(words.levelName).join(' – ');
  const share: TrendChart = {
    id: 'share',
    steps,
    ticks,
    series: trends.levelPairs.map((pair) => pairName(pair.levelKeys)),
    scale: 'share',
    points: trends.levelPairs.flatMap((pair) =>
      pair.share.map((value, step) => ({
        step,
        series: pairName(pair.levelKeys),
        value,
        text: value === null ? words.none : words.share(pair.responsive[step] ?? 0, pair.total[step] ?? 0),
      })),
    ),
  };
  const counted = (id: 'cutOff' | 'distance', name: string, values: ReadonlyArray<number | null>): TrendChart => ({
    id,
    steps,
    ticks,
    series: [name],
    scale: 'count',
    points: values.map((value, step) => ({
      step,
      series: name,
      value,
      text: value === null ? words.none : String(value),
    })),
  });
  return [
    share,
    counted('cutOff', words.cutOff, trends.cutOff),
    ...(trends.desiredScenarioId ? [counted('distance', words.distance, trends.distance)] : []),
  ];
}

/**
 * Where the series' names go beside their last points (in the y scale's units): at the point
 * itself unless two would overlap, then pushed apart by at least `gap` and kept within [min, max].
 */
export function seriesLabelPositions(values: readonly number[], gap: number, min: number, max: number): number[] {
  const order = values.map((value, i) => ({ value, i })).sort((a, b) => b.value - a.value);
  const placed = new Array<number>(values.length);
  let above = Infinity;
  for (const { value, i } of order) {
    const y = Math.min(value, above - gap, max);
    placed[i] = y;
    above = y;
  }
  // Pushed below the axis: lift the whole stack so that its lowest name sits at the bottom.
  const lowest = Math.min(...placed);
  const lift = lowest < min ? min - lowest : 0;
  return placed.map((y) => y + lift);
}
