import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { FastifyInstance } from 'fastify';
import { type MockInstance, onTestFinished, vi } from 'vitest';

import { type AppOptions, buildApp } from '../src/app.ts';
import { createUser } from '../src/auth/account-commands.ts';
import type { Role } from '../src/auth/roles.ts';
import type { StoreConfig } from '../src/config/config.ts';
import { DEFAULT_LEVELS } from '../src/domain/records.ts';
import { importOrganisation } from '../src/editing/organisation-commands.ts';
import { contractDocument } from '../src/store/contract/fixture.ts';
import type { StoreTarget } from '../src/store/contract/store-targets.ts';
import type { GraphStore } from '../src/store/graph-store.ts';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions: Record<string, unknown> & { code: string } }>;
}

type Gql = <T = Record<string, any>>(query: string, variables?: Record<string, unknown>) => Promise<GraphQLResponse<T>>;

/** A role in the authorisation tables: the organisation roles plus the cases around them. */
export type Caller = 'anonymous' | 'admin' | 'outsider' | Role;

export interface TestApp {
  app: FastifyInstance;
  dir: string;
  /** The store the app runs on, for a second app or connection to the same data. */
  storeConfig: StoreConfig;
  /** As the administrator (signed in by default, so the map tests need no ceremony). */
  gql: Gql;
  /** Without any cookie. */
  anonymous: Gql;
  /** Signs in and returns a client that sends that session's cookie. */
  signIn(email: string, password: string): Promise<Gql & { cookie: string }>;
  /**
   * A client acting with `caller`'s rights in `organisationId`: a fresh user holding that role,
   * an `outsider` (owner of another organisation only), the administrator, or nobody.
   */
  as(caller: Caller, organisationId?: string): Promise<Gql>;
  close(): Promise<void>;
}

export const ADMIN = { email: 'admin@test.example', password: 'admin-password-1' };
export const PASSWORD = 'member-password-1';

function client(app: FastifyInstance, cookie: string | null): Gql {
  return async (query, variables) => {
    const response = await app.inject({
      method: 'POST',
      url: '/graphql',
      payload: { query, variables },
      headers: cookie ? { cookie } : {},
    });
    return response.json();
  };
}

/** The `name=value` part of a Set-Cookie header, to send back as a Cookie header. */
export function cookieOf(setCookie: string | string[] | undefined): string {
  const header = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  if (!header) throw new Error('no Set-Cookie in the response');
  return header.split(';')[0]!;
}

/**
 * An empty organisation (default levels, a current scenario) under an id of the test's choosing,
 * written as the tools run on the server do: through the API new organisations get ids the
 * server chooses.
 */
export async function createOrganisationWithId(app: FastifyInstance, id: string, name: string): Promise<void> {
  await importOrganisation(app.store, {
    format: 'kopplingskartan',
    version: 1,
    organisation: { id, name, kind: 'MUNICIPAL', levels: DEFAULT_LEVELS },
    scenarios: [{ id: `${id}-current`, name: 'Nuläge', kind: 'CURRENT' }],
  });
}

let users = 0;

/**
 * An app on a temporary SQLite file, closed and removed when the test ends; or on `store`, a
 * target of `describeEachStore` (on Neo4j the suite's database, emptied first: each app starts
 * from an empty store, as on a new SQLite file, so a test has one app at a time).
 */
export async function startTestApp(
  options: {
    store?: StoreTarget;
    withFixture?: boolean;
    app?: Partial<AppOptions>;
    /** For an app shared by a whole file (made in beforeAll): the caller calls `close()` in afterAll. */
    isShared?: boolean;
  } = {},
): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'kk-api-'));
  await options.store?.reset();
  const storeConfig = options.app?.store ?? options.store?.config() ?? { kind: 'sqlite', file: join(dir, 'test.db') };
  const app = await buildApp({
    ...options.app,
    store: storeConfig,
    auth: { initialAdmin: ADMIN, ...options.app?.auth },
  });
  const close = async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  };
  if (!options.isShared) onTestFinished(close);
  if (options.withFixture) {
    await importOrganisation(app.store, contractDocument('org'), 'CREATE', { log: app.changeLog, userId: null });
  }
  const signIn = async (email: string, password: string) => {
    const response = await app.inject({
      method: 'POST',
      url: '/graphql',
      payload: {
        query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { user { id } } }',
        variables: { e: email, p: password },
      },
    });
    const body = response.json() as GraphQLResponse;
    if (body.errors) throw new Error(`sign-in failed: ${body.errors[0]!.message}`);
    const cookie = cookieOf(response.headers['set-cookie']);
    return Object.assign(client(app, cookie), { cookie });
  };
  const admin = await signIn(ADMIN.email, ADMIN.password);
  const as = async (caller: Caller, organisationId = 'org'): Promise<Gql> => {
    if (caller === 'anonymous') return client(app, null);
    if (caller === 'admin') return admin;
    users += 1;
    const email = `${caller.toLowerCase()}-${users}@test.example`;
    const user = await createUser(app.accounts, { email, password: PASSWORD });
    if (caller === 'outsider') {
      await app.accounts.setMembership({ organisationId: `other-${users}`, userId: user.id, role: 'OWNER' });
    } else {
      await app.accounts.setMembership({ organisationId, userId: user.id, role: caller });
    }
    return signIn(email, PASSWORD);
  };
  return { app, dir, storeConfig, gql: admin, anonymous: client(app, null), signIn, as, close };
}

export interface ReadWatch<M extends keyof GraphStore> {
  /** The arguments of each call of `method` since the watch began or was reset. */
  calls(method: M): unknown[][];
  /** The most calls of the watched methods in progress at once since then. */
  mostAtOnce: number;
  reset(): void;
  restore(): void;
}

/**
 * Watches the store's read `methods`, which still read: their calls, and how many were in
 * progress at once. On Neo4j every read is a round trip, so reads asked together should overlap.
 */
export function watchReads<M extends keyof GraphStore>(store: GraphStore, methods: readonly M[]): ReadWatch<M> {
  let reading = 0;
  const reads = store as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const spies = new Map<M, MockInstance>();
  const watch: ReadWatch<M> = {
    calls: (method) => spies.get(method)!.mock.calls,
    mostAtOnce: 0,
    reset() {
      watch.mostAtOnce = 0;
      for (const spy of spies.values()) spy.mockClear();
    },
    restore() {
      for (const spy of spies.values()) spy.mockRestore();
    },
  };
  for (const method of methods) {
    const read = reads[method]!.bind(store);
    const spy = vi.spyOn(reads, method).mockImplementation(async (...args: unknown[]) => {
      reading += 1;
      watch.mostAtOnce = Math.max(watch.mostAtOnce, reading);
      try {
        return await read(...args);
      } finally {
        reading -= 1;
      }
    });
    spies.set(method, spy);
  }
  return watch;
}
