import type { Page } from '../store/graph-store.ts';

/** A store page in the GraphQL connection shape (`nodes` + `pageInfo`). */
export function toConnection<T>(page: Page<T>) {
  return {
    nodes: page.nodes,
    pageInfo: { hasNextPage: page.hasNextPage, endCursor: page.endCursor, totalCount: page.totalCount },
  };
}
