/**
 * Load run: 200 concurrent readers (the map query) and 20 concurrent editors (renaming, creating
 * and deleting actors, see load-client.ts) against a real server on 127.0.0.1 holding the sample
 * municipality, for LOAD_DURATION seconds (default 60). Prints throughput, p50/p99 latency and
 * errors per group, then proves that every acknowledged write is stored with its history entry.
 *
 *   npx tsx server/bench/load.bench.ts            # 60 s
 *   LOAD_DURATION=20 LOAD_READERS=200 LOAD_EDITORS=20 LOAD_TIMEOUT=10 npx tsx server/bench/load.bench.ts
 *   npm run neo4j:test -- npm run bench:load      # on SQLite, then the same on Neo4j, and the ratios
 *   LOAD_ROUNDS=2 npm run neo4j:test -- npm run bench:load   # each store twice, compared on the last
 *   LOAD_EDITORS=0 …  or  LOAD_READERS=0 …                    # one workload alone
 *
 * A Neo4j just started plans every statement for the first time during the run, under the
 * organisation's write lock; LOAD_ROUNDS > 1 runs each store again on the same process (SQLite)
 * or the same warm JVM (Neo4j), each round on a new store, as a production server would be warm.
 * Every connection sends its next request when the last is answered, so the server is always
 * saturated and latency is connections ÷ throughput (Little's law): one turn of the server's
 * event loop serves each waiting connection once, readers and editors alike, and the event-loop
 * delay printed is the length of that turn. On a machine shared with other work, compare runs
 * made one after another, not across sessions.
 *
 * Three processes besides this one: the server (load-server.ts) and one load generator per group
 * (load-client.ts). Two autocannon instances in one event loop starve each other: whichever
 * starts second barely gets its connections going, which would measure the client, not us.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

import type { StoreConfig } from '../src/config/config.ts';
import { disposableNeo4j, emptyNeo4jDatabase } from '../src/store/neo4j/empty-database.ts';
import type { ClientJob, ClientReport } from './load-client.ts';
import { proveStored } from './load-proof.ts';
import type { LoopDelay } from './load-server.ts';

const duration = Number(process.env.LOAD_DURATION ?? 60);
const readers = Number(process.env.LOAD_READERS ?? 200);
const editors = Number(process.env.LOAD_EDITORS ?? 20);
/** autocannon's per-request timeout in seconds; a timed-out connection is closed and reopened. */
const timeout = Number(process.env.LOAD_TIMEOUT ?? 10);
/** Runs per store; the comparison uses each store's last. */
const rounds = Number(process.env.LOAD_ROUNDS ?? 1);

const here = (name: string) => new URL(name, import.meta.url).pathname;
const withTsx = { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] as const };

interface Ready {
  address: string;
  organisationId: string;
  actorIds: string[];
  viewerCookie: string;
  editorCookies: string[];
}

