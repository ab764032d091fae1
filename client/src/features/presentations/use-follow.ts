import { useCallback, useEffect, useState } from 'react';

import type { ApiError } from '../../api/client.ts';
import {
  canStepAlone,
  type FollowMode,
  type FollowState,
  followMode,
  initialFollow,
  presenterMoved,
  shownIndex,
  stepAlone,
} from './follow.ts';
import type { PresenterState } from './types.ts';

/** Subscribes to the presenter's moves; returns the function that ends the subscription. */
export type PresenterFeed = (handlers: {
  onMove: (state: PresenterState) => void;
  onError: (error: ApiError) => void;
  onConnected: () => void;
}) => () => void;

export interface Follow {
  index: number;
  mode: FollowMode;
  canStep: boolean;
  /** The participant's own step, ignored while following. */
  step: (index: number) => void;
  /** The live connection failed (the link was revoked meanwhile, the server went away). */
  error: ApiError | null;
}

/**
 * A participant's view of the presentation: the presenter's step unless exploring is allowed.
 * `refetchLive` is called when the live connection (re)connects, for moves made while it was down.
 */
export function useFollow(
  initialLive: PresenterState | null,
  count: number,
  feed: PresenterFeed | null,
  refetchLive: () => Promise<PresenterState | null>,
): Follow {
  const [state, setState] = useState<FollowState>(() => initialFollow(initialLive));
  const [error, setError] = useState<ApiError | null>(null);

  useEffect(() => {
    if (!feed) return;
    let isActive = true;
    const stop = feed({
      onMove: (live) => {
        setError(null);
        setState((s) => presenterMoved(s, live));
      },
      onError: (e) => isActive && setError(e),
      onConnected: () => {
        void refetchLive()
          .then((live) => isActive && live && setState((s) => presenterMoved(s, live)))
          .catch(() => {});
      },
    });
    return () => {
      isActive = false;
      stop();
    };
  }, [feed, refetchLive]);

  const step = useCallback((index: number) => setState((s) => stepAlone(s, index)), []);
  return { index: shownIndex(state, count), mode: followMode(state), canStep: canStepAlone(state), step, error };
}
