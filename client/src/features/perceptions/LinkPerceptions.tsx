import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { errorText } from '../../api/error-text.ts';
import { canEdit, type LinkRecord, type MapData, useMapState } from '../../state/map-store.ts';
import { confirmAction } from '../../ui/confirm-store.ts';
import { notify } from '../../ui/notice-store.ts';
import { notifyDone } from '../editing/index.ts';
import { type Aspect, compareAnswers } from './compare-answers.ts';
import { deletePerception, type PerceptionRecord } from './perception-commands.ts';
import { PerceptionForm } from './PerceptionForm.tsx';
import './perceptions.css';

/**
 * Every perception of a link side by side with the link's own assessment: one column each, one
 * row per question; answers that differ between respondents, or from the link, are marked ≠.
 */
export function LinkPerceptions({ map, link }: { map: MapData; link: LinkRecord }) {
  const { t } = useTranslation();
  const isEditor = useMapState((s) => canEdit(s.role));
  const [editing, setEditing] = useState<{ perception?: PerceptionRecord } | null>(null);
  // In the order they were given, then by respondent: a stable order whatever the ids.
  const perceptions = map.perceptions
    .filter((p) => p.linkId === link.id)
    .sort((a, b) => (a.observedAt ?? '').localeCompare(b.observedAt ?? '') || a.respondent.localeCompare(b.respondent));
  const rows = compareAnswers(link, perceptions);
  const disagreements = rows.filter((r) => r.isDisagreement);
  const value = (aspect: Aspect, v: string | boolean | null) => {
    if (v === null) return t('common.notAssessed');
    if (aspect === 'coupling') return t(`coupling.${v as 'TIGHT'}`);
    return v ? t('common.yes') : t('common.no');
  };
  const label = (aspect: Aspect) => t(`perceptions.aspects.${aspect}`);

  const remove = async (perception: PerceptionRecord) => {
    const isConfirmed = await confirmAction({
      title: t('perceptions.deleteTitle'),
      message: t('perceptions.deleteConfirm', { respondent: perception.respondent }),
      confirmLabel: t('common.delete'),
    });
    if (!isConfirmed) return;
    try {
      await deletePerception(map.organisation.id, perception);
      notifyDone(t, t('perceptions.deleted', { respondent: perception.respondent }));
    } catch (error) {
      notify(errorText(t, error), 'error');
    }
  };

  return (
    <section className="perceptions" aria-labelledby="perceptions-title" data-testid="perceptions">
      <h4 id="perceptions-title">{t('details.perceptions', { count: perceptions.length })}</h4>
      {perceptions.length === 0 ? <p className="empty">{t('details.noPerceptions')}</p> : null}
      {disagreements.length > 0 ? (
        <p className="perceptions__disagree" role="note">
          ≠ {t('perceptions.disagreeOn', { aspects: disagreements.map((r) => label(r.aspect)).join(', ') })}
        </p>
      ) : null}
      {perceptions.length > 0 ? (
        <div className="perceptions__scroll">
          <table className="table perceptions__table">
            <thead>
              <tr>
                <td />
                <th scope="col">{t('perceptions.linkItself')}</th>
                {perceptions.map((p) => (
                  <th scope="col" key={p.id} data-perception={p.id}>
                    {p.respondent}
                    <small>{p.observedAt ?? ''}</small>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.aspect} className={row.isDisagreement ? 'perceptions__row--disagree' : undefined}>
                  <th scope="row">
                    {row.isDisagreement ? '≠ ' : ''}
                    {label(row.aspect)}
                  </th>
                  <td>{value(row.aspect, row.link)}</td>
                  {row.answers.map((answer, i) => (
                    <td
                      key={perceptions[i]?.id}
                      className={row.differsFromLink[i] ? 'perceptions__differs' : undefined}
                    >
                      {value(row.aspect, answer)}
                      {row.differsFromLink[i] ? (
                        <span className="visually-hidden"> ({t('perceptions.differsFromLink')})</span>
                      ) : null}
                    </td>
                  ))}
                </tr>
              ))}
              <tr>
                <th scope="row">{t('perceptions.comment')}</th>
                <td>{link.notes && !link.confidential ? link.notes : '—'}</td>
                {perceptions.map((p) => (
                  <td key={p.id}>{p.comment ? p.comment : '—'}</td>
                ))}
              </tr>
              {isEditor ? (
                <tr>
                  <td />
                  <td />
                  {perceptions.map((p) => (
                    <td key={p.id}>
                      <div className="perceptions__buttons">
                        <button
                          onClick={() => setEditing({ perception: p })}
                          aria-label={t('perceptions.editNamed', { respondent: p.respondent })}
                        >
                          {t('common.edit')}
                        </button>
                        <button
                          onClick={() => void remove(p)}
                          aria-label={t('perceptions.deleteNamed', { respondent: p.respondent })}
                        >
                          {t('common.delete')}
                        </button>
                      </div>
                    </td>
                  ))}
                </tr>
              ) : null}
            </tbody>
          </table>
        </div>
      ) : null}
      {isEditor ? (
        <button data-action="addPerception" onClick={() => setEditing({})}>
          {t('perceptions.add')}
        </button>
      ) : null}
      {editing ? (
        <PerceptionForm map={map} link={link} perception={editing.perception} onClose={() => setEditing(null)} />
      ) : null}
    </section>
  );
}
