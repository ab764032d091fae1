import type { Resolvers } from '@kopplingskartan/schema/generated';
import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';

import { requireViewer } from '../auth/roles.ts';
import { readDocument } from '../domain/document.ts';
import { notFound } from '../domain/errors.ts';
import { newOrganisationId } from '../domain/ids.ts';
import { exportOrganisation, importOrganisation } from '../editing/organisation-commands.ts';
import { checkDocumentSize } from '../io/import-limits.ts';
import { auditOf, authorizeOrganisation } from './authorize.ts';
import type { GraphQLContext } from './context.ts';

function literalValue(node: ValueNode, variables: Record<string, unknown> | null | undefined): unknown {
  switch (node.kind) {
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((field) => [field.name.value, literalValue(field.value, variables)]));
    case Kind.LIST:
      return node.values.map((value) => literalValue(value, variables));
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.NULL:
      return null;
    case Kind.VARIABLE:
      return variables?.[node.name.value];
    default:
      return node.value;
  }
}

/** Any JSON value; the interchange document is validated by the domain, not by GraphQL. */
const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: literalValue,
});

export const interchangeResolvers: Resolvers<GraphQLContext> = {
  JSON: JSONScalar,
  Query: {
    exportOrganisation: async (_, { id }, ctx) => {
      await authorizeOrganisation(ctx, id, 'VIEWER');
      return exportOrganisation(ctx.store, id);
    },
  },
  Mutation: {
    /**
     * Anyone signed in may import a new organisation (and becomes its owner): it gets an id of
     * the server's choosing, so that no answer tells whether an id is taken. Replacing needs the
     * owner (or an administrator), checked before the organisation's existence.
     */
    importOrganisation: async (_, { document, mode }, ctx) => {
      requireViewer(ctx.viewer);
      checkDocumentSize(document, ctx.importLimits);
      const { document: checked } = readDocument(document);
      if (mode === 'REPLACE') {
        const { id } = checked.organisation;
        await authorizeOrganisation(ctx, id, 'OWNER');
        if (!(await ctx.store.getOrganisation(id))) throw notFound('organisation', id);
        return importOrganisation(ctx.store, checked, 'REPLACE', auditOf(ctx));
      }
      // A new organisation gets the importer as its owner, in the same transaction.
      const organisationId = newOrganisationId(checked.organisation.name);
      return importOrganisation(
        ctx.store,
        { ...checked, organisation: { ...checked.organisation, id: organisationId } },
        'CREATE',
        auditOf(ctx),
      );
    },
  },
};
