import neo4j, {
  type Driver,
  type ManagedTransaction,
  Neo4jError,
  type Record as Neo4jRecord,
  type Session,
} from 'neo4j-driver';

import { DomainError } from '../../domain/errors.ts';
import { LookupBatch, type LookupRow, type LookupStatement } from './lookup-batch.ts';

const SECURITY_CODES = new Set([
  'Neo.ClientError.Security.Unauthorized',
  'Neo.ClientError.Security.AuthenticationRateLimit',
  'Neo.ClientError.Security.CredentialsExpired',
]);
const UNAVAILABLE_CODES = new Set([
  neo4j.error.SERVICE_UNAVAILABLE,
  neo4j.error.SESSION_EXPIRED,
  'Neo.ClientError.Database.DatabaseNotFound',
]);

/** The URI without any user or password in it, for messages and health details. */
export function displayUri(uri: string): string {
  try {
    const url = new URL(uri);
    url.username = '';
    url.password = '';
    return url.toString().replace(/\/$/, '');
  } catch {
    return uri.replace(/\/\/[^@/]*@/, '//');
  }
}

/** A named statement (queries.ts, account-queries.ts, round-queries.ts): its text and declared parameters. */
export interface NamedStatement<P extends string> {
  readonly text: string;
  readonly params: Readonly<Record<P, unknown>>;
}

/** Exactly the parameters a statement declares. */
export type Params<P extends string> = { readonly [K in P]: unknown };

/**
 * What statements are sent through: a write's transaction, or a read's session (see
 * `Neo4jTransactions.read`).
 */
export type StatementRunner = Pick<ManagedTransaction, 'run'>;

/** The only place that sends Cypher: a named statement and its declared parameters, in `tx`. */
export async function runStatement<P extends string>(
  tx: StatementRunner,
  statement: NamedStatement<P>,
  params: Params<P>,
): Promise<Neo4jRecord[]> {
  return (await withoutCallerStack(() => tx.run(statement.text, params as Record<string, unknown>))).records;
}

/**
 * `send()` without the stack trace the driver captures for every statement it is handed (each
 * `Result` builds an `Error` and reads its `stack`, to append the caller's frames to a failure).
 * Under tsx, with source maps on, that read mapped every frame: 10 % of the server's CPU time with
 * 20 editors on Neo4j (`--cpu-prof`), more than packing and sending the statements. A failure
 * still carries the server's code and message, by which translate() and the logs know it.
 */
