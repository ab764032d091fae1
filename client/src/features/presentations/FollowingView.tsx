import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { errorText } from '../../api/error-text.ts';
import type { FollowMode } from './follow.ts';
import { PresenterView } from './PresenterView.tsx';
import type { PresenterState, Show } from './types.ts';
import { type PresenterFeed, useFollow } from './use-follow.ts';

export function PageMessage(props: { text: string; isError?: boolean; children?: ReactNode }) {
  return (
    <div className="presenter-page-message" role={props.isError ? 'alert' : 'status'}>
      <p>{props.text}</p>
      {props.children}
    </div>
  );
}

function FollowStatus({ mode }: { mode: FollowMode }) {
  const { t } = useTranslation();
  return (
    <span className={`presenter__follow presenter__follow--${mode}`} role="status" data-testid="follow-status">
      {t(`presentations.follow.${mode}`)}
    </span>
  );
}

/**
 * The presenter view for someone who follows the presenter: a share viewer, or a member without
 * the editor role. Only where the moves come from differs between them.
 */
export function FollowingView(props: {
  show: Show;
  feed: PresenterFeed;
  refetchLive: () => Promise<PresenterState | null>;
  loadRounds: () => Promise<Show['rounds']>;
  onLeave?: () => void;
}) {
  const { t } = useTranslation();
  const { show } = props;
  const follow = useFollow(show.live, show.presentation.steps.length, props.feed, props.refetchLive);
  const problem = follow.error ? `${t('presentations.follow.liveFailed')} ${errorText(t, follow.error)}` : null;
  return (
    <PresenterView
      show={show}
      index={follow.index}
      canStep={follow.canStep}
      onStep={follow.step}
      isInteractive={follow.canStep}
      {...(props.onLeave ? { onLeave: props.onLeave } : {})}
      status={<FollowStatus mode={follow.mode} />}
      problem={problem}
      loadRounds={props.loadRounds}
    />
  );
}
