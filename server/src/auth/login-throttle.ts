/**
 * Limits login attempts in fixed windows, per client address and per email address, so a
 * password cannot be guessed quickly from one machine or against one account from many.
 * In memory (FixedWindows).
 */
import { FixedWindows, type Window } from './fixed-windows.ts';

export interface ThrottleOptions {
  /** Attempts per address per window. */
  perAddress: number;
  /** Failed attempts per email per window. */
  failuresPerEmail: number;
  windowMs: number;
  now?: () => number;
}

export const THROTTLE_DEFAULTS: ThrottleOptions = { perAddress: 10, failuresPerEmail: 10, windowMs: 15 * 60_000 };

export class LoginThrottle {
  private readonly windows: FixedWindows;
  private readonly options: ThrottleOptions;

  constructor(options: Partial<ThrottleOptions> = {}) {
    this.options = { ...THROTTLE_DEFAULTS, ...options };
    this.windows = new FixedWindows(this.options.windowMs, options.now);
  }

  private current(key: string): Window {
    return this.windows.current(key);
  }

  /** Counts an attempt; returns the seconds to wait when over a limit, else null. */
  attempt(address: string, email: string): number | null {
    const byAddress = this.current(`a:${address}`);
    const byEmail = this.current(`e:${email.toLowerCase()}`);
    byAddress.count += 1;
    const blocked =
      byAddress.count > this.options.perAddress
        ? byAddress
        : byEmail.count >= this.options.failuresPerEmail
          ? byEmail
          : null;
    return blocked ? this.windows.secondsLeft(blocked) : null;
  }

  failed(email: string): void {
    this.current(`e:${email.toLowerCase()}`).count += 1;
  }

  succeeded(email: string): void {
    this.windows.forget(`e:${email.toLowerCase()}`);
  }
}
