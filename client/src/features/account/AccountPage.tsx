import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { request, type RequestStatus } from '../../api/client.ts';
import { asApiError, errorText } from '../../api/error-text.ts';
import {
  ChangePasswordDocument,
  LogoutEverywhereDocument,
  type MyAccountQuery,
  MyAccountDocument,
} from '../../api/generated/graphql.ts';
import { confirmAction } from '../../ui/confirm-store.ts';
import { Field } from '../../ui/Field.tsx';
import { notify } from '../../ui/notice-store.ts';

type Account = NonNullable<MyAccountQuery['me']>;

/** Who one is, where one belongs, a new password, and signing out on every device. */
export function AccountPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<RequestStatus<Account>>({ type: 'loading' });
  useEffect(() => {
    request(MyAccountDocument, {})
      .then(({ me }) => me && setStatus({ type: 'ready', data: me }))
      .catch((error: unknown) => setStatus({ type: 'error', error: asApiError(error) }));
  }, []);

  const signOutEverywhere = async () => {
    const isConfirmed = await confirmAction({
      title: t('account.signOutEverywhere'),
      message: t('account.signOutEverywhereConfirm'),
      confirmLabel: t('account.signOutEverywhere'),
    });
    if (!isConfirmed) return;
    try {
      await request(LogoutEverywhereDocument, {});
      window.location.assign('/'); // every store with this user's data goes with the page
    } catch (error) {
      notify(errorText(t, error), 'error');
    }
  };

  if (status.type === 'error') return <p role="alert">{errorText(t, status.error)}</p>;
  if (status.type !== 'ready') return <p className="empty">{t('common.loading')}</p>;
  const account = status.data;
  return (
    <>
      <section aria-labelledby="account-who">
        <h3 id="account-who">{account.displayName ?? account.email}</h3>
        <dl className="facts">
          <dt>{t('account.email')}</dt>
          <dd>{account.email}</dd>
          {account.isAdmin ? (
            <>
              <dt>{t('account.administrator')}</dt>
              <dd>{t('account.administratorHelp')}</dd>
            </>
          ) : null}
        </dl>
        <h4>{t('account.memberships')}</h4>
        {account.memberships.length === 0 ? <p className="empty">{t('account.noMemberships')}</p> : null}
        <ul className="plain-list">
          {account.memberships.map((m) => (
            <li key={m.organisationId}>
              {m.organisation?.name ?? m.organisationId}: {t(`role.${m.role}`)}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="account-password">
        <h3 id="account-password">{t('account.changePassword')}</h3>
        <ChangePasswordForm />
      </section>
      <section aria-labelledby="account-sessions">
        <h3 id="account-sessions">{t('account.signOutEverywhere')}</h3>
        <p>{t('account.signOutEverywhereHelp')}</p>
        <button onClick={() => void signOutEverywhere()}>{t('account.signOutEverywhere')}</button>
      </section>
    </>
  );
}

function ChangePasswordForm() {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeated, setRepeated] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const change = async () => {
    setMessage(null);
    if (next !== repeated) return setMessage(t('account.passwordsDiffer'));
    try {
      await request(ChangePasswordDocument, { currentPassword: current, newPassword: next });
      setCurrent('');
      setNext('');
      setRepeated('');
      notify(t('account.passwordChanged'));
    } catch (error) {
      setMessage(errorText(t, error));
    }
  };
  return (
    <form className="form form--narrow" onSubmit={(e) => (e.preventDefault(), void change())}>
      <Field label={t('account.password')}>
        <input
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
        />
      </Field>
      <Field label={t('account.newPassword')}>
        <input
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          minLength={10}
          value={next}
          onChange={(e) => setNext(e.target.value)}
        />
      </Field>
      <Field label={t('account.repeatPassword')}>
        <input
          name="repeatPassword"
          type="password"
          autoComplete="new-password"
          required
          value={repeated}
          onChange={(e) => setRepeated(e.target.value)}
        />
      </Field>
      <p className="hint">{t('account.passwordHelp')}</p>
      {message ? (
        <p className="form__message" role="alert">
          {message}
        </p>
      ) : null}
      <button type="submit" className="primary">
        {t('account.changePassword')}
      </button>
    </form>
  );
}
