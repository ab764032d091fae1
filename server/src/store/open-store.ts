import type { StoreConfig } from '../config/config.ts';
import type { GraphStore } from './graph-store.ts';
import { SqliteStore } from './sqlite/sqlite-store.ts';

/** The adapter the configuration names, migrated and ready. */
export async function openStore(config: StoreConfig): Promise<GraphStore> {
  if (config.kind === 'neo4j') {
    throw new Error('The Neo4j adapter is not available in this build.');
  }
  const store = new SqliteStore({ file: config.file });
  await store.migrate();
  return store;
}
