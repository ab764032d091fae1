import fp from 'fastify-plugin';

import type { StoreConfig } from '../config/config.ts';
import { ChangeLog } from '../editing/history.ts';
import type { AccountStore } from '../store/account-store.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { openAccountStore, openRoundStore, openStore } from '../store/open-store.ts';
import type { RoundStore } from '../store/round-store.ts';

declare module 'fastify' {
  interface FastifyInstance {
    store: GraphStore;
    accounts: AccountStore;
    /** Perception rounds, in the same database. */
    rounds: RoundStore;
    /** Records every change made through the API (editing/history.ts). */
    changeLog: ChangeLog;
  }
}

/** Opens (and migrates) the configured store and its account store for the app's lifetime. */
export const storePlugin = fp<{ config: StoreConfig }>(
  async (app, { config }) => {
    const store = await openStore(config);
    app.decorate('store', store);
    const accounts = await openAccountStore(store);
    app.decorate('accounts', accounts);
    app.decorate('changeLog', new ChangeLog(accounts));
    app.decorate('rounds', await openRoundStore(store));
    app.addHook('onClose', async () => store.close());
  },
  { name: 'store' },
);
