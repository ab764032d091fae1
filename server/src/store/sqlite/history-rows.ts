import { gzipSync } from 'node:zlib';

import type Database from 'better-sqlite3';

import type { HistoryEntry, NewHistoryEntry } from '../account-store.ts';

/**
 * Inserts one history entry, synchronously, so that it can join the transaction of the write it
 * records (`SqliteStore.writeWith`). Snapshots are gzipped JSON: a 250 kB organisation keeps in
 * about 25 kB.
 */
export function insertHistoryEntry(db: Database.Database, entry: NewHistoryEntry): HistoryEntry {
  const snapshot = entry.snapshot ? gzipSync(JSON.stringify(entry.snapshot)) : null;
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO history (organisation_id, user_id, at, kind, record_id, action, before, after, snapshot)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      entry.organisationId,
      entry.userId,
      entry.at,
      entry.kind,
      entry.recordId,
      entry.action,
      entry.before === null || entry.before === undefined ? null : JSON.stringify(entry.before),
      entry.after === null || entry.after === undefined ? null : JSON.stringify(entry.after),
      snapshot,
    );
  const { snapshot: _s, ...rest } = entry;
  return { ...rest, id: Number(lastInsertRowid), hasSnapshot: snapshot !== null };
}
