import { typeDefs } from '@kopplingskartan/schema/graphql';
import fp from 'fastify-plugin';
import type { IResolvers } from 'mercurius';
import mercurius from 'mercurius';

import type { GraphQLContext } from '../graphql/context.ts';
import { errorFormatter } from '../graphql/errors.ts';
import { resolvers } from '../graphql/resolvers.ts';

/** The GraphQL API at /graphql (GraphiQL at /graphiql when enabled). */
export const graphqlPlugin = fp<{ graphiql: boolean }>(
  async (app, { graphiql }) => {
    await app.register(mercurius, {
      schema: typeDefs,
      resolvers: resolvers as IResolvers,
      context: (): GraphQLContext => ({ store: app.store }),
      errorFormatter,
      graphiql,
      queryDepth: 12,
    });
    if (graphiql) {
      // A person who opens /graphql in a browser wants the explorer, not a "missing query" error.
      app.addHook('onRequest', async (request, reply) => {
        const isBrowserVisit =
          request.method === 'GET' && request.url === '/graphql' && request.headers.accept?.includes('text/html');
        if (isBrowserVisit) await reply.redirect('/graphiql');
      });
    }
  },
  { name: 'graphql', dependencies: ['store'] },
);
