/**
 * A map query answered in a worker thread (plugins/map-read-cache.ts): its own store connection,
 * the API's schema and resolvers, and the answer serialised there, so that reading, executing and
 * serialising a large map (a 20,000-actor map is about 25 MB) never holds the event loop that
 * answers other requests. The caller's access was checked before the task was sent.
 */
import { typeDefs } from '@kopplingskartan/schema/graphql';
import { buildSchema, type GraphQLFieldResolver, isObjectType, parse } from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import { LRUCache } from 'lru-cache';
import { Piscina } from 'piscina';

import { lowerThisThreadsPriority } from '../analysis-pool/thread-priority.ts';
import type { Role, Viewer } from '../auth/roles.ts';
import type { StoreConfig } from '../config/config.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { openStore } from '../store/open-store.ts';
import type { GraphQLContext } from './context.ts';
import { resolvers } from './resolvers.ts';

export interface MapReadTask {
  store: StoreConfig;
  query: string;
  operationName: string | null;
  variables: Record<string, unknown> | null;
  /** The caller's effective role in the organisation the query reads, already checked. */
  role: Role;
}

/** The answer's bytes (moved, not copied, to the main thread), or null when executing it gave errors. */
export type MapReadOutcome = Uint8Array | null;

lowerThisThreadsPriority();

const schema = buildSchema(typeDefs);
for (const [typeName, fields] of Object.entries(resolvers)) {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) continue;
  for (const [fieldName, resolve] of Object.entries(fields)) {
    const field = type.getFields()[fieldName];
    if (field && typeof resolve === 'function') field.resolve = resolve as GraphQLFieldResolver<unknown, unknown>;
  }
}

const stores = new Map<string, Promise<GraphStore>>();

/** One connection per store configuration for the thread's life. */
function storeFor(config: StoreConfig): Promise<GraphStore> {
  const key = JSON.stringify(config);
  let store = stores.get(key);
  if (!store) {
    store = openStore(config);
    stores.set(key, store);
  }
  return store;
}

/** Stands for the caller, whose role was checked on the main thread: map fields ask for nothing else. */
const CALLER: Viewer = { userId: 'map-read', email: '', isAdmin: false, mustChangePassword: false };

/** Query texts compiled at most; the client sends a handful, a caller could send any number. */
const COMPILED_QUERIES_KEPT = 64;
const compiledQueries = new LRUCache<string, { compiled: CompiledQuery | null }>({ max: COMPILED_QUERIES_KEPT });

/**
 * graphql-jit compiles a query into a function once; executing a 20,000-actor map (~100,000
 * objects) that way took about half the time of graphql-js' `execute` in `npm run bench:map`.
 * Null when it cannot be compiled: the main thread then executes it and reports why.
 */
function compiledQuery(query: string, operationName: string | null): CompiledQuery | null {
  const key = `${operationName ?? ''}\u0000${query}`;
  let entry = compiledQueries.get(key);
  if (!entry) {
    const result = compileQuery(schema, parse(query), operationName ?? undefined);
    entry = { compiled: isCompiledQuery(result) ? result : null };
    compiledQueries.set(key, entry);
  }
  return entry.compiled;
}

export async function readMap(task: MapReadTask): Promise<MapReadOutcome> {
  const context: Pick<GraphQLContext, 'store' | 'viewer' | 'membershipIn'> = {
    store: await storeFor(task.store),
    viewer: CALLER,
    membershipIn: async () => task.role,
  };
  const compiled = compiledQuery(task.query, task.operationName);
  if (!compiled) return null;
  const result = await compiled.query(undefined, context, task.variables ?? {});
  // The main thread executes a query with errors again, to report them as it always does.
  if (result.errors?.length) return null;
  return Piscina.move(new TextEncoder().encode(JSON.stringify({ data: result.data }))) as Uint8Array;
}
