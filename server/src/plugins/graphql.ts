import { typeDefs } from '@kopplingskartan/schema/graphql';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { ValidationRule } from 'graphql';
import type { IResolvers } from 'mercurius';
import mercurius from 'mercurius';

import { type GraphQLContext, membershipLoader } from '../graphql/context.ts';
import { LiveSockets } from '../graphql/live-sockets.ts';
import { codeErrorFrames } from '../graphql/socket-errors.ts';
import { errorFormatter, subscriptionRefusals, withoutSuggestions } from '../graphql/errors.ts';
import {
  noIntrospectionRule,
  QUERY_LIMITS,
  queryTooLarge,
  type QueryLimits,
  selectionLimitRule,
  singleAnalysisRule,
} from '../graphql/limits.ts';
import { requestShapeProblem } from '../graphql/request-shape.ts';
import { resolvers } from '../graphql/resolvers.ts';
import { PresenterStates } from '../presenting/presenter-states.ts';
import { roundServices } from '../rounds/round-commands.ts';
import { DEFAULT_ROUND_LIMITS, type RoundLimits } from '../rounds/round-limits.ts';
import type { StoreConfig } from '../config/config.ts';
import { mapReadCache, type MapReadCacheLimits } from './map-read-cache.ts';

export interface GraphqlPluginOptions {
  graphiql: boolean;
  /** Schema introspection (`__schema`, `__type`); GraphiQL needs it. */
  introspection: boolean;
  limits?: Partial<QueryLimits>;
  /** Other origins whose pages may open the subscription WebSocket (the API's own always may). */
  corsOrigins: string[];
  /** Perception rounds' limits (default DEFAULT_ROUND_LIMITS). */
  roundLimits?: Partial<RoundLimits>;
  mapReadCache: MapReadCacheLimits;
  /** The store's configuration, for the map read thread's own connection. */
  store: StoreConfig;
}

/**
 * Whether a WebSocket handshake comes from a page we serve (or from a client that is not a
 * browser page and sends no Origin). Browsers send no preflight for WebSockets, so this is
 * what stands against cross-site WebSocket hijacking, besides SameSite=Strict cookies.
 */
