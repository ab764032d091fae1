import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import Database from 'better-sqlite3';
import { afterAll, expect, it } from 'vitest';

import { MIGRATIONS } from './migrations/index.ts';
import { SqliteAccountStore } from './sqlite-account-store.ts';
import { SqliteStore } from './sqlite-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'kk-history-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('renumbers a history of the database-wide kind 1, 2, 3… per organisation, in its old order', async () => {
  const file = join(dir, 'old.db');
  const old = new Database(file);
  // A file as migration 3 left it: entries numbered across organisations.
  for (const sql of MIGRATIONS.slice(0, 3)) old.exec(sql);
  old.pragma('user_version = 3');
  const insert = old.prepare(
    `INSERT INTO history (id, organisation_id, user_id, at, kind, record_id, action, before, after, snapshot)
     VALUES (?, ?, NULL, '2025-01-01', 'actor', ?, 'UPDATE', NULL, NULL, NULL)`,
  );
  for (const [id, organisation, record] of [
    [3, 'a', 'a-first'],
    [4, 'b', 'b-first'],
    [8, 'a', 'a-second'],
    [9, 'a', 'a-third'],
    [12, 'b', 'b-second'],
  ] as const) {
    insert.run(id, organisation, record);
  }
  old.close();

  const store = new SqliteStore({ file });
  await store.migrate();
  const accounts = new SqliteAccountStore(store.shareDatabase());
  const numbered = async (organisation: string) =>
    (await accounts.listHistory(organisation, { first: 10 })).nodes.map((entry) => [entry.id, entry.recordId]);
  expect(await numbered('a')).toEqual([
    [3, 'a-third'],
    [2, 'a-second'],
    [1, 'a-first'],
  ]);
  expect(await numbered('b')).toEqual([
    [2, 'b-second'],
    [1, 'b-first'],
  ]);
  await store.close();
});
