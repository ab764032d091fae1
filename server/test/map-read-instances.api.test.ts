import { expect, it } from 'vitest';

import { uniqueId } from '../src/store/contract/contract-helpers.ts';
import { contractDocument } from '../src/store/contract/fixture.ts';
import { describeEachStore, storeTargets } from '../src/store/contract/store-targets.ts';
import { importOrganisation } from '../src/editing/organisation-commands.ts';
import { startTestApp } from './helpers.ts';

const stores = await storeTargets();

const MAP = 'query($id: ID!) { map(organisationId: $id) { actors { id name } } }';

describeEachStore(stores, 'two app instances on one store', (target) => {
  it('neither answers a map from before the other wrote to it', async () => {
    const store = target.config();
    const [one, two] = [await startTestApp({ app: { store } }), await startTestApp({ app: { store } })];
    const id = uniqueId('instances');
    await importOrganisation(one.app.store, contractDocument(id));
    try {
      const chiefOf = async () => {
        const { hits, threadReads } = one.app.mapReads;
        const { data } = await one.gql(MAP, { id });
        const chief = data!.map.actors.find((actor: { id: string }) => actor.id === 'a-chief').name;
        return { chief, isKept: one.app.mapReads.hits > hits, isInThread: one.app.mapReads.threadReads > threadReads };
      };
      await chiefOf();
      expect(await chiefOf()).toEqual({ chief: 'Skolchef', isKept: true, isInThread: false });
      const renamed = await two.gql(
        `mutation { updateActor(input: { organisationId: "${id}", id: "a-chief", name: "Ändrad av den andra" }) { actor { id } } }`,
      );
      expect(renamed.errors).toBeUndefined();
      expect(await chiefOf()).toEqual({ chief: 'Ändrad av den andra', isKept: false, isInThread: true });
    } finally {
      await one.app.store.deleteOrganisation(id);
    }
  });
});
