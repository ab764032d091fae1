import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { request, type RequestStatus } from '../../api/client.ts';
import { asApiError, errorText } from '../../api/error-text.ts';
import {
  type MembersQuery,
  MembersDocument,
  RemoveMemberDocument,
  type Role,
  SetMemberDocument,
} from '../../api/generated/graphql.ts';
import { confirmAction } from '../../ui/confirm-store.ts';
import { notify } from '../../ui/notice-store.ts';
import { InviteForm } from './InviteForm.tsx';
import { ROLES } from './roles.ts';

type Member = MembersQuery['members'][number];

/** Who belongs to the organisation and with what role; owners invite, change roles and remove. */
export function MembersPage({ organisationId }: { organisationId: string }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<RequestStatus<Member[]>>({ type: 'loading' });
  const load = useCallback(
    () =>
      request(MembersDocument, { organisationId })
        .then(({ members }) => setStatus({ type: 'ready', data: members }))
        .catch((error: unknown) => setStatus({ type: 'error', error: asApiError(error) })),
    [organisationId],
  );
  useEffect(() => {
    void load();
  }, [load]);

  const setRole = async (member: Member, role: Role) => {
    try {
      await request(SetMemberDocument, { organisationId, email: member.user.email, role });
      notify(t('members.roleChanged', { email: member.user.email, role: t(`role.${role}`) }));
    } catch (error) {
      notify(errorText(t, error), 'error');
    }
    await load();
  };
  const remove = async (member: Member) => {
    const isConfirmed = await confirmAction({
      title: t('members.removeTitle'),
      message: t('members.removeConfirm', { email: member.user.email }),
      confirmLabel: t('members.remove'),
      isDestructive: true,
    });
    if (!isConfirmed) return;
    try {
      await request(RemoveMemberDocument, { organisationId, userId: member.user.id });
      notify(t('members.removed', { email: member.user.email }));
    } catch (error) {
      notify(errorText(t, error), 'error');
    }
    await load();
  };

  return (
    <>
      <section aria-labelledby="members-title">
        <h3 id="members-title">{t('members.title')}</h3>
        {status.type === 'error' ? <p role="alert">{errorText(t, status.error)}</p> : null}
        {status.type === 'loading' ? <p className="empty">{t('common.loading')}</p> : null}
        {status.type === 'ready' && status.data.length === 0 ? <p className="empty">{t('members.none')}</p> : null}
        {status.type === 'ready' && status.data.length > 0 ? (
          <table className="table" data-testid="members">
            <thead>
              <tr>
                <th scope="col">{t('account.email')}</th>
                <th scope="col">{t('members.name')}</th>
                <th scope="col">{t('members.role')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('members.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {status.data.map((member) => (
                <tr key={member.user.id} data-member={member.user.email}>
                  <td>{member.user.email}</td>
                  <td>{member.user.displayName ?? '—'}</td>
                  <td>
                    <select
                      aria-label={t('members.roleOf', { email: member.user.email })}
                      value={member.role}
                      onChange={(e) => void setRole(member, e.target.value as Role)}
                    >
                      {ROLES.map((role) => (
                        <option key={role} value={role}>
                          {t(`role.${role}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <button
                      onClick={() => void remove(member)}
                      aria-label={t('members.removeNamed', { email: member.user.email })}
                    >
                      {t('members.remove')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <p className="hint">{t('members.rolesHelp')}</p>
      </section>
      <section aria-labelledby="invite-title">
        <h3 id="invite-title">{t('members.invite')}</h3>
        <InviteForm organisationId={organisationId} />
      </section>
    </>
  );
}
