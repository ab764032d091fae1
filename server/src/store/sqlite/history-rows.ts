import { gzipSync } from 'node:zlib';

import type Database from 'better-sqlite3';

import type { PendingEntry } from '../account-store.ts';

/**
 * Inserts one history entry, synchronously, inside the transaction of the write it records
 * (`SqliteStore.writeWith`), with the organisation's next sequence number. Snapshots are
 * gzipped JSON: a 250 kB organisation keeps in about 25 kB.
 */
export function insertHistoryEntry(
  db: Database.Database,
  entry: Omit<PendingEntry, 'isSnapshot'>,
  snapshot: object | null,
): void {
  const packed = snapshot ? gzipSync(JSON.stringify(snapshot)) : null;
  db.prepare(
    `INSERT INTO history (organisation_id, seq, user_id, at, kind, record_id, action, before, after, snapshot)
     VALUES (@organisationId, (SELECT COALESCE(MAX(seq), 0) + 1 FROM history WHERE organisation_id = @organisationId),
       @userId, @at, @kind, @recordId, @action, @before, @after, @snapshot)`,
  ).run({
    organisationId: entry.organisationId,
    userId: entry.userId,
    at: entry.at,
    kind: entry.kind,
    recordId: entry.recordId,
    action: entry.action,
    before: entry.before === null || entry.before === undefined ? null : JSON.stringify(entry.before),
    after: entry.after === null || entry.after === undefined ? null : JSON.stringify(entry.after),
    snapshot: packed,
  });
}
