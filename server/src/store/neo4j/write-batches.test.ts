import { describe, expect, it } from 'vitest';

import { type QueuedWrite, WriteBatches } from './write-batches.ts';

/**
 * A transaction as the batches see it: statements appended to a log, kept only if the work
 * succeeds (a stand-in for Neo4j's rollback, so that what was committed can be checked).
 */
interface FakeTx {
  statements: string[];
  isOpen: boolean;
}

function harness(maxBatch?: number, beforeCommit: () => Promise<void> = async () => {}) {
  const committed: string[][] = [];
  /** Every statement in the order sent, across transactions. */
  const sent: string[] = [];
  let release: () => void = () => {};
  let firstHeld = false;
  const transact = async <R>(work: (tx: FakeTx) => Promise<R>): Promise<R> => {
    const tx: FakeTx = { statements: [], isOpen: true };
    // The first transaction waits until the test has queued the rest behind it.
    if (!firstHeld) {
      firstHeld = true;
      await new Promise<void>((resolve) => (release = resolve));
    }
    const result = await work(tx);
    await beforeCommit();
    committed.push(tx.statements);
    return result;
  };
  const batches = new WriteBatches<FakeTx>(
    transact,
    (tx) => {
      const turn = { statements: tx.statements, isOpen: true };
      return {
        tx: turn,
        close: () => {
          turn.isOpen = false;
        },
      };
    },
    (error) => error instanceof Error && error.message === 'unreachable',
    maxBatch,
  );
  /** Sends `name` when given its turn; answers `name`, or refuses when `refuse` is set. */
  const send =
    (name: string, refuse = false) =>
    (tx: FakeTx) => {
      if (!tx.isOpen) throw new Error(`${name} sent after its turn`);
      tx.statements.push(name);
      sent.push(name);
      return refuse ? Promise.reject(new Error(`${name} refused`)) : Promise.resolve(name);
    };
  const write = (name: string, options: Partial<QueuedWrite<FakeTx, string>> & { refuse?: boolean } = {}) => {
    const { refuse = false, ...rest } = options;
    const queued: QueuedWrite<FakeTx, string> = {
      run: send(name, refuse),
      // Alone: a transaction of its own, refused again if it was refused in the batch.
      alone: () =>
        transact((tx) => {
          tx.statements.push(name);
          sent.push(name);
          return refuse ? Promise.reject(new Error(`${name} refused`)) : Promise.resolve(name);
        }),
      ...rest,
    };
    return batches.write('org', queued).then(
      (answer) => ({ answer }),
      (error: Error) => ({ error: error.message }),
    );
  };
  return { committed, sent, write, release: () => release() };
}

