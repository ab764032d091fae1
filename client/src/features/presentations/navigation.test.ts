import { describe, expect, it } from 'vitest';

import { type KeyLike, navCommand, stepAfter, stepCounter } from './navigation.ts';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({
  key: k,
  shiftKey: false,
  ctrlKey: false,
  altKey: false,
  metaKey: false,
  ...mods,
});

describe('navCommand', () => {
  it('steps forward with →, PageDown (clickers) and Space', () => {
    for (const k of ['ArrowRight', 'PageDown', ' ']) expect(navCommand(key(k))).toBe('next');
  });
  it('steps back with ←, PageUp and Shift+Space', () => {
    for (const k of ['ArrowLeft', 'PageUp']) expect(navCommand(key(k))).toBe('previous');
    expect(navCommand(key(' ', { shiftKey: true }))).toBe('previous');
  });
  it('goes to the ends with Home/End and leaves with Escape', () => {
    expect(navCommand(key('Home'))).toBe('first');
    expect(navCommand(key('End'))).toBe('last');
    expect(navCommand(key('Escape'))).toBe('leave');
  });
  it('leaves other keys and the browser’s own shortcuts alone', () => {
    expect(navCommand(key('a'))).toBeNull();
    expect(navCommand(key('ArrowLeft', { altKey: true }))).toBeNull();
    expect(navCommand(key('ArrowRight', { ctrlKey: true }))).toBeNull();
  });
});

describe('stepAfter', () => {
  it('moves within the steps and stops at both ends', () => {
    expect(stepAfter(0, 'next', 3)).toBe(1);
    expect(stepAfter(2, 'next', 3)).toBe(2);
    expect(stepAfter(0, 'previous', 3)).toBe(0);
    expect(stepAfter(1, 'first', 3)).toBe(0);
    expect(stepAfter(0, 'last', 3)).toBe(2);
  });
  it('clamps an index beyond the steps (a step was removed meanwhile)', () => {
    expect(stepAfter(9, 'previous', 3)).toBe(1);
    expect(stepAfter(4, 'next', 0)).toBe(0);
  });
});

describe('stepCounter', () => {
  it('counts from one', () => {
    expect(stepCounter(2, 5)).toBe('3 / 5');
    expect(stepCounter(0, 0)).toBe('0 / 0');
  });
});
