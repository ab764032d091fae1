import type { StoreConfig } from '../../config/config.ts';
import { openAccountStore, openRoundStore, openStore } from '../open-store.ts';
import { describeAccountStore } from './account-store.contract.ts';
import { describeGraphStore } from './graph-store.contract.ts';
import { describeRoundStore } from './round-store.contract.ts';
import { describeEachStore, storeTargets } from './store-targets.ts';

const stores = await storeTargets();

describeEachStore(stores, 'store contract', (target) => {
  describeGraphStore(() => openStore(target.config()));
  // Both instances the suite opens share one database (one SQLite file), as two app instances would.
  let config: StoreConfig | undefined;
  describeAccountStore(async () => {
    config ??= target.config();
    const store = await openStore(config);
    return { store, accounts: await openAccountStore(store) };
  });
  describeRoundStore(async () => {
    const store = await openStore(target.config());
    return { store, rounds: await openRoundStore(store) };
  });
});
