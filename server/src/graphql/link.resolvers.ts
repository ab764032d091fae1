import type { Resolvers } from '@kopplingskartan/schema/generated';

import { authorizeOrganisation } from './authorize.ts';
import type { GraphQLContext } from './context.ts';
import { toConnection } from './connection.ts';
import { recordMutations } from './record-mutations.ts';

export const linkResolvers: Resolvers<GraphQLContext> = {
  Query: {
    links: async (_, { organisationId, scenarioId, first, after }, ctx) => {
      await authorizeOrganisation(ctx, organisationId, 'VIEWER');
      return toConnection(
        await ctx.store.listRecords('link', organisationId, { scenarioId }, { first: first ?? 100, after }),
      );
    },
    link: async (_, { organisationId, id }, ctx) => {
      await authorizeOrganisation(ctx, organisationId, 'VIEWER');
      return (await ctx.store.getRecords('link', organisationId, [id]))[0] ?? null;
    },
  },
  Mutation: {
    ...recordMutations('link'),
    ...recordMutations('arena'),
    ...recordMutations('perception'),
    ...recordMutations('initiative'),
  },
};
