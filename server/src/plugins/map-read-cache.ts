import type { FastifyInstance } from 'fastify';
import { parse } from 'graphql';
import { LRUCache } from 'lru-cache';

import { mapView } from '../auth/roles.ts';
import { mapReadOrganisation, type OrganisationArgument, organisationIdOf } from '../graphql/map-read.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The cache key under which this request's answer is kept, once it is known to be free of errors. */
    mapReadFill: { key: string; isClean: boolean } | null;
  }
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
 * Must be called before Mercurius registers its routes (the Fastify hooks), and `afterMercurius`
 * after (the hook that sees the execution's errors).
 */
export function mapReadCache(app: FastifyInstance, limits: MapReadCacheLimits): { afterMercurius(): void } {
  if (limits.maxBytes <= 0) return { afterMercurius: () => {} };
  const answers = new LRUCache<string, Buffer>({
    maxSize: limits.maxBytes,
    maxEntrySize: limits.maxEntryBytes,
    sizeCalculation: (body, key) => body.length + key.length,
  });
  // Each query text gets a number, never reused, which stands for it in the answers' keys.
  const shapes = new LRUCache<string, { argument: OrganisationArgument | null; id: number }>({ max: SHAPES_KEPT });
  let shapeCount = 0;
  const shapeOf = (body: GraphqlBody) => {
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
      shape = { argument, id: shapeCount };
      shapes.set(shapeKey, shape);
    }
    return shape;
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
    const answer = answers.get(key);
    if (answer) return reply.type('application/json; charset=utf-8').send(answer);
    request.mapReadFill = { key, isClean: false };
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const fill = request.mapReadFill;
    if (fill?.isClean && reply.statusCode === 200 && typeof payload === 'string') {
      answers.set(fill.key, Buffer.from(payload));
    }
    return payload;
  });
  return {
    afterMercurius() {
      app.graphql.addHook('onResolution', async (execution, context) => {
        const fill = context.reply?.request.mapReadFill;
        if (fill && !execution.errors?.length) fill.isClean = true;
      });
    },
  };
}
