import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';

import { errorText } from '../../api/error-text.ts';
import { DIFF_SIGNS, type DiffMark } from '../../canvas/model.ts';
import { type MapData, useMapState } from '../../state/map-store.ts';
import { toCanvasMap } from '../map/to-canvas-map.ts';
import { compareScenarios, couplingMarks, scenarioLabel } from '../scenarios/index.ts';
import { ReportButton } from './ReportButton.tsx';
import { leaveTimeline, loadTrends, showStep, timelineStore } from './timeline-store.ts';
import { TimeAxis } from './TimeAxis.tsx';
import { trendCharts, type Trends } from './trend-charts.ts';
import { TrendChartView } from './TrendChartView.tsx';
import './timeline.css';

const MARKS: DiffMark[] = ['added', 'removed', 'tightened', 'loosened', 'changed'];

/**
 * Following the change: the timeline's points, a step control that redraws the map at each point
 * with what changed since the one before marked, the trends over all points as charts, and the
 * meeting report of the scenario shown.
 */
export function TimelinePanel({ map }: { map: MapData }) {
  const { t } = useTranslation();
  const organisationId = map.organisation.id;
  const { status, step: chosenStep, organisationId: loadedFor } = timelineStore();
  // Any other way of showing a scenario (or an edit's reload) ends the stepping.
  const isStepping = useMapState((s) => s.timeline !== null);
  const step = isStepping ? chosenStep : null;
  const role = useMapState((s) => s.role);

  useEffect(() => {
    void loadTrends(organisationId);
  }, [organisationId]);

  if (loadedFor !== organisationId || status.type === 'idle' || status.type === 'loading')
    return <p role="status">{t('timeline.loading')}</p>;
  if (status.type === 'error') return <p role="alert">{errorText(t, status.error)}</p>;
  const trends = status.data;
  const hasObservations = trends.scenarios.some((scenario) => scenario.kind === 'OBSERVATION');
  return (
    <div className="timeline" data-testid="timeline-panel">
      <h3>{t('timeline.title')}</h3>
      {hasObservations ? (
        <>
          <TimeStepper map={map} trends={trends} step={step} />
          <TrendCharts trends={trends} map={map} step={step} />
        </>
      ) : (
        <p className="empty" data-testid="timeline-empty">
          {t('timeline.empty')}
        </p>
      )}
      {/* The report shows the analyses, which viewers and up may run (the audience sees presentations). */}
      {role && role !== 'AUDIENCE' ? <ReportButton map={map} /> : null}
    </div>
  );
}

function TimeStepper({ map, trends, step }: { map: MapData; trends: Trends; step: number | null }) {
  const { t } = useTranslation();
  const ids = trends.scenarios.map((scenario) => scenario.id);
  const go = (next: number) => void showStep(map.organisation.id, ids, Math.max(0, Math.min(ids.length - 1, next)));
  const shown = step === null ? null : trends.scenarios[step];
  const desired = map.organisation.scenarios.find((scenario) => scenario.id === trends.desiredScenarioId);
  return (
    <section aria-labelledby="timeline-axis">
      <h4 id="timeline-axis">{t('timeline.axis')}</h4>
      <p className="help">{t('timeline.axisHelp')}</p>
      <TimeAxis scenarios={trends.scenarios} step={step} onStep={go} />
      {desired ? <p className="timeline__desired">{`${t('timeline.desired')}: ${desired.name}`}</p> : null}
      <div className="timeline__controls">
        <button onClick={() => go((step ?? 1) - 1)} disabled={step === 0} data-action="timelinePrevious">
          ← {t('timeline.previous')}
        </button>
        <input
          type="range"
          min={0}
          max={ids.length - 1}
          value={step ?? 0}
          aria-label={t('timeline.slider')}
          aria-valuetext={shown ? scenarioLabel(t, shown) : undefined}
          onChange={(event) => go(Number(event.target.value))}
        />
        <button
          onClick={() => go(step === null ? 0 : step + 1)}
          disabled={step === ids.length - 1}
          data-action="timelineNext"
        >
          {t('timeline.next')} →
        </button>
      </div>
      {shown && step !== null ? (
        <>
          <p role="status" className="timeline__shown" data-testid="timeline-step">
            {t('timeline.step', { n: step + 1, count: ids.length, name: scenarioLabel(t, shown) })}
          </p>
          <StepChanges map={map} previous={step > 0 ? trends.scenarios[step - 1] : undefined} />
          <button className="link-button" onClick={leaveTimeline}>
            {t('timeline.leave')}
          </button>{' '}
          <small>{t('timeline.leaveHelp')}</small>
        </>
      ) : null}
    </section>
  );
}

/** What changed since the previous point, counted per mark, with the signs the map draws. */
function StepChanges({ map, previous }: { map: MapData; previous: Trends['scenarios'][number] | undefined }) {
  const { t } = useTranslation();
  const compareStatus = useMapState((s) => s.compareStatus);
  const counts = useMemo(() => {
    if (compareStatus.type !== 'ready') return null;
    const marks = couplingMarks(compareScenarios(toCanvasMap(map).links, compareStatus.data.links));
    const byMark = new Map<DiffMark, number>();
    for (const mark of marks.values()) byMark.set(mark, (byMark.get(mark) ?? 0) + 1);
    return byMark;
  }, [map, compareStatus]);
  if (!previous) return <p>{t('timeline.first')}</p>;
  if (!counts) return <p role="status">{t('timeline.loadingChanges')}</p>;
  return (
    <div className="timeline__changes" data-testid="timeline-changes">
      <h5>{t('timeline.changesSince', { name: scenarioLabel(t, previous) })}</h5>
      {counts.size === 0 ? <p>{t('timeline.noChanges')}</p> : null}
      <ul className="plain-list">
        {MARKS.map((mark) => (
          <li key={mark} data-mark={mark}>
            <span className="timeline__sign" aria-hidden="true">
              {DIFF_SIGNS[mark]}
            </span>{' '}
            {t(`timeline.marks.${mark}`)}: <strong>{t('timeline.count', { count: counts.get(mark) ?? 0 })}</strong>
          </li>
        ))}
      </ul>
      <p className="help">{t('timeline.marks.neutral')}</p>
    </div>
  );
}

function TrendCharts({ trends, map, step }: { trends: Trends; map: MapData; step: number | null }) {
  const { t, i18n } = useTranslation();
  const charts = useMemo(() => {
    const levelName = new Map(map.organisation.levels.map((level) => [level.key, level.name]));
    const percent = new Intl.NumberFormat(i18n.language, { style: 'percent' });
    return trendCharts(trends, {
      stepLabel: (scenario) => scenarioLabel(t, scenario),
      // Year and month are enough under the chart; the table has the whole date.
      tickLabel: (scenario) => scenario.observedAt?.slice(0, 7) ?? scenario.name,
      levelName: (key) => levelName.get(key) ?? key,
      share: (responsive, total) =>
        t('timeline.shareValue', { responsive, total, percent: percent.format(responsive / total) }),
      none: t('timeline.noLinks'),
      cutOff: t('timeline.cutOffSeries'),
      distance: t('timeline.distanceSeries'),
    });
  }, [trends, map, t, i18n.language]);
  return (
    <section aria-labelledby="timeline-charts">
      <h4 id="timeline-charts">{t('timeline.charts')}</h4>
      {charts.map((chart) => (
        <TrendChartView key={chart.id} chart={chart} title={t(`timeline.${chart.id}`)} currentStep={step} />
      ))}
      {trends.desiredScenarioId ? null : <p>{t('timeline.noDesired')}</p>}
    </section>
  );
}
