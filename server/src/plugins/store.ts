import fp from 'fastify-plugin';

import type { StoreConfig } from '../config/config.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { openStore } from '../store/open-store.ts';

declare module 'fastify' {
  interface FastifyInstance {
    store: GraphStore;
  }
}

/** Opens (and migrates) the configured store for the app's lifetime and closes it with the app. */
export const storePlugin = fp<{ config: StoreConfig }>(
  async (app, { config }) => {
    const store = await openStore(config);
    app.decorate('store', store);
    app.addHook('onClose', async () => store.close());
  },
  { name: 'store' },
);
