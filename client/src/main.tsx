import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { AppGate } from './app/AppGate.tsx';
import { ErrorBoundary } from './app/ErrorBoundary.tsx';
import './app/app.css';
import { AcceptInvitation, isInvitationPath } from './features/members/index.ts';
import { parseRoute, ShareRoute } from './features/presentations/index.ts';
import { ParticipantPage, roundCodeOf } from './features/rounds/index.ts';
import { setupI18n } from './i18n/index.ts';
import { ConfirmHost } from './ui/ConfirmHost.tsx';
import { Toast } from './ui/Toast.tsx';
import './ui/ui.css';

setupI18n();
// A share link, an invitation and a round's participant page work without an account, so they
// never pass the sign-in gate.
const route = parseRoute(window.location.pathname);
const isInvitation = isInvitationPath(window.location.pathname);
const roundCode = roundCodeOf(window.location.pathname);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>
        {roundCode ? (
          <ParticipantPage code={roundCode} />
        ) : isInvitation ? (
          <AcceptInvitation />
        ) : route.type === 'share' ? (
          <ShareRoute token={route.token} />
        ) : (
          <AppGate />
        )}
        <Toast />
        <ConfirmHost />
      </ErrorBoundary>
    </StrictMode>,
  );
}
