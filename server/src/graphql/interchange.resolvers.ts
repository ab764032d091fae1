import type { Resolvers } from '@kopplingskartan/schema/generated';
import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';

import { exportOrganisation, importOrganisation } from '../editing/organisation-commands.ts';
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
    exportOrganisation: (_, { id }, { store }) => exportOrganisation(store, id),
  },
  Mutation: {
    importOrganisation: (_, { document, mode }, { store }) => importOrganisation(store, document, mode ?? 'CREATE'),
  },
};
