import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { request, type RequestStatus } from '../../api/client.ts';
import { asApiError, errorText, fieldErrors } from '../../api/error-text.ts';
import {
  type OrganisationKind,
  type OrganisationSettingsQuery,
  OrganisationSettingsDocument,
  UpdateActorDocument,
  UpdateOrganisationDocument,
} from '../../api/generated/graphql.ts';
import { canEdit, currentMap, useMapState } from '../../state/map-store.ts';
import { viewActions } from '../../state/view-store.ts';
import { Field, Select } from '../../ui/Field.tsx';
import { notify } from '../../ui/notice-store.ts';
import { reloadMap } from '../map/load-map.ts';
import type { LevelDraft } from './levels.ts';
import { LevelsEditor } from './LevelsEditor.tsx';
import { loadOrganisations } from './organisations-store.ts';
import './organisations.css';

type Settings = NonNullable<OrganisationSettingsQuery['organisation']>;
const KINDS: OrganisationKind[] = ['MUNICIPAL', 'INDEPENDENT', 'OTHER'];

/** The organisation's name, kind, description and chain of levels. */
export function OrganisationPage({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<RequestStatus<Settings>>({ type: 'loading' });
  const load = () =>
    request(OrganisationSettingsDocument, { id: organisationId })
      .then(({ organisation }) =>
        organisation
          ? setStatus({ type: 'ready', data: organisation })
          : setStatus({ type: 'error', error: asApiError(new Error('NOT_FOUND')) }),
      )
      .catch((error: unknown) => setStatus({ type: 'error', error: asApiError(error) }));
  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per organisation
  }, [organisationId]);

  if (status.type === 'error') return <p role="alert">{errorText(t, status.error)}</p>;
  if (status.type !== 'ready') return <p className="empty">{t('common.loading')}</p>;
  return (
    <SettingsForm
      key={status.data.version}
      settings={status.data}
      onSaved={(s) => setStatus({ type: 'ready', data: s })}
    />
  );
}

function SettingsForm({ settings, onSaved }: { settings: Settings; onSaved: (settings: Settings) => void }) {
  const { t } = useTranslation();
  const isEditor = useMapState((s) => canEdit(s.role));
  const map = useMapState((s) => (s.status.type === 'ready' ? s.status.data : null));
  const [name, setName] = useState(settings.name);
  const [kind, setKind] = useState<OrganisationKind>(settings.kind);
  const [description, setDescription] = useState(settings.description ?? '');
  const [levels, setLevels] = useState<LevelDraft[]>(
    settings.levels.map(({ key, name: n, isSide }) => ({ key, name: n, isSide })),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const actorCounts: Record<string, number> = {};
  for (const actor of map && map.organisation.id === settings.id ? map.actors : [])
    actorCounts[actor.levelKey] = (actorCounts[actor.levelKey] ?? 0) + 1;

  const save = async (levelsToSave: LevelDraft[]) => {
    setErrors({});
    setMessage(null);
    try {
      const { updateOrganisation } = await request(UpdateOrganisationDocument, {
        input: {
          id: settings.id,
          expectedVersion: settings.version,
          name: name.trim(),
          kind,
          description: description.trim() || null,
          levels: levelsToSave.map((l) => ({ ...l, name: l.name.trim() })),
        },
      });
      notify(t('organisations.saved'));
      onSaved(updateOrganisation.organisation);
      await Promise.all([reloadMap(), loadOrganisations()]);
      viewActions.relayout(); // the rows of the layered map follow the levels
    } catch (error) {
      setErrors(fieldErrors(t, error));
      setMessage(errorText(t, error));
    }
  };

  /** Moves every actor of a level to another one (each an ordinary, recorded edit), then removes it. */
  const moveAndRemove = async (key: string, toKey: string) => {
    const actors = (currentMap()?.actors ?? []).filter((a) => a.levelKey === key);
    try {
      for (const actor of actors) {
        await request(UpdateActorDocument, {
          input: { organisationId: settings.id, id: actor.id, levelKey: toKey, expectedVersion: actor.version },
        });
      }
    } catch (error) {
      await reloadMap();
      setMessage(errorText(t, error));
      return;
    }
    await save(levels.filter((l) => l.key !== key));
  };

  return (
    <form className="form" onSubmit={(e) => (e.preventDefault(), void save(levels))}>
      <section aria-labelledby="organisation-about">
        <h3 id="organisation-about">{t('organisations.about')}</h3>
        <fieldset disabled={!isEditor} className="plain-fieldset">
          <Field label={t('organisations.name')} error={errors.name}>
            <input
              name="organisationName"
              value={name}
              required
              maxLength={200}
              onChange={(e) => setName(e.target.value)}
            />
          </Field>
          <Field label={t('organisations.kind')} error={errors.kind}>
            <Select
              name="kind"
              value={kind}
              onChange={(v) => setKind(v as OrganisationKind)}
              options={KINDS.map((k) => ({ value: k, label: t(`organisationKind.${k}`) }))}
            />
          </Field>
          <Field label={t('fields.description')} error={errors.description}>
            <textarea
              name="description"
              rows={2}
              value={description}
              onChange={(e) => setDescription(e.target.value)}
            />
          </Field>
        </fieldset>
      </section>
      <section aria-labelledby="organisation-levels">
        <h3 id="organisation-levels">{t('levels.title')}</h3>
        <fieldset disabled={!isEditor} className="plain-fieldset">
          <LevelsEditor
            levels={levels}
            onChange={setLevels}
            actorCounts={actorCounts}
            onMoveAndRemove={moveAndRemove}
          />
        </fieldset>
        {errors.levels || errors.key ? <p className="field__error">{errors.levels ?? errors.key}</p> : null}
      </section>
      {message ? (
        <p className="form__message" role="alert">
          {message}
        </p>
      ) : null}
      {isEditor ? (
        <div className="form__buttons">
          <button type="submit" className="primary">
            {t('organisations.save')}
          </button>
        </div>
      ) : (
        <p className="hint">{t('organisations.readOnly')}</p>
      )}
    </form>
  );
}
