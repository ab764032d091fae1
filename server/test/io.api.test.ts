import type { InjectOptions } from 'fastify';
import { expect, it } from 'vitest';

import { importOrganisation } from '../src/editing/organisation-commands.ts';
import { readAll } from '../src/io/import-source.ts';
import { exampleDocument } from '../src/io/template.ts';
import { Readable } from 'node:stream';
import { csvZip } from '../src/io/csv/csv-export.ts';
import { ADMIN, startTestApp } from './helpers.ts';
import { describeEachStore, type StoreTarget, storeTargets } from '../src/store/contract/store-targets.ts';

const stores = await storeTargets();

/**
 * The whole app on `store`; `inject` sends the administrator's session cookie
 * unless the request names its own.
 */
async function startIoApp(store: StoreTarget) {
  const t = await startTestApp({ store });
  const { cookie } = await t.signIn(ADMIN.email, ADMIN.password);
  return {
    store: t.app.store,
    t,
    inject: (options: InjectOptions) =>
      t.app.inject({ ...options, headers: { cookie, ...(options.headers as Record<string, string> | undefined) } }),
  };
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describeEachStore(stores, 'import and export over HTTP', (store) => {
  it('lets only signed-in members with the right role import and export', async () => {
    const app = await startIoApp(store);
    await importOrganisation(app.store, exampleDocument());
    const exportUrl = '/api/export/exempelkommun.json';
    const anonymous = await app.t.app.inject({ method: 'GET', url: exportUrl });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe('UNAUTHENTICATED');
    const outsider = await app.t.signIn(...(await outsiderUser(app.t, 'outsider')));
    const refused = await app.t.app.inject({ method: 'GET', url: exportUrl, headers: { cookie: outsider.cookie } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('FORBIDDEN');
    const importUrl = '/api/import?organisationId=exempelkommun&format=csv&sheet=actors&dryRun=false';
    const csv = 'name,level\r\nNy,teacher\r\n';
    const sneaky = await app.t.app.inject({
      method: 'POST',
      url: importUrl,
      payload: csv,
      headers: { cookie: outsider.cookie },
    });
    expect(sneaky.statusCode).toBe(403);
    expect(sneaky.json().code).toBe('FORBIDDEN');
    // A non-member may not learn whether an organisation exists.
    const probe = await app.t.app.inject({
      method: 'POST',
      url: '/api/import?organisationId=no-such-org&mode=MERGE&format=csv&sheet=actors',
      payload: csv,
      headers: { cookie: outsider.cookie },
    });
    expect(probe.statusCode).toBe(403);
    expect(probe.json().code).toBe('FORBIDDEN');
  });

  it('refuses a bad file with every issue, writing nothing', async () => {
    const app = await startIoApp(store);
    await importOrganisation(app.store, exampleDocument());
    const before = await app.inject({ method: 'GET', url: '/api/export/exempelkommun.json' });
    const csv = 'källa;mål;koppling\r\nskolchef;okänd;lös\r\nskolchef;rektor-ekskolan;ljummen\r\n';
    const response = await app.inject({
      method: 'POST',
      url: '/api/import?organisationId=exempelkommun&dryRun=false&sheet=links',
      headers: { 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(response.statusCode).toBe(422);
    const body = response.json();
    expect(body).toMatchObject({ ok: false, code: 'DOCUMENT_INVALID', applied: false, mode: 'MERGE', issueCount: 2 });
    expect(body.issues.map((i: any) => [i.sheet, i.row, i.column, i.reason])).toEqual([
      ['links', 3, 'koppling', 'INVALID'],
      ['links', 2, 'mål', 'UNKNOWN_REFERENCE'],
    ]);
    const after = await app.inject({ method: 'GET', url: '/api/export/exempelkommun.json' });
    expect(after.body).toBe(before.body);
  });

  it('previews, then applies, a merge in one write', async () => {
    const app = await startIoApp(store);
    await importOrganisation(app.store, exampleDocument());
    const csv = 'name,level\r\nNy förstelärare,teacher\r\n';
    const url = '/api/import?organisationId=exempelkommun&format=csv&sheet=actors';
    const preview = await app.inject({ method: 'POST', url, payload: csv, headers: { 'content-type': 'text/csv' } });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ ok: true, dryRun: true, applied: false, rows: { actors: 1 } });
    expect(preview.json().preview.counts.actor).toEqual({
      created: 1,
      updated: 0,
      unchanged: 0,
      leftAlone: 5,
      deleted: 0,
    });
    expect((await app.store.readOrganisation('exempelkommun'))!.records.filter((r) => r.kind === 'actor')).toHaveLength(
      5,
    );

    const applied = await app.inject({
      method: 'POST',
      url: `${url}&dryRun=false`,
      payload: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(applied.statusCode).toBe(200);
    expect(applied.json()).toMatchObject({ ok: true, applied: true });
    const actors = (await app.store.readOrganisation('exempelkommun'))!.records.filter((r) => r.kind === 'actor');
    expect(actors.map((a) => a.record.id)).toContain('ny-forstelarare');
  });

  it('exports XLSX that imports as a new organisation identical to the original', async () => {
    const app = await startIoApp(store);
    await importOrganisation(app.store, exampleDocument());
    const exported = await app.inject({ method: 'GET', url: '/api/export/exempelkommun.xlsx?lang=sv' });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toBe(XLSX);
    const original = (await app.inject({ method: 'GET', url: '/api/export/exempelkommun.json' })).json();
    await app.store.deleteOrganisation('exempelkommun');
    const created = await app.inject({
      method: 'POST',
      url: '/api/import?dryRun=false',
      headers: { 'content-type': XLSX },
      payload: exported.rawPayload,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ ok: true, applied: true, isNew: true });
    // A new organisation's id is the server's choice, from its name.
    const { organisationId } = created.json();
    expect(organisationId).toMatch(/^exempelkommun-[0-9a-f]{8}$/);
    const again = (await app.inject({ method: 'GET', url: `/api/export/${organisationId}.json` })).json();
    expect(again).toEqual({ ...original, organisation: { ...original.organisation, id: organisationId } });
  });

  it('streams progress lines and the result when asked for NDJSON', async () => {
    const app = await startIoApp(store);
    const rows = Array.from({ length: 12_000 }, (_, i) => [`Lärare ${i}`, 'teacher']);
    const zip = await readAll(
      Readable.from(csvZip([{ name: 'actors', header: ['name', 'level'], rows, rowCount: rows.length }], 'en')),
      1e9,
    );
    const response = await app.inject({
      method: 'POST',
      url: '/api/import?name=Stor%20kommun&format=zip',
      headers: { accept: 'application/x-ndjson', 'content-type': 'application/zip' },
      payload: zip,
    });
    const lines = response.body
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.filter((l) => l.type === 'progress' && l.sheet === 'actors').map((l) => l.rows)).toEqual([
      5000, 10000, 12000,
    ]);
    expect(lines.at(-1)).toMatchObject({ type: 'result', ok: true, dryRun: true, rows: { actors: 12000 } });
  });

  it('exports GraphML, CSV per sheet, a ZIP of CSVs and templates; unknown ids are 404', async () => {
    const app = await startIoApp(store);
    await importOrganisation(app.store, exampleDocument());
    const graphml = await app.inject({ method: 'GET', url: '/api/export/exempelkommun.graphml' });
    expect(graphml.body).toContain('<edge id="l1" source="namnd" target="skolchef">');
    const csv = await app.inject({ method: 'GET', url: '/api/export/exempelkommun.csv?sheet=aktörer&lang=sv' });
    expect(csv.body.split('\r\n')[0]).toBe('\uFEFFid,namn,nivå,enhet,personnamn,roll,taggar,anteckningar');
    expect((await app.inject({ method: 'GET', url: '/api/export/exempelkommun.csv' })).statusCode).toBe(400);
    expect(
      (await app.inject({ method: 'GET', url: '/api/export/exempelkommun.zip' })).rawPayload.subarray(0, 2).toString(),
    ).toBe('PK');
    expect((await app.inject({ method: 'GET', url: '/api/export/nobody.json' })).statusCode).toBe(404);
    const template = await app.inject({ method: 'GET', url: '/api/import-template?format=xlsx&lang=sv' });
    expect(template.statusCode).toBe(200);
    const imported = await app.inject({
      method: 'POST',
      url: '/api/import?format=xlsx',
      payload: template.rawPayload,
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(imported.json()).toMatchObject({ ok: true, notes: [] });
  });

  it('refuses an import over a limit: 413 IMPORT_TOO_LARGE over HTTP, the same code in GraphQL extensions', async () => {
    const t = await startTestApp({ store, app: { importLimits: { maxRows: 3 } } });
    const { cookie } = await t.signIn(ADMIN.email, ADMIN.password);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/import?format=csv&sheet=actors&name=Stor',
      headers: { cookie },
      payload: 'name,level\r\nA,teacher\r\nB,teacher\r\nC,teacher\r\nD,teacher\r\n',
    });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'IMPORT_TOO_LARGE', setting: 'IMPORT_MAX_ROWS', max: 3 });
    const document = exampleDocument();
    const refused = await t.gql('mutation($d: JSON!) { importOrganisation(document: $d) { organisation { id } } }', {
      d: document,
    });
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'IMPORT_TOO_LARGE', setting: 'IMPORT_MAX_ROWS' });
    expect(await t.app.store.getOrganisation(document.organisation.id)).toBeNull();
  });

  it('neutralises formulas in spreadsheet exports', async () => {
    const app = await startIoApp(store);
    const document = exampleDocument();
    document.actors[0]!.name = '=HYPERLINK("http://example.invalid")';
    await importOrganisation(app.store, document);
    const csv = await app.inject({ method: 'GET', url: '/api/export/exempelkommun.csv?sheet=actors' });
    expect(csv.body).toContain(`"'=HYPERLINK(""http://example.invalid"")"`);
  });
});

/** Creates a signed-up user who is a member of no organisation. */
async function outsiderUser(t: Awaited<ReturnType<typeof startTestApp>>, label: string): Promise<[string, string]> {
  const email = `${label}@test.example`;
  const password = 'outsider-password-1';
  const created = await t.gql(
    `mutation($email: String!, $password: String!) { createUser(input: { email: $email, password: $password, mustChangePassword: false }) { id } }`,
    { email, password },
  );
  expect(created.errors).toBeUndefined();
  return [email, password];
}
