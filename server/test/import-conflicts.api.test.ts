/**
 * Imports and restores must not lose others' saved edits: an import planned before an edit is
 * refused, and after an import or a restore no version an editor read before it still matches.
 */
import { once } from 'node:events';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createInterface } from 'node:readline';

import { expect, it } from 'vitest';

import { importOrganisation } from '../src/editing/organisation-commands.ts';
import { exampleDocument } from '../src/io/template.ts';
import { ADMIN, startTestApp } from './helpers.ts';
import { describeEachStore, type StoreTarget, storeTargets } from '../src/store/contract/store-targets.ts';

const stores = await storeTargets();

const UPDATE_ACTOR = `mutation($input: UpdateActorInput!) { updateActor(input: $input) { actor { id name version } } }`;

async function startWithExample(store: StoreTarget) {
  const t = await startTestApp({ store });
  await importOrganisation(t.app.store, exampleDocument(), 'CREATE', { log: t.app.changeLog, userId: null });
  const { cookie } = await t.signIn(ADMIN.email, ADMIN.password);
  return { t, cookie };
}

function renameChief(t: Awaited<ReturnType<typeof startTestApp>>, name: string, expectedVersion?: number) {
  return t.gql(UPDATE_ACTOR, {
    input: { organisationId: 'exempelkommun', id: 'skolchef', name, ...(expectedVersion ? { expectedVersion } : {}) },
  });
}

const teachers = (from: number, count: number) =>
  Array.from({ length: count }, (_, i) => `Lärare ${from + i},teacher\r\n`).join('');

describeEachStore(stores, 'imports and restores keep others’ saved edits', (store) => {
  it('refuses an import whose upload began before an editor saved a change (VERSION_CONFLICT)', async () => {
    const { t, cookie } = await startWithExample(store);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const upload = request({
      host: '127.0.0.1',
      port: (t.app.server.address() as AddressInfo).port,
      method: 'POST',
      path: '/api/import?organisationId=exempelkommun&mode=MERGE&format=csv&sheet=actors&dryRun=false',
      headers: { cookie, accept: 'application/x-ndjson', 'content-type': 'text/csv' },
    });
    // Half the file: the server reports reading its first 5,000 rows, so its plan's base is fixed.
    upload.write(`name,level\r\n${teachers(0, 5001)}`);
    const [response] = (await once(upload, 'response')) as [NodeJS.ReadableStream];
    const lines = createInterface({ input: response })[Symbol.asyncIterator]();
    const next = async () => JSON.parse(String((await lines.next()).value)) as Record<string, unknown>;
    let line = await next();
    while (!(line.type === 'progress' && line.rows === 5000)) line = await next();

    const edited = await renameChief(t, 'Skolchef (ändrad under uppladdningen)');
    expect(edited.errors).toBeUndefined();
    upload.end(teachers(5001, 10));
    do line = await next();
    while (line.type === 'progress');

    expect(line).toMatchObject({
      type: 'error',
      code: 'VERSION_CONFLICT',
      kind: 'organisation',
      id: 'exempelkommun',
      changes: [{ kind: 'actor', id: 'skolchef', change: 'UPDATED' }],
    });
    const [chief] = await t.app.store.getRecords('actor', 'exempelkommun', ['skolchef']);
    expect(chief).toMatchObject({ name: 'Skolchef (ändrad under uppladdningen)', version: 2 });
    expect(await t.app.store.getRecords('actor', 'exempelkommun', ['larare-0'])).toEqual([]);
  });

  it('after a merge that changes nothing, an update with a version read before it is refused', async () => {
    const { t, cookie } = await startWithExample(store);
    expect((await renameChief(t, 'Skolchefen')).data!.updateActor.actor.version).toBe(2);
    const merged = await t.app.inject({
      method: 'POST',
      url: '/api/import?organisationId=exempelkommun&mode=MERGE&format=csv&sheet=actors&dryRun=false',
      headers: { cookie, 'content-type': 'text/csv' },
      payload: 'id,name\r\nskolchef,Skolchefen\r\n',
    });
    expect(merged.json()).toMatchObject({ ok: true, applied: true });
    expect(merged.json().preview.counts.actor).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    const [chief] = await t.app.store.getRecords('actor', 'exempelkommun', ['skolchef']);
    expect(chief!.version).toBeGreaterThan(2);

    for (const stale of [1, 2]) {
      const refused = await renameChief(t, 'Gammal flik', stale);
      expect(refused.errors![0]!.extensions).toMatchObject({ code: 'VERSION_CONFLICT', expectedVersion: stale });
    }
    expect((await t.app.store.getRecords('actor', 'exempelkommun', ['skolchef']))[0]!.name).toBe('Skolchefen');
  });

  it('after a restore, an update with a version read before it is refused', async () => {
    const { t } = await startWithExample(store);
    const history = await t.gql<{ history: { nodes: Array<{ id: string; action: string }> } }>(
      '{ history(organisationId: "exempelkommun") { nodes { id action } } }',
    );
    const imported = history.data!.history.nodes.find((entry) => entry.action === 'IMPORT')!;
    await renameChief(t, 'Andra namnet');
    await renameChief(t, 'Tredje namnet');
    const restored = await t.gql(
      'mutation($o: ID!, $e: ID!) { restoreOrganisation(organisationId: $o, historyEntryId: $e) { id version } }',
      { o: 'exempelkommun', e: imported.id },
    );
    expect(restored.errors).toBeUndefined();
    const [chief] = await t.app.store.getRecords('actor', 'exempelkommun', ['skolchef']);
    expect(chief).toMatchObject({ name: 'Skolchef' });
    expect(chief!.version).toBeGreaterThan(3);
    for (const stale of [1, 2, 3]) {
      const refused = await renameChief(t, 'Gammal flik', stale);
      expect(refused.errors![0]!.extensions.code).toBe('VERSION_CONFLICT');
    }
  });
});
