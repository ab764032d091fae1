import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { errorText } from '../../api/error-text.ts';
import type { MapData } from '../../state/map-store.ts';
import { downloadReport } from './report-download.ts';

/** The meeting report of the scenario shown, as a PDF: anonymised unless names are asked for. */
export function ReportButton({ map }: { map: MapData }) {
  const { t, i18n } = useTranslation();
  const [hasNames, setHasNames] = useState(false);
  const [status, setStatus] = useState<{ type: 'idle' | 'loading' } | { type: 'error'; error: unknown }>({
    type: 'idle',
  });
  const run = async () => {
    setStatus({ type: 'loading' });
    try {
      await downloadReport({
        organisationId: map.organisation.id,
        scenarioId: map.scenario.id,
        language: i18n.language === 'en' ? 'en' : 'sv',
        hasNames,
      });
      setStatus({ type: 'idle' });
    } catch (error) {
      setStatus({ type: 'error', error });
    }
  };
  return (
    <section aria-labelledby="timeline-report" className="timeline__report">
      <h4 id="timeline-report">{t('timeline.report')}</h4>
      <p className="help">{t('timeline.reportHelp')}</p>
      <label>
        <input type="checkbox" checked={hasNames} onChange={(event) => setHasNames(event.target.checked)} />{' '}
        {t('timeline.reportNames')}
      </label>
      <p>
        <button onClick={() => void run()} disabled={status.type === 'loading'} data-action="downloadReport">
          {status.type === 'loading' ? t('timeline.reportLoading') : t('timeline.reportDownload')}
        </button>
      </p>
      {status.type === 'error' ? <p role="alert">{errorText(t, status.error)}</p> : null}
    </section>
  );
}
