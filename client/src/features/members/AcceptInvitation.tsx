import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { asApiError, errorText } from '../../api/error-text.ts';
import { Field } from '../../ui/Field.tsx';
import { loadSession, signOut, useSession } from '../account/index.ts';
import { acceptInvitation, acceptSignedOut, describeInvitation, type InvitationPreview } from './invitation-api.ts';
import { tokenFromHash } from './invitation-link.ts';

type Found = { type: 'loading' } | { type: 'none' } | { type: 'found'; invitation: InvitationPreview };

/** Into the app, signed in, in the organisation just joined. */
function enter(organisationId: string): void {
  window.location.assign(`/?org=${encodeURIComponent(organisationId)}`);
}

/**
 * The page an invitation link opens (/invite#token), signed in or not: who is invited where and
 * as what; signed out, one password (the account's the address has, or a new one's) to accept
 * with; signed in as the invited address, one button.
 */
export function AcceptInvitation() {
  const { t } = useTranslation();
  const [token] = useState(() => tokenFromHash(window.location.hash));
  const [found, setFound] = useState<Found>({ type: 'loading' });
  const session = useSession((s) => s.status);
  useEffect(() => {
    void loadSession();
    if (!token) return;
    describeInvitation(token)
      .then((invitation) => setFound(invitation ? { type: 'found', invitation } : { type: 'none' }))
      .catch(() => setFound({ type: 'none' }));
  }, [token]);

  let body;
  if (!token || found.type === 'none') body = <p role="alert">{t('errors.INVITATION_INVALID')}</p>;
  else if (found.type === 'loading' || session.type === 'idle' || session.type === 'loading')
    body = <p className="empty">{t('common.loading')}</p>;
  else if (found.invitation.state !== 'VALID')
    body = <p role="alert">{t(`invitation.state.${found.invitation.state}`)}</p>;
  else {
    const me = session.type === 'ready' ? session.data : null;
    body = me ? (
      <SignedIn token={token} invitation={found.invitation} email={me.email} />
    ) : (
      <SignedOut token={token} invitation={found.invitation} />
    );
  }
  return (
    <main className="sign-in" data-testid="accept-invitation">
      <h2>{t('invitation.title')}</h2>
      {found.type === 'found' ? (
        <p>
          {t('invitation.to', {
            organisation: found.invitation.organisationName,
            role: t(`role.${found.invitation.role}`),
            email: found.invitation.email,
          })}
        </p>
      ) : null}
      {body}
    </main>
  );
}

function SignedIn(props: { token: string; invitation: InvitationPreview; email: string }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  if (props.email.toLowerCase() !== props.invitation.email.toLowerCase()) {
    return (
      <>
        <p role="alert">{t('invitation.otherAccount', { email: props.email })}</p>
        <button onClick={() => void signOut()}>{t('account.signOut')}</button>
      </>
    );
  }
  return (
    <>
      {message ? (
        <p className="form__message" role="alert">
          {message}
        </p>
      ) : null}
      <button
        className="primary"
        autoFocus
        onClick={() =>
          acceptInvitation(props.token)
            .then(enter)
            .catch((error: unknown) => setMessage(errorText(t, error)))
        }
      >
        {t('invitation.acceptSignedIn')}
      </button>
    </>
  );
}

function SignedOut(props: { token: string; invitation: InvitationPreview }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [isShown, setShown] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const accept = async () => {
    setBusy(true);
    setMessage(null);
    try {
      enter(
        await acceptSignedOut(props.token, {
          email: props.invitation.email,
          password,
          displayName: displayName.trim() || null,
        }),
      );
    } catch (error) {
      // A wrong password here is one of an account the address already has.
      setMessage(
        asApiError(error).code === 'INVALID_CREDENTIALS' ? t('invitation.wrongPassword') : errorText(t, error),
      );
      setBusy(false);
    }
  };
  return (
    <form onSubmit={(e) => (e.preventDefault(), void accept())}>
      <p className="hint">{t('invitation.passwordHelp')}</p>
      <Field label={t('account.email')}>
        <input name="email" type="email" autoComplete="username" value={props.invitation.email} readOnly />
      </Field>
      <Field label={t('account.password')}>
        <input
          name="password"
          type={isShown ? 'text' : 'password'}
          autoComplete="current-password"
          required
          minLength={10}
          autoFocus
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </Field>
      <label className="field field--inline">
        <input type="checkbox" checked={isShown} onChange={(e) => setShown(e.target.checked)} />{' '}
        {t('invitation.showPassword')}
      </label>
      <Field label={t('invitation.displayName')}>
        <input
          name="displayName"
          autoComplete="name"
          maxLength={100}
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
        />
      </Field>
      {message ? (
        <p className="form__message" role="alert">
          {message}
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={isBusy}>
        {t('invitation.accept')}
      </button>
    </form>
  );
}

/** Whether this page is an invitation link's. */
export function isInvitationPath(pathname: string): boolean {
  return pathname.replace(/\/+$/, '') === '/invite';
}
