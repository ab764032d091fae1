import type { Resolvers } from '@kopplingskartan/schema/generated';

import type { GraphQLContext } from './context.ts';
import { toConnection } from './connection.ts';
import { recordMutations } from './record-mutations.ts';

export const chainResolvers: Resolvers<GraphQLContext> = {
  Query: {
    actors: async (_, { organisationId, first, after }, { store }) =>
      toConnection(await store.listRecords('actor', organisationId, {}, { first: first ?? 100, after })),
    actor: async (_, { organisationId, id }, { store }) =>
      (await store.getRecords('actor', organisationId, [id]))[0] ?? null,
  },
  Mutation: { ...recordMutations('unit'), ...recordMutations('actor') },
};
