import { Worker } from 'node:worker_threads';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { syntheticChain, syntheticDocument } from '../bench/synthetic-chain.ts';
import { toChainGraph } from '../src/analysis/chain-graph.ts';
import { runAnalyses } from '../src/analysis/registry.ts';
import { importOrganisation } from '../src/editing/organisation-commands.ts';
import { ADMIN, cookieOf, startTestApp, type TestApp } from './helpers.ts';

/**
 * Pings `/healthz` over HTTP from its own thread (so a blocked server loop cannot also hold back
 * the pinger's clock) until told to stop; reports the slowest answer in milliseconds.
 */
const PINGER = `
const { parentPort, workerData } = require('node:worker_threads');
let isStopping = false;
parentPort.once('message', () => { isStopping = true; });
(async () => {
  let worst = 0;
  let count = 0;
  while (!isStopping) {
    const start = performance.now();
    const response = await fetch(workerData.url);
    await response.arrayBuffer();
    worst = Math.max(worst, performance.now() - start);
    count++;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  parentPort.postMessage({ worst, count });
})();
`;

// A region: 10 authorities, about 19,600 actors and 70,000 links, on the real SQLite store,
// analysed over real HTTP on 127.0.0.1.
describe('analyses of a 20,000-actor organisation do not hold up other requests', () => {
  let t: TestApp;
  let url: string;
  let cookie: string;
  beforeAll(async () => {
    t = await startTestApp({ isShared: true, app: { analysis: { perUser: 4 } } });
    // Without the desired scenario: both would not fit the store's graph cache together.
    await importOrganisation(
      t.app.store,
      syntheticDocument(syntheticChain({ authorities: 10 }), 'region', { withDesired: false }),
    );
    url = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const login = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: `mutation { login(email: "${ADMIN.email}", password: "${ADMIN.password}") { user { id } } }`,
      }),
    });
    cookie = cookieOf(login.headers.getSetCookie());
  }, 120_000);
  afterAll(() => t.close());

  const analyse = async (seed: number) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify({
        query: `{ analysis(organisationId: "region", parameters: [{ analysis: keyActors, name: "seed", value: ${seed} }]) {
          keyActors { method { exact samples } } islands { componentCount } findings { id kind } } }`,
      }),
    });
    return (await response.json()) as { data?: { analysis: { keyActors: { method: { exact: boolean } } } } };
  };

  /** Pings /healthz from another thread while `work` runs. */
  const pingWhile = async (work: () => Promise<unknown>) => {
    const pinger = new Worker(PINGER, { eval: true, workerData: { url: `${url}/healthz` } });
    const pings = new Promise<{ worst: number; count: number }>((resolve) => pinger.once('message', resolve));
    await work();
    pinger.postMessage('stop');
    const result = await pings;
    await pinger.terminate();
    return result;
  };

  it('answers /healthz quickly while four analyses run, far faster than one analysis on the event loop', async () => {
    // Warm up: the store reads and caches the graph, the pool encodes it and starts its threads.
    expect((await analyse(1)).data?.analysis.keyActors.method.exact).toBe(false);

    const idle = await pingWhile(() => new Promise((resolve) => setTimeout(resolve, 1500)));
    let results: Awaited<ReturnType<typeof analyse>>[] = [];
    const { worst, count } = await pingWhile(async () => {
      results = await Promise.all([2, 3, 4, 5].map((seed) => analyse(seed)));
    });
    // The reference, measured after the pings so that its garbage is not collected during them.
    const graph = (await t.app.store.readScenarioGraph('region', 'current'))!;
    expect(graph.actors.length).toBeGreaterThan(19_000);
    const start = performance.now();
    runAnalyses(toChainGraph(graph));
    const inLoop = performance.now() - start;

    console.log(
      `[analysis-load] one analysis on the event loop: ${inLoop.toFixed(0)} ms; worst /healthz of ${count} pings during four analyses: ${worst.toFixed(1)} ms (of ${idle.count} with none running: ${idle.worst.toFixed(1)} ms)`,
    );
    for (const result of results) expect(result.data?.analysis.keyActors.method.exact).toBe(false);
    expect(worst).toBeLessThan(inLoop / 2);
    expect(count).toBeGreaterThan(5);
  }, 120_000);
});
