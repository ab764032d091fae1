import { AsyncLocalStorage } from 'node:async_hooks';

interface Joining<Tx, R> {
  then: (result: unknown, tx: Tx) => R;
  writes: number;
  /** The write method's result, as its transaction produced it. */
  written?: { result: unknown };
}

/**
 * Lets more work join the transaction of one store write: the account side of a change (its
 * history entry, a new organisation's owner, a deleted organisation's members) commits with the
 * map data or not at all. Each adapter owns one joiner and asks it, at the start of every write
 * method, for the work to add before its transaction commits (`claim`).
 *
 * Which write method belongs to which `join` is told by AsyncLocalStorage, so `write` may await
 * other things (reads) before it writes; it must make exactly one store write.
 */
export class WriteJoiner<Tx, R> {
  private readonly joining = new AsyncLocalStorage<Joining<Tx, R>>();

  /**
   * Runs `write`, whose one store write method runs `then(its result, its transaction)` before
   * committing.
   * @throws Error (a programming error) when `write` makes no store write, or resolves to
   *   something other than its write method's result; and, from the second write method of one
   *   `write` (which then writes nothing), when it makes two.
   */
  async join<T>(write: () => Promise<T>, then: (result: T, tx: Tx) => R): Promise<T> {
    const joining: Joining<Tx, R> = { then: then as (result: unknown, tx: Tx) => R, writes: 0 };
    const result = await this.joining.run(joining, write);
    if (!joining.written) throw new Error('writeTogether: the write made no store write.');
    if (!Object.is(result, joining.written.result)) {
      throw new Error("writeTogether: the write changed its write method's result.");
    }
    return result;
  }

  /** For a write method, before its transaction: the work to run in it, when a `join` is waiting for one. */
  claim(): ((result: unknown, tx: Tx) => R) | undefined {
    const joining = this.joining.getStore();
    if (!joining) return undefined;
    joining.writes += 1;
    if (joining.writes > 1) throw new Error(`writeTogether: the write ran ${joining.writes} write methods, not one.`);
    return (result, tx) => {
      joining.written = { result };
      return joining.then(result, tx);
    };
  }
}
