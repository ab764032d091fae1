import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { HistoryEntryFieldsFragment } from '../../api/generated/graphql.ts';
import { useMapState } from '../../state/map-store.ts';
import { authorOf, changeSummary, namesFrom, recordLabel } from './entry-text.ts';
import { fieldChanges, showValue } from './field-changes.ts';
import { historyFilterActions } from './history-filter-store.ts';
import { restoreTo } from './restore.ts';

/** One change: when, who, what; its before and after on request; narrowing and restoring from it. */
export function HistoryEntryItem(props: {
  entry: HistoryEntryFieldsFragment;
  organisationId: string;
  canRestore: boolean;
  onRestored: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { entry } = props;
  const map = useMapState((s) => (s.status.type === 'ready' ? s.status.data : null));
  const [isOpen, setOpen] = useState(false);
  const nameOf = namesFrom(map);
  const label = recordLabel(entry, nameOf);
  const when = new Date(entry.at).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const words = { yes: t('common.yes'), no: t('common.no'), nameOf };
  // An import or restore replaces the whole organisation: its fields say little; the counts are elsewhere.
  const changes =
    entry.kind === 'organisation' && entry.action !== 'UPDATE' ? [] : fieldChanges(entry.before, entry.after);

  return (
    <li className="history-entry" data-entry={entry.id}>
      <div className="history-entry__head">
        <time dateTime={entry.at}>{when}</time>
        <span className="history-entry__who">{authorOf(t, entry)}</span>
        <span className="history-entry__what">{changeSummary(t, entry, label)}</span>
      </div>
      <div className="history-entry__buttons">
        {changes.length > 0 ? (
          <button aria-expanded={isOpen} onClick={() => setOpen(!isOpen)}>
            {t('historyPage.beforeAfter')}
          </button>
        ) : null}
        <button onClick={() => historyFilterActions.set({ record: { id: entry.recordId, label } })}>
          {t('historyPage.onlyRecord')}
        </button>
        {entry.user ? (
          <button
            onClick={() =>
              entry.user && historyFilterActions.set({ person: { id: entry.user.id, label: authorOf(t, entry) } })
            }
          >
            {t('historyPage.onlyPerson')}
          </button>
        ) : null}
        {props.canRestore ? (
          <button
            data-action="restore"
            onClick={() =>
              void restoreTo(t, props.organisationId, entry, when).then((isDone) => isDone && props.onRestored())
            }
          >
            {t('historyPage.restoreHere')}
          </button>
        ) : null}
      </div>
      {isOpen ? (
        <table className="table history-entry__changes">
          <thead>
            <tr>
              <th scope="col">{t('historyPage.field')}</th>
              <th scope="col">{t('historyPage.before')}</th>
              <th scope="col">{t('historyPage.after')}</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={c.field}>
                <th scope="row">{t(`fields.${c.field}` as 'fields.name', { defaultValue: c.field })}</th>
                <td>
                  <del>{showValue(c.before, words)}</del>
                </td>
                <td>
                  <ins>{showValue(c.after, words)}</ins>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </li>
  );
}
