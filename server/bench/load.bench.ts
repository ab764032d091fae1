/**
 * Load run: 200 concurrent readers (the map query) and 20 concurrent editors (createActor) against
 * a real server on 127.0.0.1, for LOAD_DURATION seconds (default 60). Prints throughput, p50/p99
 * latency and errors per group, then proves that every acknowledged write is stored.
 *
 *   npx tsx server/bench/load.bench.ts            # 60 s
 *   LOAD_DURATION=20 npx tsx server/bench/load.bench.ts
 *
 * Three processes besides this one: the server (load-server.ts) and one load generator per group
 * (load-client.ts). Two autocannon instances in one event loop starve each other: whichever
 * starts second barely gets its connections going, which would measure the client, not us.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { allRecords } from '../src/editing/read-map.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import type { ClientReport } from './load-client.ts';

const duration = Number(process.env.LOAD_DURATION ?? 60);
const readers = Number(process.env.LOAD_READERS ?? 200);
const editors = Number(process.env.LOAD_EDITORS ?? 20);

const dir = mkdtempSync(join(tmpdir(), 'kk-load-'));
const file = join(dir, 'load.db');
const here = (name: string) => new URL(name, import.meta.url).pathname;
const withTsx = { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] as const };

interface Ready {
  address: string;
  viewerCookie: string;
  editorCookies: string[];
}

const server = fork(here('./load-server.ts'), [file, String(editors)], { ...withTsx, stdio: [...withTsx.stdio] });
const ready = await new Promise<Ready>((resolve, reject) => {
  server.once('message', (message) => resolve(message as Ready));
  server.once('exit', (code) => reject(new Error(`the server exited (${code}) before it was ready`)));
});

function runClient(role: 'readers' | 'editors', connections: number, cookies: string[]): Promise<ClientReport> {
  const child = fork(here('./load-client.ts'), [], { ...withTsx, stdio: [...withTsx.stdio] });
  child.send({ role, url: `${ready.address}/graphql`, connections, duration, cookies });
  return new Promise((resolve, reject) => {
    child.once('message', (message) => resolve(message as ClientReport));
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`${role} exited with ${code}`))));
  });
}

console.log(`load: ${readers} readers + ${editors} editors for ${duration} s against ${ready.address} …`);
const [reads, writes] = await Promise.all([
  runClient('readers', readers, [ready.viewerCookie]),
  runClient('editors', editors, ready.editorCookies),
]);
await new Promise((resolve) => {
  server.once('exit', resolve);
  server.kill('SIGTERM');
});

const store = new SqliteStore({ file });
await store.migrate();
const stored = new Set(
  (await allRecords(store, 'actor', 'org')).map((actor) => actor.id).filter((id) => id.startsWith('load-')),
);
await store.close();
const missing = writes.acknowledged.filter((id) => !stored.has(id));
rmSync(dir, { recursive: true, force: true });

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
  ].join('  ');
}
console.log(line('readers', reads));
console.log(line('editors', writes));
console.log(
  `writes: ${writes.acknowledged.length} acknowledged, ${stored.size} stored, ${missing.length} acknowledged but missing` +
    (missing.length > 0 ? ` (e.g. ${missing.slice(0, 5).join(', ')})` : ''),
);
// Stored may exceed acknowledged: writes in flight when the run ended were committed, not answered.
if (missing.length > 0) process.exitCode = 1;
