import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest';

import { testActor } from '../../domain/test-records.ts';
import { type Audit, ChangeLog, organisationAsOf } from '../../editing/history.ts';
import { cloneScenario, importOrganisation } from '../../editing/organisation-commands.ts';
import { createRecord } from '../../editing/record-commands.ts';
import { contractDocument } from '../contract/fixture.ts';
import { SqliteAccountStore } from './sqlite-account-store.ts';
import { SqliteStore } from './sqlite-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'kk-atomic-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
async function openBoth(): Promise<{ store: SqliteStore; accounts: SqliteAccountStore; audit: Audit }> {
  files += 1;
  const store = new SqliteStore({ file: join(dir, `atomic-${files}.db`) });
  onTestFinished(() => store.close());
  await store.migrate();
  const accounts = new SqliteAccountStore(store.shareDatabase());
  return { store, accounts, audit: { log: new ChangeLog(accounts), userId: null } };
}

const actor = (id: string) => testActor(id);

const insertActor = (store: SqliteStore, id: string) =>
  store.insertRecords('org', [{ kind: 'actor', record: actor(id) }]);
const historyCount = async (accounts: SqliteAccountStore) =>
  (await accounts.listHistory('org', { first: 1 })).totalCount;

describe('a change and its history entry on the embedded store', () => {
  let both: Awaited<ReturnType<typeof openBoth>>;
  beforeEach(async () => {
    both = await openBoth();
    await importOrganisation(both.store, contractDocument('org'));
  });

  it('rolls the write back when its history entry cannot be stored', async () => {
    const { store, accounts, audit } = both;
    store.shareDatabase().exec(`CREATE TRIGGER full_history BEFORE INSERT ON history
      BEGIN SELECT RAISE(ABORT, 'the history is full'); END`);
    const input = { organisationId: 'org', id: 'a-new', name: 'Ny lärare', levelKey: 'teacher' };
    await expect(createRecord(store, 'actor', input, audit)).rejects.toThrow('the history is full');
    expect(await store.getRecords('actor', 'org', ['a-new'])).toEqual([]);
    expect(await historyCount(accounts)).toBe(0);
  });

  it('keeps in a snapshot entry the organisation exactly as the write left it', async () => {
    const { store, accounts, audit } = both;
    await cloneScenario(
      store,
      { organisationId: 'org', sourceId: 's-current', name: 'Önskat', kind: 'DESIRED' },
      audit,
    );
    const [entry] = (await accounts.listHistory('org', { first: 1 })).nodes;
    expect(entry).toMatchObject({ kind: 'scenario', action: 'CREATE', hasSnapshot: true });
    expect(await organisationAsOf(accounts, 'org', entry!.id)).toEqual(await store.readOrganisation('org'));
  });

  it('keeps a write that awaits before writing in one transaction with its entry', async () => {
    const { store, accounts, audit } = both;
    store.shareDatabase().exec(`CREATE TRIGGER full_history BEFORE INSERT ON history
      BEGIN SELECT RAISE(ABORT, 'the history is full'); END`);
    const write = async () => {
      await new Promise((resolve) => setImmediate(resolve));
      return insertActor(store, 'a-late');
    };
    const change = { kind: 'actor', recordId: 'a-late', action: 'CREATE' as const, before: null, after: null };
    await expect(audit.log.record(store, 'org', null, write, () => change)).rejects.toThrow('the history is full');
    expect(await store.getRecords('actor', 'org', ['a-late'])).toEqual([]);
    expect(await historyCount(accounts)).toBe(0);
  });

  it('refuses a write that resolves to something other than its store call', async () => {
    const { store, audit } = both;
    const write = () => store.updateRecord('actor', actor('a-teachers')).then((updated) => updated.id);
    const change = { kind: 'actor', recordId: 'a-teachers', action: 'UPDATE' as const, before: null, after: null };
    await expect(audit.log.record(store, 'org', null, write, () => change)).rejects.toThrow('changed its write');
  });

  it('refuses a history in another database, writing nothing', async () => {
    const { store } = both;
    const elsewhere = await openBoth();
    const log = new ChangeLog(elsewhere.accounts);
    const change = { kind: 'actor', recordId: 'a-far', action: 'CREATE' as const, before: null, after: null };
    await expect(
      log.record(
        store,
        'org',
        null,
        () => insertActor(store, 'a-far'),
        () => change,
      ),
    ).rejects.toThrow('another database');
    expect(await store.getRecords('actor', 'org', ['a-far'])).toEqual([]);
    expect(await historyCount(elsewhere.accounts)).toBe(0);
  });
});
