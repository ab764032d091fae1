import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { type ImportAnswer, uploadFile } from '../../api/files.ts';
import type { MapData } from '../../state/map-store.ts';
import { reloadMap } from '../map/load-map.ts';
import { ImportAnswerView } from './ImportAnswerView.tsx';

const EXPORT_FORMATS = ['xlsx', 'zip', 'graphml', 'json'] as const;

type Status =
  | { type: 'idle' }
  | { type: 'uploading'; fraction: number }
  | { type: 'answered'; answer: ImportAnswer }
  | { type: 'error'; message: string };

/** Export in every format, and import a file: checked and previewed first, written on request. */
export function ImportExportPanel({ map }: { map: MapData }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'sv';
  const organisationId = map.organisation.id;
  const [file, setFile] = useState<File | null>(null);
  const [mode, setMode] = useState<'MERGE' | 'REPLACE'>('MERGE');
  const [status, setStatus] = useState<Status>({ type: 'idle' });

  const send = async (isDryRun: boolean) => {
    if (!file) return;
    const query = new URLSearchParams({ organisationId, mode, fileName: file.name, dryRun: String(isDryRun) });
    setStatus({ type: 'uploading', fraction: 0 });
    try {
      const answer = await uploadFile(`/api/import?${query}`, file, (fraction) =>
        setStatus({ type: 'uploading', fraction }),
      );
      setStatus({ type: 'answered', answer });
      if (answer.applied) await reloadMap();
    } catch (error) {
      setStatus({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    }
  };

  const answer = status.type === 'answered' ? status.answer : null;
  return (
    <div className="import-export">
      <h3>{t('importExport.export')}</h3>
      <ul className="plain-list">
        {EXPORT_FORMATS.map((format) => (
          <li key={format}>
            <a
              href={`/api/export/${encodeURIComponent(organisationId)}.${format}?lang=${lang}${
                // GraphML holds one scenario: the one on screen.
                format === 'graphml' ? `&scenario=${encodeURIComponent(map.scenario.id)}` : ''
              }`}
              download
            >
              {t(`importExport.formats.${format}`)}
            </a>
          </li>
        ))}
        <li>
          <a href={`/api/import-template?format=xlsx&lang=${lang}`} download>
            {t('importExport.template')}
          </a>
        </li>
      </ul>
      <h3>{t('importExport.import')}</h3>
      <p className="hint">{t('importExport.importHint')}</p>
      <label className="field">
        <span className="field__label">{t('importExport.file')}</span>
        <input
          type="file"
          name="import-file"
          accept=".xlsx,.csv,.zip,.graphml,.json"
          onChange={(e) => (setFile(e.target.files?.[0] ?? null), setStatus({ type: 'idle' }))}
        />
      </label>
      <label className="field">
        <span className="field__label">{t('importExport.mode')}</span>
        <select name="import-mode" value={mode} onChange={(e) => setMode(e.target.value as 'MERGE' | 'REPLACE')}>
          <option value="MERGE">{t('importExport.modes.MERGE')}</option>
          <option value="REPLACE">{t('importExport.modes.REPLACE')}</option>
        </select>
      </label>
      <div className="button-row">
        <button disabled={!file || status.type === 'uploading'} onClick={() => void send(true)}>
          {t('importExport.check')}
        </button>
        <button disabled={!answer?.ok || answer.applied} onClick={() => void send(false)}>
          {t('importExport.apply')}
        </button>
      </div>
      {status.type === 'uploading' ? (
        <progress value={status.fraction} max={1} aria-label={t('importExport.uploading')} />
      ) : null}
      {status.type === 'error' ? <p role="alert">{t('importExport.failed', { message: status.message })}</p> : null}
      {answer ? <ImportAnswerView answer={answer} /> : null}
    </div>
  );
}
