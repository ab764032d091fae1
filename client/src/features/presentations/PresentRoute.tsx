import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ApiError, request, type RequestStatus } from '../../api/client.ts';
import { asApiError, errorText } from '../../api/error-text.ts';
import {
  PresentationShowDocument,
  PresenterMovedInOrganisationDocument,
  SetPresenterStateDocument,
} from '../../api/generated/graphql.ts';
import { subscribe } from '../../api/subscriptions.ts';
import { FollowingView, PageMessage } from './FollowingView.tsx';
import { goTo } from './navigate.ts';
import { PresenterView } from './PresenterView.tsx';
import { editorPath } from './routes.ts';
import type { Show } from './types.ts';
import type { PresenterFeed } from './use-follow.ts';

function initialStep(count: number): number {
  const wanted = Number(new URLSearchParams(window.location.search).get('step'));
  return Number.isInteger(wanted) && wanted >= 1 ? Math.min(wanted, Math.max(count, 1)) - 1 : 0;
}

/** `/present/<organisationId>/<presentationId>` for members: presenting, or following a presenter. */
export function PresentRoute(props: { organisationId: string; presentationId: string }) {
  const { t } = useTranslation();
  const { organisationId, presentationId } = props;
  const [status, setStatus] = useState<RequestStatus<Show>>({ type: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let isCurrent = true;
    request(PresentationShowDocument, { organisationId, id: presentationId })
      .then((data) => {
        if (!isCurrent) return;
        if (data.presentationShow) setStatus({ type: 'ready', data: data.presentationShow });
        else setStatus({ type: 'error', error: new ApiError('NOT_FOUND', 'No such presentation') });
      })
      .catch((error: unknown) => isCurrent && setStatus({ type: 'error', error: asApiError(error) }));
    return () => {
      isCurrent = false;
    };
  }, [organisationId, presentationId, attempt]);

  const leave = useCallback(() => goTo(editorPath(organisationId, presentationId)), [organisationId, presentationId]);
  if (status.type === 'loading' || status.type === 'idle') return <PageMessage text={t('common.loading')} />;
  if (status.type === 'error') {
    return (
      <PageMessage text={errorText(t, status.error)} isError>
        <button onClick={() => setAttempt((a) => a + 1)}>{t('common.retry')}</button>{' '}
        <button onClick={leave}>{t('presentations.presenter.backToMap')}</button>
      </PageMessage>
    );
  }
  return status.data.canPresent ? (
    <Presenting show={status.data} onLeave={leave} />
  ) : (
    <MemberFollowing show={status.data} onLeave={leave} />
  );
}

/** The presenter: every step change and the explore toggle move everyone who follows. */
function Presenting(props: { show: Show; onLeave: () => void }) {
  const { t } = useTranslation();
  const { show } = props;
  const count = show.presentation.steps.length;
  const [index, setIndex] = useState(() => initialStep(count));
  const [explore, setExplore] = useState(() => show.live?.explore ?? false);
  const [problem, setProblem] = useState<string | null>(null);
  const sent = useRef(0);

  useEffect(() => {
    if (count === 0) return; // nothing to follow yet
    const mine = ++sent.current;
    request(SetPresenterStateDocument, {
      input: {
        organisationId: show.presentation.organisationId,
        presentationId: show.presentation.id,
        stepIndex: index,
        explore,
      },
    })
      .then(() => mine === sent.current && setProblem(null))
      .catch(
        (error: unknown) =>
          mine === sent.current && setProblem(`${t('presentations.presenter.liveFailed')} ${errorText(t, error)}`),
      );
  }, [show.presentation.organisationId, show.presentation.id, index, explore, count, t]);

  // Leaving (the button, Esc, closing the tab) tells those who follow that no one presents now.
  const position = useRef({ index, explore });
  useEffect(() => {
    position.current = { index, explore };
  }, [index, explore]);
  useEffect(() => {
    if (count === 0) return;
    const input = { organisationId: show.presentation.organisationId, presentationId: show.presentation.id };
    const leave = () =>
      void request(SetPresenterStateDocument, {
        input: {
          ...input,
          stepIndex: position.current.index,
          explore: position.current.explore,
          presenting: false,
        },
      }).catch(() => {}); // best effort: the page is going away
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, [show.presentation.organisationId, show.presentation.id, count]);

  return (
    <PresenterView
      show={show}
      index={index}
      canStep
      onStep={setIndex}
      isInteractive
      onLeave={props.onLeave}
      problem={problem}
      loadRounds={roundsLoader(show.presentation.organisationId, show.presentation.id)}
      status={
        <label className="presenter__explore">
          <input type="checkbox" name="explore" checked={explore} onChange={(e) => setExplore(e.target.checked)} />{' '}
          {t('presentations.presenter.explore')}
        </label>
      }
    />
  );
}

/** A member without the editor role opening the presenter view follows the presenter. */
function MemberFollowing(props: { show: Show; onLeave: () => void }) {
  const { show } = props;
  const { organisationId, id } = show.presentation;
  const feed = useMemo<PresenterFeed>(
    () => (handlers) =>
      subscribe(
        PresenterMovedInOrganisationDocument,
        { organisationId, presentationId: id },
        {
          onData: (data) => handlers.onMove(data.presenterMovedInOrganisation),
          onError: handlers.onError,
          onConnected: handlers.onConnected,
        },
      ),
    [organisationId, id],
  );
  const refetchLive = useCallback(
    () => request(PresentationShowDocument, { organisationId, id }).then((d) => d.presentationShow?.live ?? null),
    [organisationId, id],
  );
  return (
    <FollowingView
      show={show}
      feed={feed}
      refetchLive={refetchLive}
      loadRounds={roundsLoader(organisationId, id)}
      onLeave={props.onLeave}
    />
  );
}

/** Reads a presentation's rounds' results again (a member's view of it). */
function roundsLoader(organisationId: string, id: string): () => Promise<Show['rounds']> {
  return () => request(PresentationShowDocument, { organisationId, id }).then((d) => d.presentationShow?.rounds ?? []);
}
