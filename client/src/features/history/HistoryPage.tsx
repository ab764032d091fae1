import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { request } from '../../api/client.ts';
import { errorText } from '../../api/error-text.ts';
import { type HistoryEntryFieldsFragment, HistoryDocument } from '../../api/generated/graphql.ts';
import { useSession } from '../account/index.ts';
import { HistoryEntryItem } from './HistoryEntryItem.tsx';
import { historyFilterActions, useHistoryFilter } from './history-filter-store.ts';
import './history.css';

/**
 * Who changed what and when in the organisation, newest first, each change with its before and
 * after; narrowed to one record or one person; an administrator restores to any change.
 */
export function HistoryPage({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const { record, person } = useHistoryFilter();
  const isAdmin = useSession((s) => (s.status.type === 'ready' ? Boolean(s.status.data?.isAdmin) : false));
  const [entries, setEntries] = useState<HistoryEntryFieldsFragment[]>([]);
  const [next, setNext] = useState<{ cursor: string | null; total: number } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [isLoadingMore, setLoadingMore] = useState(false);

  const load = useCallback(
    (after: string | null) =>
      request(HistoryDocument, { organisationId, after, recordId: record?.id ?? null, userId: person?.id ?? null })
        .then(({ history }) => {
          setEntries((shown) => (after ? [...shown, ...history.nodes] : history.nodes));
          setNext({
            cursor: history.pageInfo.hasNextPage ? (history.pageInfo.endCursor ?? null) : null,
            total: history.pageInfo.totalCount,
          });
          setMessage(null);
        })
        .catch((error: unknown) => setMessage(errorText(t, error))),
    [organisationId, record, person, t],
  );
  useEffect(() => {
    void load(null);
  }, [load]);

  return (
    <section aria-labelledby="history-title">
      <h3 id="history-title">{next ? t('historyPage.count', { count: next.total }) : t('pages.history')}</h3>
      <div className="history-filters" role="group" aria-label={t('historyPage.filters')}>
        {record ? (
          <span className="chip">
            {t('historyPage.ofRecord', { name: record.label })}
            <button
              aria-label={t('historyPage.clearRecord')}
              onClick={() => historyFilterActions.set({ record: null })}
            >
              ×
            </button>
          </span>
        ) : null}
        {person ? (
          <span className="chip">
            {t('historyPage.byPerson', { name: person.label })}
            <button
              aria-label={t('historyPage.clearPerson')}
              onClick={() => historyFilterActions.set({ person: null })}
            >
              ×
            </button>
          </span>
        ) : null}
        {!record && !person ? <span className="hint">{t('historyPage.filterHelp')}</span> : null}
      </div>
      {message ? <p role="alert">{message}</p> : null}
      {next && entries.length === 0 ? <p className="empty">{t('historyPage.none')}</p> : null}
      <ol className="history-list" data-testid="history">
        {entries.map((entry) => (
          <HistoryEntryItem
            key={entry.id}
            entry={entry}
            organisationId={organisationId}
            canRestore={isAdmin}
            onRestored={() => void load(null)}
          />
        ))}
      </ol>
      {next?.cursor ? (
        <button
          disabled={isLoadingMore}
          onClick={() => {
            setLoadingMore(true);
            void load(next.cursor).finally(() => setLoadingMore(false));
          }}
        >
          {t('historyPage.older')}
        </button>
      ) : null}
    </section>
  );
}
