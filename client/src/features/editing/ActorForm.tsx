import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { MapData } from '../../state/map-store.ts';
import { selectionActions } from '../../state/selection-store.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { Field, Select } from '../../ui/Field.tsx';
import { createActor, updateActor } from './commands.ts';
import { ConflictNotice } from './ConflictNotice.tsx';
import { editorActions } from './editor-store.ts';
import { FormFooter } from './FormFooter.tsx';
import { reapplyOnStored } from './reapply.ts';
import { reloadAndReopen, useSubmit } from './use-submit.ts';

export function ActorForm({ map, id }: { map: MapData; id?: string | undefined }) {
  const { t } = useTranslation();
  // The version this form edits: a save based on it is refused once someone else saved the actor.
  const [actor] = useState(() => map.actors.find((a) => a.id === id));
  const [name, setName] = useState(actor?.name ?? '');
  const [personName, setPersonName] = useState(actor?.personName ?? '');
  const [levelKey, setLevelKey] = useState(actor?.levelKey ?? map.organisation.levels[0]?.key ?? '');
  const [role, setRole] = useState(actor?.role ?? '');
  const [unitId, setUnitId] = useState(actor?.unitId ?? '');
  const [tags, setTags] = useState(actor?.tags.join(', ') ?? '');
  const [notes, setNotes] = useState(actor?.notes ?? '');
  const { errors, message, conflict, isBusy, submit } = useSubmit();
  const organisationId = map.organisation.id;

  const fieldsNow = () => ({
    organisationId,
    name: name.trim(),
    personName: personName.trim() || null,
    levelKey,
    role: role.trim() || null,
    unitId: unitId || null,
    tags: tags
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    notes: notes.trim() || null,
  });
  const onSubmit = () =>
    submit(async () => {
      const fields = fieldsNow();
      if (actor) await updateActor(actor, { ...fields, id: actor.id, expectedVersion: actor.version });
      else selectionActions.select({ entity: 'actor', id: await createActor(fields) });
    });

  return (
    <Dialog title={t(actor ? 'forms.editActor' : 'forms.newActor')} onClose={editorActions.close}>
      <form className="form" onSubmit={(e) => (e.preventDefault(), void onSubmit())}>
        <Field label={t('fields.name')} error={errors.name}>
          <input name="name" value={name} onChange={(e) => setName(e.target.value)} autoFocus required />
        </Field>
        <Field label={t('fields.level')} error={errors.levelKey}>
          <Select
            name="levelKey"
            value={levelKey}
            onChange={setLevelKey}
            options={map.organisation.levels.map((l) => ({ value: l.key, label: l.name }))}
          />
        </Field>
        <Field label={t('fields.role')} error={errors.role}>
          <input name="role" value={role} onChange={(e) => setRole(e.target.value)} />
        </Field>
        <Field label={t('fields.unit')} error={errors.unitId}>
          <Select
            name="unitId"
            value={unitId}
            onChange={setUnitId}
            emptyLabel={t('common.none')}
            options={map.units.map((u) => ({ value: u.id, label: u.name }))}
          />
        </Field>
        <Field label={t('fields.personName')} error={errors.personName}>
          <input name="personName" value={personName} onChange={(e) => setPersonName(e.target.value)} />
        </Field>
        <Field label={t('fields.tags')} error={errors.tags}>
          <input name="tags" value={tags} onChange={(e) => setTags(e.target.value)} />
        </Field>
        <Field label={t('fields.notes')} error={errors.notes}>
          <textarea name="notes" value={notes} onChange={(e) => setNotes(e.target.value)} rows={3} />
        </Field>
        {conflict && actor ? (
          <ConflictNotice
            conflict={conflict}
            base={actor}
            entity="actor"
            map={map}
            onReload={reloadAndReopen}
            onReapply={() => submit(() => reapplyOnStored(actor, fieldsNow(), (m) => m.actors, updateActor))}
          />
        ) : null}
        <FormFooter message={message} isBusy={isBusy} />
      </form>
    </Dialog>
  );
}
