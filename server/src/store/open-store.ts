import type { StoreConfig } from '../config/config.ts';
import type { AccountStore } from './account-store.ts';
import type { GraphStore } from './graph-store.ts';
import { Neo4jAccountStore } from './neo4j/neo4j-account-store.ts';
import { Neo4jRoundStore } from './neo4j/neo4j-round-store.ts';
import { Neo4jStore } from './neo4j/neo4j-store.ts';
import type { RoundStore } from './round-store.ts';
import { SqliteAccountStore } from './sqlite/sqlite-account-store.ts';
import { SqliteRoundStore } from './sqlite/sqlite-round-store.ts';
import { SqliteStore } from './sqlite/sqlite-store.ts';

/** The adapter the configuration names, migrated and ready. */
export async function openStore(config: StoreConfig): Promise<GraphStore> {
  if (config.kind === 'neo4j') {
    const { uri, user, password, database } = config;
    const store = new Neo4jStore({ uri, user, password, database });
    await store.migrate();
    return store;
  }
  const store = new SqliteStore({ file: config.file });
  await store.migrate();
  return store;
}

/**
 * The account store beside a graph store, in the same database: the SQLite file (its tables
 * come from the store's migrations) or the Neo4j database (constraints created here).
 */
export async function openAccountStore(store: GraphStore): Promise<AccountStore> {
  if (store instanceof SqliteStore) return new SqliteAccountStore(store.shareDatabase());
  if (store instanceof Neo4jStore) {
    const accounts = new Neo4jAccountStore(store.shareTransactions());
    await accounts.migrate();
    return accounts;
  }
  throw new Error(`No account store for the ${store.kind} store.`);
}

/** The perception rounds beside a graph store, in the same database (constraints created here for Neo4j). */
export async function openRoundStore(store: GraphStore): Promise<RoundStore> {
  if (store instanceof SqliteStore) return new SqliteRoundStore(store.shareDatabase());
  if (store instanceof Neo4jStore) {
    const rounds = new Neo4jRoundStore(store.shareTransactions());
    await rounds.migrate();
    return rounds;
  }
  throw new Error(`No round store for the ${store.kind} store.`);
}
