/**
 * Counts events per key in fixed windows, in memory: the app runs as one process, and a restart
 * forgetting counts is acceptable. Keys whose window has passed are swept once many are held.
 */
export interface Window {
  count: number;
  resetAt: number;
}

export class FixedWindows {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The key's window now (a fresh one when the last has passed); the caller counts in it. */
  current(key: string): Window {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + this.windowMs };
      this.windows.set(key, window);
    }
    if (this.windows.size > 100_000) this.sweep(now);
    return window;
  }

  forget(key: string): void {
    this.windows.delete(key);
  }

  /** Whole seconds until the window resets, at least 1. */
  secondsLeft(window: Window): number {
    return Math.max(1, Math.ceil((window.resetAt - this.now()) / 1000));
  }

  /**
   * Counts one event under every key; when any key is over its limit, returns the seconds to
   * wait (the longest), else null.
   */
  hit(limits: ReadonlyArray<readonly [key: string, limit: number]>): number | null {
    let wait: number | null = null;
    for (const [key, limit] of limits) {
      const window = this.current(key);
      window.count += 1;
      if (window.count > limit) wait = Math.max(wait ?? 0, this.secondsLeft(window));
    }
    return wait;
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
  }
}
