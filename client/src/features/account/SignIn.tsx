import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { request } from '../../api/client.ts';
import { errorText } from '../../api/error-text.ts';
import { ChangePasswordDocument, LoginDocument } from '../../api/generated/graphql.ts';
import { Field } from '../../ui/Field.tsx';
import { loadSession } from './session-store.ts';

/** Sign-in, and the forced password change that follows a one-time password. */
export function SignIn({ mustChangePassword }: { mustChangePassword: boolean }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    setMessage(null);
    try {
      if (mustChangePassword) await request(ChangePasswordDocument, { currentPassword: password, newPassword });
      else await request(LoginDocument, { email, password });
      await loadSession();
    } catch (error) {
      setMessage(errorText(t, error));
    } finally {
      setBusy(false); // the message set in catch stays
    }
  };

  return (
    <form className="sign-in" onSubmit={(e) => (e.preventDefault(), void submit())}>
      <h2>{t(mustChangePassword ? 'account.changePassword' : 'account.signIn')}</h2>
      {mustChangePassword ? <p>{t('account.changePasswordHelp')}</p> : null}
      {!mustChangePassword ? (
        <Field label={t('account.email')}>
          <input
            name="email"
            type="email"
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            required
            autoFocus
          />
        </Field>
      ) : null}
      <Field label={t(mustChangePassword ? 'account.currentPassword' : 'account.password')}>
        <input
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
      </Field>
      {mustChangePassword ? (
        <Field label={t('account.newPassword')}>
          <input
            name="newPassword"
            type="password"
            autoComplete="new-password"
            value={newPassword}
            onChange={(e) => setNewPassword(e.target.value)}
            required
          />
        </Field>
      ) : null}
      {message ? (
        <p className="form__message" role="alert">
          {message}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={isBusy}>
        {t(mustChangePassword ? 'account.changePassword' : 'account.signIn')}
      </button>
    </form>
  );
}
