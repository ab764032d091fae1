import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { errorText } from '../../api/error-text.ts';
import { canEdit, type MapData, useMapState } from '../../state/map-store.ts';
import { viewActions } from '../../state/view-store.ts';
import { confirmAction } from '../../ui/confirm-store.ts';
import { notify } from '../../ui/notice-store.ts';
import { notifyDone } from '../editing/index.ts';
import { deleteInitiative, type InitiativeRecord } from './initiative-commands.ts';
import { InitiativeForm } from './InitiativeForm.tsx';
import { actorsReachedBy } from './reach.ts';
import './initiatives.css';

/** The scenario's initiatives: what each is, who owns it, whom it reaches; new, edit, delete, show on the map. */
export function InitiativesPanel({ map }: { map: MapData }) {
  const { t } = useTranslation();
  const isEditor = useMapState((s) => canEdit(s.role));
  const [editing, setEditing] = useState<{ initiative?: InitiativeRecord } | null>(null);
  const actorName = (id: string | null | undefined) => map.actors.find((a) => a.id === id)?.name;
  const unitName = (id: string) => map.units.find((u) => u.id === id)?.name ?? id;

  const remove = async (initiative: InitiativeRecord) => {
    const isConfirmed = await confirmAction({
      title: t('initiatives.deleteTitle'),
      message: t('actions.confirmDelete', { name: initiative.name }),
      confirmLabel: t('common.delete'),
    });
    if (!isConfirmed) return;
    try {
      await deleteInitiative(map.organisation.id, map.scenario.id, initiative);
      notifyDone(t, t('status.deleted', { name: initiative.name }));
    } catch (error) {
      notify(errorText(t, error), 'error');
    }
  };

  return (
    <div className="initiatives" data-testid="initiatives">
      <p className="hint">{t('initiatives.help')}</p>
      {isEditor ? (
        <button className="primary" data-action="newInitiative" onClick={() => setEditing({})}>
          {t('initiatives.new')}
        </button>
      ) : null}
      {map.initiatives.length === 0 ? <p className="empty">{t('initiatives.none')}</p> : null}
      <ul className="initiative-list">
        {map.initiatives.map((i) => {
          const reached = actorsReachedBy(i, map.units, map.actors);
          return (
            <li key={i.id} data-initiative={i.id}>
              <h4>{i.name}</h4>
              <dl className="facts">
                <dt>{t('initiatives.owner')}</dt>
                <dd>{actorName(i.ownerId) ?? '—'}</dd>
                <dt>{t('initiatives.for')}</dt>
                <dd>
                  {[...i.targetActorIds.map((id) => actorName(id) ?? id), ...i.targetUnitIds.map(unitName)].join(
                    ', ',
                  ) || '—'}
                </dd>
                <dt>{t('initiatives.dimensions')}</dt>
                <dd>{i.learningDimensions.map((d) => t(`learning.${d}`)).join(', ') || '—'}</dd>
                <dt>{t('fields.evidence')}</dt>
                <dd>{i.evidence.length > 0 ? i.evidence.map((e) => e.text).join('; ') : '—'}</dd>
              </dl>
              {i.description ? <p>{i.description}</p> : null}
              <div className="action-buttons">
                <button
                  disabled={reached.length === 0}
                  onClick={() => viewActions.emphasise({ actorIds: reached, linkIds: [] })}
                  aria-label={t('initiatives.showNamed', { name: i.name })}
                >
                  {t('initiatives.show', { count: reached.length })}
                </button>
                {isEditor ? (
                  <>
                    <button
                      onClick={() => setEditing({ initiative: i })}
                      aria-label={t('initiatives.editNamed', { name: i.name })}
                    >
                      {t('common.edit')}
                    </button>
                    <button onClick={() => void remove(i)} aria-label={t('initiatives.deleteNamed', { name: i.name })}>
                      {t('common.delete')}
                    </button>
                  </>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
      {editing ? <InitiativeForm map={map} initiative={editing.initiative} onClose={() => setEditing(null)} /> : null}
    </div>
  );
}
