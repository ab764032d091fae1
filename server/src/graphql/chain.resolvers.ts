import type { Resolvers } from '@kopplingskartan/schema/generated';

import { authorizeOrganisation } from './authorize.ts';
import type { GraphQLContext } from './context.ts';
import { toConnection } from './connection.ts';
import { recordMutations } from './record-mutations.ts';

export const chainResolvers: Resolvers<GraphQLContext> = {
  Query: {
    actors: async (_, { organisationId, first, after }, ctx) => {
      await authorizeOrganisation(ctx, organisationId, 'VIEWER');
      return toConnection(await ctx.store.listRecords('actor', organisationId, {}, { first: first ?? 100, after }));
    },
    actor: async (_, { organisationId, id }, ctx) => {
      await authorizeOrganisation(ctx, organisationId, 'VIEWER');
      return (await ctx.store.getRecords('actor', organisationId, [id]))[0] ?? null;
    },
  },
  Mutation: { ...recordMutations('unit'), ...recordMutations('actor') },
};
