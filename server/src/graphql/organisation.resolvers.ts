import type { Resolvers } from '@kopplingskartan/schema/generated';

import { allRecords, currentScenario, listScenarios } from '../editing/read-map.ts';
import { createOrganisation, updateOrganisation } from '../editing/organisation-commands.ts';
import { notFound } from '../domain/errors.ts';
import type { GraphQLContext } from './context.ts';
import { toConnection } from './connection.ts';

export const organisationResolvers: Resolvers<GraphQLContext> = {
  Query: {
    organisations: async (_, { first, after }, { store }) =>
      toConnection(await store.listOrganisations({ first: first ?? 50, after })),
    organisation: (_, { id }, { store }) => store.getOrganisation(id),
  },
  Mutation: {
    createOrganisation: async (_, { input }, { store }) => ({ organisation: await createOrganisation(store, input) }),
    updateOrganisation: async (_, { input }, { store }) => ({ organisation: await updateOrganisation(store, input) }),
    deleteOrganisation: async (_, { id }, { store }) => {
      if (!(await store.deleteOrganisation(id))) throw notFound('organisation', id);
      return { deletedId: id };
    },
  },
  Organisation: {
    levels: (organisation) => {
      let rank = 0;
      return organisation.levels.map((level) => ({ ...level, rank: level.isSide ? null : rank++ }));
    },
    scenarios: (organisation, _, { store }) => listScenarios(store, organisation.id),
    currentScenario: (organisation, _, { store }) => currentScenario(store, organisation.id),
    units: (organisation, _, { store }) => allRecords(store, 'unit', organisation.id),
    actors: async (organisation, { first, after }, { store }) =>
      toConnection(await store.listRecords('actor', organisation.id, {}, { first: first ?? 100, after })),
  },
};
