/**
 * `npm run bench:report`: how long GET /api/report/:organisation.pdf takes for both seeds and a
 * synthetic school authority of about 2,000 actors (REPORT_BENCH_AUTHORITIES=10 for ~20,000), and the longest the event loop was held
 * meanwhile (its analyses run in the worker pool; the map reads, redaction and the PDF drawing
 * run on the loop). Figures only; no assertions.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';

import { buildApp } from '../src/app.ts';
import { importOrganisation } from '../src/editing/organisation-commands.ts';
import { loadScenarioGraph } from '../src/editing/read-map.ts';
import { syntheticChain, syntheticDocument } from './synthetic-chain.ts';

/** School authorities in the synthetic organisation (`REPORT_BENCH_AUTHORITIES`, default 1: ~2,000 actors). */
const AUTHORITIES = Number(process.env.REPORT_BENCH_AUTHORITIES ?? 1);
const ADMIN = { email: 'bench@bench.example', password: 'bench-password-1' };
const seed = (name: string): unknown =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, `../../seeds/organisations/${name}.json`), 'utf8'));

const dir = mkdtempSync(join(tmpdir(), 'kk-report-bench-'));
const app = await buildApp({
  store: { kind: 'sqlite', file: join(dir, 'store.sqlite') },
  auth: { initialAdmin: ADMIN },
  rateLimitPerMinute: 1_000_000,
  // The bench measures what REPORT_MAX_ACTORS guards against, so it lifts the limit.
  reportMaxActors: Number.MAX_SAFE_INTEGER,
});
try {
  await app.ready();
  await importOrganisation(app.store, seed('kommunby'));
  await importOrganisation(app.store, seed('skolgruppen'));
  const synthetic = syntheticDocument(syntheticChain({ authorities: AUTHORITIES }), 'syntetisk');
  await importOrganisation(app.store, synthetic);
  const login = await app.inject({
    method: 'POST',
    url: '/graphql',
    payload: { query: `mutation { login(email: "${ADMIN.email}", password: "${ADMIN.password}") { user { id } } }` },
  });
  const cookie = String(login.headers['set-cookie']).split(';')[0]!;
  console.log('organisation   actors  report (s)  longest loop hold (ms)  pages (bytes)');
  for (const organisationId of ['kommunby', 'skolgruppen', 'syntetisk']) {
    const actors = (await loadScenarioGraph(app.store, organisationId, null)).actors.length;
    for (const names of [false, true]) {
      const loop = monitorEventLoopDelay({ resolution: 1 });
      loop.enable();
      const started = performance.now();
      const response = await app.inject({
        method: 'GET',
        url: `/api/report/${organisationId}.pdf${names ? '?names=true' : ''}`,
        headers: { cookie },
      });
      const elapsed = (performance.now() - started) / 1000;
      loop.disable();
      if (response.statusCode !== 200) throw new Error(`${organisationId}: ${response.statusCode} ${response.body}`);
      console.log(
        `${`${organisationId}${names ? ' (names)' : ''}`.padEnd(22)} ${String(actors).padStart(6)}  ${elapsed.toFixed(2).padStart(10)}  ${(loop.max / 1e6).toFixed(0).padStart(22)}  ${response.rawPayload.length}`,
      );
    }
  }
} finally {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
}
