import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { expect, it } from 'vitest';

import { buildApp } from '../src/app.ts';
import type { GraphStore } from '../src/store/graph-store.ts';
import { Neo4jStore } from '../src/store/neo4j/neo4j-store.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import { ADMIN, cookieOf, startTestApp } from './helpers.ts';
import { describeEachStore, storeTargets } from '../src/store/contract/store-targets.ts';

const stores = await storeTargets();

/** What each store keeps of the session tokens, read past the account store as an attacker with the database would. */
async function storedSessionTokens(store: GraphStore): Promise<string[]> {
  if (store instanceof SqliteStore) {
    const rows = store.shareDatabase().prepare('SELECT token_hash FROM sessions').all() as Array<{
      token_hash: string;
    }>;
    return rows.map((row) => row.token_hash);
  }
  if (store instanceof Neo4jStore) {
    const { driver, database } = store.shareTransactions();
    const { records } = await driver.executeQuery('MATCH (s:Session) RETURN s.tokenHash AS hash', {}, { database });
    return records.map((record) => String(record.get('hash')));
  }
  throw new Error(`no reader of sessions for the ${store.kind} store`);
}

const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { user { email } expiresAt } }';

describeEachStore(stores, 'sessions and cookies', (store) => {
  it('sets an http-only, SameSite=Strict session cookie; me is null when signed out', async () => {
    const t = await startTestApp({ store });
    expect((await t.anonymous('{ me { id } }')).data).toEqual({ me: null });
    const response = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      payload: { query: LOGIN, variables: { e: ADMIN.email.toUpperCase(), p: ADMIN.password } },
    });
    const header = String(response.headers['set-cookie']);
    expect(header).toMatch(/^kk_session=[\w-]{40,};/);
    expect(header).toContain('HttpOnly');
    expect(header).toContain('SameSite=Strict');
    expect(header).toContain('Path=/');
    expect(header).not.toContain('Secure');
    const me = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      payload: { query: '{ me { email isAdmin } }' },
      headers: { cookie: cookieOf(response.headers['set-cookie']) },
    });
    expect(me.json().data.me).toEqual({ email: ADMIN.email, isAdmin: true });
  });

  it('marks the cookie Secure when configured (production default)', async () => {
    const t = await startTestApp({ store, app: { auth: { isCookieSecure: true } } });
    const response = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      payload: { query: LOGIN, variables: { e: ADMIN.email, p: ADMIN.password } },
    });
    expect(String(response.headers['set-cookie'])).toContain('Secure');
  });

  it('stores only a hash of the session token', async () => {
    const t = await startTestApp({ store });
    const client = await t.signIn(ADMIN.email, ADMIN.password);
    const token = client.cookie.split('=')[1]!;
    const hashes = await storedSessionTokens(t.app.store);
    expect(hashes.length).toBeGreaterThan(0);
    expect(hashes).not.toContain(token);
    expect(hashes.every((hash) => /^[0-9a-f]{64}$/.test(hash))).toBe(true);
  });

  it('logout ends the session: the same cookie no longer works', async () => {
    const t = await startTestApp({ store, withFixture: true });
    const client = await t.signIn(ADMIN.email, ADMIN.password);
    expect((await client('{ me { email } }')).data!.me).not.toBeNull();
    const out = await t.app.inject({
      method: 'POST',
      url: '/graphql',
      payload: { query: 'mutation { logout }' },
      headers: { cookie: client.cookie },
    });
    expect(out.json().data.logout).toBe(true);
    expect(String(out.headers['set-cookie'])).toMatch(/kk_session=;.*Expires=Thu, 01 Jan 1970/);
    expect((await client('{ me { email } }')).data!.me).toBeNull();
    const refused = await client('{ organisation(id: "org") { id } }');
    expect(refused.errors![0]!.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a wrong password and an unknown email with the same answer', async () => {
    const t = await startTestApp({ store });
    const wrong = await t.anonymous(LOGIN, { e: ADMIN.email, p: 'not-the-password' });
    const unknown = await t.anonymous(LOGIN, { e: 'nobody@test.example', p: 'not-the-password' });
    expect(wrong.errors![0]!.extensions.code).toBe('INVALID_CREDENTIALS');
    expect({ ...unknown.errors![0], locations: null }).toEqual({ ...wrong.errors![0], locations: null });
  });

  it('rate-limits login attempts per address', async () => {
    // 4: the helper's own administrator sign-in is the first attempt from this address.
    const t = await startTestApp({ store, app: { auth: { loginThrottle: { perAddress: 4 } } } });
    const codes: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const result = await t.anonymous(LOGIN, { e: `x${i}@test.example`, p: 'wrong-password' });
      codes.push(result.errors![0]!.extensions.code);
    }
    expect(codes).toEqual([
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'INVALID_CREDENTIALS',
      'TOO_MANY_REQUESTS',
      'TOO_MANY_REQUESTS',
    ]);
    const blocked = await t.anonymous(LOGIN, { e: ADMIN.email, p: ADMIN.password });
    expect(blocked.errors![0]!.extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
    expect(blocked.errors![0]!.extensions.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('rate-limits failed logins per email, from any address', async () => {
    const t = await startTestApp({ store, app: { auth: { loginThrottle: { failuresPerEmail: 2, perAddress: 100 } } } });
    await t.anonymous(LOGIN, { e: ADMIN.email, p: 'wrong-password' });
    await t.anonymous(LOGIN, { e: ADMIN.email, p: 'wrong-password' });
    const third = await t.anonymous(LOGIN, { e: ADMIN.email, p: ADMIN.password });
    expect(third.errors![0]!.extensions.code).toBe('TOO_MANY_REQUESTS');
  });

  it('rate-limits the API per user with HTTP 429', async () => {
    // 6: the helper's sign-in is the first request from this (signed-out) address.
    const t = await startTestApp({ store, app: { rateLimitPerMinute: 6 } });
    const statuses: number[] = [];
    for (let i = 0; i < 7; i += 1) {
      const response = await t.app.inject({ method: 'GET', url: '/healthz' });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });
});

describeEachStore(stores, 'passwords', (store) => {
  it('changes the password, ends other sessions, keeps this one', async () => {
    const t = await startTestApp({ store });
    const first = await t.signIn(ADMIN.email, ADMIN.password);
    const second = await t.signIn(ADMIN.email, ADMIN.password);
    const weak = await first(
      `mutation { changePassword(currentPassword: "${ADMIN.password}", newPassword: "short") { id } }`,
    );
    expect(weak.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    const wrong = await first(
      'mutation { changePassword(currentPassword: "nope-nope-nope", newPassword: "a-new-password-2") { id } }',
    );
    expect(wrong.errors![0]!.extensions.code).toBe('INVALID_CREDENTIALS');
    const changed = await first(
      `mutation { changePassword(currentPassword: "${ADMIN.password}", newPassword: "a-new-password-2") { email } }`,
    );
    expect(changed.errors).toBeUndefined();
    expect((await first('{ me { email } }')).data!.me).toEqual({ email: ADMIN.email });
    expect((await second('{ me { email } }')).data!.me).toBeNull();
    await expect(t.signIn(ADMIN.email, ADMIN.password)).rejects.toThrow(/sign-in failed/);
    await expect(t.signIn(ADMIN.email, 'a-new-password-2')).resolves.toBeTruthy();
  });

  it('throttles the current-password check like login: per account, and per address', async () => {
    const t = await startTestApp({ store, app: { auth: { loginThrottle: { failuresPerEmail: 2, perAddress: 100 } } } });
    const session = await t.signIn(ADMIN.email, ADMIN.password);
    const change = (current: string) =>
      session('mutation($c: String!) { changePassword(currentPassword: $c, newPassword: "a-new-password-2") { id } }', {
        c: current,
      });
    const codes = [];
    for (const guess of ['guess-number-1', 'guess-number-2', ADMIN.password]) {
      codes.push((await change(guess)).errors![0]!.extensions.code);
    }
    expect(codes).toEqual(['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'TOO_MANY_REQUESTS']);
    // One counter per account: the guesses through changePassword also hold back login.
    const login = await t.anonymous(LOGIN, { e: ADMIN.email, p: ADMIN.password });
    expect(login.errors![0]!.extensions.code).toBe('TOO_MANY_REQUESTS');

    const byAddress = await startTestApp({ store, app: { auth: { loginThrottle: { perAddress: 3 } } } });
    const own = await byAddress.signIn(ADMIN.email, ADMIN.password); // the helper's and this sign-in: 2 attempts
    const attempt = () =>
      own('mutation { changePassword(currentPassword: "guess-number-3", newPassword: "a-new-password-2") { id } }');
    expect((await attempt()).errors![0]!.extensions.code).toBe('INVALID_CREDENTIALS');
    expect((await attempt()).errors![0]!.extensions).toMatchObject({ code: 'TOO_MANY_REQUESTS' });
  });
});

describeEachStore(stores, 'the first administrator', (store) => {
  it('gets a one-time password on a store without users: printed, written 0600, to be changed first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kk-first-'));
    const file = join(dir, 'initial-admin.txt');
    const said: string[] = [];
    // On Neo4j the suite's database, emptied: a store without users, as a new SQLite file is.
    await store.reset();
    const config = store.config();
    const app = await buildApp({
      store: config,
      auth: { initialAdminFile: file, announce: (text) => said.push(text) },
    });
    try {
      expect(existsSync(file)).toBe(true);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const password = /password: (\S+)/.exec(readFileSync(file, 'utf8'))![1]!;
      expect(said.join('\n')).toContain(password);
      expect(said.join('\n')).toContain('admin@localhost');
      const login = await app.inject({
        method: 'POST',
        url: '/graphql',
        payload: { query: LOGIN, variables: { e: 'admin@localhost', p: password } },
      });
      const cookie = cookieOf(login.headers['set-cookie']);
      const ask = async (query: string) =>
        (await app.inject({ method: 'POST', url: '/graphql', payload: { query }, headers: { cookie } })).json();
      expect((await ask('{ me { mustChangePassword } }')).data.me).toEqual({ mustChangePassword: true });
      expect((await ask('{ organisations { nodes { id } } }')).errors[0].extensions.code).toBe(
        'PASSWORD_CHANGE_REQUIRED',
      );
      const changed = await ask(
        `mutation { changePassword(currentPassword: "${password}", newPassword: "my-own-password-1") { mustChangePassword } }`,
      );
      expect(changed.data.changePassword).toEqual({ mustChangePassword: false });
      expect((await ask('{ organisations { nodes { id } } }')).errors).toBeUndefined();
    } finally {
      await app.close();
    }
    // A second start creates no second administrator and says nothing.
    const again = await buildApp({
      store: config,
      auth: { initialAdminFile: join(dir, 'other.txt'), announce: (text) => said.push(text) },
    });
    await again.close();
    expect(said).toHaveLength(1);
    expect(existsSync(join(dir, 'other.txt'))).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });
});

describeEachStore(stores, 'organisations and members', (store) => {
  it("makes the creator the owner and lists only the caller's organisations", async () => {
    const t = await startTestApp({ store, withFixture: true });
    const editor = await t.as('EDITOR', 'org');
    const created = await editor(
      'mutation { createOrganisation(input: { name: "Egen", kind: OTHER }) { organisation { id } } }',
    );
    const ownId = created.data!.createOrganisation.organisation.id;
    const listed = await editor('{ organisations { nodes { id } pageInfo { totalCount } } }');
    expect(listed.data!.organisations.nodes.map((o: { id: string }) => o.id).sort()).toEqual([ownId, 'org'].sort());
    expect((await editor(`{ members(organisationId: "${ownId}") { role user { email } } }`)).data!.members).toEqual([
      { role: 'OWNER', user: { email: expect.stringMatching(/^editor-/) } },
    ]);
    const outsider = await t.as('outsider');
    expect(
      (await outsider('{ organisations { pageInfo { totalCount } } }')).data!.organisations.pageInfo.totalCount,
    ).toBe(0);
    const admin = await t.gql('{ organisations { pageInfo { totalCount } } }');
    expect(admin.data!.organisations.pageInfo.totalCount).toBe(2);
  });

  it('owners manage roles; an organisation keeps one owner', async () => {
    const t = await startTestApp({ store, withFixture: true });
    const owner = await t.as('OWNER', 'org');
    const me = (await owner('{ me { id email } }')).data!.me;
    await t.gql(
      'mutation { createUser(input: { email: "kollega@test.example", password: "kollega-password-1", mustChangePassword: false }) { id } }',
    );
    const set = await owner(
      'mutation { setMember(organisationId: "org", email: "kollega@test.example", role: VIEWER) { role user { email } } }',
    );
    expect(set.data!.setMember).toEqual({ role: 'VIEWER', user: { email: 'kollega@test.example' } });
    const colleague = await t.signIn('kollega@test.example', 'kollega-password-1');
    expect((await colleague('{ link(organisationId: "org", id: "l-1") { id } }')).data!.link).toEqual({ id: 'l-1' });
    expect(
      (await colleague('mutation { deleteLink(organisationId: "org", id: "l-1") { deletedId } }')).errors![0]!
        .extensions.code,
    ).toBe('FORBIDDEN');
    const demote = await owner(
      `mutation { setMember(organisationId: "org", email: "${me.email}", role: EDITOR) { role } }`,
    );
    expect(demote.errors![0]!.extensions.code).toBe('LAST_OWNER');
    const leave = await owner(`mutation { removeMember(organisationId: "org", userId: "${me.id}") }`);
    expect(leave.errors![0]!.extensions.code).toBe('LAST_OWNER');
    const colleagueId = (await colleague('{ me { id } }')).data!.me.id;
    expect(
      (await owner(`mutation { removeMember(organisationId: "org", userId: "${colleagueId}") }`)).data!.removeMember,
    ).toBe(true);
    expect((await colleague('{ link(organisationId: "org", id: "l-1") { id } }')).errors![0]!.extensions.code).toBe(
      'FORBIDDEN',
    );
  });

  it('shows the audience an anonymised map without confidential content', async () => {
    const t = await startTestApp({ store, withFixture: true });
    const audience = await t.as('AUDIENCE', 'org');
    const viewer = await t.as('VIEWER', 'org');
    const query =
      '{ map(organisationId: "org") { actors { id personName notes } links { id confidential notes } perceptions { id } } }';
    const full = (await viewer(query)).data!.map;
    const shown = (await audience(query)).data!.map;
    expect(full.links.some((link: { confidential: boolean }) => link.confidential)).toBe(true);
    expect(full.perceptions.length).toBeGreaterThan(0);
    expect(shown.links.some((link: { confidential: boolean }) => link.confidential)).toBe(false);
    expect(shown.links.length).toBeLessThan(full.links.length);
    expect(shown.perceptions).toEqual([]);
    expect(
      shown.actors.every(
        (actor: { personName: unknown; notes: unknown }) => actor.personName === null && actor.notes === null,
      ),
    ).toBe(true);
    expect((await audience('{ exportOrganisation(id: "org") }')).errors![0]!.extensions.code).toBe('FORBIDDEN');
  });
});
