/**
 * The stores a test runs on: SQLite always, Neo4j when NEO4J_URI names one (as
 * `npm run neo4j:test -- <command>` does). Without NEO4J_URI the Neo4j part is a visible
 * `describe.skip` saying why, except in CI (`CI=true`), where it fails: CI must not pass
 * without having run on Neo4j.
 *
 * Usage, in a test file (top-level await, so the test names can say which server ran them):
 *
 *   const stores = await storeTargets();
 *   describeEachStore(stores, 'GraphStore contract', (target) => { … target.config() … });
 *
 * `target.config()` is a StoreConfig for `openStore` or `buildApp`: a new SQLite file each call
 * (in a temporary folder removed after the suite), or the one Neo4j database. Test files run in
 * parallel worker processes, so a suite on Neo4j first takes a machine-wide lock (one Neo4j suite
 * at a time) and empties the database: it starts from the state a new SQLite file has. Within a
 * suite, `target.reset()` empties it again (a no-op on SQLite, where each `config()` is new).
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, it } from 'vitest';

import type { StoreConfig } from '../../config/config.ts';
import { disposableNeo4j, emptyNeo4jDatabase, type Neo4jConfig } from '../neo4j/empty-database.ts';
import { Neo4jStore } from '../neo4j/neo4j-store.ts';
import { acquireExclusiveLock } from './exclusive-lock.ts';

export interface StoreTarget {
  readonly kind: StoreConfig['kind'];
  /** For test names: `sqlite`, or `neo4j 5.26.31 community at bolt://127.0.0.1:40123`. */
  readonly label: string;
  config(): StoreConfig;
  /** Gives the suite the store to itself, empty (Neo4j: waits for the lock); `describeOn` calls it. */
  claim(): Promise<void>;
  /** Empties the store the suite holds (Neo4j: deletes every node); nothing on SQLite. */
  reset(): Promise<void>;
  /** Removes what `config()` made (the SQLite files) and releases the claim; the suite calls it when done. */
  cleanUp(): void;
}

/** How long a Neo4j suite may wait for the others (they run one at a time) before failing. */
const CLAIM_TIMEOUT_MS = 30 * 60_000;

export interface StoreTargets {
  targets: StoreTarget[];
  /** Why Neo4j is left out, or null when it is a target. */
  neo4jSkipReason: string | null;
}

function sqliteTarget(): StoreTarget {
  let dir: string | null = null;
  let files = 0;
  return {
    kind: 'sqlite',
    label: 'sqlite',
    config() {
      dir ??= mkdtempSync(join(tmpdir(), 'kk-store-'));
      files += 1;
      return { kind: 'sqlite', file: join(dir, `store-${files}.db`) };
    },
    claim: async () => undefined,
    reset: async () => undefined,
    cleanUp() {
      if (dir) rmSync(dir, { recursive: true, force: true });
      dir = null;
    },
  };
}

/**
 * The configured Neo4j, after asking it its version.
 * @throws Error when NEO4J_URI is set but the server does not answer (never a silent skip).
 */
async function neo4jTarget(config: Neo4jConfig): Promise<StoreTarget> {
  const store = new Neo4jStore({ ...config, connectionTimeoutMs: 20_000 });
  let version: string;
  try {
    version = await store.serverVersion();
  } catch (error) {
    throw new Error(`NEO4J_URI is set to ${config.uri} but that Neo4j does not answer: ${(error as Error).message}`);
  } finally {
    await store.close();
  }
  const lockFile = join(
    tmpdir(),
    `kk-test-neo4j-${createHash('sha256').update(config.uri).digest('hex').slice(0, 12)}.lock`,
  );
  let release: (() => void) | null = null;
  return {
    kind: 'neo4j',
    label: `neo4j ${version} at ${config.uri}`,
    config: () => config,
    async claim() {
      release = await acquireExclusiveLock(lockFile);
      await emptyNeo4jDatabase(config);
    },
    reset: () => emptyNeo4jDatabase(config),
    cleanUp() {
      release?.();
      release = null;
    },
  };
}

export async function storeTargets(env: NodeJS.ProcessEnv = process.env): Promise<StoreTargets> {
  const neo4j = disposableNeo4j(env);
  if (neo4j) return { targets: [sqliteTarget(), await neo4jTarget(neo4j)], neo4jSkipReason: null };
  if (env.CI === 'true') {
    throw new Error(
      'CI runs every store test on Neo4j, but NEO4J_URI is not set: run `npm run neo4j:test -- npm test`.',
    );
  }
  return {
    targets: [sqliteTarget()],
    neo4jSkipReason: 'NEO4J_URI is not set; `npm run neo4j:test -- npx vitest run <files>` starts a test Neo4j',
  };
}

/**
 * The tests' environment for a child process that must run on the embedded store (the `npm start`
 * and command-line tests), whatever Neo4j the tests themselves were given.
 */
export function embeddedStoreEnv(overrides: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...overrides };
  for (const key of ['NEO4J_URI', 'NEO4J_USER', 'NEO4J_PASSWORD', 'NEO4J_DATABASE', 'KK_NEO4J_DISPOSABLE'])
    delete env[key];
  return env;
}

/** `describe(title on <store>)` for each target, and a visible skip for Neo4j when it is left out. */
export function describeEachStore(stores: StoreTargets, title: string, body: (target: StoreTarget) => void): void {
  for (const target of stores.targets) describeOn(target, title, body);
  if (stores.neo4jSkipReason) skipNeo4j(title, stores.neo4jSkipReason);
}

/** `describe(title on <neo4j>)` for what only Neo4j has, or a visible skip when it is left out. */
export function describeOnNeo4j(stores: StoreTargets, title: string, body: (target: StoreTarget) => void): void {
  const neo4j = stores.targets.find((target) => target.kind === 'neo4j');
  if (neo4j) describeOn(neo4j, title, body);
  else skipNeo4j(title, stores.neo4jSkipReason ?? 'no Neo4j');
}

function describeOn(target: StoreTarget, title: string, body: (target: StoreTarget) => void): void {
  describe(`${title} on ${target.label}`, () => {
    beforeAll(() => target.claim(), CLAIM_TIMEOUT_MS);
    afterAll(() => target.cleanUp());
    body(target);
  });
}

function skipNeo4j(title: string, reason: string): void {
  describe.skip(`${title} on neo4j (skipped: ${reason})`, () => {
    it('runs on a live Neo4j', () => undefined);
  });
}
