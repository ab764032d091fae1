import type { Resolvers } from '@kopplingskartan/schema/generated';

import { cloneScenario } from '../editing/organisation-commands.ts';
import { loadScenarioGraph } from '../editing/read-map.ts';
import type { GraphQLContext } from './context.ts';
import { recordMutations } from './record-mutations.ts';

export const scenarioResolvers: Resolvers<GraphQLContext> = {
  Query: {
    map: (_, { organisationId, scenarioId, levelKeys }, { store }) =>
      loadScenarioGraph(store, organisationId, scenarioId, levelKeys ? { levelKeys } : {}),
  },
  Mutation: {
    ...recordMutations('scenario'),
    cloneScenario: async (_, { input }, { store }) => ({ scenario: await cloneScenario(store, input) }),
  },
};
