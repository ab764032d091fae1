import type { Resolvers } from '@kopplingskartan/schema/generated';

import type { GraphQLContext } from './context.ts';

/** Cross-organisation research queries, pushed down to the store's own query language. */
export const researchResolvers: Resolvers<GraphQLContext> = {
  Query: {
    organisationsWithLevelGap: (_, { upperLevel, lowerLevel }, { store }) =>
      store.organisationsWithLevelGap({ upperLevel: upperLevel ?? undefined, lowerLevel: lowerLevel ?? undefined }),
  },
};
