import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { type ApiError, request, type RequestStatus } from '../../api/client.ts';
import { asApiError, errorText } from '../../api/error-text.ts';
import { PresenterMovedDocument, SharedPresentationDocument } from '../../api/generated/graphql.ts';
import { subscribe } from '../../api/subscriptions.ts';
import { FollowingView, PageMessage } from './FollowingView.tsx';
import type { Show } from './types.ts';
import type { PresenterFeed } from './use-follow.ts';
import './presentations.css';

/** The codes that mean "this link does not work": unknown, revoked or expired. */
const INVALID_LINK_CODES = new Set(['FORBIDDEN', 'SHARE_LINK_INVALID', 'NOT_FOUND', 'UNAUTHENTICATED']);

/** `/share/<token>`: the presentation without an account, read-only, following the presenter. */
export function ShareRoute({ token }: { token: string }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<RequestStatus<Show>>({ type: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const onInvalid = useCallback((error: ApiError) => setStatus({ type: 'error', error }), []);
  useEffect(() => {
    let isCurrent = true;
    request(SharedPresentationDocument, { token })
      .then((data) => isCurrent && setStatus({ type: 'ready', data: data.sharedPresentation }))
      .catch((error: unknown) => isCurrent && setStatus({ type: 'error', error: asApiError(error) }));
    return () => {
      isCurrent = false;
    };
  }, [token, attempt]);

  if (status.type === 'loading' || status.type === 'idle') return <PageMessage text={t('common.loading')} />;
  if (status.type === 'error') {
    if (INVALID_LINK_CODES.has(status.error.code)) {
      return (
        <PageMessage text={t('presentations.share.invalidLink')} isError>
          <p className="presenter-page-message__hint">{t('presentations.share.invalidLinkHint')}</p>
        </PageMessage>
      );
    }
    return (
      <PageMessage text={errorText(t, status.error)} isError>
        <button onClick={() => setAttempt((a) => a + 1)}>{t('common.retry')}</button>
      </PageMessage>
    );
  }
  return <SharedShow show={status.data} token={token} onInvalid={onInvalid} />;
}

/** A revoked or expired link takes the map away, as opening it anew would. */
function SharedShow({ show, token, onInvalid }: { show: Show; token: string; onInvalid: (error: ApiError) => void }) {
  const feed = useMemo<PresenterFeed>(
    () => (handlers) =>
      subscribe(
        PresenterMovedDocument,
        { token },
        {
          onData: (data) => handlers.onMove(data.presenterMoved),
          onError: (error) => (INVALID_LINK_CODES.has(error.code) ? onInvalid(error) : handlers.onError(error)),
          onConnected: handlers.onConnected,
        },
      ),
    [token, onInvalid],
  );
  const refetchLive = useCallback(
    () => request(SharedPresentationDocument, { token }).then((d) => d.sharedPresentation.live),
    [token],
  );
  const loadRounds = useCallback(
    () => request(SharedPresentationDocument, { token }).then((d) => d.sharedPresentation.rounds),
    [token],
  );
  return <FollowingView show={show} feed={feed} refetchLive={refetchLive} loadRounds={loadRounds} />;
}
