import { useTranslation } from 'react-i18next';

export interface EvidenceDraft {
  text: string;
  date: string;
  source: string;
}

/** A record's evidence notes as the list edits them. */
export function toEvidenceDrafts(
  notes: ReadonlyArray<{ text: string; date?: string | null; source?: string | null }>,
): EvidenceDraft[] {
  return notes.map((e) => ({ text: e.text, date: e.date ?? '', source: e.source ?? '' }));
}

/** The notes to save: empty ones left out, empty date and source as none. */
export function fromEvidenceDrafts(drafts: readonly EvidenceDraft[]) {
  return drafts
    .filter((e) => e.text.trim())
    .map((e) => ({ text: e.text.trim(), date: e.date || null, source: e.source.trim() || null }));
}

/** Evidence notes of a link or an initiative (Katz & Dack's traces): what, when, from where. */
export function EvidenceList(props: {
  value: EvidenceDraft[];
  onChange: (v: EvidenceDraft[]) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const set = (i: number, patch: Partial<EvidenceDraft>) =>
    props.onChange(props.value.map((e, j) => (j === i ? { ...e, ...patch } : e)));
  return (
    <fieldset className="evidence">
      <legend>{t('fields.evidence')}</legend>
      {props.value.map((e, i) => (
        <div key={i} className="evidence__row">
          <input
            aria-label={t('forms.evidenceText')}
            placeholder={t('forms.evidenceText')}
            value={e.text}
            onChange={(ev) => set(i, { text: ev.target.value })}
          />
          <input
            aria-label={t('forms.evidenceDate')}
            placeholder={t('forms.evidenceDate')}
            value={e.date}
            onChange={(ev) => set(i, { date: ev.target.value })}
            size={11}
          />
          <input
            aria-label={t('forms.evidenceSource')}
            placeholder={t('forms.evidenceSource')}
            value={e.source}
            onChange={(ev) => set(i, { source: ev.target.value })}
            size={14}
          />
          <button type="button" onClick={() => props.onChange(props.value.filter((_, j) => j !== i))}>
            {t('forms.removeEvidence')}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => props.onChange([...props.value, { text: '', date: '', source: '' }])}>
        {t('forms.addEvidence')}
      </button>
      {props.error ? (
        <span className="field__error" role="alert">
          {props.error}
        </span>
      ) : null}
    </fieldset>
  );
}
