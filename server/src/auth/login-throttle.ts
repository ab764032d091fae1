/**
 * Limits login attempts in fixed windows, per client address and per email address, so a
 * password cannot be guessed quickly from one machine or against one account from many.
 * In memory: the app runs as one process, and a restart forgetting counts is acceptable.
 */
export interface ThrottleOptions {
  /** Attempts per address per window. */
  perAddress: number;
  /** Failed attempts per email per window. */
  failuresPerEmail: number;
  windowMs: number;
  now?: () => number;
}

export const THROTTLE_DEFAULTS: ThrottleOptions = { perAddress: 10, failuresPerEmail: 10, windowMs: 15 * 60_000 };

interface Window {
  count: number;
  resetAt: number;
}

export class LoginThrottle {
  private readonly windows = new Map<string, Window>();
  private readonly options: ThrottleOptions;
  private readonly now: () => number;

  constructor(options: Partial<ThrottleOptions> = {}) {
    this.options = { ...THROTTLE_DEFAULTS, ...options };
    this.now = options.now ?? Date.now;
  }

  private current(key: string): Window {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + this.options.windowMs };
      this.windows.set(key, window);
    }
    if (this.windows.size > 100_000) this.sweep(now);
    return window;
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
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
    return blocked ? Math.max(1, Math.ceil((blocked.resetAt - this.now()) / 1000)) : null;
  }

  failed(email: string): void {
    this.current(`e:${email.toLowerCase()}`).count += 1;
  }

  succeeded(email: string): void {
    this.windows.delete(`e:${email.toLowerCase()}`);
  }
}
