import { DomainError } from '../domain/errors.ts';

/** At most `limit` analyses running at once for one user. */
export class PerUserLimit {
  private readonly running = new Map<string, number>();

  constructor(private readonly limit: number) {}

  /**
   * Takes one of the user's places; call the returned function when the analysis ends.
   * @throws DomainError ANALYSIS_BUSY when the user already runs `limit` analyses.
   */
  acquire(userId: string): () => void {
    const count = this.running.get(userId) ?? 0;
    if (count >= this.limit) {
      throw new DomainError(
        'ANALYSIS_BUSY',
        `You already have ${count} analyses running (the limit is ${this.limit}); wait for one to finish.`,
        { scope: 'USER', limit: this.limit, setting: 'ANALYSIS_PER_USER' },
      );
    }
    this.running.set(userId, count + 1);
    let isReleased = false;
    return () => {
      if (isReleased) return;
      isReleased = true;
      const left = (this.running.get(userId) ?? 1) - 1;
      if (left > 0) this.running.set(userId, left);
      else this.running.delete(userId);
    };
  }
}