function withoutCallerStack<T>(send: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return send();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * `tx` for one write's turn in a batch (write-batches.ts): passes its statements on, and refuses
 * one sent after `close()`, so that a batch's statements are in the order of its writes.
 */
export function turnIn(tx: ManagedTransaction): { tx: ManagedTransaction; close: () => void } {
  let isOpen = true;
  const run: ManagedTransaction['run'] = (query, parameters) => {
    if (!isOpen) throw new Error('A batched write sent a statement after its turn.');
    return tx.run(query, parameters);
  };
  return { tx: Object.create(tx, { run: { value: run } }) as ManagedTransaction, close: () => (isOpen = false) };
}

/**
 * One driver's sessions, shared by the graph store and the account store (one driver per
 * process, one database): reads as auto-commit statements of a read session (`read`, retried
 * here), writes through `executeWrite` (retried by the driver), both on transient and
 * leader-switch errors so that the same code runs against a cluster, and driver errors
 * translated into domain errors for both.
 */
export class Neo4jTransactions {
  /** The URI as shown in messages: never a user or password. */
  readonly uri: string;
  private readonly lookups = new LookupBatch((groups) =>
    this.read((tx) =>
      // Sent one after another without waiting: the driver pipelines them on the connection.
      Promise.all(groups.map(({ statement, rows }) => runStatement(tx, statement, { rows }))),
    ),
  );

  constructor(
    readonly driver: Driver,
    readonly database: string | undefined,
    uri: string,
    private readonly user: string,
    /** How long a read is retried on transient errors, as the driver retries a write. */
    private readonly maxRetryTimeMs: number,
  ) {
    this.uri = displayUri(uri);
  }

  where(): string {
    return `Neo4j at ${this.uri} (database ${this.database ? `"${this.database}"` : 'default'})`;
  }

  /**
   * Driver and server errors as domain errors: STORE_UNAVAILABLE for an unreachable server or
   * refused credentials (naming the URI, never the password), `onConstraint()` (default
   * DUPLICATE) for a uniqueness constraint; anything else is passed on unchanged.
   */
  translate(error: unknown, onConstraint?: () => DomainError): unknown {
    if (error instanceof DomainError || !(error instanceof Neo4jError)) return error;
    if (SECURITY_CODES.has(error.code)) {
      return new DomainError(
        'STORE_UNAVAILABLE',
        `${this.where()} refused the credentials of user "${this.user}": ${error.message}`,
        { uri: this.uri, credentials: 'REFUSED' },
      );
    }
    if (UNAVAILABLE_CODES.has(error.code)) {
      return new DomainError('STORE_UNAVAILABLE', `${this.where()} could not be reached: ${error.message}`, {
        uri: this.uri,
      });
    }
    if (error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
      return (
        onConstraint?.() ??
        new DomainError('DUPLICATE', `Something with this id already exists: ${error.message}`, { reason: 'DUPLICATE' })
      );
    }
    return error;
  }

  /**
   * Runs each of `work`'s statements as an auto-commit query in a read session of its own, all
   * sent at once: one round trip, where a transaction takes two (its statements, then its
   * commit). Neo4j reads are read committed, in a transaction or not, so statements sent together
   * see what they would have in one. (The driver runs one query at a time per session, hence a
   * session, i.e. a pooled connection, per statement.) Transient failures are retried as the
   * driver retries a transaction.
   */
  async read<T>(work: (tx: StatementRunner) => Promise<T>): Promise<T> {
    const started = performance.now();
    for (let attempt = 0; ; attempt += 1) {
      const sessions: Session[] = [];
      const runner: StatementRunner = {
        run: (query, parameters) => {
          const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
          sessions.push(session);
          return session.run(query, parameters);
        },
      };
      try {
        return await work(runner);
      } catch (error) {
        const retry =
          error instanceof Neo4jError && error.retryable && performance.now() - started < this.maxRetryTimeMs;
        if (!retry) throw this.translate(error);
        await new Promise((resolve) => setTimeout(resolve, Math.min(1000 * 2 ** attempt, 10_000)));
      } finally {
        await Promise.all(sessions.map((session) => session.close().catch(() => undefined)));
      }
    }
  }

  async write<T>(work: (tx: ManagedTransaction) => Promise<T>, onConstraint?: () => DomainError): Promise<T> {
    let session;
    try {
      session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    } catch (error) {
      // A closed driver refuses new sessions.
      throw this.translate(error);
    }
    let result: T;
    try {
      result = await session.executeWrite(work);
    } catch (error) {
      // The transaction's error is the one to report; a failure to close after it would hide it.
      await session.close().catch(() => undefined);
      throw this.translate(error, onConstraint);
    }
    await session.close();
    return result;
  }

  /**
   * The answer rows of a look-up statement for `row`, sent with the other look-ups asked in the
   * same turn of the event loop (`LookupBatch`): one read (one round trip) for all of them.
   */
  lookup(statement: LookupStatement, row: LookupRow): Promise<Neo4jRecord[]> {
    return this.lookups.lookup(statement, row);
  }

  /** One statement: a read (see `read`) or a transaction of its own. */
  run<P extends string>(
    mode: 'read' | 'write',
    statement: NamedStatement<P>,
    params: Params<P>,
    onConstraint?: () => DomainError,
  ): Promise<Neo4jRecord[]> {
    return mode === 'read'
      ? this.read((tx) => runStatement(tx, statement, params))
      : this.write((tx) => runStatement(tx, statement, params), onConstraint);
  }
}
