import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ApiError } from '../../api/client.ts';
import { errorText } from '../../api/error-text.ts';
import { legendModel } from '../../canvas/legend-model.ts';
import { download } from '../../lib/download.ts';
import { type ExportFormat, type ExportProgress, exportPresentation } from './export-presentation.ts';
import { showInLanguage } from './step-view.ts';
import type { Show } from './types.ts';

/** PDF (one page per step) and PNG (one image per step, zipped), with progress while rendering. */
export function ExportButtons(props: { loadShow: () => Promise<Show>; className?: string }) {
  const { t, i18n } = useTranslation();
  const [running, setRunning] = useState<{ format: ExportFormat; progress: ExportProgress | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const language = i18n.language === 'en' ? 'en' : 'sv';
  const [withLegend, setWithLegend] = useState(true);

  const run = async (format: ExportFormat) => {
    setError(null);
    setRunning({ format, progress: null });
    try {
      const show = showInLanguage(await props.loadShow(), language);
      const steps = show.presentation.steps;
      if (steps.length === 0) {
        setError(t('presentations.export.noSteps'));
        return;
      }
      const file = await exportPresentation(
        show,
        format,
        (i) => ({
          title: steps[i]?.title ?? '',
          caption: steps[i]?.caption ?? null,
          finding: steps[i]?.highlight.findingText?.[language] ?? null,
          footer: `${show.presentation.name} · ${i + 1} / ${steps.length}`,
        }),
        (progress) => setRunning({ format, progress }),
        withLegend ? legendModel((key) => t(key)) : null,
      );
      download(file.filename, file.blob);
    } catch (cause) {
      setError(
        cause instanceof ApiError ? errorText(t, cause) : `${t('presentations.export.failed')} ${String(cause)}`,
      );
    } finally {
      setRunning(null);
    }
  };

  return (
    <div className={props.className ?? 'presentation-export'} role="group" aria-label={t('presentations.export.label')}>
      <button data-action="exportPdf" disabled={running !== null} onClick={() => void run('pdf')}>
        {t('presentations.export.pdf')}
      </button>
      <button data-action="exportPngs" disabled={running !== null} onClick={() => void run('png')}>
        {t('presentations.export.png')}
      </button>
      <label className="presentation-export__legend">
        <input
          type="checkbox"
          name="exportLegend"
          checked={withLegend}
          onChange={(e) => setWithLegend(e.target.checked)}
        />{' '}
        {t('toolbar.withLegend')}
      </label>
      <span role="status" aria-live="polite" className="presentation-export__progress" data-testid="export-progress">
        {running
          ? running.progress
            ? t('presentations.export.progress', { done: running.progress.done, total: running.progress.total })
            : t('presentations.export.preparing')
          : ''}
      </span>
      {error ? (
        <span role="alert" className="presentation-export__error">
          {error}
        </span>
      ) : null}
    </div>
  );
}
