import { useTranslation } from 'react-i18next';

import { scenarioLabel } from '../scenarios/index.ts';
import type { Trends } from './trend-charts.ts';

type Point = Trends['scenarios'][number];

/**
 * Where each point sits along the axis (0–1): by date, so a long gap between two observations looks
 * long; points without a date (an undated current state) come first, the rest spread evenly.
 */
export function axisPositions(points: readonly Point[]): number[] {
  const times = points.map((point) => (point.observedAt ? Date.parse(point.observedAt) : NaN));
  const dated = times.filter((time) => !Number.isNaN(time));
  const first = Math.min(...dated);
  const span = Math.max(...dated) - first;
  if (dated.length < 2 || span <= 0 || dated.length < points.length)
    return points.map((_, i) => (points.length === 1 ? 0.5 : i / (points.length - 1)));
  return times.map((time) => (time - first) / span);
}

/** The timeline's points on one line; each is a button that shows the map at that point. */
export function TimeAxis({
  scenarios,
  step,
  onStep,
}: {
  scenarios: readonly Point[];
  step: number | null;
  onStep: (step: number) => void;
}) {
  const { t } = useTranslation();
  const positions = axisPositions(scenarios);
  return (
    <ol className="time-axis" aria-label={t('timeline.axis')}>
      {scenarios.map((scenario, i) => (
        <li key={scenario.id} style={{ left: `${(positions[i] ?? 0) * 100}%` }}>
          <button
            aria-current={i === step ? 'step' : undefined}
            aria-label={scenarioLabel(t, scenario)}
            title={scenarioLabel(t, scenario)}
            onClick={() => onStep(i)}
            data-step={i}
          >
            <span className="time-axis__dot" aria-hidden="true" />
            <span className="time-axis__date">{scenario.observedAt ?? scenario.name}</span>
          </button>
        </li>
      ))}
    </ol>
  );
}
