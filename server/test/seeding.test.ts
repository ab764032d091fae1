import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

import { afterAll, describe, expect, it } from 'vitest';

import { buildApp } from '../src/app.ts';
import { canonicalDocument, readDocument } from '../src/domain/document.ts';
import { describeEachStore, embeddedStoreEnv, storeTargets } from '../src/store/contract/store-targets.ts';
import { ADMIN, cookieOf } from './helpers.ts';

const stores = await storeTargets();
const seedDir = resolve(import.meta.dirname, '../../seeds/organisations');
const seedFiles = readdirSync(seedDir).filter((file) => file.endsWith('.json'));
const dir = mkdtempSync(join(tmpdir(), 'kk-seed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type App = Awaited<ReturnType<typeof buildApp>>;
const cookies = new WeakMap<App, string>();

/** As the administrator (from ADMIN_EMAIL/ADMIN_PASSWORD): seeded maps belong to nobody else yet. */
async function gql(app: App, query: string) {
  let cookie = cookies.get(app);
  if (!cookie) {
    const login = await app.inject({
      method: 'POST',
      url: '/graphql',
      payload: { query: `mutation { login(email: "${ADMIN.email}", password: "${ADMIN.password}") { user { id } } }` },
    });
    cookie = cookieOf(login.headers['set-cookie']);
    cookies.set(app, cookie);
  }
  return (await app.inject({ method: 'POST', url: '/graphql', payload: { query }, headers: { cookie } })).json();
}

describe('the sample organisations', () => {
  it.each(seedFiles)('%s passes every domain rule', (file) => {
    expect(() => readDocument(JSON.parse(readFileSync(join(seedDir, file), 'utf8')))).not.toThrow();
  });
});

describeEachStore(stores, 'the sample organisations on first start', (target) => {
  it('seed an empty store on first start, are kept, and are not seeded twice', async () => {
    const store = target.config();
    const first = await buildApp({ store, seedDir, auth: { initialAdmin: ADMIN } });
    const listed = await gql(first, '{ organisations { nodes { id } pageInfo { totalCount } } }');
    expect(listed.data.organisations.pageInfo.totalCount).toBe(seedFiles.length);
    const orgId = listed.data.organisations.nodes[0].id;
    const renamed = await gql(
      first,
      `mutation { updateOrganisation(input: { id: "${orgId}", name: "Omdöpt" }) { organisation { name } } }`,
    );
    expect(renamed.data.updateOrganisation.organisation.name).toBe('Omdöpt');
    await first.close();

    const second = await buildApp({ store, seedDir, auth: { initialAdmin: ADMIN } });
    const again = await gql(
      second,
      `{ organisation(id: "${orgId}") { name } organisations { pageInfo { totalCount } } }`,
    );
    expect(again.data.organisation.name).toBe('Omdöpt');
    expect(again.data.organisations.pageInfo.totalCount).toBe(seedFiles.length);
    await second.close();
  });
});

// On the embedded store only: what is asserted is the commands' own work (a file read, exit code 1
// with the issues, the message for an unknown id). The import and export they call run on both
// stores in io.api and map.api, and the command line reaches Neo4j in migrate.test.ts.
describe('the import and export commands', () => {
  const run = promisify(execFile);
  const env = embeddedStoreEnv({ DATA_DIR: join(dir, 'cli'), LOG_LEVEL: 'silent' });
  const tsx = resolve(import.meta.dirname, '../../node_modules/.bin/tsx');
  const cli = (name: string) => resolve(import.meta.dirname, `../src/cli/${name}.ts`);

  it('export what import wrote, and refuse a broken document with its issues and exit code 1', async () => {
    const source = JSON.parse(readFileSync(join(seedDir, seedFiles[0]!), 'utf8'));
    const input = join(dir, 'in.json');
    writeFileSync(input, JSON.stringify(source));
    await run(tsx, [cli('import'), input], { env });
    const { stdout } = await run(tsx, [cli('export'), source.organisation.id], { env, maxBuffer: 64 * 1024 * 1024 });
    expect(readDocument(JSON.parse(stdout)).document).toEqual(canonicalDocument(readDocument(source).document));

    const broken = {
      ...source,
      organisation: { ...source.organisation, id: 'broken' },
      actors: [{ ...source.actors[0], levelKey: 'nowhere' }],
    };
    writeFileSync(input, JSON.stringify(broken));
    const failure = await run(tsx, [cli('import'), input], { env }).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain('actors[0].levelKey');
    const { stdout: missing } = await run(tsx, [cli('export'), 'broken'], { env }).catch(
      (error: { stdout: string; stderr: string }) => ({
        stdout: error.stderr,
      }),
    );
    expect(missing).toContain('No organisation with id "broken"');
  }, 60_000);
});
