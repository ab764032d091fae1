import { typeDefs } from '@kopplingskartan/schema/graphql';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { ValidationRule } from 'graphql';
import type { IResolvers } from 'mercurius';
import mercurius from 'mercurius';

import { type GraphQLContext, membershipLoader } from '../graphql/context.ts';
import { errorFormatter } from '../graphql/errors.ts';
import { noIntrospectionRule, QUERY_LIMITS, type QueryLimits, selectionLimitRule } from '../graphql/limits.ts';
import { resolvers } from '../graphql/resolvers.ts';

export interface GraphqlPluginOptions {
  graphiql: boolean;
  /** Schema introspection (`__schema`, `__type`); GraphiQL needs it. */
  introspection: boolean;
  limits?: Partial<QueryLimits>;
}

function queryText(request: FastifyRequest): unknown {
  const source = request.method === 'GET' ? request.query : request.body;
  return source && typeof source === 'object' ? (source as { query?: unknown }).query : undefined;
}

/** The GraphQL API at /graphql (GraphiQL at /graphiql when enabled). */
export const graphqlPlugin = fp<GraphqlPluginOptions>(
  async (app, options) => {
    const limits = { ...QUERY_LIMITS, ...options.limits };
    const validationRules: ValidationRule[] = [selectionLimitRule(limits)];
    if (!options.introspection) validationRules.push(noIntrospectionRule);

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

    await app.register(mercurius, {
      schema: typeDefs,
      resolvers: resolvers as IResolvers,
      context: (request: FastifyRequest, reply: FastifyReply): GraphQLContext => ({
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
      }),
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
  { name: 'graphql', dependencies: ['store', 'auth'] },
);
