import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { type Browser, chromium, type Page } from 'playwright-core';

import { buildApp } from '../../server/src/app.ts';
import { contractDocument } from '../../server/src/store/contract/fixture.ts';
import type { StoreTarget } from '../../server/src/store/contract/store-targets.ts';

const repo = fileURLToPath(new URL('../..', import.meta.url));
/** The built client; KK_CLIENT_DIR points elsewhere (e.g. a build of another revision to compare). */
export const clientDir = process.env.KK_CLIENT_DIR ?? join(repo, 'client/dist');

export interface Harness {
  baseUrl: string;
  browser: Browser;
  /** POSTs a GraphQL operation to the server under test (to check what the UI stored). */
  gql: <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;
  close: () => Promise<void>;
}

/** The seeds when they exist, else the contract fixture as a one-organisation seed folder. */
function seedDirFor(work: string): string {
  const seeds = join(repo, 'seeds/organisations');
  if (existsSync(seeds) && readdirSync(seeds).some((f) => f.endsWith('.json'))) return seeds;
  const dir = join(work, 'seed');
  mkdirSync(dir);
  writeFileSync(join(dir, 'prov.json'), JSON.stringify(contractDocument('prov')));
  return dir;
}

/** The administrator the specs sign in as (administrators act as owners of every organisation). */
export const ADMIN = { email: 'admin@example.org', password: 'e2e-lösenord-123' };

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * A server on a temporary SQLite file, or on `store` (a `describeEachStore` target: on Neo4j the
 * suite's database, emptied first), and a browser.
 */
export async function startHarness(
  options: { seed?: boolean; bodyLimit?: number; store?: StoreTarget } = {},
): Promise<Harness> {
  if (!existsSync(join(clientDir, 'index.html')))
    throw new Error('Build the client first: npx vite build --config client/vite.config.ts');
  const work = mkdtempSync(join(tmpdir(), 'kk-e2e-'));
  await options.store?.reset();
  const app = await buildApp({
    store: options.store?.config() ?? { kind: 'sqlite', file: join(work, 'store.sqlite') },
    seedDir: options.seed === false ? null : seedDirFor(work),
    clientDir,
    // Every browser of a spec signs in from 127.0.0.1: a few dozen sign-ins per file is not an attack.
    auth: { initialAdmin: ADMIN, loginThrottle: { perAddress: 1000 } },
    rateLimitPerMinute: 100_000, // the bench and specs are one very busy user
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const post = (query: string, variables: Record<string, unknown>, cookie = '') =>
    fetch(`${baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({ query, variables }),
    });
  const login = await post('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { expiresAt } }', {
    e: ADMIN.email,
    p: ADMIN.password,
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return {
    baseUrl,
    browser,
    gql: async <T>(query: string, variables: Record<string, unknown> = {}) => {
      const res = await post(query, variables, cookie);
      const body = (await res.json()) as { data: T; errors?: { message: string }[] };
      if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
      return body.data;
    },
    close: async () => {
      await browser.close();
      await app.close();
      rmSync(work, { recursive: true, force: true });
    },
  };
}

/** Opens the app with the test hook on and waits for the first drawn map. */
export async function openMap(h: Harness, query = ''): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width: 1400, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000); // fail on the step that hangs, well inside the test timeout
  page.on('dialog', (d) => void d.accept());
  await page.goto(`${h.baseUrl}/?e2e${query ? `&${query}` : ''}`);
  await signIn(page);
  await waitForMap(page);
  return page;
}

export async function waitForMap(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(() => window.__kk?.renderedAt != null, null, { timeout, polling: 100 });
}

/** Signs in through the form, as a user would. */
export async function signIn(page: Page): Promise<void> {
  await page.locator('input[name="email"]').fill(ADMIN.email);
  await page.locator('input[name="password"]').fill(ADMIN.password);
  await page.locator('form.sign-in button[type="submit"]').click();
}
