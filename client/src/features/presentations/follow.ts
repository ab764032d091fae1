/**
 * Following the presenter, as a participant sees it. While the presenter has not started, the
 * participant may look around ("waiting"); once the presenter moves, the participant is shown the
 * presenter's step ("following") unless the presenter lets participants explore, in which case they
 * step and pan on their own ("exploring") from where the presenter was. When exploring ends they
 * jump back to the presenter's step. When the presenter leaves the presenter view, participants
 * stay where they are and move on their own ("left").
 */
export interface PresenterMove {
  stepIndex: number;
  explore: boolean;
  /** False once the presenter has left; absent means presenting. */
  presenting?: boolean;
}

export interface FollowState {
  presenter: { stepIndex: number; explore: boolean; presenting: boolean } | null;
  /** The step the participant chose while allowed to. */
  ownIndex: number;
}

export type FollowMode = 'waiting' | 'following' | 'exploring' | 'left';

const presenterOf = (live: PresenterMove) => ({
  stepIndex: live.stepIndex,
  explore: live.explore,
  presenting: live.presenting ?? true,
});

export function initialFollow(live: PresenterMove | null): FollowState {
  return { presenter: live ? presenterOf(live) : null, ownIndex: live?.stepIndex ?? 0 };
}

export function followMode(state: FollowState): FollowMode {
  if (!state.presenter) return 'waiting';
  if (!state.presenter.presenting) return 'left';
  return state.presenter.explore ? 'exploring' : 'following';
}

export function canStepAlone(state: FollowState): boolean {
  return followMode(state) !== 'following';
}

/** The step shown, clamped to the steps there are. */
export function shownIndex(state: FollowState, count: number): number {
  const index = followMode(state) === 'following' ? (state.presenter?.stepIndex ?? 0) : state.ownIndex;
  return Math.max(0, Math.min(index, Math.max(0, count - 1)));
}

export function presenterMoved(state: FollowState, live: PresenterMove): FollowState {
  const presenter = presenterOf(live);
  const mode = followMode(state);
  // The presenter left: participants keep the step they are shown and go on from there.
  if (!presenter.presenting)
    return { presenter, ownIndex: mode === 'following' ? (state.presenter?.stepIndex ?? 0) : state.ownIndex };
  // Exploring continues from where the participant is; anything else starts from the presenter.
  const ownIndex = live.explore && mode === 'exploring' ? state.ownIndex : live.stepIndex;
  return { presenter, ownIndex };
}

/** The participant's own step; ignored while following. */
export function stepAlone(state: FollowState, index: number): FollowState {
  return canStepAlone(state) ? { ...state, ownIndex: index } : state;
}
