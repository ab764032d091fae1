/**
 * The server side of load.bench.ts: a real app on 127.0.0.1 with the sample municipality (83
 * actors, 160 links in its current scenario, the size of a real authority's map), one viewer and
 * N editors signed in; sends their cookies to the parent, closes on SIGTERM.
 *
 * Requests are held until all the load generators' connections are open. A busy Node server
 * accepts one new connection per turn of its event loop (libuv's `uv__server_io`), and a turn
 * serves every connection already open; without the hold, the connections opened last wait
 * behind the first ones' load, time out, reconnect and wait again, so the run measures the
 * accept queue instead of the app (measured: editors got no answer at all in 60 s).
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';

import { buildApp } from '../src/app.ts';
import type { StoreConfig } from '../src/config/config.ts';
import { createUser } from '../src/auth/account-commands.ts';
import { importOrganisation } from '../src/editing/organisation-commands.ts';
import { allRecords } from '../src/editing/read-map.ts';

/** The server's event-loop delay over the run, in ms. */
export interface LoopDelay {
  p50: number;
  p99: number;
  max: number;
}

/** The store as a JSON StoreConfig, so that the parent chooses SQLite or Neo4j. */
const [storeJson, editorCount, connectionCount] = process.argv.slice(2) as [string, string, string];
const PASSWORD = 'load-password-1';

const app = await buildApp({
  store: JSON.parse(storeJson) as StoreConfig,
  // The per-user API limit would otherwise be what we measure.
  rateLimitPerMinute: 10_000_000,
  auth: { loginThrottle: { perAddress: 1000 } },
});
const seed: unknown = JSON.parse(
  readFileSync(new URL('../../seeds/organisations/kommunby.json', import.meta.url), 'utf8'),
);
const { organisation } = await importOrganisation(app.store, seed, 'CREATE', { log: app.changeLog, userId: null });
const actorIds = (await allRecords(app.store, 'actor', organisation.id)).map((actor) => actor.id);

async function sessionCookie(role: 'VIEWER' | 'EDITOR', n: number): Promise<string> {
  const email = `${role.toLowerCase()}-${n}@load.example`;
  const user = await createUser(app.accounts, { email, password: PASSWORD });
  await app.accounts.setMembership({ organisationId: organisation.id, userId: user.id, role });
  const response = await app.inject({
    method: 'POST',
    url: '/graphql',
    payload: { query: `mutation { login(email: "${email}", password: "${PASSWORD}") { user { id } } }` },
  });
  return String(response.headers['set-cookie']).split(';')[0]!;
}

const viewerCookie = await sessionCookie('VIEWER', 0);
const editorCookies = await Promise.all(
  Array.from({ length: Number(editorCount) }, (_, n) => sessionCookie('EDITOR', n)),
);
// Requests are held, not sockets: with the sockets paused, requests were still served (measured).
const dispatchers = app.server.listeners('request') as RequestListener[];
app.server.removeAllListeners('request');
const held: Array<() => void> = [];
let connections = 0;
// better-sqlite3 blocks the event loop while a statement runs; the loop's delay shows how long.
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
app.server.on('connection', () => {
  connections += 1;
  if (connections !== Number(connectionCount)) return;
  loopDelay.enable();
  for (const dispatch of held.splice(0)) dispatch();
});
app.server.on('request', (request: IncomingMessage, response: ServerResponse) => {
  const dispatch = () => {
    for (const listener of dispatchers) listener.call(app.server, request, response);
  };
  if (connections >= Number(connectionCount)) dispatch();
  else held.push(dispatch);
});
const address = await app.listen({ host: '127.0.0.1', port: 0 });
process.once('SIGTERM', () => {
  loopDelay.disable();
  const ms = (ns: number) => Math.round(ns / 1e6);
  const report: LoopDelay = {
    p50: ms(loopDelay.percentile(50)),
    p99: ms(loopDelay.percentile(99)),
    max: ms(loopDelay.max),
  };
  process.send?.(report, () => void app.close().then(() => process.exit(0)));
});
process.send?.({ address, organisationId: organisation.id, actorIds, viewerCookie, editorCookies });
