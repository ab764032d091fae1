/**
 * One write of an organisation, as `WriteBatches` runs it.
 */
export interface QueuedWrite<Tx, T> {
  /**
   * The write in `tx`, every statement sent before it returns (nothing awaited first), so that the
   * next write's statements go out right behind them; the promise settles with its answer.
   */
  run: (tx: Tx) => Promise<T>;
  /** The write in a transaction of its own. */
  alone: () => Promise<T>;
  /** What the write changes: two writes of one batch never change the same thing. */
  touches?: string;
  /** Called after the write's transaction committed, with its answer. */
  committed?: (result: T) => void;
}

interface Waiting<Tx> {
  write: QueuedWrite<Tx, unknown>;
  resolve: (result: unknown) => void;
  reject: (error: unknown) => void;
}

/** A transaction's statement runner that refuses statements once its write's turn is over. */
export type Guard<Tx> = (tx: Tx) => { tx: Tx; close: () => void };

/** Writes in one batch at most: a batch holds the organisation's lock until all are written. */
export const MAX_BATCH = 50;

/**
 * Group commit for each organisation's writes. They serialise on the organisation's lock in the
 * database, and each held it for its statements, a trip back to this process and the commit,
 * both stretched by whatever else the event loop does: 20–80 ms a write under `bench:load`, so
 * 20 editors got 10–30 writes a second. Here, writes that arrive while a transaction of their
 * organisation runs wait in this process, and then go together in the next transaction: each
 * write's statements right behind the previous one's (the server runs them in the order sent),
 * one commit for all, so the lock is held about as long as for one write.
 *
 * One write's refusal must not take others with it: when anything in a batch fails, the batch
 * is rolled back and each of its writes is made again in a transaction of its own, in order, and
 * answered from that. A write that sends a statement after its turn (one that awaited something
 * first) fails its batch the same way (the guard refuses the statement), so the order of statements in
 * a batch is always the order of its writes.
 */
export class WriteBatches<Tx> {
  /** Writes waiting, per organisation; present while one of its transactions runs. */
  private readonly queues = new Map<string, Array<Waiting<Tx>>>();

  constructor(
    private readonly transact: <R>(work: (tx: Tx) => Promise<R>) => Promise<R>,
    private readonly guard: Guard<Tx>,
    /** A failure no write caused (the database is unreachable): every write of the batch gets it, none is tried again. */
    private readonly failsEveryWrite: (error: unknown) => boolean,
    private readonly maxBatch = MAX_BATCH,
  ) {}

  write<T>(organisationId: string, write: QueuedWrite<Tx, T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const waiting = { write, resolve, reject } as Waiting<Tx>;
      const queue = this.queues.get(organisationId);
      if (queue) {
        queue.push(waiting);
        return;
      }
      this.queues.set(organisationId, [waiting]);
      void this.drain(organisationId);
    });
  }

  private async drain(organisationId: string): Promise<void> {
    const queue = this.queues.get(organisationId)!;
    while (queue.length > 0) {
      const batch = this.nextBatch(queue);
      if (batch.length === 1) await this.alone(batch[0]!);
      else await this.together(batch);
    }
    this.queues.delete(organisationId);
  }

  /**
   * The writes of `queue` that go together next (at least one), in their order, taken off it: at
   * most `maxBatch`, and none that changes what an earlier one of the batch changes (it waits
   * for the next batch, where it sees that write committed). Every queued write comes from a
   * request still waiting for its answer, so the writes that overtake it make an order its
   * clients could have seen.
   */
  private nextBatch(queue: Array<Waiting<Tx>>): Array<Waiting<Tx>> {
    const touched = new Set<string>();
    const batch: Array<Waiting<Tx>> = [];
    const left: Array<Waiting<Tx>> = [];
    for (const waiting of queue) {
      const { touches } = waiting.write;
      if (batch.length === this.maxBatch || (touches !== undefined && touched.has(touches))) {
        left.push(waiting);
        continue;
      }
      batch.push(waiting);
      if (touches !== undefined) touched.add(touches);
    }
    queue.splice(0, queue.length, ...left);
    return batch;
  }

  private async alone(waiting: Waiting<Tx>): Promise<void> {
    try {
      const result = await waiting.write.alone();
      waiting.write.committed?.(result);
      waiting.resolve(result);
    } catch (error) {
      waiting.reject(error);
    }
  }

  private async together(batch: ReadonlyArray<Waiting<Tx>>): Promise<void> {
    let results: unknown[];
    try {
      results = await this.transact((tx) => {
        const answers = batch.map(({ write }) => {
          const turn = this.guard(tx);
          const answer = write.run(turn.tx);
          turn.close();
          // Awaited below with the others; the first failure fails the batch.
          answer.catch(() => undefined);
          return answer;
        });
        return Promise.all(answers);
      });
    } catch (error) {
      if (this.failsEveryWrite(error)) for (const { reject } of batch) reject(error);
      else for (const waiting of batch) await this.alone(waiting);
      return;
    }
    batch.forEach(({ write, resolve }, i) => {
      write.committed?.(results[i]);
      resolve(results[i]);
    });
  }
}