describe('group commit of one organisation’s writes', () => {
  it('sends writes that arrive while a transaction runs together in the next, in order, each answered', async () => {
    const h = harness();
    const first = h.write('a');
    const rest = ['b', 'c', 'd'].map((name) => h.write(name));
    h.release();
    expect(await Promise.all([first, ...rest])).toEqual([
      { answer: 'a' },
      { answer: 'b' },
      { answer: 'c' },
      { answer: 'd' },
    ]);
    expect(h.committed).toEqual([['a'], ['b', 'c', 'd']]);
  });

  it('makes each write of a batch with a refusal again alone: the refused one fails, the others are stored', async () => {
    const h = harness();
    const first = h.write('a');
    const rest = [h.write('b'), h.write('c', { refuse: true }), h.write('d')];
    h.release();
    expect(await Promise.all([first, ...rest])).toEqual([
      { answer: 'a' },
      { answer: 'b' },
      { error: 'c refused' },
      { answer: 'd' },
    ]);
    // The batch [b, c, d] was rolled back; b and d were committed alone, c never.
    expect(h.committed).toEqual([['a'], ['b'], ['d']]);
  });

  it('refuses a statement sent after its write’s turn, and makes the batch’s writes again alone', async () => {
    const h = harness();
    const first = h.write('a');
    let late: FakeTx | null = null;
    const lateSender = h.write('b', {
      run: async (tx) => {
        late = tx;
        await Promise.resolve();
        if (!late.isOpen) throw new Error('b sent after its turn');
        return 'b';
      },
    });
    const after = h.write('c');
    h.release();
    expect(await Promise.all([first, lateSender, after])).toEqual([{ answer: 'a' }, { answer: 'b' }, { answer: 'c' }]);
    expect(h.committed).toEqual([['a'], ['b'], ['c']]);
  });

  it('never puts two writes of the same thing in one batch', async () => {
    const h = harness();
    const first = h.write('a');
    const rest = [
      h.write('b', { touches: 'actor x' }),
      h.write('c', { touches: 'actor y' }),
      h.write('d', { touches: 'actor x' }),
      h.write('e'),
      h.write('f', { touches: 'actor y' }),
    ];
    h.release();
    await Promise.all([first, ...rest]);
    // d and f wait for the batch after b's and c's, in their order.
    expect(h.committed).toEqual([['a'], ['b', 'c', 'e'], ['d', 'f']]);
  });

  it('puts at most maxBatch writes in one transaction', async () => {
    const h = harness(2);
    const all = ['a', 'b', 'c', 'd', 'e'].map((name) => h.write(name));
    h.release();
    await Promise.all(all);
    expect(h.committed).toEqual([['a'], ['b', 'c'], ['d', 'e']]);
  });

  it('answers every write of a batch with a failure no write caused, without trying them again', async () => {
    const h = harness();
    const first = h.write('a');
    const unreachable = () => Promise.reject(new Error('unreachable'));
    const rest = [h.write('b', { run: unreachable }), h.write('c', { alone: unreachable })];
    h.release();
    expect(await Promise.all([first, ...rest])).toEqual([
      { answer: 'a' },
      { error: 'unreachable' },
      { error: 'unreachable' },
    ]);
    expect(h.committed).toEqual([['a']]);
  });

  it('sends the next batch once the last one’s statements are answered, not after its commit; a write of what it changes waits for it', async () => {
    const commits: Array<() => void> = [];
    let isFirst = true;
    // Every commit but the first (the alone write `a`) waits until the test lets it through.
    const h = harness(undefined, () => {
      if (isFirst) {
        isFirst = false;
        return Promise.resolve();
      }
      return new Promise<void>((resolve) => commits.push(resolve));
    });
    const first = h.write('a');
    const batch = [h.write('b', { touches: 'actor x' }), h.write('c')];
    h.release();
    await until(() => commits.length === 1);
    // [b, c] is committing; d changes what b changed, e nothing of it.
    const later = [h.write('d', { touches: 'actor x' }), h.write('e')];
    await until(() => h.sent.includes('e'));
    expect(h.sent).toEqual(['a', 'b', 'c', 'e']);
    expect(h.committed).toEqual([['a']]);
    // d is sent only after [b, c] committed (and after e, which went alone).
    for (const committing of [['b', 'c'], ['e'], ['d']]) {
      if (committing[0] !== 'd') expect(h.sent).not.toContain('d');
      await until(() => commits.length > 0);
      commits.shift()!();
      await until(() => h.committed.at(-1)?.join() === committing.join());
    }
    expect(await Promise.all([first, ...batch, ...later])).toEqual([
      { answer: 'a' },
      { answer: 'b' },
      { answer: 'c' },
      { answer: 'd' },
      { answer: 'e' },
    ]);
    expect(h.committed).toEqual([['a'], ['b', 'c'], ['e'], ['d']]);
  });
});

/** Lets pending promises run until `isMet()` (a few turns at most), or fails. */
async function until(isMet: () => boolean): Promise<void> {
  for (let turn = 0; turn < 100 && !isMet(); turn += 1) await new Promise((resolve) => setImmediate(resolve));
  expect(isMet()).toBe(true);
}
