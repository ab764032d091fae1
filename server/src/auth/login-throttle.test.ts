import { describe, expect, it } from 'vitest';

import { LoginThrottle } from './login-throttle.ts';

describe('LoginThrottle', () => {
  it('limits attempts per address and failures per email within a window, then forgets', () => {
    let now = 0;
    const throttle = new LoginThrottle({ perAddress: 3, failuresPerEmail: 2, windowMs: 60_000, now: () => now });
    expect([1, 2, 3].map(() => throttle.attempt('1.2.3.4', `a${now}@x`))).toEqual([null, null, null]);
    expect(throttle.attempt('1.2.3.4', 'b@x')).toBe(60);
    throttle.failed('c@x');
    throttle.failed('c@x');
    expect(throttle.attempt('5.6.7.8', 'C@x')).toBe(60);
    now = 61_000;
    expect(throttle.attempt('1.2.3.4', 'c@x')).toBeNull();
  });

  it("clears an email's failures after a success", () => {
    const throttle = new LoginThrottle({ failuresPerEmail: 2 });
    throttle.failed('d@x');
    throttle.succeeded('d@x');
    throttle.failed('d@x');
    expect(throttle.attempt('9.9.9.9', 'd@x')).toBeNull();
  });
});
