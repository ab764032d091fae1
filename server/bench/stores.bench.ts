/**
 * `npm run bench:stores` (SQLite only) or `npm run neo4j:test -- npm run bench:stores` (SQLite and
 * Neo4j, and the ratios): the same work on each store, through a real app per store.
 * A synthetic organisation of about 20,000 actors (10 authorities of the benchmarks' chain, with
 * a desired scenario: ~140,000 links) is imported, then read: the scenario graph the analyses
 * start from (the store's read path), the map query, and the analysis query. Asserts nothing.
 * `STORES_BENCH_AUTHORITIES=1` runs it on ~2,000 actors.
 *
 * Cold and warm are told apart. Cold: the organisation was just written (`updateOrganisation`,
 * not timed), so its write stamp is new and nothing read before is served: the store reads the
 * graph from the database, the map query is answered by the map-read worker from its own store,
 * the analyses run. Warm: the same again with no write between, so answers come from the caches
 * keyed on the write stamp (the stores' scenario graph cache, the map-read cache, the analysis
 * report cache). Reads are the median of 3. The stores take turns step by step (SQLite, then
 * Neo4j), so both see about the same load on a shared machine; the load average is printed with
 * each step. The 200 readers + 20 editors are `bench:load`, which compares the stores the same way.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { buildApp } from '../src/app.ts';
import type { StoreConfig } from '../src/config/config.ts';
import { importOrganisation } from '../src/editing/organisation-commands.ts';
import { disposableNeo4j, emptyNeo4jDatabase } from '../src/store/neo4j/empty-database.ts';
import { openAccountStore, openRoundStore, openStore } from '../src/store/open-store.ts';
import { syntheticChain, syntheticDocument } from './synthetic-chain.ts';

const ORGANISATION = 'syntetisk';
const ADMIN = { email: 'bench@bench.example', password: 'bench-password-1' };
const MAP = `query($org: ID!) { map(organisationId: $org) { actors { id } links { id } } }`;
const ANALYSIS = `query($org: ID!) { analysis(organisationId: $org) { scenarioId findings { kind } } }`;

/** Authorities of the synthetic chain (`STORES_BENCH_AUTHORITIES`, default 10: ~20,000 actors). */
const authorities = Number(process.env.STORES_BENCH_AUTHORITIES ?? 10);
const document = syntheticDocument(syntheticChain({ authorities, teachers: 48 }), ORGANISATION);

type App = Awaited<ReturnType<typeof buildApp>>;

interface Bench {
  kind: StoreConfig['kind'];
  app: App;
  gql(query: string): Promise<void>;
  /** A write to the organisation that changes nothing users see: its write stamp is new. */
  touch(): Promise<void>;
}

async function seconds(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

/** The median of 3 timings of `work`, each after `before` (not timed). */
async function median3(work: () => Promise<unknown>, before?: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    await before?.();
    times.push(await seconds(work));
  }
  return times.sort((a, b) => a - b)[1]!;
}

/**
 * Creates the store's schema (Neo4j: some 60 constraints and indexes, one transaction each) before
 * the app starts, where it would count against Fastify's 10 s plugin timeout on a loaded machine.
 */
async function migrate(config: StoreConfig): Promise<void> {
  const store = await openStore(config);
  try {
    await openAccountStore(store);
    await openRoundStore(store);
  } finally {
    await store.close();
  }
}

async function open(store: StoreConfig): Promise<Bench> {
  await migrate(store);
  const app = await buildApp({ store, auth: { initialAdmin: ADMIN }, rateLimitPerMinute: 1_000_000 });
  const login = await app.inject({
    method: 'POST',
    url: '/graphql',
    payload: { query: `mutation { login(email: "${ADMIN.email}", password: "${ADMIN.password}") { user { id } } }` },
  });
  const cookie = String(login.headers['set-cookie']).split(';')[0]!;
  return {
    kind: store.kind,
    app,
    async gql(query) {
      const response = await app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { cookie },
        payload: { query, variables: { org: ORGANISATION } },
      });
      const body = response.json() as { errors?: Array<{ message: string }> };
      if (body.errors) throw new Error(body.errors.map((error) => error.message).join('; '));
    },
    async touch() {
      const organisation = (await app.store.getOrganisation(ORGANISATION))!;
      await app.store.updateOrganisation(organisation);
    },
  };
}

