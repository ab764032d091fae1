import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { UnitKind } from '../../api/generated/graphql.ts';
import type { MapData } from '../../state/map-store.ts';
import { Dialog } from '../../ui/Dialog.tsx';
import { Field, Select } from '../../ui/Field.tsx';
import { createUnit, updateUnit } from './commands.ts';
import { ConflictNotice } from './ConflictNotice.tsx';
import { editorActions } from './editor-store.ts';
import { FormFooter } from './FormFooter.tsx';
import { reapplyOnStored } from './reapply.ts';
import { reloadAndReopen, useSubmit } from './use-submit.ts';

const UNIT_KINDS: UnitKind[] = ['SCHOOL', 'TEAM', 'AREA', 'OTHER'];

export function UnitForm({ map, id }: { map: MapData; id?: string | undefined }) {
  const { t } = useTranslation();
  const [unit] = useState(() => map.units.find((u) => u.id === id)); // the version this form edits
  const [name, setName] = useState(unit?.name ?? '');
  const [kind, setKind] = useState<UnitKind>(unit?.kind ?? 'SCHOOL');
  const [parentId, setParentId] = useState(unit?.parentId ?? '');
  const [place, setPlace] = useState(unit?.place ?? '');
  const { errors, message, conflict, isBusy, submit } = useSubmit();
  const organisationId = map.organisation.id;

  const fieldsNow = () => ({
    organisationId,
    name: name.trim(),
    kind,
    parentId: parentId || null,
    place: place.trim() || null,
  });
  const onSubmit = () =>
    submit(async () => {
      const fields = fieldsNow();
      if (unit) await updateUnit(unit, { ...fields, id: unit.id, expectedVersion: unit.version });
      else await createUnit(fields);
      return { text: t('status.unitSaved', { name: fields.name }) };
    });

  return (
    <Dialog title={t(unit ? 'forms.editUnit' : 'forms.newUnit')} onClose={editorActions.close}>
      <form className="form" onSubmit={(e) => (e.preventDefault(), void onSubmit())}>
        <Field label={t('fields.name')} error={errors.name}>
          <input name="name" value={name} onChange={(e) => setName(e.target.value)} autoFocus required />
        </Field>
        <Field label={t('fields.unitKind')} error={errors.kind}>
          <Select
            name="kind"
            value={kind}
            onChange={(v) => setKind(v as UnitKind)}
            options={UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKind.${k}`) }))}
          />
        </Field>
        <Field label={t('fields.parent')} error={errors.parentId}>
          <Select
            name="parentId"
            value={parentId}
            onChange={setParentId}
            emptyLabel={t('common.none')}
            options={map.units.filter((u) => u.id !== id).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Field>
        <Field label={t('fields.place')} error={errors.place}>
          <input name="place" value={place} onChange={(e) => setPlace(e.target.value)} />
        </Field>
        {conflict && unit ? (
          <ConflictNotice
            conflict={conflict}
            base={unit}
            entity="unit"
            map={map}
            onReload={reloadAndReopen}
            onReapply={() => submit(() => reapplyOnStored(unit, fieldsNow(), (m) => m.units, updateUnit))}
          />
        ) : null}
        <FormFooter message={message} isBusy={isBusy} />
      </form>
    </Dialog>
  );
}
