import type { Resolvers } from '@kopplingskartan/schema/generated';

import { asymmetry } from '../analysis/asymmetry.ts';
import { toChainGraph } from '../analysis/chain-graph.ts';
import { buildGraphIndex } from '../analysis/graph-index.ts';
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
  MapSlice: {
    // The same rule as the asymmetry analysis; the audience's map has no perceptions, so none.
    disagreeingLinkIds: (graph) =>
      asymmetry(buildGraphIndex(toChainGraph(graph))).disagreements.map((disagreement) => disagreement.linkId),
  },
  Mutation: {
    ...recordMutations('scenario'),
    cloneScenario: async (_, { input }, ctx) => {
      await authorizeOrganisation(ctx, input.organisationId, 'EDITOR');
      return { scenario: await cloneScenario(ctx.store, input, auditOf(ctx)) };
    },
  },
};
