import type { StoreConfig } from '../config/config.ts';
import type { AccountStore } from './account-store.ts';
import type { GraphStore } from './graph-store.ts';
import { SqliteAccountStore } from './sqlite/sqlite-account-store.ts';
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

/**
 * The account store beside a graph store: in the same SQLite file for the embedded default
 * (its tables come from the store's migrations). For Neo4j, wire `Neo4jAccountStore` on the
 * adapter's driver once the adapter is available here.
 */
export function openAccountStore(store: GraphStore): AccountStore {
  if (store instanceof SqliteStore) return new SqliteAccountStore(store.shareDatabase());
  throw new Error(`No account store for the ${store.kind} store in this build.`);
}
