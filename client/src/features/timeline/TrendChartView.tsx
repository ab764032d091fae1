import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { fileSlug } from '@kopplingskartan/schema/text';

import { download } from '../../lib/download.ts';
import { chartPng, chartSvgText } from './chart-export.ts';
import type { TrendChart } from './trend-charts.ts';

const CHART_WIDTH = 450;

/**
 * One trend chart: the picture (drawn once the charting module has loaded), a table of the same
 * points for screen readers and anyone who prefers numbers, and PNG and SVG files of the picture.
 */
export function TrendChartView({
  chart,
  title,
  currentStep,
}: {
  chart: TrendChart;
  title: string;
  currentStep: number | null;
}) {
  const { t } = useTranslation();
  const holder = useRef<HTMLDivElement>(null);
  const [svg, setSvg] = useState<SVGSVGElement | null>(null);
  const [isTableShown, setTableShown] = useState(false);
  const tableId = useId();
  const label = t('timeline.chartLabel', { title, count: chart.steps.length });

  useEffect(() => {
    let isCurrent = true;
    void import('./draw-chart.ts').then(({ drawTrendChart }) => {
      if (!isCurrent || !holder.current) return;
      const drawn = drawTrendChart(chart, { width: CHART_WIDTH, label, currentStep });
      holder.current.replaceChildren(drawn);
      setSvg(drawn);
    });
    return () => {
      isCurrent = false;
    };
  }, [chart, label, currentStep]);

  const name = fileSlug(title, 'chart');
  return (
    <figure className="trend-chart" data-testid={`trend-chart-${chart.id}`}>
      <figcaption>{title}</figcaption>
      <div ref={holder} className="trend-chart__picture" />
      <div className="trend-chart__actions">
        <button aria-pressed={isTableShown} aria-controls={tableId} onClick={() => setTableShown(!isTableShown)}>
          {isTableShown ? t('timeline.hideTable') : t('timeline.showTable')}
        </button>
        <button
          disabled={!svg}
          onClick={() => svg && download(`${name}.svg`, chartSvgText(svg, title), 'image/svg+xml')}
        >
          {t('timeline.exportSvg')}
        </button>
        <button
          disabled={!svg}
          onClick={() => svg && void chartPng(svg, title).then((png) => download(`${name}.png`, png))}
        >
          {t('timeline.exportPng')}
        </button>
      </div>
      {/* Always there for screen readers; shown on the page on request. */}
      <table id={tableId} className={`trend-chart__table${isTableShown ? '' : ' visually-hidden'}`}>
        <caption className="visually-hidden">{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t('timeline.when')}</th>
            {chart.series.map((series) => (
              <th scope="col" key={series}>
                {series}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {chart.steps.map((step, index) => (
            <tr key={index} aria-current={index === currentStep ? 'true' : undefined}>
              <th scope="row">{step}</th>
              {chart.series.map((series) => (
                <td key={series}>
                  {chart.points.find((point) => point.step === index && point.series === series)?.text ?? ''}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
