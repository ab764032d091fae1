import { Record as Neo4jRecord } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';

import { LookupBatch, type LookupStatement, type SendLookups } from './lookup-batch.ts';

const SESSION: LookupStatement = { text: 'UNWIND $rows AS row RETURN row.i AS i', params: { rows: [] } };
const ROLE: LookupStatement = { text: 'UNWIND $rows AS row RETURN row.i AS i, 1 AS x', params: { rows: [] } };

type Group = Parameters<SendLookups>[0][number];

/** A `send` that answers each row with one record echoing its `key`, and records every batch. */
function echoing(): { send: SendLookups; batches: Group[][] } {
  const batches: Group[][] = [];
  const send: SendLookups = (groups) => {
    batches.push([...groups]);
    return Promise.resolve(
      groups.map(({ rows }) => rows.map((row) => new Neo4jRecord(['i', 'key'], [row.i, row.key]))),
    );
  };
  return { send, batches };
}

const keysOf = (records: Neo4jRecord[]) => records.map((record) => record.get('key') as string);

describe('LookupBatch', () => {
  it('sends the look-ups of one turn in one batch, equal ones once, and answers each caller with its own rows', async () => {
    const { send, batches } = echoing();
    const batch = new LookupBatch(send);
    const answers = await Promise.all([
      batch.lookup(SESSION, { key: 'a' }),
      batch.lookup(ROLE, { key: 'b' }),
      batch.lookup(SESSION, { key: 'c' }),
      batch.lookup(SESSION, { key: 'a' }),
    ]);
    expect(answers.map(keysOf)).toEqual([['a'], ['b'], ['c'], ['a']]);
    expect(batches).toHaveLength(1);
    expect(batches[0]!.map(({ statement, rows }) => [statement, rows])).toEqual([
      [
        SESSION,
        [
          { key: 'a', i: 0 },
          { key: 'c', i: 1 },
        ],
      ],
      [ROLE, [{ key: 'b', i: 0 }]],
    ]);
  });

  it('answers a row the statement found nothing for with no records, and one it found twice with both', async () => {
    const batch = new LookupBatch((groups) =>
      Promise.resolve(
        groups.map(({ rows }) =>
          rows.flatMap((row) =>
            row.key === 'twice'
              ? [new Neo4jRecord(['i', 'key'], [row.i, 'first']), new Neo4jRecord(['i', 'key'], [row.i, 'second'])]
              : [],
          ),
        ),
      ),
    );
    const [none, twice] = await Promise.all([
      batch.lookup(SESSION, { key: 'none' }),
      batch.lookup(SESSION, { key: 'twice' }),
    ]);
    expect(none).toEqual([]);
    expect(keysOf(twice)).toEqual(['first', 'second']);
  });

  it('never lets a look-up join a batch already sent: it goes in the next one, sent after it was asked', async () => {
    const batches: Group[][] = [];
    const releases: Array<() => void> = [];
    const batch = new LookupBatch((groups) => {
      batches.push([...groups]);
      return new Promise((resolve) =>
        releases.push(() =>
          resolve(groups.map(({ rows }) => rows.map((row) => new Neo4jRecord(['i', 'key'], [row.i, row.key])))),
        ),
      );
    });
    const first = batch.lookup(SESSION, { key: 'a' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toHaveLength(1);
    // The first batch is on its way: an equal look-up asked now must not get its answer.
    const second = batch.lookup(SESSION, { key: 'a' });
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches.map((groups) => groups.map(({ rows }) => rows))).toEqual([
      [[{ key: 'a', i: 0 }]],
      [[{ key: 'a', i: 0 }]],
    ]);
    releases.forEach((release) => release());
    expect(keysOf(await first)).toEqual(['a']);
    expect(keysOf(await second)).toEqual(['a']);
  });

  it('rejects every look-up of a batch whose transaction failed, and sends the next batch as usual', async () => {
    let calls = 0;
    const failure = new Error('the server could not be reached');
    const batch = new LookupBatch((groups) => {
      calls += 1;
      if (calls === 1) return Promise.reject(failure);
      return Promise.resolve(
        groups.map(({ rows }) => rows.map((row) => new Neo4jRecord(['i', 'key'], [row.i, row.key]))),
      );
    });
    const failed = await Promise.allSettled([batch.lookup(SESSION, { key: 'a' }), batch.lookup(ROLE, { key: 'b' })]);
    expect(failed).toEqual([
      { status: 'rejected', reason: failure },
      { status: 'rejected', reason: failure },
    ]);
    expect(keysOf(await batch.lookup(SESSION, { key: 'c' }))).toEqual(['c']);
  });
});
