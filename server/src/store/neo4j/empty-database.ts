/**
 * For the tests only: deletes every node of a Neo4j database (constraints and indexes stay), so
 * that a suite on the one shared test database starts from the state a new SQLite file has.
 */
import neo4j from 'neo4j-driver';

import type { StoreConfig } from '../../config/config.ts';

export async function emptyNeo4jDatabase(config: Extract<StoreConfig, { kind: 'neo4j' }>): Promise<void> {
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