const STEPS: ReadonlyArray<{ name: string; run: (bench: Bench) => Promise<number> }> = [
  {
    name: 'import (one transaction, with history)',
    run: ({ app }) =>
      seconds(() => importOrganisation(app.store, document, 'CREATE', { log: app.changeLog, userId: null })),
  },
  {
    name: 'scenario graph, cold',
    run: ({ app, touch }) => median3(() => app.store.readScenarioGraph(ORGANISATION, 'current'), touch),
  },
  {
    name: 'scenario graph, warm',
    run: ({ app }) => median3(() => app.store.readScenarioGraph(ORGANISATION, 'current')),
  },
  { name: 'map query, cold', run: ({ gql, touch }) => median3(() => gql(MAP), touch) },
  { name: 'map query, warm', run: ({ gql }) => median3(() => gql(MAP)) },
  { name: 'analysis, cold', run: ({ gql, touch }) => median3(() => gql(ANALYSIS), touch) },
  { name: 'analysis, warm', run: ({ gql }) => median3(() => gql(ANALYSIS)) },
];

/** Seconds as milliseconds, to a tenth below 10 ms (warm reads take about one). */
const ms = (seconds: number) => `${(seconds * 1000).toFixed(seconds < 0.01 ? 1 : 0)} ms`;
const load = () =>
  loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');
const actors = (document.actors as unknown[]).length;
const links = (document.scenarios as Array<{ links: unknown[] }>).reduce(
  (sum, scenario) => sum + scenario.links.length,
  0,
);
console.log(
  `stores: an organisation of ${actors} actors and ${links} links (2 scenarios), imported and read on each store` +
    ` (${process.version}, ${availableParallelism()} cores, load average ${load()}) …`,
);
const dir = mkdtempSync(join(tmpdir(), 'kk-stores-bench-'));
const benches: Bench[] = [];
try {
  benches.push(await open({ kind: 'sqlite', file: join(dir, 'bench.db') }));
  const neo4jConfig = disposableNeo4j(process.env);
  if (neo4jConfig) {
    await emptyNeo4jDatabase(neo4jConfig);
    benches.push(await open(neo4jConfig));
  } else {
    console.log('neo4j: not run (NEO4J_URI is not set; `npm run neo4j:test -- npm run bench:stores` runs it)');
  }
  const rows: string[] = [];
  for (const step of STEPS) {
    const figures: number[] = [];
    for (const bench of benches) {
      const figure = await step.run(bench);
      figures.push(figure);
      console.log(`${bench.kind.padEnd(6)}  ${step.name.padEnd(38)} ${ms(figure)}   (load average ${load()})`);
    }
    const [sqlite, neo4j] = figures;
    if (sqlite !== undefined && neo4j !== undefined) {
      const ratio = neo4j / sqlite;
      rows.push(
        `| ${step.name} | ${ms(sqlite)} | ${ms(neo4j)} | ${ratio.toFixed(1)}×${ratio > 3 ? ' (over 3×)' : ''} |`,
      );
    }
  }
  if (rows.length > 0) {
    console.log(`\n| step (${actors} actors) | SQLite | Neo4j | Neo4j ÷ SQLite |\n|---|---|---|---|`);
    for (const row of rows) console.log(row);
    console.log(`(load average at the end ${load()})`);
  }
} finally {
  for (const bench of benches) await bench.app.close();
  rmSync(dir, { recursive: true, force: true });
}
