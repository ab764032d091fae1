/**
 * Map reads (prints figures; asserts nothing), in one run against one server process:
 *
 * 1. The signed-in map of the sample municipality (the client's map query, see
 *    map-read-query.ts) under MAP_CONNECTIONS concurrent connections for MAP_DURATION seconds,
 *    and a bare Fastify in the same process sending the same bytes: requests/s of each and
 *    their ratio.
 * 2. The map of a 20,000-actor region, read MAP_READS times just after a write (cold: the
 *    write makes any cached answer unusable) and MAP_READS times unchanged (warm), while a
 *    thread pings `/healthz` every 10 ms: latency of the reads and the longest `/healthz`
 *    wait, which is how long one map read held the server's event loop.
 *
 *   npm run bench:map
 *   MAP_DURATION=10 MAP_CONNECTIONS=50 MAP_READS=5 npm run bench:map
 *   MAP_CPU_PROF=/tmp/prof npm run bench:map   # the server writes a CPU profile there
 *   MAP_CACHE_MB=0 npm run bench:map           # without the map read cache, for comparison
 *
 * The load generator (autocannon) runs in this process, the servers in another, so the client
 * does not take the servers' CPU turns. On a machine shared with other work, compare runs made
 * one after another, not across sessions.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

import autocannon from 'autocannon';

import { mapQuery } from './map-read-query.ts';
import type { MapReadServer } from './map-read-server.ts';

const duration = Number(process.env.MAP_DURATION ?? 10);
const connections = Number(process.env.MAP_CONNECTIONS ?? 50);
const reads = Number(process.env.MAP_READS ?? 5);
const cpuProfileDir = process.env.MAP_CPU_PROF;

function post(url: string, cookie: string, body: unknown) {
  return fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(body),
  });
}

interface Throughput {
  perSecond: number;
  p99: number;
  /** Socket errors and timeouts (autocannon reconnects after each). */
  failures: number;
}

async function measure(url: string, cookie: string, organisationId: string): Promise<Throughput> {
  const result = await autocannon({
    url: `${url}/graphql`,
    connections,
    duration,
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query: mapQuery, variables: { organisationId } }),
  });
  if (result.non2xx > 0) throw new Error(`${result.non2xx} answers were not 2xx`);
  return { perSecond: result.requests.average, p99: result.latency.p99, failures: result.errors + result.timeouts };
}

async function throughput(ready: MapReadServer): Promise<void> {
  console.log(
    `municipality map (${(ready.bytes / 1024).toFixed(0)} KB), ${connections} connections, ${duration} s each …`,
  );
  const line = (name: string, { perSecond, p99, failures }: Throughput) =>
    `  ${name} ${perSecond.toFixed(0).padStart(6)} req/s, p99 ${p99} ms, ${failures} socket errors or timeouts`;
  const bare = await measure(ready.bareAddress, ready.cookie, ready.municipalityId);
  console.log(line('bare Fastify, same bytes:', bare));
  const app = await measure(ready.address, ready.cookie, ready.municipalityId);
  console.log(`${line('signed-in map query:     ', app)}  (${(app.perSecond / bare.perSecond).toFixed(2)} of bare)`);
}

/** Pings /healthz from its own thread, so that a blocked server cannot also hold back the pinger's clock. */
const PINGER = `
const { parentPort, workerData } = require('node:worker_threads');
let worst = 0;
let isStopping = false;
parentPort.on('message', (message) => {
  if (message === 'stop') isStopping = true;
  else { parentPort.postMessage(worst); worst = 0; }
});
(async () => {
  while (!isStopping) {
    const start = performance.now();
    await (await fetch(workerData.url)).arrayBuffer();
    worst = Math.max(worst, performance.now() - start);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
})();
`;

async function regionReads(ready: MapReadServer): Promise<void> {
  const pinger = new Worker(PINGER, { eval: true, workerData: { url: `${ready.address}/healthz` } });
  const longestWait = () =>
    new Promise<number>((resolve) => {
      pinger.once('message', resolve);
      pinger.postMessage('report');
    });
  const readMap = async () => {
    const start = performance.now();
    const response = await post(ready.address, ready.cookie, {
      query: mapQuery,
      variables: { organisationId: ready.regionId },
    });
    const body = await response.text();
    if (body.includes('"errors"')) throw new Error(`map read failed: ${body.slice(0, 300)}`);
    return { ms: performance.now() - start, bytes: body.length };
  };
  let renames = 0;
  const rename = async () => {
    renames += 1;
    const response = await post(ready.address, ready.cookie, {
      query: `mutation($organisationId: ID!, $id: ID!, $name: String!) {
        updateActor(input: { organisationId: $organisationId, id: $id, name: $name }) { actor { id } } }`,
      variables: { organisationId: ready.regionId, id: ready.regionActorId, name: `Bänk ${renames}` },
    });
    const body = await response.text();
    if (body.includes('"errors"')) throw new Error(`rename failed: ${body.slice(0, 300)}`);
  };
  try {
    await readMap();
    /** The pinger's longest wait is taken over the reads only: a write's own wait is reported apart. */
    const phase = async (name: string, beforeEach: () => Promise<void>) => {
      const times: number[] = [];
      let bytes = 0;
      let readWait = 0;
      let writeWait = 0;
      for (let n = 0; n < reads; n++) {
        await longestWait();
        await beforeEach();
        writeWait = Math.max(writeWait, await longestWait());
        const read = await readMap();
        readWait = Math.max(readWait, await longestWait());
        times.push(read.ms);
        bytes = read.bytes;
      }
      times.sort((a, b) => a - b);
      console.log(
        `  ${name}: median ${times[Math.floor(times.length / 2)]!.toFixed(0)} ms, slowest ${times.at(-1)!.toFixed(0)} ms` +
          ` (${(bytes / 1024 / 1024).toFixed(1)} MB); longest /healthz wait during the reads ${readWait.toFixed(0)} ms` +
          (beforeEach === rename ? `, during the writes ${writeWait.toFixed(0)} ms` : ''),
      );
    };
    console.log(`region map (20,000 actors), ${reads} reads each …`);
    await phase('just after a write', rename);
    await phase('unchanged         ', async () => {});
  } finally {
    pinger.postMessage('stop');
    await pinger.terminate();
  }
}

const dir = mkdtempSync(join(tmpdir(), 'kk-map-read-'));
const server = fork(new URL('./map-read-server.ts', import.meta.url).pathname, [join(dir, 'map.db')], {
  execArgv: ['--import', 'tsx', ...(cpuProfileDir ? ['--cpu-prof', `--cpu-prof-dir=${cpuProfileDir}`] : [])],
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
try {
  const ready = await new Promise<MapReadServer>((resolve, reject) => {
    server.once('message', (message) => resolve(message as MapReadServer));
    server.once('exit', (code) => reject(new Error(`the server exited (${code}) before it was ready`)));
  });
  await throughput(ready);
  await regionReads(ready);
} finally {
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await exited;
  rmSync(dir, { recursive: true, force: true });
}
