/**
 * `npm run neo4j:test -- npm run bench:migrate`: `npm run migrate` SQLite → Neo4j → SQLite of a
 * synthetic organisation of about 20,000 actors and 140,000 links (10 authorities of the
 * benchmarks' chain). Prints the time each way and whether every exported document came back
 * identical; exits 1 when one did not. Needs NEO4J_URI (an empty database: the Neo4j is emptied).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { disposableNeo4j, emptyNeo4jDatabase } from '../src/store/neo4j/empty-database.ts';
import { migrateRoundTrip } from './migrate-round-trip.ts';
import { syntheticChain, syntheticDocument } from './synthetic-chain.ts';

const store = disposableNeo4j(process.env);
if (!store) {
  console.error('bench:migrate needs NEO4J_URI: run it as `npm run neo4j:test -- npm run bench:migrate`');
  process.exit(2);
}
const document = syntheticDocument(syntheticChain({ authorities: 10, teachers: 48 }), 'syntetisk');
const dir = mkdtempSync(join(tmpdir(), 'kk-migrate-bench-'));
try {
  await emptyNeo4jDatabase(store);
  const { before, after, seconds } = await migrateRoundTrip([document], store, dir);
  const exported = before.get('syntetisk') as { actors: unknown[]; scenarios: Array<{ links: unknown[] }> };
  const links = exported.scenarios.reduce((sum, scenario) => sum + scenario.links.length, 0);
  const identical = JSON.stringify(after.get('syntetisk')) === JSON.stringify(exported);
  console.log(
    `organisation: ${exported.actors.length} actors, ${links} links in ${exported.scenarios.length} scenarios`,
  );
  console.log(`sqlite → neo4j: ${seconds.toNeo4j.toFixed(1)} s`);
  console.log(`neo4j → sqlite: ${seconds.back.toFixed(1)} s`);
  console.log(`exported document after the round trip: ${identical ? 'identical' : 'DIFFERENT'}`);
  process.exitCode = identical && after.size === 1 ? 0 : 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
