import { useTranslation } from 'react-i18next';

export interface EvidenceDraft {
  text: string;
  date: string;
}

/** Evidence notes of a link (Katz & Dack's traces), edited as a small list. */
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
          <button type="button" onClick={() => props.onChange(props.value.filter((_, j) => j !== i))}>
            {t('forms.removeEvidence')}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => props.onChange([...props.value, { text: '', date: '' }])}>
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
