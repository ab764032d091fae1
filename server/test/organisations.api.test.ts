import { expect, it } from 'vitest';

import { startTestApp } from './helpers.ts';
import { describeEachStore, storeTargets } from '../src/store/contract/store-targets.ts';

const stores = await storeTargets();

describeEachStore(stores, 'starting an organisation', (store) => {
  it('offers each kind its default chain in both languages', async () => {
    const t = await startTestApp({ store });
    const result = await t.gql<{ defaultLevels: { key: string; name: { sv: string; en: string }; isSide: boolean }[] }>(
      '{ defaultLevels(kind: INDEPENDENT) { key name { sv en } isSide } }',
    );
    expect(result.data?.defaultLevels.slice(0, 3)).toEqual([
      { key: 'board', name: { sv: 'Styrelse', en: 'Board' }, isSide: false },
      { key: 'ceo', name: { sv: 'VD', en: 'CEO' }, isSide: false },
      { key: 'region', name: { sv: 'Regionchef', en: 'Regional manager' }, isSide: false },
    ]);
    expect(result.data?.defaultLevels.at(-1)).toEqual({
      key: 'support',
      name: { sv: 'Stöd', en: 'Support' },
      isSide: true,
    });
  });

  it('gives a new organisation without levels its kind’s chain, and keeps levels that are given', async () => {
    const t = await startTestApp({ store });
    const levels = async (input: string) => {
      const result = await t.gql<{
        createOrganisation: { organisation: { levels: { key: string; rank: number | null }[] } };
      }>(`mutation { createOrganisation(input: ${input}) { organisation { levels { key rank } } } }`);
      return result.data?.createOrganisation.organisation.levels.map((l) => `${l.key}:${l.rank ?? 'side'}`);
    };
    expect(await levels('{ name: "Friskolekoncernen", kind: INDEPENDENT }')).toEqual([
      'board:0',
      'ceo:1',
      'region:2',
      'principal:3',
      'teacher:4',
      'support:side',
    ]);
    expect(
      await levels(
        '{ name: "Egen", kind: INDEPENDENT, levels: [{ key: "huvudman", name: "Huvudman", isSide: false }, { key: "skola", name: "Skola", isSide: false }] }',
      ),
    ).toEqual(['huvudman:0', 'skola:1']);
  });
});
