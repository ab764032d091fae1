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

interface Queue<Tx> {
  waiting: Array<Waiting<Tx>>;
  /** Wakes the organisation's drain when it waits for a write to arrive. */
  arrived: () => void;
}

/** A batch on its way: what its writes change, and when its statements were answered and it ended. */
interface Running {
  touched: ReadonlySet<string>;
  /** Its statements answered (the commit still to come), or it ended; never rejects. */
  answered: Promise<void>;
  /** Committed or rolled back, every write answered; never rejects. */
  done: Promise<void>;
}

/**
 * Group commit for each organisation's writes. They serialise on the organisation's lock in the
 * database, and each held it for its statements, a trip back to this process and the commit,
 * both stretched by whatever else the event loop does: 20–80 ms a write under `bench:load`, so
 * 20 editors got 10–30 writes a second. Here, writes that arrive while a transaction of their
 * organisation runs wait in this process, and then go together in the next transaction: each
 * write's statements right behind the previous one's (the server runs them in the order sent),
 * one commit for all, so the lock is held about as long as for one write.
 *
 * The next batch does not wait for the last one's commit to come back: it is sent as soon as the
 * last one's statements are answered, and its first statement (every write starts by taking the
 * organisation's lock) waits in the server for that commit. So the lock passes from one batch to
 * the next inside the database, not through a turn of this process's event loop, which under load
 * is as long as a turn of serving every waiting request. A write that changes what a batch still
 * on its way changes waits for that batch to end, as it would inside one batch.
 *
 * One write's refusal must not take others with it: when anything in a batch fails, the batch
 * is rolled back and each of its writes is made again in a transaction of its own, in order, and
 * answered from that. A write that sends a statement after its turn (one that awaited something
 * first) fails its batch the same way (the guard refuses the statement), so the order of statements in
 * a batch is always the order of its writes.
 */
export class WriteBatches<Tx> {
  /** Per organisation, present while any of its writes waits or is on its way. */
  private readonly queues = new Map<string, Queue<Tx>>();

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
        queue.waiting.push(waiting);
        queue.arrived();
        return;
      }
      this.queues.set(organisationId, { waiting: [waiting], arrived: () => {} });
      void this.drain(organisationId);
    });
  }

  private async drain(organisationId: string): Promise<void> {
    const queue = this.queues.get(organisationId)!;
    const running = new Set<Running>();
    while (queue.waiting.length > 0 || running.size > 0) {
      const { batch, touched } = this.nextBatch(queue.waiting, running);
      if (batch.length === 0) {
        // Nothing can be sent until a batch on its way ends or another write arrives.
        await Promise.race([
          ...[...running].map(({ done }) => done),
          new Promise<void>((resolve) => (queue.arrived = resolve)),
        ]);
        queue.arrived = () => {};
        continue;
      }
      const started = this.start(batch, touched);
      running.add(started);
      void started.done.then(() => running.delete(started));
      await started.answered;
    }
    this.queues.delete(organisationId);
  }

  private start(batch: ReadonlyArray<Waiting<Tx>>, touched: ReadonlySet<string>): Running {
    if (batch.length === 1) {
      const done = this.alone(batch[0]!);
      return { touched, answered: done, done };
    }
    let isAnswered: () => void = () => {};
    const answered = new Promise<void>((resolve) => (isAnswered = resolve));
    const done = this.together(batch, isAnswered).finally(isAnswered);
    return { touched, answered, done };
  }

  /**
   * The writes of `queue` that go together next, in their order, taken off it, and what they
   * change: at most `maxBatch`, and none that changes what an earlier one of the batch, or a batch
   * still on its way, changes (it waits for a later batch, where it sees that write committed).
   * Every queued write comes from a request still waiting for its answer, so the writes that
   * overtake it make an order its clients could have seen.
   */
  private nextBatch(
    queue: Array<Waiting<Tx>>,
    running: ReadonlySet<Running>,
  ): { batch: Array<Waiting<Tx>>; touched: Set<string> } {
    const touched = new Set<string>();
    const isBusy = (key: string) => touched.has(key) || [...running].some((batch) => batch.touched.has(key));
    const batch: Array<Waiting<Tx>> = [];
    const left: Array<Waiting<Tx>> = [];
    for (const waiting of queue) {
      const { touches } = waiting.write;
      if (batch.length === this.maxBatch || (touches !== undefined && isBusy(touches))) {
        left.push(waiting);
        continue;
      }
      batch.push(waiting);
      if (touches !== undefined) touched.add(touches);
    }
    queue.splice(0, queue.length, ...left);
    return { batch, touched };
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

  /** `answered` is called once every statement of the batch is answered, before the commit. */
  private async together(batch: ReadonlyArray<Waiting<Tx>>, answered: () => void): Promise<void> {
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
        const all = Promise.all(answers);
        all.then(answered, answered);
        return all;
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
