import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ApiError } from '../../api/client.ts';
import type { Cadence, Coupling, LinkKind } from '../../api/generated/graphql.ts';
import { COUPLINGS, LINK_KINDS } from '../../canvas/model.ts';
import type { MapData } from '../../state/map-store.ts';
import { selectionActions } from '../../state/selection-store.ts';
import { Combobox } from '../../ui/Combobox.tsx';
import { Dialog } from '../../ui/Dialog.tsx';
import { Field, Select, TriState } from '../../ui/Field.tsx';
import { actorRanking, rankActorOptions } from './actor-options.ts';
import { CadenceField } from './CadenceField.tsx';
import { createLink, updateLink } from './commands.ts';
import { ConflictNotice } from './ConflictNotice.tsx';
import { editorActions } from './editor-store.ts';
import { type EvidenceDraft, EvidenceList, fromEvidenceDrafts, toEvidenceDrafts } from './EvidenceList.tsx';
import { FormFooter, onSaveAndAddKey } from './FormFooter.tsx';
import { reapplyOnStored } from './reapply.ts';
import { recentActorIds, rememberActors } from './recent-actors.ts';
import { reloadAndReopen, useSubmit } from './use-submit.ts';

interface Props {
  map: MapData;
  id?: string | undefined;
  sourceId?: string | undefined;
  targetId?: string | undefined;
}

