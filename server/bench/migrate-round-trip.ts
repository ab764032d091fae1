/**
 * `npm run migrate` SQLite → Neo4j → SQLite through the command line, as an operator runs it:
 * the documents go into a new SQLite file, are copied into Neo4j (which must not hold them yet),
 * and back into a second SQLite file; then every organisation of both files is exported. Used by
 * the migration test (the seeds) and `npm run bench:migrate` (a 20,000-actor organisation).
 */
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

import type { StoreConfig } from '../src/config/config.ts';
import { exportOrganisation, importOrganisation } from '../src/editing/organisation-commands.ts';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';

const run = promisify(execFile);
const tsx = resolve(import.meta.dirname, '../../node_modules/.bin/tsx');
const migrate = resolve(import.meta.dirname, '../src/cli/migrate.ts');

export interface RoundTrip {
  /** Every organisation's exported document, by id, before and after. */
  before: Map<string, unknown>;
  after: Map<string, unknown>;
  /** Seconds each way. */
  seconds: { toNeo4j: number; back: number };
}

/** Every organisation in a SQLite file, exported, by id. */
async function exportAll(file: string): Promise<Map<string, unknown>> {
  const store = new SqliteStore({ file });
  await store.migrate();
  try {
    const { nodes } = await store.listOrganisations({ first: 1000 });
    const documents = new Map<string, unknown>();
    for (const { id } of nodes) documents.set(id, await exportOrganisation(store, id));
    return documents;
  } finally {
    await store.close();
  }
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

export async function migrateRoundTrip(
  documents: readonly unknown[],
  neo4j: Extract<StoreConfig, { kind: 'neo4j' }>,
  dir: string,
): Promise<RoundTrip> {
  const [from, back] = [join(dir, 'from.db'), join(dir, 'back.db')];
  const source = new SqliteStore({ file: from });
  await source.migrate();
  for (const document of documents) await importOrganisation(source, document);
  await source.close();
  const env = {
    ...process.env,
    NEO4J_URI: neo4j.uri,
    NEO4J_USER: neo4j.user,
    NEO4J_PASSWORD: neo4j.password,
    NEO4J_DATABASE: neo4j.database,
  };
  const toNeo4j = await timed(() =>
    run(tsx, [migrate, '--from', 'sqlite', '--to', 'neo4j', '--sqlite-file', from], { env }),
  );
  const backAgain = await timed(() =>
    run(tsx, [migrate, '--from', 'neo4j', '--to', 'sqlite', '--sqlite-file', back], { env }),
  );
  return { before: await exportAll(from), after: await exportAll(back), seconds: { toNeo4j, back: backAgain } };
}
