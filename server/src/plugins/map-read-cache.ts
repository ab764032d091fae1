import type { FastifyInstance } from 'fastify';
import { parse } from 'graphql';
import { Negotiator } from '@fastify/accept-negotiator';
import { LRUCache } from 'lru-cache';
import { Piscina } from 'piscina';

import { mapView } from '../auth/roles.ts';
import type { StoreConfig } from '../config/config.ts';
import { mapReadOrganisation, type OrganisationArgument, organisationIdOf } from '../graphql/map-read.ts';
import type { MapReadOutcome, MapReadTask } from '../graphql/map-read-worker.ts';
import { KeptAnswers } from './kept-answers.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** How map queries were answered since start (for monitoring and tests). */
    mapReads: MapReadCounts;
  }
  interface FastifyRequest {
    /** Where this request's answer is kept once it is known to be free of errors. */
    mapReadFill: { key: string; shape: Shape; isClean: boolean; settle: () => void } | null;
  }
}

export interface MapReadCounts {
  /** Answered with kept bytes. */
  hits: number;
  /** Executed in the map read thread. */
  threadReads: number;
}

interface Shape {
  argument: OrganisationArgument | null;
  /** Stands for the query text in the answers' keys; never reused. */
  id: number;
  /** Executed by Mercurius once without errors: it passed every validation rule, so the map read thread may execute it. */
  isProven: boolean;
}

export interface MapReadCacheLimits {
  /** Bytes of answers kept, all organisations together; 0 turns the cache off. */
  maxBytes: number;
  /** The largest answer kept. */
  maxEntryBytes: number;
}

export const DEFAULT_MAP_READ_CACHE_LIMITS: MapReadCacheLimits = {
  maxBytes: 128 * 1024 * 1024,
  // The client's map of a 20,000-actor organisation is about 25 MB.
  maxEntryBytes: 32 * 1024 * 1024,
};

/** Queries whose shape was looked at, by operation name and text: clients send the same few. */
const SHAPES_KEPT = 200;

