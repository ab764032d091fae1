import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

import { errorText } from '../api/error-text.ts';
import { loadSession, useSession } from '../features/account/session-store.ts';
import { SignIn } from '../features/account/SignIn.tsx';
import { parseRoute, PresentRoute } from '../features/presentations/index.ts';
import { App } from './App.tsx';

/** Signed in (with a password of one's own) → the app; otherwise the sign-in form. */
export function AppGate() {
  const { t } = useTranslation();
  const status = useSession((s) => s.status);
  useEffect(() => {
    void loadSession();
  }, []);
  if (status.type === 'ready' && status.data && !status.data.mustChangePassword) {
    const route = parseRoute(window.location.pathname);
    if (route.type === 'present')
      return <PresentRoute organisationId={route.organisationId} presentationId={route.presentationId} />;
    return <App />;
  }
  if (status.type === 'ready') return <SignIn mustChangePassword={Boolean(status.data?.mustChangePassword)} />;
  if (status.type === 'error') {
    return (
      <div className="problem" role="alert">
        <p>{errorText(t, status.error)}</p>
        <button onClick={() => void loadSession()}>{t('common.retry')}</button>
      </div>
    );
  }
  return <p className="empty empty--page">{t('common.loading')}</p>;
}
