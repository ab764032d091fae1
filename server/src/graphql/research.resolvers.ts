import type { Resolvers } from '@kopplingskartan/schema/generated';

import { authorizeAdmin } from './authorize.ts';
import type { GraphQLContext } from './context.ts';

/** Cross-organisation research queries, pushed down to the store's own query language. */
export const researchResolvers: Resolvers<GraphQLContext> = {
  Query: {
    // Research reads across every organisation, so only administrators may ask.
    organisationsWithLevelGap: (_, { upperLevel, lowerLevel }, ctx) => {
      authorizeAdmin(ctx);
      return ctx.store.organisationsWithLevelGap({
        upperLevel: upperLevel ?? undefined,
        lowerLevel: lowerLevel ?? undefined,
      });
    },
  },
};
