import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { LearningDimension } from '../../api/generated/graphql.ts';
import type { MapData } from '../../state/map-store.ts';
import { Combobox } from '../../ui/Combobox.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { Field } from '../../ui/Field.tsx';
import { MultiPicker } from '../../ui/MultiPicker.tsx';
import {
  actorRanking,
  EvidenceList,
  FormFooter,
  fromEvidenceDrafts,
  rankActorOptions,
  toEvidenceDrafts,
  useSubmit,
} from '../editing/index.ts';
import { createInitiative, type InitiativeRecord, updateInitiative } from './initiative-commands.ts';

const DIMENSIONS: LearningDimension[] = ['CONTENT', 'INCENTIVE', 'INTERACTION'];

/**
 * An improvement effort: who owns it, which actors and units it is for, Illeris' dimensions of
 * learning it works on, and the traces it leaves (evidence).
 */
export function InitiativeForm(props: {
  map: MapData;
  initiative?: InitiativeRecord | undefined;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { map, initiative } = props;
  const [name, setName] = useState(initiative?.name ?? '');
  const [description, setDescription] = useState(initiative?.description ?? '');
  const [ownerId, setOwnerId] = useState(initiative?.ownerId ?? '');
  const [targetActorIds, setTargetActorIds] = useState<string[]>(initiative?.targetActorIds ?? []);
  const [targetUnitIds, setTargetUnitIds] = useState<string[]>(initiative?.targetUnitIds ?? []);
  const [dimensions, setDimensions] = useState<LearningDimension[]>(initiative?.learningDimensions ?? []);
  const [evidence, setEvidence] = useState(toEvidenceDrafts(initiative?.evidence ?? []));
  const { errors, message, isBusy, submit } = useSubmit({ close: props.onClose });
  const organisationId = map.organisation.id;
  const actorOptions = rankActorOptions(map.actors, actorRanking(map, i18n.language));
  const unitOptions = map.units.map((u) => ({ value: u.id, label: u.name, hint: t(`unitKind.${u.kind}`) }));

  const onSubmit = () =>
    submit(async () => {
      const fields = {
        organisationId,
        name: name.trim(),
        description: description.trim() || null,
        ownerId: ownerId || null,
        targetActorIds,
        targetUnitIds,
        learningDimensions: dimensions,
        evidence: fromEvidenceDrafts(evidence),
      };
      if (initiative)
        await updateInitiative(initiative, map.scenario.id, {
          ...fields,
          id: initiative.id,
          expectedVersion: initiative.version,
        });
      else await createInitiative({ ...fields, scenarioId: map.scenario.id });
      return { text: t('initiatives.saved', { name: fields.name }) };
    });

  return (
    <Dialog title={t(initiative ? 'initiatives.edit' : 'initiatives.new')} onClose={props.onClose}>
      <form className="form form--wide" onSubmit={(e) => (e.preventDefault(), void onSubmit())}>
        <Field label={t('fields.name')} error={errors.name}>
          <input
            name="initiativeName"
            value={name}
            required
            maxLength={200}
            autoFocus
            onChange={(e) => setName(e.target.value)}
          />
        </Field>
        <Combobox
          label={t('initiatives.owner')}
          name="ownerId"
          value={ownerId}
          options={actorOptions}
          onChange={setOwnerId}
          placeholder={t('forms.findActor')}
          noMatches={t('forms.noActorMatches')}
          error={errors.ownerId}
        />
        <MultiPicker
          label={t('initiatives.targetActors')}
          name="targetActorIds"
          values={targetActorIds}
          options={actorOptions}
          onChange={setTargetActorIds}
          placeholder={t('forms.findActor')}
          noMatches={t('forms.noActorMatches')}
          removeLabel={(label) => t('forms.removeItem', { name: label })}
          error={errors.targetActorIds}
        />
        <MultiPicker
          label={t('initiatives.targetUnits')}
          name="targetUnitIds"
          values={targetUnitIds}
          options={unitOptions}
          onChange={setTargetUnitIds}
          placeholder={t('initiatives.findUnit')}
          noMatches={t('initiatives.noUnitMatches')}
          removeLabel={(label) => t('forms.removeItem', { name: label })}
          error={errors.targetUnitIds}
        />
        <fieldset className="checks initiative__dimensions">
          <legend>{t('initiatives.dimensions')}</legend>
          {DIMENSIONS.map((d) => (
            <label key={d}>
              <input
                type="checkbox"
                name="learningDimensions"
                value={d}
                checked={dimensions.includes(d)}
                onChange={() =>
                  setDimensions(dimensions.includes(d) ? dimensions.filter((x) => x !== d) : [...dimensions, d])
                }
              />{' '}
              {t(`learning.${d}`)} <small className="hint">{t(`learningHelp.${d}`)}</small>
            </label>
          ))}
        </fieldset>
        <Field label={t('fields.description')} error={errors.description}>
          <textarea name="description" rows={3} value={description} onChange={(e) => setDescription(e.target.value)} />
        </Field>
        <EvidenceList value={evidence} onChange={setEvidence} error={errors.evidence ?? errors.text ?? errors.date} />
        <FormFooter message={message} isBusy={isBusy} onCancel={props.onClose} />
      </form>
    </Dialog>
  );
}
