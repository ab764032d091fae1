import type { Record as Neo4jRecord } from 'neo4j-driver';

import type { NamedStatement } from './transactions.ts';

/** A row of a batched look-up: the values one caller looks up by. */
export type LookupRow = Readonly<Record<string, string | readonly string[]>>;

/** Runs each statement with its rows in one read transaction; the answer rows of each, in order. */
export type SendLookups = (
  groups: ReadonlyArray<{
    statement: LookupStatement;
    rows: ReadonlyArray<Readonly<Record<string, LookupRow[string] | number>>>;
  }>,
) => Promise<Neo4jRecord[][]>;

/**
 * A look-up statement that answers many callers at once: it UNWINDs `$rows` (each row a
 * caller's values plus its index `i`) and returns `row.i AS i` with every answer row.
 */
export type LookupStatement = NamedStatement<'rows'>;

interface Waiting {
  row: LookupRow;
  resolve: (records: Neo4jRecord[]) => void;
  reject: (error: unknown) => void;
}

/**
 * Gathers the point look-ups that nearly every request makes (its session, its role, its
 * organisation's write stamp) over one turn of the event loop, and sends them together: one read
 * transaction, one statement per kind of look-up (sent without waiting for each other), equal
 * look-ups asked once. Under load, each request made three transactions of its own, one after
 * another, and 200 readers saturated the driver and the server with them.
 *
 * A batch starts after every look-up in it was asked, so its answer is never older than the
 * question: a write committed (by any app instance) before a look-up was asked is seen by it,
 * as with a transaction of its own.
 */
export class LookupBatch {
  private pending: Map<LookupStatement, Map<string, Waiting[]>> | null = null;

  constructor(private readonly send: SendLookups) {}

  /** The answer rows of `statement` for `row`, asked in the next batch. */
  lookup(statement: LookupStatement, row: LookupRow): Promise<Neo4jRecord[]> {
    if (!this.pending) {
      this.pending = new Map();
      setImmediate(() => void this.flush());
    }
    let byRow = this.pending.get(statement);
    if (!byRow) {
      byRow = new Map();
      this.pending.set(statement, byRow);
    }
    const key = JSON.stringify(row);
    return new Promise<Neo4jRecord[]>((resolve, reject) => {
      const waiting = byRow.get(key);
      const entry = { row, resolve, reject };
      if (waiting) waiting.push(entry);
      else byRow.set(key, [entry]);
    });
  }

  private async flush(): Promise<void> {
    const batch = this.pending;
    this.pending = null;
    if (!batch) return;
    const groups = [...batch].map(([statement, byRow]) => ({ statement, rows: [...byRow.values()] }));
    try {
      const answers = await this.send(
        groups.map(({ statement, rows }) => ({ statement, rows: rows.map(([first], i) => ({ ...first!.row, i })) })),
      );
      groups.forEach(({ rows }, g) => {
        const byIndex = new Map<number, Neo4jRecord[]>();
        for (const record of answers[g]!) {
          const i = Number(record.get('i'));
          byIndex.set(i, [...(byIndex.get(i) ?? []), record]);
        }
        rows.forEach((waiting, i) => {
          for (const { resolve } of waiting) resolve(byIndex.get(i) ?? []);
        });
      });
    } catch (error) {
      for (const { rows } of groups) for (const waiting of rows) for (const { reject } of waiting) reject(error);
    }
  }
}
