import type { Resolvers } from '@kopplingskartan/schema/generated';

import { redactForAudience } from '../auth/redact.ts';
import { canSeeConfidential } from '../auth/roles.ts';
import { cloneScenario } from '../editing/organisation-commands.ts';
import { loadScenarioGraph } from '../editing/read-map.ts';
import { auditOf, authorizeOrganisation } from './authorize.ts';
import type { GraphQLContext } from './context.ts';
import { recordMutations } from './record-mutations.ts';

export const scenarioResolvers: Resolvers<GraphQLContext> = {
  Query: {
    map: async (_, { organisationId, scenarioId, levelKeys }, ctx) => {
      const role = await authorizeOrganisation(ctx, organisationId, 'AUDIENCE');
      const graph = await loadScenarioGraph(ctx.store, organisationId, scenarioId, levelKeys ? { levelKeys } : {});
      return canSeeConfidential(role) ? graph : redactForAudience(graph);
    },
  },
  Mutation: {
    ...recordMutations('scenario'),
    cloneScenario: async (_, { input }, ctx) => {
      await authorizeOrganisation(ctx, input.organisationId, 'EDITOR');
      return { scenario: await cloneScenario(ctx.store, input, auditOf(ctx)) };
    },
  },
};
