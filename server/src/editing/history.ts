import { DomainError } from '../domain/errors.ts';
import type { Organisation, RecordKind, TaggedRecord } from '../domain/records.ts';
import type { AccountChanges, AccountStore, HistoryAction } from '../store/account-store.ts';
import type { GraphStore, OrganisationContents } from '../store/graph-store.ts';
import { ContentsReplay } from './contents-replay.ts';

/**
 * The change history, written by the editing commands with each write.
 *
 * What is kept: every change has its before- and after-image (one record, or the organisation's
 * own fields). Changes that replace what the organisation holds (an import, a scenario clone, a
 * restore, the creation of an organisation) also keep a snapshot of its whole contents after the
 * change. The state as of any entry is then the newest snapshot at or before it with the later
 * entries replayed in order (`organisationAsOf`): an after-image replaces its record, and a
 * delete takes its cascades with it by the rules the stores follow (contents-replay.ts), so a
 * delete needs no snapshot. Snapshotting every change would be simpler but costs a full read
 * and the whole organisation's size per edit (~25 kB for the sample, megabytes at 20,000 actors).
 *
 * The history lives in the graph store's own database (the SQLite file, or the Neo4j database),
 * and a write and its entry are one transaction (`AccountStore.writeTogether`): both are stored
 * or neither. The database serialises the writes to one organisation, also across app
 * instances, so entries are numbered in the order the writes were made and a snapshot holds
 * exactly the writes before it.
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

/** The account side that goes with a change besides its history entry (a new organisation's owner). */
export type Alongside = Omit<AccountChanges, 'history'>;

export class ChangeLog {
  constructor(
    private readonly accounts: Pick<AccountStore, 'writeTogether'>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Writes and records what the write changed, in one transaction. `write` makes one store
   * write and returns its result (`() => store.updateRecord(…)`); `describe` gives null when the
   * write changed nothing (a delete that found its record gone), which then leaves no entry.
   */
  record<T>(
    store: GraphStore,
    organisationId: string,
    userId: string | null,
    write: () => Promise<T>,
    describe: (result: T) => Change | null,
    alongside: Alongside = {},
  ): Promise<T> {
    return this.accounts.writeTogether(store, write, (result) => {
      const change = describe(result);
      const at = this.now().toISOString();
      return { ...alongside, ...(change ? { history: { ...change, organisationId, userId, at } } : {}) };
    });
  }
}

/** Who is editing, and where their changes are recorded; absent for tools that write without history. */
export interface Audit {
  log: ChangeLog;
  userId: string | null;
  /**
   * The editor's permission, while it is still being checked: the command reads meanwhile, and
   * neither answers nor writes before it holds (see `requireOrganisationAnd`).
   */
  permitted?: Promise<unknown>;
}

/** Runs a write, recording it (with what goes alongside) when an audit is given. */
export function audited<T>(
  audit: Audit | undefined,
  store: GraphStore,
  organisationId: string,
  write: () => Promise<T>,
  describe: (result: T) => Change | null,
  alongside?: Alongside,
): Promise<T> {
  return audit ? audit.log.record(store, organisationId, audit.userId, write, describe, alongside) : write();
}

/** A new organisation's first owner: the signed-in user who creates it (none for tools). */
export function ownerOf(audit: Audit | undefined, organisationId: string): Alongside {
  return audit?.userId ? { memberships: [{ organisationId, userId: audit.userId, role: 'OWNER' }] } : {};
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
  const records = new ContentsReplay(base.records);
  for (const entry of entries) {
    if (entry.kind === 'organisation') {
      if (entry.after) organisation = entry.after as Organisation;
    } else if (entry.after === null) {
      records.delete(entry.kind as RecordKind, entry.recordId);
    } else {
      records.put({ kind: entry.kind, record: entry.after } as TaggedRecord);
    }
  }
  return { organisation, records: records.contents() };
}
