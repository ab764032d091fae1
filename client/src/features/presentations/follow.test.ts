import { describe, expect, it } from 'vitest';

import { canStepAlone, followMode, initialFollow, presenterMoved, shownIndex, stepAlone } from './follow.ts';

describe('following the presenter', () => {
  it('lets a participant look around while the presenter has not started', () => {
    let s = initialFollow(null);
    expect(followMode(s)).toBe('waiting');
    s = stepAlone(s, 2);
    expect(shownIndex(s, 5)).toBe(2);
  });

  it('jumps to the presenter’s step and ignores the participant’s own steps while following', () => {
    let s = presenterMoved(initialFollow(null), { stepIndex: 3, explore: false });
    expect(followMode(s)).toBe('following');
    expect(canStepAlone(s)).toBe(false);
    expect(shownIndex(s, 5)).toBe(3);
    s = stepAlone(s, 0);
    expect(shownIndex(s, 5)).toBe(3);
    s = presenterMoved(s, { stepIndex: 4, explore: false });
    expect(shownIndex(s, 5)).toBe(4);
  });

  it('starts exploring from the presenter’s step and keeps the participant’s step while exploring', () => {
    let s = initialFollow({ stepIndex: 1, explore: false });
    s = presenterMoved(s, { stepIndex: 1, explore: true });
    expect(followMode(s)).toBe('exploring');
    expect(shownIndex(s, 5)).toBe(1);
    s = stepAlone(s, 4);
    // The presenter moves on while participants explore: they stay where they are.
    s = presenterMoved(s, { stepIndex: 2, explore: true });
    expect(shownIndex(s, 5)).toBe(4);
  });

  it('jumps back to the presenter when exploring ends', () => {
    let s = presenterMoved(initialFollow({ stepIndex: 0, explore: true }), { stepIndex: 0, explore: true });
    s = stepAlone(s, 3);
    s = presenterMoved(s, { stepIndex: 1, explore: false });
    expect(followMode(s)).toBe('following');
    expect(shownIndex(s, 5)).toBe(1);
  });

  it('lets participants go on alone from the step they were shown when the presenter leaves', () => {
    let s = presenterMoved(initialFollow(null), { stepIndex: 2, explore: false });
    s = presenterMoved(s, { stepIndex: 2, explore: false, presenting: false });
    expect(followMode(s)).toBe('left');
    expect(canStepAlone(s)).toBe(true);
    expect(shownIndex(s, 5)).toBe(2);
    s = stepAlone(s, 4);
    expect(shownIndex(s, 5)).toBe(4);
    // The presenter comes back: following again, at the presenter's step.
    s = presenterMoved(s, { stepIndex: 1, explore: false, presenting: true });
    expect(followMode(s)).toBe('following');
    expect(shownIndex(s, 5)).toBe(1);
  });

  it('clamps the shown step to the steps there are', () => {
    const s = presenterMoved(initialFollow(null), { stepIndex: 7, explore: false });
    expect(shownIndex(s, 3)).toBe(2);
    expect(shownIndex(s, 0)).toBe(0);
  });
});
