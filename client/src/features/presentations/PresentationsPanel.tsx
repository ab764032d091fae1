import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { errorText, fieldErrors } from '../../api/error-text.ts';
import type { MapData } from '../../state/map-store.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { PresentationEditor } from './PresentationEditor.tsx';
import {
  createPresentation,
  deletePresentation,
  loadPresentations,
  presentationsActions,
  updatePresentation,
  usePresentations,
} from './presentations-store.ts';
import type { Presentation } from './types.ts';
import './presentations.css';
import { Field } from '../../ui/Field.tsx';

/** The presentation named in the address (`?presentation=`), opened once when the panel first loads. */
function presentationFromUrl(): string | null {
  return new URLSearchParams(window.location.search).get('presentation');
}

/** The organisation's presentations: create, rename, delete, anonymise, and open one to edit. */
export function PresentationsPanel({ map }: { map: MapData }) {
  const { t } = useTranslation();
  const organisationId = map.organisation.id;
  const { list, openId, saveError, isSaving } = usePresentations();
  useEffect(() => {
    void loadPresentations(organisationId, presentationFromUrl());
  }, [organisationId]);

  const open = list.type === 'ready' ? list.data.find((p) => p.id === openId) : undefined;
  if (open) return <PresentationEditor presentation={open} map={map} />;

  return (
    <div className="presentations">
      <p className="presentations__intro">{t('presentations.intro')}</p>
      <CreateForm organisationId={organisationId} />
      {list.type === 'loading' ? <p role="status">{t('common.loading')}</p> : null}
      {list.type === 'error' ? (
        <div role="alert" className="presentations__error">
          <p>{errorText(t, list.error)}</p>
          <button onClick={() => void loadPresentations(organisationId)}>{t('common.retry')}</button>
        </div>
      ) : null}
      {saveError && !isSaving ? (
        <p role="alert" className="presentations__error">
          {errorText(t, saveError)}
        </p>
      ) : null}
      {list.type === 'ready' && list.data.length === 0 ? (
        <p className="empty" data-testid="presentations-empty">
          {t('presentations.empty')}
        </p>
      ) : null}
      {list.type === 'ready' && list.data.length > 0 ? (
        <ul className="plain-list presentations__list" data-testid="presentations-list">
          {list.data.map((p) => (
            <PresentationRow key={p.id} presentation={p} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function CreateForm({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const isSaving = usePresentations((s) => s.isSaving);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      setError(t('reasons.REQUIRED'));
      return;
    }
    const refused = await createPresentation(organisationId, name.trim());
    if (refused) setError(fieldErrors(t, refused).name ?? errorText(t, refused));
    else {
      setName('');
      setError(null);
    }
  };
  return (
    <form className="presentations__create" onSubmit={(e) => void submit(e)}>
      <Field label={t('presentations.newName')} error={error}>
        <input
          name="presentationName"
          value={name}
          maxLength={200}
          onChange={(e) => setName(e.target.value)}
          placeholder={t('presentations.newNamePlaceholder')}
        />
      </Field>
      <button type="submit" className="primary" disabled={isSaving} data-action="createPresentation">
        {t('presentations.create')}
      </button>
    </form>
  );
}

const FLAGS = {
  anonymised: { label: 'presentations.anonymised', help: 'presentations.anonymisedHelp' },
  keepUnitNames: { label: 'presentations.keepUnitNames', help: 'presentations.keepUnitNamesHelp' },
} as const;

/** A yes/no setting of the presentation, saved as soon as it is changed. */
export function FlagToggle(props: { presentation: Presentation; flag: keyof typeof FLAGS; isDisabled?: boolean }) {
  const { t } = useTranslation();
  const isSaving = usePresentations((s) => s.isSaving);
  const { presentation, flag } = props;
  return (
    <label className="presentations__flag" title={t(FLAGS[flag].help)}>
      <input
        type="checkbox"
        name={flag}
        checked={presentation[flag]}
        disabled={isSaving || props.isDisabled}
        onChange={(e) => void updatePresentation(presentation, { [flag]: e.target.checked })}
      />{' '}
      {t(FLAGS[flag].label)}
    </label>
  );
}

function PresentationRow({ presentation }: { presentation: Presentation }) {
  const { t } = useTranslation();
  const [isRenaming, setIsRenaming] = useState(false);
  const [isDeleting, setIsDeleting] = useState(false);
  return (
    <li className="presentations__row" data-presentation={presentation.id}>
      {isRenaming ? (
        <RenameForm presentation={presentation} onDone={() => setIsRenaming(false)} />
      ) : (
        <div className="presentations__row-head">
          <button
            className="presentations__open"
            onClick={() => presentationsActions.open(presentation.id)}
            data-action="openPresentation"
          >
            {presentation.name}
          </button>
          <span className="presentations__meta">
            {t('presentations.stepCount', { count: presentation.steps.length })}
          </span>
        </div>
      )}
      <div className="presentations__row-actions">
        <FlagToggle presentation={presentation} flag="anonymised" />
        {!isRenaming ? (
          <button onClick={() => setIsRenaming(true)} data-action="renamePresentation">
            {t('presentations.rename')}
          </button>
        ) : null}
        <button onClick={() => setIsDeleting(true)} data-action="deletePresentation">
          {t('common.delete')}
        </button>
      </div>
      {isDeleting ? <DeleteDialog presentation={presentation} onClose={() => setIsDeleting(false)} /> : null}
    </li>
  );
}

export function RenameForm({ presentation, onDone }: { presentation: Presentation; onDone: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(presentation.name);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) {
      setError(t('reasons.REQUIRED'));
      return;
    }
    const refused = await updatePresentation(presentation, { name: name.trim() });
    if (refused) setError(fieldErrors(t, refused).name ?? errorText(t, refused));
    else onDone();
  };
  return (
    <form
      className="presentations__rename"
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onDone();
        }
      }}
    >
      <Field label={t('presentations.name')} error={error}>
        <input
          name="presentationName"
          value={name}
          maxLength={200}
          autoFocus
          onChange={(e) => setName(e.target.value)}
        />
      </Field>
      <button type="submit" className="primary">
        {t('common.save')}
      </button>
      <button type="button" onClick={onDone}>
        {t('common.cancel')}
      </button>
    </form>
  );
}

export function DeleteDialog({ presentation, onClose }: { presentation: Presentation; onClose: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const confirm = async () => {
    const refused = await deletePresentation(presentation);
    if (refused) setError(errorText(t, refused));
    else onClose();
  };
  return (
    <Dialog title={t('presentations.deleteTitle')} onClose={onClose}>
      <p>{t('presentations.deleteConfirm', { name: presentation.name })}</p>
      {error ? <p role="alert">{error}</p> : null}
      <div className="form__buttons">
        <button className="primary" onClick={() => void confirm()} data-action="confirmDelete">
          {t('common.delete')}
        </button>
        <button onClick={onClose} autoFocus>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