interface GraphqlBody {
  query: string;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/**
 * Answers a query of maps alone (graphql/map-read.ts) with the bytes sent for the same query
 * before, when the organisation has not been written since (GraphStore.writeStamp, read before
 * anything else, so a write in between makes a new key) and the caller sees the same map
 * (auth/roles.ts `mapView`). The caller's role is checked on every request, before the cache is
 * looked at; a caller who may not read the map, or a request that is not plain JSON, is executed
 * as always and gets the usual refusal. Only answers without errors are kept, least recently used
 * leaving first within `maxBytes`.
 *
 * A query that is not in the cache is executed in a worker thread (graphql/map-read-worker.ts)
 * once Mercurius has executed the same query text without errors (so it passed every validation
 * rule); until then, and whenever the thread's answer has errors, Mercurius executes it on this
 * thread and its answer is kept. Requests that wait for the same answer share one execution.
 *
 * Must be called before Mercurius registers its routes (the Fastify hooks), and `afterMercurius`
 * after (the hook that sees the execution's errors).
 */
export function mapReadCache(
  app: FastifyInstance,
  limits: MapReadCacheLimits,
  store: StoreConfig,
): { afterMercurius(): void } {
  const counts: MapReadCounts = { hits: 0, threadReads: 0 };
  app.decorate('mapReads', counts);
  if (limits.maxBytes <= 0) return { afterMercurius: () => {} };
  const answers = new KeptAnswers(limits.maxBytes, limits.maxEntryBytes);
  const shapes = new LRUCache<string, Shape>({ max: SHAPES_KEPT });
  const encodings = new Negotiator({ supportedValues: ['gzip', 'identity'] });
  let shapeCount = 0;
  const shapeOf = (body: GraphqlBody): Shape => {
    const shapeKey = `${body.operationName ?? ''}\n${body.query}`;
    let shape = shapes.get(shapeKey);
    if (!shape) {
      let argument: OrganisationArgument | null = null;
      try {
        argument = mapReadOrganisation(parse(body.query), body.operationName);
      } catch {
        // Not GraphQL: Mercurius says what is wrong with it.
      }
      shapeCount += 1;
      shape = { argument, id: shapeCount, isProven: false };
      shapes.set(shapeKey, shape);
    }
    return shape;
  };
  // One thread: it only computes what is not kept yet, once per write and view.
  const thread = new Piscina({
    filename: new URL('../graphql/map-read-worker-entry.mjs', import.meta.url).href,
    minThreads: 0,
    maxThreads: 1,
    idleTimeout: 60_000,
  });
  app.addHook('onClose', () => thread.destroy());
  const pending = new Map<string, Promise<Buffer | null>>();
  /** Keys whose first answer is being executed by Mercurius, until that request is answered. */
  const filling = new Map<string, Promise<void>>();
  const readInThread = (key: string, task: MapReadTask): Promise<Buffer | null> => {
    let read = pending.get(key);
    if (!read) {
      read = (thread.run(task, { name: 'readMap' }) as Promise<MapReadOutcome>).then((bytes) => {
        if (!bytes) return null;
        counts.threadReads += 1;
        const body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        answers.keep(key, body);
        return body;
      });
      read = read
        .catch((error: unknown) => {
          // Mercurius executes it then, and answers with the error if it is still there.
          app.log.warn({ err: error }, 'the map read thread failed');
          return null;
        })
        .finally(() => pending.delete(key));
      pending.set(key, read);
    }
    return read;
  };

  app.decorateRequest('mapReadFill', null);
  app.addHook('preHandler', async (request, reply) => {
    const isJsonPost =
      request.method === 'POST' && request.headers['content-type']?.split(';')[0]?.trim() === 'application/json';
    if (request.routeOptions.url !== '/graphql' || !isJsonPost) return;
    // The shape was checked in preValidation (plugins/graphql.ts): a query string, optional name and variables.
    const body = request.body as GraphqlBody;
    const shape = shapeOf(body);
    const organisationId = shape.argument && organisationIdOf(shape.argument, body.variables);
    if (!organisationId) return;
    let role;
    try {
      role = await app.authorizeOrganisation(request, organisationId, 'AUDIENCE');
    } catch {
      return;
    }
    const stamp = await app.store.writeStamp(organisationId);
    if (stamp === null) return;
    const key = JSON.stringify([shape.id, organisationId, stamp, mapView(role), body.variables ?? null]);
    // Right after a start or a write, many readers miss at once: those after the first wait for
    // its answer instead of each reading the whole map from the store (on Neo4j, 200 readers
    // doing so at once held every answer for seconds). Awaited only when there is a first
    // reader: an `await` of nothing yields too, and readers whose look-ups were answered together
    // (on Neo4j, one batch) all passed here before the first of them claimed the key below.
    const first = filling.get(key);
    if (first) await first;
    const kept = answers.get(key);
    if (kept) {
      counts.hits += 1;
      reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
      if (!kept.gzipped || encodings.negotiate(request.headers['accept-encoding'] ?? '') !== 'gzip') {
        return reply.send(kept.body);
      }
      return reply.header('content-encoding', 'gzip').send(kept.gzipped);
    }
    const answer = shape.isProven
      ? await readInThread(key, {
          store,
          query: body.query,
          operationName: body.operationName ?? null,
          variables: body.variables ?? null,
          role,
        })
      : null;
    if (answer) return reply.type('application/json; charset=utf-8').send(answer);
    let settle = () => {};
    if (!filling.has(key)) {
      let resolve = () => {};
      const done = new Promise<void>((r) => (resolve = r));
      filling.set(key, done);
      settle = () => {
        if (filling.get(key) !== done) return;
        filling.delete(key);
        resolve();
      };
    }
    request.mapReadFill = { key, shape, isClean: false, settle };
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const fill = request.mapReadFill;
    if (fill?.isClean && reply.statusCode === 200 && typeof payload === 'string') {
      answers.keep(fill.key, Buffer.from(payload));
      fill.shape.isProven = true;
    }
    fill?.settle();
    return payload;
  });
  // A request that never reaches onSend (an aborted connection) must not keep others waiting.
  app.addHook('onResponse', async (request) => request.mapReadFill?.settle());
  app.addHook('onRequestAbort', async (request) => request.mapReadFill?.settle());
  return {
    afterMercurius() {
      app.graphql.addHook('onResolution', async (execution, context) => {
        const fill = context.reply?.request.mapReadFill;
        if (fill && !execution.errors?.length) fill.isClean = true;
      });
    },
  };
}
