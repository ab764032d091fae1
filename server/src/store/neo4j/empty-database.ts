/**
 * For the tests and benchmarks only: the Neo4j they run on, and emptying it (every node deleted;
 * constraints and indexes stay) so that a suite on the one shared test database starts from the
 * state a new SQLite file has. Only a database marked disposable is ever emptied.
 */
import neo4j from 'neo4j-driver';

import { readConfig, type StoreConfig } from '../../config/config.ts';

export type Neo4jConfig = Extract<StoreConfig, { kind: 'neo4j' }>;

/**
 * The Neo4j that NEO4J_URI names, or null when it is unset.
 * @throws Error when it is set but not marked disposable (KK_NEO4J_DISPOSABLE=true, which
 *   `npm run neo4j:test` sets): the tests would delete everything in it.
 */
export function disposableNeo4j(env: NodeJS.ProcessEnv): Neo4jConfig | null {
  const { store } = readConfig(env);
  if (store.kind !== 'neo4j') return null;
  if (env.KK_NEO4J_DISPOSABLE !== 'true') {
    throw new Error(
      `The tests and benchmarks delete everything in the Neo4j they run on, and NEO4J_URI (${store.uri}) is not ` +
        'marked disposable: run them under `npm run neo4j:test -- <command>`, or set KK_NEO4J_DISPOSABLE=true ' +
        'for a database you may lose.',
    );
  }
  return store;
}

export async function emptyNeo4jDatabase(config: Neo4jConfig): Promise<void> {
  const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password));
  const session = driver.session({ database: config.database || undefined });
  try {
    // In batches: one transaction over a 20,000-actor organisation would need a large heap.
    await session.run('MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
  } finally {
    await session.close();
    await driver.close();
  }
}
