/**
 * `npm run bench:stores` (SQLite only) or `npm run neo4j:test -- npm run bench:stores` (SQLite,
 * then the same on Neo4j, and the ratios): the same work on each store, through a real app.
 * A synthetic organisation of about 20,000 actors (10 authorities of the benchmarks' chain, with
 * a desired scenario: ~140,000 links) is imported, then read: the scenario graph the analyses
 * start from (the store's read path), the map query, and the analysis query (first call, then
 * again). Prints seconds per step (reads: the median of 3) and Neo4j ÷ SQLite. Asserts nothing.
 * `STORES_BENCH_AUTHORITIES=1` runs it on ~2,000 actors.
 * The 200 readers + 20 editors are `bench:load`, which compares the stores the same way.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { buildApp } from '../src/app.ts';
import type { StoreConfig } from '../src/config/config.ts';
import { importOrganisation } from '../src/editing/organisation-commands.ts';
import { disposableNeo4j, emptyNeo4jDatabase } from '../src/store/neo4j/empty-database.ts';
import { syntheticChain, syntheticDocument } from './synthetic-chain.ts';

const ORGANISATION = 'syntetisk';
const ADMIN = { email: 'bench@bench.example', password: 'bench-password-1' };
const MAP = `query($org: ID!) { map(organisationId: $org) { actors { id } links { id } } }`;
const ANALYSIS = `query($org: ID!) { analysis(organisationId: $org) { scenarioId findings { kind } } }`;
const STEPS = ['import', 'scenario graph', 'map query', 'analysis (first)', 'analysis (again)'] as const;
type Step = (typeof STEPS)[number];

/** Authorities of the synthetic chain (`STORES_BENCH_AUTHORITIES`, default 10: ~20,000 actors). */
const authorities = Number(process.env.STORES_BENCH_AUTHORITIES ?? 10);
const document = syntheticDocument(syntheticChain({ authorities, teachers: 48 }), ORGANISATION);

async function seconds(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

async function median3(work: () => Promise<unknown>): Promise<number> {
  const times = [await seconds(work), await seconds(work), await seconds(work)];
  return times.sort((a, b) => a - b)[1]!;
}

async function measure(store: StoreConfig): Promise<Map<Step, number>> {
  const app = await buildApp({ store, auth: { initialAdmin: ADMIN }, rateLimitPerMinute: 1_000_000 });
  const figures = new Map<Step, number>();
  try {
    const login = await app.inject({
      method: 'POST',
      url: '/graphql',
      payload: { query: `mutation { login(email: "${ADMIN.email}", password: "${ADMIN.password}") { user { id } } }` },
    });
    const cookie = String(login.headers['set-cookie']).split(';')[0]!;
    const gql = async (query: string) => {
      const response = await app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { cookie },
        payload: { query, variables: { org: ORGANISATION } },
      });
      const body = response.json() as { errors?: Array<{ message: string }> };
      if (body.errors) throw new Error(body.errors.map((error) => error.message).join('; '));
    };
    figures.set(
      'import',
      await seconds(() => importOrganisation(app.store, document, 'CREATE', { log: app.changeLog, userId: null })),
    );
    figures.set('scenario graph', await median3(() => app.store.readScenarioGraph(ORGANISATION, 'current')));
    figures.set('map query', await median3(() => gql(MAP)));
    figures.set('analysis (first)', await seconds(() => gql(ANALYSIS)));
    figures.set('analysis (again)', await median3(() => gql(ANALYSIS)));
  } finally {
    await app.close();
  }
  for (const step of STEPS)
    console.log(`${store.kind.padEnd(6)}  ${step.padEnd(17)} ${figures.get(step)!.toFixed(2)} s`);
  return figures;
}

const actors = (document.actors as unknown[]).length;
console.log(`stores: an organisation of ${actors} actors, imported and read on each store …`);
const dir = mkdtempSync(join(tmpdir(), 'kk-stores-bench-'));
try {
  const sqlite = await measure({ kind: 'sqlite', file: join(dir, 'bench.db') });
  const store = disposableNeo4j(process.env);
  if (store) {
    await emptyNeo4jDatabase(store);
    const neo4j = await measure(store);
    for (const step of STEPS) {
      const ratio = neo4j.get(step)! / sqlite.get(step)!;
      console.log(`neo4j ÷ sqlite  ${step.padEnd(17)} ${ratio.toFixed(2)}×${ratio > 3 ? '  (over 3×)' : ''}`);
    }
  } else {
    console.log('neo4j: not run (NEO4J_URI is not set; `npm run neo4j:test -- npm run bench:stores` runs it)');
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
