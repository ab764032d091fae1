import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { expect, it } from 'vitest';

import { importOrganisation } from '../src/editing/organisation-commands.ts';
import { startTestApp } from './helpers.ts';
import { describeEachStore, storeTargets } from '../src/store/contract/store-targets.ts';

const stores = await storeTargets();

const seed = (name: string): unknown =>
  JSON.parse(readFileSync(resolve(import.meta.dirname, `../../seeds/organisations/${name}.json`), 'utf8'));

describeEachStore(stores, 'research across organisations', (store) => {
  it('finds the organisations whose adjacent levels have no responsive link in the current scenario', async () => {
    const t = await startTestApp({ store });
    await importOrganisation(t.app.store, seed('kommunby'));
    await importOrganisation(t.app.store, seed('skolgruppen'));
    const query = `query($u: String, $l: String) { organisationsWithLevelGap(upperLevel: $u, lowerLevel: $l) { id } }`;
    // skolgruppen's region managers and principals meet only through DECOUPLED links (seeds/README.md).
    expect((await t.gql(query, { u: 'region', l: 'principal' })).data).toEqual({
      organisationsWithLevelGap: [{ id: 'skolgruppen' }],
    });
    // kommunby's administration and principals are coupled; skolgruppen has no "administration" level.
    expect((await t.gql(query, {})).data).toEqual({ organisationsWithLevelGap: [] });
    // Not adjacent in skolgruppen's chain (region lies between), so no gap is claimed.
    expect((await t.gql(query, { u: 'management', l: 'principal' })).data).toEqual({ organisationsWithLevelGap: [] });
  });
});
