import { useTranslation } from 'react-i18next';

import { errorText } from '../../api/error-text.ts';
import { COUPLINGS } from '../../canvas/model.ts';
import type { LinkRecord, MapData } from '../../state/map-store.ts';
import { notify } from '../../ui/notice-store.ts';
import { conflictActions, reapplyPending, useConflict } from '../editing/conflict-store.ts';
import { ConflictNotice } from '../editing/ConflictNotice.tsx';
import { LinkPerceptions } from '../perceptions/index.ts';
import { ActionButtons } from './ActionButtons.tsx';
import { Row } from './DetailsPanel.tsx';

const COUPLING_ACTIONS = { TIGHT: 'setTight', LOOSE: 'setLoose', DECOUPLED: 'setDecoupled' } as const;

/** A link's fields, evidence and every respondent's perception of it. */
export function LinkDetails({ map, link }: { map: MapData; link: LinkRecord }) {
  const { t } = useTranslation();
  const actorName = (id: string) => map.actors.find((a) => a.id === id)?.name ?? id;
  const yesNo = (v: boolean | null) => (v === null ? t('common.notAssessed') : v ? t('common.yes') : t('common.no'));
  // A coupling change refused because someone else saved the link first, until the map reloads.
  const pending = useConflict((s) => s.pending);
  const conflict = pending?.recordId === link.id && pending.base.version === link.version ? pending : null;
  return (
    <section aria-label={t('details.link')} data-testid="link-details">
      <h3>{t('details.direction', { source: actorName(link.sourceId), target: actorName(link.targetId) })}</h3>
      <dl>
        <Row label={t('fields.kind')}>{t(`kind.${link.kind}`)}</Row>
        <Row label={t('fields.coupling')}>
          <span data-testid="link-coupling">{t(`coupling.${link.coupling}`)}</span>
        </Row>
        <Row label={t('fields.targetResponds')}>{yesNo(link.targetResponds)}</Row>
        <Row label={t('fields.sourceResponds')}>{yesNo(link.sourceResponds)}</Row>
        <Row label={t('fields.distinctive')}>{yesNo(link.distinctive)}</Row>
        <Row label={t('fields.arena')}>{map.arenas.find((a) => a.id === link.arenaId)?.name}</Row>
        <Row label={t('fields.cadence')}>{link.cadence ? t(`cadence.${link.cadence}`) : null}</Row>
        <Row label={t('fields.partnershipStage')}>{link.partnershipStage}</Row>
        <Row label={t('fields.confidential')}>{yesNo(link.confidential)}</Row>
        <Row label={t('fields.notes')}>{link.notes}</Row>
      </dl>
      <ActionButtons
        map={map}
        ids={[...COUPLINGS.map((c) => COUPLING_ACTIONS[c]), 'editSelected', 'recordHistory', 'deleteSelected']}
      />
      {conflict ? (
        <ConflictNotice
          conflict={conflict.conflict}
          base={conflict.base}
          entity="link"
          map={map}
          onReload={conflictActions.reload}
          onReapply={() => reapplyPending(conflict).catch((error: unknown) => notify(errorText(t, error), 'error'))}
        />
      ) : null}
      <h4>{t('fields.evidence')}</h4>
      {link.evidence.length === 0 ? <p className="empty">{t('details.noEvidence')}</p> : null}
      <ul className="plain-list">
        {link.evidence.map((e, i) => (
          <li key={i}>
            {e.text} {e.date ? <small>({e.date})</small> : null} {e.source ? <small>· {e.source}</small> : null}
          </li>
        ))}
      </ul>
      <LinkPerceptions map={map} link={link} />
    </section>
  );
}