/** One load run on `store` (the server's database), printed; its reports for the comparison. */
async function loadRun(store: StoreConfig, label: string): Promise<{ reads: ClientReport; writes: ClientReport }> {
  const server = fork(here('./load-server.ts'), [JSON.stringify(store), String(editors), String(readers + editors)], {
    ...withTsx,
    stdio: [...withTsx.stdio],
  });
  const ready = await new Promise<Ready>((resolve, reject) => {
    server.once('message', (message) => resolve(message as Ready));
    server.once('exit', (code) => reject(new Error(`the server exited (${code}) before it was ready`)));
  });

  interface Client {
    /** Settles when the generator has loaded and waits for its job. */
    loaded: Promise<void>;
    run(job: Pick<ClientJob, 'role' | 'connections' | 'cookies'>): Promise<ClientReport>;
  }

  function startClient(role: ClientJob['role']): Client {
    const child = fork(here('./load-client.ts'), [], { ...withTsx, stdio: [...withTsx.stdio] });
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code) => reject(new Error(`the ${role} generator exited (${code}) before reporting`))),
    );
    const loaded = new Promise<void>((resolve) => child.once('message', () => resolve()));
    return {
      loaded: Promise.race([loaded, exited]),
      run(job) {
        const { organisationId, actorIds } = ready;
        child.send({
          ...job,
          url: `${ready.address}/graphql`,
          organisationId,
          actorIds,
          duration,
          timeout,
        } satisfies ClientJob);
        const report = new Promise<ClientReport>((resolve) => child.once('message', (m) => resolve(m as ClientReport)));
        return Promise.race([report, exited]);
      },
    };
  }

  console.log(
    `load on ${store.kind}${label}: ${readers} readers + ${editors} editors for ${duration} s against ${ready.address}` +
      ` (request timeout ${timeout} s; load average ${loadAverage()}) …`,
  );
  // Both generators start together, once loaded: the server holds requests until every connection is open.
  // A group of 0 is not started, so that each workload can be measured alone.
  const readerClient = readers > 0 ? startClient('readers') : null;
  const editorClient = editors > 0 ? startClient('editors') : null;
  await Promise.all([readerClient?.loaded, editorClient?.loaded]);
  const [reads, writes] = await Promise.all([
    readerClient?.run({ role: 'readers', connections: readers, cookies: [ready.viewerCookie] }) ?? NOT_RUN,
    editorClient?.run({ role: 'editors', connections: editors, cookies: ready.editorCookies }) ?? NOT_RUN,
  ]);
  const loopDelay = await new Promise<LoopDelay>((resolve) => {
    server.once('message', (message) => resolve(message as LoopDelay));
    server.kill('SIGTERM');
  });
  await new Promise((resolve) => server.once('exit', resolve));

  const proof = await proveStored(store, ready.organisationId, writes.acknowledged);

  function line(name: string, report: ClientReport): string {
    return [
      name.padEnd(8),
      `${report.perSecond.toFixed(0).padStart(6)} req/s`,
      `total ${String(report.total).padStart(7)}`,
      `p50 ${String(report.p50).padStart(5)} ms`,
      `p99 ${String(report.p99).padStart(5)} ms`,
      `non-2xx ${report.non2xx}`,
      `socket errors ${report.socketErrors}`,
      `timeouts ${report.timeouts}`,
      `GraphQL errors ${report.graphqlErrors}`,
      `fewest answers in 5 s ${report.fewestPerWindow}`,
    ].join('  ');
  }
  for (const [name, report] of [
    ['readers', reads],
    ['editors', writes],
  ] as const) {
    console.log(report === NOT_RUN ? `${name.padEnd(8)}  not run` : line(name, report));
  }
  console.log(`load average at the end: ${loadAverage()}`);
  console.log(`server event-loop delay: p50 ${loopDelay.p50} ms, p99 ${loopDelay.p99} ms, max ${loopDelay.max} ms`);
  const { created, deleted, updated } = writes.acknowledged;
  const renames = Object.values(updated).reduce((sum, n) => sum + n, 0);
  console.log(
    `writes: ${created.length + renames + deleted.length} acknowledged (${renames} renames, ${created.length} creates,` +
      ` ${deleted.length} deletes); ` +
      (proof.problems.length === 0
        ? 'every one stored with its history entry'
        : `${proof.problems.length} not stored as acknowledged (e.g. ${proof.problems.slice(0, 5).join('; ')})`),
  );
  console.log(`map: ${ready.actorIds.length} actors at the start, ${proof.actorsAtEnd} at the end`);
  const isAnsweredThroughout = [reads, writes].every(
    (report) =>
      report === NOT_RUN ||
      (report.non2xx + report.socketErrors + report.graphqlErrors === 0 && report.fewestPerWindow > 0),
  );
  if (!isAnsweredThroughout || proof.problems.length > 0) process.exitCode = 1;
  return { reads, writes };
}

/** The report of a group of 0 connections, which is not started. */
const NOT_RUN: ClientReport = {
  perSecond: 0,
  total: 0,
  p50: 0,
  p99: 0,
  non2xx: 0,
  socketErrors: 0,
  timeouts: 0,
  graphqlErrors: 0,
  fewestPerWindow: 0,
  acknowledged: { created: [], deleted: [], updated: {}, kept: [] },
};

/** The machine's load average over 1, 5 and 15 minutes: the run shares it with other work. */
function loadAverage(): string {
  return loadavg()
    .map((value) => value.toFixed(1))
    .join(' ');
}

const dir = mkdtempSync(join(tmpdir(), 'kk-load-'));
const results: Array<[StoreConfig['kind'], { reads: ClientReport; writes: ClientReport }]> = [];
const roundLabel = (round: number) => (rounds > 1 ? `, round ${round + 1} of ${rounds}` : '');
try {
  for (let round = 0; round < rounds; round++) {
    results.push(['sqlite', await loadRun({ kind: 'sqlite', file: join(dir, `load-${round}.db`) }, roundLabel(round))]);
  }
  const store = disposableNeo4j(process.env);
  if (store) {
    for (let round = 0; round < rounds; round++) {
      await emptyNeo4jDatabase(store);
      results.push(['neo4j', await loadRun(store, roundLabel(round))]);
    }
  } else {
    console.log('neo4j: not run (NEO4J_URI is not set; `npm run neo4j:test -- npm run bench:load` runs it)');
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const lastOf = (kind: StoreConfig['kind']) => results.findLast(([runKind]) => runKind === kind)?.[1];
const [sqlite, neo4j] = [lastOf('sqlite'), lastOf('neo4j')];
if (sqlite && neo4j) {
  const ratio = (a: number, b: number) => (b === 0 ? '∞' : (a / b).toFixed(2));
  for (const group of ['reads', 'writes'] as const) {
    if (sqlite[group] === NOT_RUN) continue;
    console.log(
      `neo4j ÷ sqlite, ${group}: throughput ${ratio(neo4j[group].perSecond, sqlite[group].perSecond)}×,` +
        ` p50 ${ratio(neo4j[group].p50, sqlite[group].p50)}×, p99 ${ratio(neo4j[group].p99, sqlite[group].p99)}×`,
    );
  }
}
