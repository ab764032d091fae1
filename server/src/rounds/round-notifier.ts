/** The topic a round's results are announced on. */
export function roundTopic(organisationId: string, roundId: string): string {
  return `round:${organisationId}:${roundId}`;
}

/**
 * Announces that a round's results changed, at most once per `intervalMs` per round: the first
 * answer goes out at once, answers arriving within the interval after it go out together at its
 * end. A burst of answers so costs the facilitator's subscription one recount per interval, not one each.
 */
export class RoundNotifier {
  private readonly lastSent = new Map<string, number>();
  private readonly pending = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly publish: (topic: string) => void,
    private readonly intervalMs = 200,
    private readonly now: () => number = Date.now,
  ) {}

  changed(organisationId: string, roundId: string): void {
    const topic = roundTopic(organisationId, roundId);
    if (this.pending.has(topic)) return;
    const wait = (this.lastSent.get(topic) ?? -Infinity) + this.intervalMs - this.now();
    if (wait <= 0) {
      this.send(topic);
      return;
    }
    this.pending.set(
      topic,
      setTimeout(() => {
        this.pending.delete(topic);
        this.send(topic);
      }, wait),
    );
  }

  /** Stops the waiting announcements (the app is closing). */
  close(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }

  private send(topic: string): void {
    this.lastSent.set(topic, this.now());
    this.publish(topic);
  }
}
