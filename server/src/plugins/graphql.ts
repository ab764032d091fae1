import { typeDefs } from '@kopplingskartan/schema/graphql';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { ValidationRule } from 'graphql';
import type { IResolvers } from 'mercurius';
import mercurius from 'mercurius';

import { type GraphQLContext, membershipLoader } from '../graphql/context.ts';
import { errorFormatter } from '../graphql/errors.ts';
import {
  noIntrospectionRule,
  QUERY_LIMITS,
  type QueryLimits,
  selectionLimitRule,
  singleAnalysisRule,
} from '../graphql/limits.ts';
import { resolvers } from '../graphql/resolvers.ts';
import { PresenterStates } from '../presenting/presenter-states.ts';

export interface GraphqlPluginOptions {
  graphiql: boolean;
  /** Schema introspection (`__schema`, `__type`); GraphiQL needs it. */
  introspection: boolean;
  limits?: Partial<QueryLimits>;
  /** Other origins whose pages may open the subscription WebSocket (the API's own always may). */
  corsOrigins: string[];
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

function queryText(request: FastifyRequest): unknown {
  const source = request.method === 'GET' ? request.query : request.body;
  return source && typeof source === 'object' ? (source as { query?: unknown }).query : undefined;
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

    // Refused before parsing, so an over-long query costs no parse time.
    app.addHook('preHandler', async (request, reply) => {
      if (request.routeOptions.url !== '/graphql') return;
      const query = queryText(request);
      if (typeof query === 'string' && query.length > limits.maxLength) {
        return reply.code(413).send({
          data: null,
          errors: [
            {
              message: `The query is ${query.length} characters long; the limit is ${limits.maxLength}.`,
              extensions: { code: 'QUERY_TOO_LARGE', maxLength: limits.maxLength },
            },
          ],
        });
      }
    });

    const presenterStates = new PresenterStates();
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
      analyses: app.analyses,
    });

    await app.register(mercurius, {
      schema: typeDefs,
      resolvers: resolvers as IResolvers,
      context,
      // Live follow of presentations (graphql-transport-ws at /graphql). The upgrade request
      // passed the auth hook, so members are known by their session cookie; a share-link
      // follower proves access with the token in the subscription's arguments.
      subscription: {
        context: (_socket, request) => context(request, undefined as unknown as FastifyReply),
        verifyClient: (info, next) =>
          next(isAllowedSocketOrigin(info.origin || undefined, info.req.headers.host, options.corsOrigins), 403),
        keepAlive: 25_000,
      },
      errorFormatter,
      graphiql: options.graphiql,
      queryDepth: limits.maxDepth,
      validationRules,
      // Refuses "simple" cross-site requests (form posts, text/plain) that a browser sends without
      // a preflight; with SameSite=Strict cookies this is a second line against CSRF.
      csrfPrevention: true,
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
