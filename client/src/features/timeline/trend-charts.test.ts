import { describe, expect, it } from 'vitest';

import { seriesLabelPositions, trendCharts, type ChartWords, type Trends } from './trend-charts.ts';

const words: ChartWords = {
  stepLabel: (s) => s.observedAt ?? s.name,
  tickLabel: (s) => s.name,
  levelName: (key) => key.toUpperCase(),
  share: (responsive, total) => `${responsive}/${total}`,
  none: '–',
  cutOff: 'cut off',
  distance: 'distance',
};

const trends: Trends = {
  scenarios: [
    { id: 'now', name: 'Now', kind: 'CURRENT', observedAt: null },
    { id: 'o1', name: 'Spring', kind: 'OBSERVATION', observedAt: '2026-03-01' },
  ],
  desiredScenarioId: 'want',
  levelPairs: [
    { levelKeys: ['a', 'b'], responsive: [1, 2], total: [4, 4], share: [0.25, 0.5] },
    { levelKeys: ['b', 'c'], responsive: [0, 0], total: [0, 3], share: [null, 0] },
  ],
  cutOff: [3, 1],
  distance: [5, 2],
};

describe('trendCharts', () => {
  it('gives one point per scenario and series, with the table text beside each value', () => {
    const [share, cutOff, distance] = trendCharts(trends, words);
    expect(share!.steps).toEqual(['Now', '2026-03-01']);
    expect(share!.series).toEqual(['A – B', 'B – C']);
    expect(share!.points.map((p) => [p.step, p.series, p.value, p.text])).toEqual([
      [0, 'A – B', 0.25, '1/4'],
      [1, 'A – B', 0.5, '2/4'],
      [0, 'B – C', null, '–'],
      [1, 'B – C', 0, '0/3'],
    ]);
    expect(cutOff!.points.map((p) => p.value)).toEqual([3, 1]);
    expect(distance!.points.map((p) => p.text)).toEqual(['5', '2']);
  });

  it('draws no distance chart without a desired state', () => {
    const charts = trendCharts({ ...trends, desiredScenarioId: null, distance: [null, null] }, words);
    expect(charts.map((c) => c.id)).toEqual(['share', 'cutOff']);
  });
});

describe('seriesLabelPositions', () => {
  it('leaves names apart at their points and pushes close ones down by the gap', () => {
    expect(seriesLabelPositions([0.2, 0.8], 0.1, 0, 1)).toEqual([0.2, 0.8]);
    // 1.0 and 0.97 are 0.03 apart: the lower name goes to 0.9.
    expect(seriesLabelPositions([1, 0.83, 0.97], 0.1, 0, 1).map((y) => Math.round(y * 100) / 100)).toEqual([
      1, 0.8, 0.9,
    ]);
  });
  it('lifts the stack when it would fall below the axis', () => {
    expect(seriesLabelPositions([0, 0, 0], 1, 0, 10)).toEqual([2, 1, 0]);
  });
});
