/**
 * `npm run migrate` for real: SQLite → Neo4j → SQLite through the command line on both seed
 * organisations; every exported document is the same at the end as at the start. The same round
 * trip of a 20,000-actor organisation is `npm run bench:migrate` (minutes, not a test's seconds).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { afterAll, expect, it } from 'vitest';

import { migrateRoundTrip } from '../bench/migrate-round-trip.ts';
import { describeOnNeo4j, storeTargets } from '../src/store/contract/store-targets.ts';

const stores = await storeTargets();
const seed = (name: string): unknown =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, `../../seeds/organisations/${name}.json`), 'utf8'));

describeOnNeo4j(stores, 'npm run migrate', (target) => {
  const dir = mkdtempSync(join(tmpdir(), 'kk-migrate-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('copies the seeds SQLite → Neo4j → SQLite, every exported document unchanged', async () => {
    const neo4j = target.config();
    if (neo4j.kind !== 'neo4j') throw new Error('describeOnNeo4j gives a Neo4j target');
    const { before, after } = await migrateRoundTrip([seed('kommunby'), seed('skolgruppen')], neo4j, dir);
    expect([...before.keys()].sort()).toEqual(['kommunby', 'skolgruppen']);
    expect([...after.keys()].sort()).toEqual(['kommunby', 'skolgruppen']);
    for (const [id, document] of before) {
      // Byte for byte, key order included: the files a user would download are identical.
      expect(JSON.stringify(after.get(id)), id).toBe(JSON.stringify(document));
    }
  }, 120_000);
});
