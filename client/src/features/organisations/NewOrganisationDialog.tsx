import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { request } from '../../api/client.ts';
import { errorText, fieldErrors } from '../../api/error-text.ts';
import type { ImportAnswer } from '../../api/files.ts';
import { DefaultLevelsDocument, type OrganisationKind } from '../../api/generated/graphql.ts';
import { pageActions } from '../../state/page-store.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { Field } from '../../ui/Field.tsx';
import { notify } from '../../ui/notice-store.ts';
import { ImportAnswerView } from '../import-export/index.ts';
import { createEmptyOrganisation, createFromFile, templateFile } from './create-organisation.ts';
import type { LevelDraft } from './levels.ts';
import { LevelsEditor } from './LevelsEditor.tsx';
import { newOrganisationActions, type NewOrganisationSource, newOrganisationStore } from './new-organisation-store.ts';
import { loadOrganisations, openOrganisation } from './organisations-store.ts';
import './organisations.css';

const KINDS: OrganisationKind[] = ['MUNICIPAL', 'INDEPENDENT', 'OTHER'];

/**
 * A new organisation: its name and kind, then either an empty map with the kind's default chain
 * (editable here), a file of one's own, or the template's invented example as is.
 */
export function NewOrganisationDialog({ initialSource }: { initialSource: NewOrganisationSource }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'sv';
  const [name, setName] = useState('');
  const [kind, setKind] = useState<OrganisationKind>('MUNICIPAL');
  const [levels, setLevels] = useState<LevelDraft[] | null>(null);
  const [isLevelsEdited, setLevelsEdited] = useState(false);
  const [source, setSource] = useState<NewOrganisationSource>(initialSource);
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [answer, setAnswer] = useState<ImportAnswer | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);

  // The kind's default chain, in the user's language, until the user edits it.
  useEffect(() => {
    if (isLevelsEdited) return;
    let isCurrent = true;
    request(DefaultLevelsDocument, { kind })
      .then(({ defaultLevels }) => {
        if (isCurrent) setLevels(defaultLevels.map((l) => ({ key: l.key, name: l.name[lang], isSide: l.isSide })));
      })
      .catch((error: unknown) => isCurrent && setMessage(errorText(t, error)));
    return () => {
      isCurrent = false;
    };
  }, [kind, lang, isLevelsEdited, t]);

  const opened = async (id: string) => {
    await loadOrganisations();
    openOrganisation(id);
    pageActions.open('map');
    newOrganisationActions.close();
    notify(t('organisations.created', { name: name.trim() || t('organisations.fromFile') }));
  };

  const create = async () => {
    setErrors({});
    setMessage(null);
    setAnswer(null);
    try {
      if (source === 'empty') {
        await opened(await createEmptyOrganisation({ name: name.trim(), kind, levels: levels ?? [] }));
        return;
      }
      const chosen = source === 'template' ? await templateFile(lang) : file;
      if (!chosen) return setErrors({ file: t('reasons.REQUIRED') });
      setProgress(0);
      const result = await createFromFile(chosen, name.trim(), setProgress);
      if (result.type === 'problems') setAnswer(result.answer);
      else await opened(result.id);
    } catch (error) {
      setErrors(fieldErrors(t, error));
      setMessage(errorText(t, error));
    } finally {
      setProgress(null);
    }
  };

  return (
    <Dialog title={t('organisations.new')} onClose={newOrganisationActions.close}>
      <form className="form new-organisation" onSubmit={(e) => (e.preventDefault(), void create())}>
        <Field label={t('organisations.name')} error={errors.name}>
          <input
            name="organisationName"
            value={name}
            required={source === 'empty'}
            maxLength={200}
            autoFocus
            placeholder={source === 'empty' ? undefined : t('organisations.nameFromFile')}
            onChange={(e) => setName(e.target.value)}
          />
        </Field>
        <fieldset className="radio-row">
          <legend>{t('organisations.start')}</legend>
          {(['empty', 'file', 'template'] as const).map((s) => (
            <label key={s}>
              <input type="radio" name="source" value={s} checked={source === s} onChange={() => setSource(s)} />{' '}
              {t(`organisations.sources.${s}`)}
            </label>
          ))}
        </fieldset>
        {source === 'empty' ? (
          <>
            <fieldset className="radio-row">
              <legend>{t('organisations.kind')}</legend>
              {KINDS.map((k) => (
                <label key={k}>
                  <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} />{' '}
                  {t(`organisationKind.${k}`)}
                </label>
              ))}
            </fieldset>
            <h3 className="form__heading">{t('levels.title')}</h3>
            <p className="hint">{t('organisations.levelsHelp')}</p>
            {isLevelsEdited ? (
              <button type="button" className="link-button" onClick={() => setLevelsEdited(false)}>
                {t('organisations.resetLevels', { kind: t(`organisationKind.${kind}`) })}
              </button>
            ) : null}
            {levels ? (
              <LevelsEditor
                levels={levels}
                onChange={(next) => {
                  setLevels(next);
                  setLevelsEdited(true);
                }}
              />
            ) : (
              <p className="empty">{t('common.loading')}</p>
            )}
            {errors.levels || errors.key ? <p className="field__error">{errors.levels ?? errors.key}</p> : null}
          </>
        ) : null}
        {source === 'file' ? (
          <Field label={t('importExport.file')} error={errors.file}>
            <input
              type="file"
              name="organisation-file"
              accept=".xlsx,.csv,.zip,.graphml,.json"
              onChange={(e) => (setFile(e.target.files?.[0] ?? null), setAnswer(null))}
            />
          </Field>
        ) : null}
        {source === 'template' ? <p className="hint">{t('organisations.templateHelp')}</p> : null}
        {source !== 'empty' ? <p className="hint">{t('organisations.fileHelp')}</p> : null}
        {progress !== null ? <progress value={progress} max={1} aria-label={t('importExport.uploading')} /> : null}
        {answer ? <ImportAnswerView answer={answer} /> : null}
        {message ? (
          <p className="form__message" role="alert">
            {message}
          </p>
        ) : null}
        <div className="form__buttons">
          <button type="button" onClick={newOrganisationActions.close}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={progress !== null}>
            {t('organisations.create')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/** Mounted once in the app: the dialog while it is open. */
export function NewOrganisationHost() {
  const source = newOrganisationStore((s) => s.source);
  return source ? <NewOrganisationDialog initialSource={source} /> : null;
}