export function LinkForm({ map, id, ...preset }: Props) {
  const { t, i18n } = useTranslation();
  const [link] = useState(() => map.links.find((l) => l.id === id)); // the version this form edits
  const [sourceId, setSourceId] = useState(link?.sourceId ?? preset.sourceId ?? '');
  const [targetId, setTargetId] = useState(link?.targetId ?? preset.targetId ?? '');
  const [kind, setKind] = useState<LinkKind>(link?.kind ?? 'STEERING');
  const [coupling, setCoupling] = useState<string>(link?.coupling ?? 'LOOSE');
  const [targetResponds, setTargetResponds] = useState(link?.targetResponds ?? null);
  const [sourceResponds, setSourceResponds] = useState(link?.sourceResponds ?? null);
  const [distinctive, setDistinctive] = useState(link?.distinctive ?? null);
  const [arenaId, setArenaId] = useState(link?.arenaId ?? '');
  const [cadence, setCadence] = useState<string>(link?.cadence ?? '');
  const [notes, setNotes] = useState(link?.notes ?? '');
  const [confidential, setConfidential] = useState(link?.confidential ?? false);
  const [stage, setStage] = useState(link?.partnershipStage ? String(link.partnershipStage) : '');
  const [evidence, setEvidence] = useState<EvidenceDraft[]>(toEvidenceDrafts(link?.evidence ?? []));
  const { errors, message, conflict, isBusy, submit } = useSubmit();
  const organisationId = map.organisation.id;
  const actorName = (actorId: string) => map.actors.find((a) => a.id === actorId)?.name ?? actorId;
  const [recentIds] = useState(() => recentActorIds(organisationId));
  // Each end's list puts recent actors first, then those in the other end's unit.
  const endOptions = useMemo(() => {
    const rank = (otherId: string) =>
      rankActorOptions(
        map.actors,
        actorRanking(map, i18n.language, {
          recentIds,
          nearUnitId: map.actors.find((a) => a.id === otherId)?.unitId ?? null,
          excludeId: otherId || null,
        }),
      );
    return { source: rank(targetId), target: rank(sourceId) };
  }, [map, recentIds, sourceId, targetId, i18n.language]);
  const yesNo: [string, string, string] = [t('common.yes'), t('common.no'), t('common.notAssessed')];

  const fieldsNow = () => ({
    organisationId,
    sourceId,
    targetId,
    kind,
    coupling: (coupling || null) as Coupling | null,
    targetResponds,
    sourceResponds,
    distinctive,
    arenaId: arenaId || null,
    cadence: (cadence || null) as Cadence | null,
    notes: notes.trim() || null,
    confidential,
    partnershipStage: stage ? Number(stage) : null,
    evidence: fromEvidenceDrafts(evidence),
  });
  const onSubmit = (isAddingAnother = false) =>
    submit(async () => {
      // Both ends first: otherwise the API can only say that "" is not an actor.
      const missing = [!sourceId && 'sourceId', !targetId && 'targetId'].filter((f): f is string => Boolean(f));
      if (missing.length > 0)
        throw new ApiError('BAD_USER_INPUT', 'Choose both ends', {
          issues: missing.map((field) => ({ field, reason: 'REQUIRED' })),
        });
      const fields = fieldsNow();
      const text = t('status.linkSaved', { source: actorName(sourceId), target: actorName(targetId) });
      if (link) {
        await updateLink(link, { ...fields, id: link.id, expectedVersion: link.version });
        return { text };
      }
      const newId = await createLink({ ...fields, scenarioId: map.scenario.id });
      rememberActors(organisationId, [targetId, sourceId]);
      selectionActions.select({ entity: 'link', id: newId });
      // The next link most often starts where this one did.
      return { text, next: isAddingAnother ? { type: 'link' as const, sourceId } : undefined };
    });

  return (
    <Dialog title={t(link ? 'forms.editLink' : 'forms.newLink')} onClose={editorActions.close}>
      <form
        className="form form--wide"
        onSubmit={(e) => (e.preventDefault(), void onSubmit())}
        onKeyDown={link ? undefined : onSaveAndAddKey(() => void onSubmit(true))}
      >
        <Combobox
          label={t('fields.source')}
          name="sourceId"
          value={sourceId}
          onChange={setSourceId}
          options={endOptions.source}
          placeholder={t('forms.findActor')}
          noMatches={t('forms.noActorMatches')}
          error={errors.sourceId}
          autoFocus={!sourceId}
        />
        <Combobox
          label={t('fields.target')}
          name="targetId"
          value={targetId}
          onChange={setTargetId}
          options={endOptions.target}
          placeholder={t('forms.findActor')}
          noMatches={t('forms.noActorMatches')}
          error={errors.targetId}
          autoFocus={Boolean(sourceId) && !targetId}
        />
        {/* The coupling first: every link has one worth setting; the kind is steering unless said. */}
        <Field label={t('fields.coupling')} error={errors.coupling}>
          <Select
            name="coupling"
            value={coupling}
            onChange={setCoupling}
            emptyLabel={t('forms.derived')}
            options={COUPLINGS.map((c) => ({ value: c, label: `${t(`coupling.${c}`)} (${t(`couplingHelp.${c}`)})` }))}
          />
        </Field>
        <Field label={t('fields.kind')} error={errors.kind}>
          <Select
            name="kind"
            value={kind}
            onChange={(v) => setKind(v as LinkKind)}
            options={LINK_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
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
        <Field label={t('fields.arena')} error={errors.arenaId}>
          <Select
            name="arenaId"
            value={arenaId}
            onChange={setArenaId}
            emptyLabel={t('common.none')}
            options={map.arenas.map((a) => ({ value: a.id, label: a.name }))}
          />
        </Field>
        <CadenceField value={cadence} onChange={setCadence} error={errors.cadence} />
        <Field label={t('fields.partnershipStage')} error={errors.partnershipStage}>
          <Select
            name="partnershipStage"
            value={stage}
            onChange={setStage}
            emptyLabel={t('common.none')}
            options={['1', '2', '3', '4', '5'].map((s) => ({ value: s, label: s }))}
          />
        </Field>
        <Field label={t('fields.notes')} error={errors.notes}>
          <textarea name="notes" value={notes} onChange={(e) => setNotes(e.target.value)} rows={2} />
        </Field>
        <label className="field field--inline">
          <input type="checkbox" checked={confidential} onChange={(e) => setConfidential(e.target.checked)} />{' '}
          {t('fields.confidential')}
        </label>
        <EvidenceList value={evidence} onChange={setEvidence} error={errors.evidence ?? errors.text ?? errors.date} />
        {conflict && link ? (
          <ConflictNotice
            conflict={conflict}
            base={link}
            entity="link"
            map={map}
            onReload={reloadAndReopen}
            onReapply={() => submit(() => reapplyOnStored(link, fieldsNow(), (m) => m.links, updateLink))}
          />
        ) : null}
        <FormFooter message={message} isBusy={isBusy} onSaveAndAdd={link ? undefined : () => void onSubmit(true)} />
      </form>
    </Dialog>
  );
}
