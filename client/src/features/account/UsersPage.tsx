import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { request } from '../../api/client.ts';
import { errorText } from '../../api/error-text.ts';
import { type UsersQuery, UsersDocument } from '../../api/generated/graphql.ts';

type User = UsersQuery['users']['nodes'][number];

/** Every account (administrators only), fifty at a time, with the organisations each belongs to. */
export function UsersPage() {
  const { t } = useTranslation();
  const [users, setUsers] = useState<User[]>([]);
  const [page, setPage] = useState<UsersQuery['users']['pageInfo'] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const load = (after: string | null) =>
    request(UsersDocument, { after })
      .then(({ users: answer }) => {
        setUsers((shown) => (after ? [...shown, ...answer.nodes] : answer.nodes));
        setPage(answer.pageInfo);
      })
      .catch((error: unknown) => setMessage(errorText(t, error)));
  useEffect(() => {
    void load(null);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the first page, once
  }, []);

  return (
    <section aria-labelledby="users-title">
      <h3 id="users-title">{page ? t('users.count', { count: page.totalCount }) : t('pages.users')}</h3>
      {message ? <p role="alert">{message}</p> : null}
      <table className="table" data-testid="users">
        <thead>
          <tr>
            <th scope="col">{t('account.email')}</th>
            <th scope="col">{t('members.name')}</th>
            <th scope="col">{t('users.memberOf')}</th>
            <th scope="col">{t('users.status')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id}>
              <td>{user.email}</td>
              <td>{user.displayName ?? '—'}</td>
              <td>
                {user.memberships
                  .map((m) => `${m.organisation?.name ?? m.organisationId} (${t(`role.${m.role}`)})`)
                  .join(', ') || '—'}
              </td>
              <td>
                {[
                  user.isAdmin ? t('account.administrator') : null,
                  user.mustChangePassword ? t('users.oneTimePassword') : null,
                ]
                  .filter(Boolean)
                  .join(', ') || '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {page?.hasNextPage ? <button onClick={() => void load(page.endCursor ?? null)}>{t('users.more')}</button> : null}
    </section>
  );
}
