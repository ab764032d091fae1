import { describe, expect, it } from 'vitest';

import type { StoreConfig } from '../../config/config.ts';
import { openAccountStore, openRoundStore, openStore } from '../open-store.ts';
import { describeAccountStore } from './account-store.contract.ts';
import { contents, uniqueId } from './contract-helpers.ts';
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
  describe('two instances on one database', () => {
    it("see each other's writes in the write stamp", async () => {
      const shared = target.config();
      const [one, two] = [await openStore(shared), await openStore(shared)];
      try {
        await one.migrate();
        const id = uniqueId('two-instances');
        await one.createOrganisation(contents(id));
        const before = await two.writeStamp(id);
        expect(before).not.toBeNull();
        const [actor] = await one.getRecords('actor', id, ['a-chief']);
        await one.updateRecord('actor', { ...actor!, name: 'Ändrad av den andra' });
        expect(await two.writeStamp(id)).not.toBe(before);
        await one.deleteOrganisation(id);
      } finally {
        await Promise.all([one.close(), two.close()]);
      }
    });
  });
});
