import { DomainError } from '../domain/errors.ts';
import { type Organisation, RECORD_KINDS, type TaggedRecord } from '../domain/records.ts';
import type { AccountStore, HistoryAction, NewHistoryEntry } from '../store/account-store.ts';
import type { GraphStore, OrganisationContents } from '../store/graph-store.ts';

/**
 * The change history, written by the editing commands after each successful write.
 *
 * What is kept: every change has its before- and after-image (one record, or the organisation's
 * own fields). Changes whose effects reach beyond one record (a delete with its cascades, an
 * import, a scenario clone, a restore, the creation of an organisation) also keep a snapshot of
 * the organisation's whole contents after the change. The state as of any entry is then the
 * newest snapshot at or before it with the later after-images applied in order (`organisationAsOf`).
 * Snapshotting every change would be simpler but costs a full read and ~25 kB per edit of a large
 * map; replaying after-images alone cannot express cascades.
 *
 * When the history store keeps its entries in the graph store's own database (the SQLite file
 * holds both), the write and its entry are one transaction (`AtomicHistory`): both are stored or
 * neither, and a change costs one fsync rather than two. Otherwise (Neo4j) they cannot share a
 * transaction, as GraphStore and AccountStore are separate interfaces, and the entry is appended
 * after the write: a crash between the two loses that entry; restore then validates the replayed
 * state and refuses an invalid one rather than writing it. Either way the write and its entry run
 * under a per-organisation lock, so entries are in the order the writes were made and a snapshot
 * sees exactly the writes before it.
 */
export interface Change {
  kind: string;
  recordId: string;
  action: HistoryAction;
  before: unknown;
  after: unknown;
  /** Keep the organisation's contents after the change (see above). */
  isSnapshot?: boolean;
}

/** A history entry as the change describes it; the store adds the snapshot when `isSnapshot`. */
export type PendingEntry = Omit<NewHistoryEntry, 'snapshot'> & { isSnapshot?: boolean };

/** What a history store may offer beyond `appendHistory` (the SQLite account store does). */
export interface AtomicHistory {
  /**
   * Runs `write` and stores `entryOf(its result)` in the same transaction, when `store` keeps
   * its records in this history's database.
   * @returns the write's result, or undefined (and nothing run) for a store in another database.
   */
  recordAtomically<T>(
    store: GraphStore,
    write: () => Promise<T>,
    entryOf: (result: T) => PendingEntry,
  ): Promise<T> | undefined;
}

export class ChangeLog {
  private readonly tails = new Map<string, Promise<unknown>>();

  constructor(
    private readonly history: Pick<AccountStore, 'appendHistory'> & Partial<AtomicHistory>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Runs `fn` after every earlier `serialised` call for the organisation has settled. */
  private async serialised<T>(organisationId: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(organisationId) ?? Promise.resolve();
    const run = previous.then(fn, fn);
    const tail = run.catch(() => undefined);
    this.tails.set(organisationId, tail);
    try {
      return await run;
    } finally {
      if (this.tails.get(organisationId) === tail) this.tails.delete(organisationId);
    }
  }

  /**
   * Writes, then records what the write changed, as one step per organisation. `write` makes one
   * store write and returns its result (`() => store.updateRecord(…)`), which lets the SQLite
   * store commit it together with its entry (`SqliteStore.writeWith`).
   */
  async record<T>(
    store: GraphStore,
    organisationId: string,
    userId: string | null,
    write: () => Promise<T>,
    describe: (result: T) => Change,
  ): Promise<T> {
    return this.serialised(organisationId, async () => {
      const entryOf = (result: T): PendingEntry => ({
        ...describe(result),
        organisationId,
        userId,
        at: this.now().toISOString(),
      });
      const atomic = this.history.recordAtomically?.(store, write, entryOf);
      if (atomic) return atomic;
      const result = await write();
      const { isSnapshot, ...entry } = entryOf(result);
      const snapshot = isSnapshot ? await store.readOrganisation(organisationId) : null;
      await this.history.appendHistory(snapshot ? { ...entry, snapshot } : entry);
      return result;
    });
  }
}

/** Who is editing, and where their changes are recorded; absent for tools that write without history. */
export interface Audit {
  log: ChangeLog;
  userId: string | null;
}

/** Runs a write, recording it when an audit is given. */
export function audited<T>(
  audit: Audit | undefined,
  store: GraphStore,
  organisationId: string,
  write: () => Promise<T>,
  describe: (result: T) => Change,
): Promise<T> {
  return audit ? audit.log.record(store, organisationId, audit.userId, write, describe) : write();
}

/**
 * The organisation as it was right after history entry `entryId`.
 * @throws DomainError RESTORE_UNAVAILABLE when no snapshot precedes the entry (history began later).
 */
export async function organisationAsOf(
  history: Pick<AccountStore, 'historySince'>,
  organisationId: string,
  entryId: number,
): Promise<OrganisationContents> {
  const { base, entries } = await history.historySince(organisationId, entryId);
  if (!base) {
    throw new DomainError('RESTORE_UNAVAILABLE', 'The history holds no complete state at or before this entry.', {
      id: String(entryId),
    });
  }
  let organisation: Organisation = base.organisation;
  const records = new Map<string, TaggedRecord>();
  for (const tagged of base.records) records.set(`${tagged.kind}\u0000${tagged.record.id}`, tagged);
  for (const entry of entries) {
    if (entry.kind === 'organisation') {
      if (entry.after) organisation = entry.after as Organisation;
      continue;
    }
    const key = `${entry.kind}\u0000${entry.recordId}`;
    if (entry.after === null) records.delete(key);
    else records.set(key, { kind: entry.kind, record: entry.after } as TaggedRecord);
  }
  const order = new Map<string, number>(RECORD_KINDS.map((kind, index) => [kind, index]));
  const sorted = [...records.values()].sort((a, b) => (order.get(a.kind) ?? 0) - (order.get(b.kind) ?? 0));
  return { organisation, records: sorted };
}
