import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Coupling } from '../../api/generated/graphql.ts';
import { COUPLINGS } from '../../canvas/model.ts';
import type { LinkRecord, MapData } from '../../state/map-store.ts';
import { Combobox } from '../../ui/Combobox.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { Field, Select, TriState } from '../../ui/Field.tsx';
import { actorRanking, FormFooter, rankActorOptions, useSubmit } from '../editing/index.ts';
import { createPerception, type PerceptionRecord, updatePerception } from './perception-commands.ts';

const today = () => new Date().toISOString().slice(0, 10);

/** One respondent's view of a link: who answered, when, and the same questions the link answers. */
export function PerceptionForm(props: {
  map: MapData;
  link: LinkRecord;
  perception?: PerceptionRecord | undefined;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { map, link, perception } = props;
  const [respondent, setRespondent] = useState(perception?.respondent ?? '');
  const [respondentActorId, setRespondentActorId] = useState(perception?.respondentActorId ?? '');
  const [observedAt, setObservedAt] = useState(perception?.observedAt ?? today());
  const [coupling, setCoupling] = useState<string>(perception?.coupling ?? '');
  const [targetResponds, setTargetResponds] = useState(perception?.targetResponds ?? null);
  const [sourceResponds, setSourceResponds] = useState(perception?.sourceResponds ?? null);
  const [distinctive, setDistinctive] = useState(perception?.distinctive ?? null);
  const [comment, setComment] = useState(perception?.comment ?? '');
  const [confidential, setConfidential] = useState(perception?.confidential ?? false);
  const { errors, message, isBusy, submit } = useSubmit({ close: props.onClose });
  const organisationId = map.organisation.id;
  const yesNo: [string, string, string] = [t('common.yes'), t('common.no'), t('common.notAssessed')];
  // The link's two ends are the likeliest respondents.
  const actorOptions = rankActorOptions(
    map.actors,
    actorRanking(map, i18n.language, { recentIds: [link.sourceId, link.targetId] }),
  );

  const onSubmit = () =>
    submit(async () => {
      const fields = {
        organisationId,
        respondent: respondent.trim(),
        respondentActorId: respondentActorId || null,
        observedAt: observedAt || null,
        coupling: (coupling || null) as Coupling | null,
        targetResponds,
        sourceResponds,
        distinctive,
        comment: comment.trim() || null,
        confidential,
      };
      if (perception)
        await updatePerception(perception, { ...fields, id: perception.id, expectedVersion: perception.version });
      else await createPerception({ ...fields, linkId: link.id });
      return { text: t('perceptions.saved', { respondent: fields.respondent }) };
    });

  return (
    <Dialog title={t(perception ? 'perceptions.edit' : 'perceptions.new')} onClose={props.onClose}>
      <form className="form form--wide" onSubmit={(e) => (e.preventDefault(), void onSubmit())}>
        <Field label={t('perceptions.respondent')} error={errors.respondent}>
          <input
            name="respondent"
            value={respondent}
            required
            maxLength={200}
            placeholder={t('perceptions.respondentHint')}
            autoFocus
            data-autofocus
            onChange={(e) => setRespondent(e.target.value)}
          />
        </Field>
        <Combobox
          label={t('perceptions.respondentActor')}
          name="respondentActorId"
          value={respondentActorId}
          options={actorOptions}
          onChange={(id) => {
            setRespondentActorId(id);
            // A role label is a good default for who answered.
            if (!respondent.trim()) setRespondent(map.actors.find((a) => a.id === id)?.name ?? '');
          }}
          placeholder={t('forms.findActor')}
          noMatches={t('forms.noActorMatches')}
          error={errors.respondentActorId}
        />
        <Field label={t('perceptions.observedAt')} error={errors.observedAt}>
          <input type="date" name="observedAt" value={observedAt} onChange={(e) => setObservedAt(e.target.value)} />
        </Field>
        <Field label={t('fields.coupling')} error={errors.coupling}>
          <Select
            name="coupling"
            value={coupling}
            onChange={setCoupling}
            emptyLabel={t('common.notAssessed')}
            options={COUPLINGS.map((c) => ({ value: c, label: `${t(`coupling.${c}`)} (${t(`couplingHelp.${c}`)})` }))}
          />
        </Field>
        <Field label={t('fields.targetResponds')} error={errors.targetResponds}>
          <TriState name="targetResponds" value={targetResponds} onChange={setTargetResponds} labels={yesNo} />
        </Field>
        <Field label={t('fields.sourceResponds')} error={errors.sourceResponds}>
          <TriState name="sourceResponds" value={sourceResponds} onChange={setSourceResponds} labels={yesNo} />
        </Field>
        <Field label={t('fields.distinctive')} error={errors.distinctive}>
          <TriState name="distinctive" value={distinctive} onChange={setDistinctive} labels={yesNo} />
        </Field>
        <Field label={t('perceptions.comment')} error={errors.comment}>
          <textarea name="comment" rows={2} value={comment} onChange={(e) => setComment(e.target.value)} />
        </Field>
        <label className="field field--inline">
          <input type="checkbox" checked={confidential} onChange={(e) => setConfidential(e.target.checked)} />{' '}
          {t('perceptions.confidential')}
        </label>
        <FormFooter message={message} isBusy={isBusy} onCancel={props.onClose} />
      </form>
    </Dialog>
  );
}
