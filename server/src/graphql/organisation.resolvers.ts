import type { Resolvers } from '@kopplingskartan/schema/generated';

import { requireViewer } from '../auth/roles.ts';
import { DEFAULT_CHAINS } from '../domain/default-chains.ts';
import type { Organisation } from '../domain/records.ts';
import { createOrganisation, deleteOrganisation, updateOrganisation } from '../editing/organisation-commands.ts';
import { allRecords, currentScenario, listScenarios } from '../editing/read-map.ts';
import { decodeCursor, encodeCursor, pageSize } from '../store/cursor.ts';
import type { Page } from '../store/graph-store.ts';
import { auditOf, authorizeOrganisation } from './authorize.ts';
import type { GraphQLContext } from './context.ts';
import { toConnection } from './connection.ts';

/**
 * The organisations a non-administrator belongs to, paged like the store's list (by id). A
 * person belongs to few organisations, so the page is cut from the membership list in memory.
 */
async function memberOrganisations(
  ctx: GraphQLContext,
  userId: string,
  first: number,
  after: string | null | undefined,
): Promise<Page<Organisation>> {
  const ids = (await ctx.accounts.listMemberships(userId)).map((membership) => membership.organisationId);
  const organisations = (await Promise.all(ids.map((id) => ctx.store.getOrganisation(id)))).filter(
    (organisation): organisation is Organisation => organisation !== null,
  );
  const from = decodeCursor(after);
  const rest = from === null ? organisations : organisations.filter((organisation) => organisation.id > from);
  const size = pageSize(first);
  const nodes = rest.slice(0, size);
  const last = nodes.at(-1);
  return {
    nodes,
    hasNextPage: rest.length > size,
    endCursor: last ? encodeCursor(last.id) : null,
    totalCount: organisations.length,
  };
}

export const organisationResolvers: Resolvers<GraphQLContext> = {
  Query: {
    organisations: async (_, { first, after }, ctx) => {
      const viewer = requireViewer(ctx.viewer);
      const page = viewer.isAdmin
        ? await ctx.store.listOrganisations({ first: first ?? 50, after })
        : await memberOrganisations(ctx, viewer.userId, first ?? 50, after);
      return toConnection(page);
    },
    organisation: async (_, { id }, ctx) => {
      await authorizeOrganisation(ctx, id, 'AUDIENCE');
      return ctx.store.getOrganisation(id);
    },
    defaultLevels: (_, { kind }, ctx) => {
      requireViewer(ctx.viewer);
      return [...DEFAULT_CHAINS[kind]];
    },
  },
  Mutation: {
    createOrganisation: async (_, { input }, ctx) => {
      requireViewer(ctx.viewer);
      // The creator becomes its owner, in the same transaction.
      return { organisation: await createOrganisation(ctx.store, input, auditOf(ctx)) };
    },
    updateOrganisation: async (_, { input }, ctx) => {
      await authorizeOrganisation(ctx, input.id, 'EDITOR');
      return { organisation: await updateOrganisation(ctx.store, input, auditOf(ctx)) };
    },
    deleteOrganisation: async (_, { id }, ctx) => {
      await authorizeOrganisation(ctx, id, 'OWNER');
      await deleteOrganisation(ctx.store, ctx.accounts, id);
      return { deletedId: id };
    },
  },
  Organisation: {
    levels: (organisation) => {
      let rank = 0;
      return organisation.levels.map((level) => ({ ...level, rank: level.isSide ? null : rank++ }));
    },
    scenarios: async (organisation, _, ctx) => {
      await authorizeOrganisation(ctx, organisation.id, 'AUDIENCE');
      return listScenarios(ctx.store, organisation.id);
    },
    currentScenario: async (organisation, _, ctx) => {
      await authorizeOrganisation(ctx, organisation.id, 'AUDIENCE');
      return currentScenario(ctx.store, organisation.id);
    },
    units: async (organisation, _, ctx) => {
      await authorizeOrganisation(ctx, organisation.id, 'AUDIENCE');
      return allRecords(ctx.store, 'unit', organisation.id);
    },
    actors: async (organisation, { first, after }, ctx) => {
      await authorizeOrganisation(ctx, organisation.id, 'VIEWER');
      return toConnection(await ctx.store.listRecords('actor', organisation.id, {}, { first: first ?? 100, after }));
    },
  },
};
