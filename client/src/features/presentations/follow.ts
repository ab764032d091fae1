/**
 * Following the presenter, as a participant sees it. While the presenter has not started, the
 * participant may look around ("waiting"); once the presenter moves, the participant is shown the
 * presenter's step ("following") unless the presenter lets participants explore, in which case they
 * step and pan on their own ("exploring") from where the presenter was. When exploring ends they
 * jump back to the presenter's step.
 */
export interface FollowState {
  presenter: { stepIndex: number; explore: boolean } | null;
  /** The step the participant chose while allowed to. */
  ownIndex: number;
}

export type FollowMode = 'waiting' | 'following' | 'exploring';

export function initialFollow(live: { stepIndex: number; explore: boolean } | null): FollowState {
  return {
    presenter: live ? { stepIndex: live.stepIndex, explore: live.explore } : null,
    ownIndex: live?.stepIndex ?? 0,
  };
}

export function followMode(state: FollowState): FollowMode {
  if (!state.presenter) return 'waiting';
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

export function presenterMoved(state: FollowState, live: { stepIndex: number; explore: boolean }): FollowState {
  const wasExploring = followMode(state) === 'exploring';
  // Exploring continues from where the participant is; anything else starts from the presenter.
  const ownIndex = live.explore && wasExploring ? state.ownIndex : live.stepIndex;
  return { presenter: { stepIndex: live.stepIndex, explore: live.explore }, ownIndex };
}

/** The participant's own step; ignored while following. */
export function stepAlone(state: FollowState, index: number): FollowState {
  return canStepAlone(state) ? { ...state, ownIndex: index } : state;
}
