import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { MapData } from '../../state/map-store.ts';
import { selectionActions } from '../../state/selection-store.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { Field, Select } from '../../ui/Field.tsx';
import { createActor, updateActor } from './commands.ts';
import { ConflictNotice } from './ConflictNotice.tsx';
import { editorActions } from './editor-store.ts';
import { FormFooter, onSaveAndAddKey } from './FormFooter.tsx';
import { reapplyOnStored } from './reapply.ts';
import { rememberActors } from './recent-actors.ts';
import { reloadAndReopen, useSubmit } from './use-submit.ts';

interface Props {
  map: MapData;
  id?: string | undefined;
  /** A new actor's level and unit (the previous one's, after "save and add another"). */
  levelKey?: string | undefined;
  unitId?: string | undefined;
}

export function ActorForm({ map, id, ...preset }: Props) {
  const { t } = useTranslation();
  // The version this form edits: a save based on it is refused once someone else saved the actor.
  const [actor] = useState(() => map.actors.find((a) => a.id === id));
  const [name, setName] = useState(actor?.name ?? '');
  const [personName, setPersonName] = useState(actor?.personName ?? '');
  const [levelKey, setLevelKey] = useState(actor?.levelKey ?? preset.levelKey ?? map.organisation.levels[0]?.key ?? '');
  const [role, setRole] = useState(actor?.role ?? '');
  const [unitId, setUnitId] = useState(actor?.unitId ?? preset.unitId ?? '');
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
  const onSubmit = (isAddingAnother = false) =>
    submit(async () => {
      const fields = fieldsNow();
      const text = t('status.actorSaved', { name: fields.name });
      if (actor) {
        await updateActor(actor, { ...fields, id: actor.id, expectedVersion: actor.version });
        return { text };
      }
      const newId = await createActor(fields);
      rememberActors(organisationId, [newId]);
      selectionActions.select({ entity: 'actor', id: newId });
      const next = { type: 'actor' as const, levelKey, ...(unitId ? { unitId } : {}) };
      return { text, next: isAddingAnother ? next : undefined };
    });

  return (
    <Dialog title={t(actor ? 'forms.editActor' : 'forms.newActor')} onClose={editorActions.close}>
      <form
        className="form"
        onSubmit={(e) => (e.preventDefault(), void onSubmit())}
        onKeyDown={actor ? undefined : onSaveAndAddKey(() => void onSubmit(true))}
      >
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
        <FormFooter message={message} isBusy={isBusy} onSaveAndAdd={actor ? undefined : () => void onSubmit(true)} />
      </form>
    </Dialog>
  );
}
