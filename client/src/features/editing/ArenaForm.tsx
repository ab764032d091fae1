import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Cadence } from '../../api/generated/graphql.ts';
import type { MapData } from '../../state/map-store.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { Field } from '../../ui/Field.tsx';
import { MultiPicker } from '../../ui/MultiPicker.tsx';
import { actorRanking, rankActorOptions } from './actor-options.ts';
import { CadenceField } from './CadenceField.tsx';
import { createArena, updateArena } from './commands.ts';
import { ConflictNotice } from './ConflictNotice.tsx';
import { editorActions } from './editor-store.ts';
import { FormFooter } from './FormFooter.tsx';
import { reapplyOnStored } from './reapply.ts';
import { reloadAndReopen, useSubmit } from './use-submit.ts';

export function ArenaForm({ map, id }: { map: MapData; id?: string | undefined }) {
  const { t, i18n } = useTranslation();
  const [arena] = useState(() => map.arenas.find((a) => a.id === id)); // the version this form edits
  const [name, setName] = useState(arena?.name ?? '');
  const [cadence, setCadence] = useState<string>(arena?.cadence ?? '');
  const [description, setDescription] = useState(arena?.description ?? '');
  const [participants, setParticipants] = useState<string[]>(arena?.participantIds ?? []);
  const { errors, message, conflict, isBusy, submit } = useSubmit();
  const organisationId = map.organisation.id;
  const actorOptions = rankActorOptions(map.actors, actorRanking(map, i18n.language));

  const fieldsNow = () => ({
    organisationId,
    name: name.trim(),
    cadence: (cadence || null) as Cadence | null,
    description: description.trim() || null,
    participantIds: participants,
  });
  const onSubmit = () =>
    submit(async () => {
      const fields = fieldsNow();
      if (arena) await updateArena(arena, { ...fields, id: arena.id, expectedVersion: arena.version });
      else await createArena({ ...fields, scenarioId: map.scenario.id });
      return { text: t('status.arenaSaved', { name: fields.name }) };
    });

  return (
    <Dialog title={t(arena ? 'forms.editArena' : 'forms.newArena')} onClose={editorActions.close}>
      <form className="form" onSubmit={(e) => (e.preventDefault(), void onSubmit())}>
        <Field label={t('fields.name')} error={errors.name}>
          <input name="name" value={name} onChange={(e) => setName(e.target.value)} autoFocus required />
        </Field>
        <CadenceField value={cadence} onChange={setCadence} error={errors.cadence} />
        <MultiPicker
          label={t('fields.participants')}
          name="participantIds"
          values={participants}
          options={actorOptions}
          onChange={setParticipants}
          placeholder={t('forms.findActor')}
          noMatches={t('forms.noActorMatches')}
          removeLabel={(label) => t('forms.removeItem', { name: label })}
          error={errors.participantIds}
        />
        <Field label={t('fields.description')} error={errors.description}>
          <textarea name="description" value={description} onChange={(e) => setDescription(e.target.value)} rows={3} />
        </Field>
        {conflict && arena ? (
          <ConflictNotice
            conflict={conflict}
            base={arena}
            entity="arena"
            map={map}
            onReload={reloadAndReopen}
            onReapply={() => submit(() => reapplyOnStored(arena, fieldsNow(), (m) => m.arenas, updateArena))}
          />
        ) : null}
        <FormFooter message={message} isBusy={isBusy} />
      </form>
    </Dialog>
  );
}
