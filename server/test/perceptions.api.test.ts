import { expect, it } from 'vitest';

import { startTestApp } from './helpers.ts';
import { describeEachStore, storeTargets } from '../src/store/contract/store-targets.ts';

const stores = await storeTargets();

const DISAGREEING = '{ map(organisationId: "org") { disagreeingLinkIds } }';

describeEachStore(stores, 'links whose perceptions disagree, on the map', (store) => {
  it('lists a link whose respondents answer differently, and drops it once they agree', async () => {
    const t = await startTestApp({ store, withFixture: true });
    // The fixture's l-2: the superintendent says tight, the principal decoupled.
    expect((await t.gql(DISAGREEING)).data?.map.disagreeingLinkIds).toEqual(['l-2']);
    const update = await t.gql(
      'mutation { updatePerception(input: { organisationId: "org", id: "p-2", coupling: TIGHT }) { perception { id } } }',
    );
    expect(update.errors).toBeUndefined();
    expect((await t.gql(DISAGREEING)).data?.map.disagreeingLinkIds).toEqual([]);
  });

  it('says nothing about perceptions to the audience', async () => {
    const t = await startTestApp({ store, withFixture: true });
    const audience = await t.as('AUDIENCE', 'org');
    expect((await audience(DISAGREEING)).data?.map.disagreeingLinkIds).toEqual([]);
  });
});