export function isAllowedSocketOrigin(origin: string | undefined, host: string | undefined, corsOrigins: string[]) {
  if (!origin) return true;
  if (corsOrigins.includes(origin)) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** A refusal before Mercurius reads the request, shaped like its own answers. */
function refuse(reply: FastifyReply, statusCode: number, message: string, extensions: Record<string, unknown>) {
  return reply.code(statusCode).send({ data: null, errors: [{ message, extensions }] });
}

/** The GraphQL API at /graphql (GraphiQL at /graphiql when enabled). */
export const graphqlPlugin = fp<GraphqlPluginOptions>(
  async (app, options) => {
    const limits = { ...QUERY_LIMITS, ...options.limits };
    const validationRules: ValidationRule[] = [selectionLimitRule(limits), singleAnalysisRule];
    if (!options.introspection) validationRules.push(noIntrospectionRule);

    // Mercurius applies its CSRF check (a JSON content type or a preflight header) to the
    // WebSocket handshake too, which no browser can satisfy; the handshake is checked by Origin
    // instead (verifyClient below), so mark it as passed here.
    app.addHook('onRequest', async (request) => {
      if (request.routeOptions.url === '/graphql' && request.headers.upgrade?.toLowerCase() === 'websocket') {
        request.headers['mercurius-require-preflight'] = 'websocket';
      }
    });

    // Checked before Fastify's schema validation (which coerces types) and before parsing, so an
    // over-long query costs no parse time. The WebSocket handshake carries no operation.
    app.addHook('preValidation', async (request, reply) => {
      if (request.routeOptions.url !== '/graphql' || request.headers.upgrade?.toLowerCase() === 'websocket') return;
      const method = request.method === 'GET' ? 'GET' : 'POST';
      const source = method === 'GET' ? request.query : request.body;
      const problem = requestShapeProblem(source, method);
      if (problem) return refuse(reply, 400, problem, { code: 'BAD_REQUEST', statusCode: 400 });
      const { query } = source as { query: string };
      if (query.length > limits.maxLength) {
        const refusal = queryTooLarge(query.length, limits.maxLength);
        return refuse(reply, 413, refusal.message, refusal.extensions);
      }
    });

    const mapReads = mapReadCache(app, options.mapReadCache, options.store);
    const presenterStates = new PresenterStates();
    const liveSockets = new LiveSockets();
    // Announced on Mercurius' pubsub, which exists once it is registered (below); nothing is announced before.
    const rounds = roundServices(app.store, app.rounds, { ...DEFAULT_ROUND_LIMITS, ...options.roundLimits }, (topic) =>
      app.graphql.pubsub.publish({ topic, payload: {} }),
    );
    app.addHook('onClose', async () => rounds.notifier.close());
    // Mercurius adds `pubsub` itself, to HTTP and WebSocket contexts alike.
    const context = (request: FastifyRequest, reply: FastifyReply): Omit<GraphQLContext, 'pubsub'> => ({
      store: app.store,
      accounts: app.accounts,
      changeLog: app.changeLog,
      viewer: request.viewer,
      sessionTokenHash: request.sessionTokenHash,
      address: request.ip,
      reply,
      sessionCookie: app.sessionCookie,
      loginThrottle: app.loginThrottle,
      membershipIn: membershipLoader(app.accounts, request.viewer),
      presenterStates,
      importLimits: app.importLimits,
      liveSockets,
      log: request.log,
      analyses: app.analyses,
      rounds,
    });

    await app.register(mercurius, {
      schema: typeDefs,
      resolvers: resolvers as IResolvers,
      context,
      // Live follow of presentations (graphql-transport-ws at /graphql). The upgrade request
      // passed the auth hook, so members are known by their session cookie; a share-link
      // follower proves access with the token in the subscription's arguments.
      subscription: {
        context: (socket, request) => {
          codeErrorFrames(socket);
          const { viewer, sessionTokenHash } = request;
          if (viewer && sessionTokenHash) liveSockets.add(socket, { userId: viewer.userId, sessionTokenHash });
          return context(request, undefined as unknown as FastifyReply);
        },
        verifyClient: (info, next) =>
          next(isAllowedSocketOrigin(info.origin || undefined, info.req.headers.host, options.corsOrigins), 403),
        keepAlive: 25_000,
      },
      errorFormatter: errorFormatter({ isSchemaHidden: !options.introspection }),
      graphiql: options.graphiql,
      queryDepth: limits.maxDepth,
      validationRules,
      // Refuses "simple" cross-site requests (form posts, text/plain) that a browser sends without
      // a preflight; with SameSite=Strict cookies this is a second line against CSRF.
      csrfPrevention: true,
    });
    mapReads.afterMercurius();
    // Mercurius validates nothing sent over the WebSocket: hold subscriptions to the same rules
    // (and the same coded answers) as queries over HTTP.
    app.graphql.addHook('preSubscriptionParsing', async (schema, source, context) => {
      if (source.length > limits.maxLength) throw queryTooLarge(source.length, limits.maxLength);
      const [refusal] = subscriptionRefusals(schema, source, validationRules, context.app.log);
      if (refusal) throw options.introspection ? refusal : withoutSuggestions(refusal);
    });
    if (options.graphiql) {
      // A person who opens /graphql in a browser wants the explorer, not a "missing query" error.
      app.addHook('onRequest', async (request, reply) => {
        const isBrowserVisit =
          request.method === 'GET' && request.url === '/graphql' && request.headers.accept?.includes('text/html');
        if (isBrowserVisit) await reply.redirect('/graphiql');
      });
    }
  },
  { name: 'graphql', dependencies: ['store', 'auth', 'analysis'] },
);
