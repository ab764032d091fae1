import type { Resolvers } from '@kopplingskartan/schema/generated';

import { accountResolvers } from './account.resolvers.ts';
import { analysisResolvers } from './analysis.resolvers.ts';
import { chainResolvers } from './chain.resolvers.ts';
import type { GraphQLContext } from './context.ts';
import { interchangeResolvers } from './interchange.resolvers.ts';
import { linkResolvers } from './link.resolvers.ts';
import { organisationResolvers } from './organisation.resolvers.ts';
import { presentationResolvers } from './presentation.resolvers.ts';
import { researchResolvers } from './research.resolvers.ts';
import { roundResolvers } from './round.resolvers.ts';
import { scenarioResolvers } from './scenario.resolvers.ts';

const areas: Array<Resolvers<GraphQLContext>> = [
  organisationResolvers,
  chainResolvers,
  linkResolvers,
  scenarioResolvers,
  interchangeResolvers,
  accountResolvers,
  analysisResolvers,
  researchResolvers,
  presentationResolvers,
  roundResolvers,
  {
    Query: {
      health: async (_, __, { store }) => {
        const health = await store.health();
        return { store: health.kind, ready: health.ready };
      },
    },
  },
];

/** Every area's resolvers merged per type (each area extends Query and Mutation). */
export const resolvers = areas.reduce<Record<string, Record<string, unknown>>>((merged, area) => {
  for (const [type, fields] of Object.entries(area)) merged[type] = { ...merged[type], ...(fields as object) };
  return merged;
}, {});
