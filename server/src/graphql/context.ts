import type { GraphStore } from '../store/graph-store.ts';

/** What every resolver receives; built per request by plugins/graphql.ts. */
export interface GraphQLContext {
  store: GraphStore;
}
