/**
 * The client's map query (client/src/features/map/map.graphql) without `me`, the signed-in
 * person's memberships: that part differs per person, the map does not, and only a query of
 * maps alone is answered from the map read cache.
 */
import { readFileSync } from 'node:fs';

import { Kind, parse, print, visit } from 'graphql';

const document = parse(readFileSync(new URL('../../client/src/features/map/map.graphql', import.meta.url), 'utf8'));

export const mapQuery = print(
  visit(document, {
    OperationDefinition: (operation) => ({
      ...operation,
      selectionSet: {
        ...operation.selectionSet,
        selections: operation.selectionSet.selections.filter(
          (selection) => !(selection.kind === Kind.FIELD && selection.name.value === 'me'),
        ),
      },
    }),
  }),
);
