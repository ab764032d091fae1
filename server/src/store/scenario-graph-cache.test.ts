import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest';

import type { StoreConfig } from '../config/config.ts';
import type { Organisation, ScenarioGraph } from '../domain/records.ts';
import { testActor } from '../domain/test-records.ts';
import { importOrganisation } from '../editing/organisation-commands.ts';
import { contractDocument } from './contract/fixture.ts';
import { describeEachStore, storeTargets } from './contract/store-targets.ts';
import type { GraphStore } from './graph-store.ts';
import { openStore } from './open-store.ts';
import { ScenarioGraphCache } from './scenario-graph-cache.ts';
import { SqliteStore } from './sqlite/sqlite-store.ts';

/** A graph of `n` actors and nothing else (2 records for the organisation and scenario). */
function graphOf(n: number): ScenarioGraph {
  const actors = Array.from({ length: n }, (_, i) => ({ id: `a-${i}` })) as unknown as ScenarioGraph['actors'];
  return {
    organisation: {} as Organisation,
    scenario: {} as ScenarioGraph['scenario'],
    units: [],
    actors,
    links: [],
    arenas: [],
    perceptions: [],
    initiatives: [],
  };
}

describe('ScenarioGraphCache', () => {
  it('lets the least recently read graphs go when over its budget of records', () => {
    const cache = new ScenarioGraphCache(30);
    cache.add('o', 's1', 'w', graphOf(8));
    cache.add('o', 's2', 'w', graphOf(8));
    cache.add('o', 's3', 'w', graphOf(8));
    expect(cache.get('o', 's1', 'w')).toBeDefined();
    cache.add('o', 's4', 'w', graphOf(8));
    expect(['s1', 's2', 's3', 's4'].map((s) => cache.get('o', s, 'w') !== undefined)).toEqual([
      true,
      false,
      true,
      true,
    ]);
  });

  it('does not keep a graph bigger than its budget', () => {
    const cache = new ScenarioGraphCache(30);
    cache.add('o', 's', 'w', graphOf(29));
    expect(cache.get('o', 's', 'w')).toBeUndefined();
  });

  it('serves a graph only under the stamp it was read under', () => {
    const cache = new ScenarioGraphCache(100);
    const graph = cache.add('o', 's', 'w1', graphOf(1));
    expect(cache.get('o', 's', 'w2')).toBeUndefined();
    expect(cache.get('o', 's', 'w1')).toBe(graph);
  });

  it('drops one organisation’s graphs of an older stamp, not another’s whose id it prefixes', () => {
    const cache = new ScenarioGraphCache(100);
    cache.add('org', 's1', 'w1', graphOf(1));
    cache.add('org-2', 's1', 'w1', graphOf(1));
    cache.add('org', 's2', 'w2', graphOf(1));
    expect(cache.get('org', 's1', 'w1')).toBeUndefined();
    expect(cache.get('org-2', 's1', 'w1')).toBeDefined();
    expect(cache.get('org', 's2', 'w2')).toBeDefined();
  });

  it('reads through: loads on a miss, keeps nothing under a null stamp, narrows a copy to levels', async () => {
    const cache = new ScenarioGraphCache(100);
    let loads = 0;
    const load = () => {
      loads += 1;
      return {
        ...graphOf(0),
        actors: [
          { id: 'a', levelKey: 'top' },
          { id: 'b', levelKey: 'bottom' },
        ] as unknown as ScenarioGraph['actors'],
      };
    };
    const first = await cache.read('o', 's', 'w', load);
    expect(await cache.read('o', 's', 'w', load)).toBe(first);
    expect(loads).toBe(1);
    const narrowed = await cache.read('o', 's', 'w', load, { levelKeys: ['top'] });
    expect(narrowed!.actors.map((actor) => actor.id)).toEqual(['a']);
    expect(first!.actors).toHaveLength(2);
    await cache.read('o', 's', null, load);
    await cache.read('o', 's', null, load);
    expect(loads).toBe(3);
  });
});

const stores = await storeTargets();

describeEachStore(stores, 'a store’s scenario graphs', (target) => {
  let config: StoreConfig;
  let store: GraphStore;
  beforeEach(async () => {
    await target.reset();
    config = target.config();
    store = await openStore(config);
    onTestFinished(() => store.close());
    await importOrganisation(store, contractDocument('org'));
  });
  const read = (from = store) => from.readScenarioGraph('org', 's-current');
  const actorNames = async (from = store) => (await read(from))!.actors.map((actor) => actor.name);

  /** The graph as another instance on the same database reads it, past this one's cache. */
  async function readUncached() {
    const fresh = await openStore(config);
    try {
      return await read(fresh);
    } finally {
      await fresh.close();
    }
  }

  it('shares one frozen graph between readers until a write', async () => {
    const first = await read();
    expect(await read()).toBe(first);
    expect(() => (first!.actors as unknown[]).push({})).toThrow(TypeError);
    expect(() => Object.assign(first!.links[0]!, { notes: 'changed' })).toThrow(TypeError);
  });

  it.each([
    ['insertRecords', (s: GraphStore) => s.insertRecords('org', [{ kind: 'actor', record: newActor() }])],
    ['updateRecord', async (s: GraphStore) => s.updateRecord('actor', { ...(await chief(s)), name: 'Ny skolchef' })],
    ['deleteRecord', (s: GraphStore) => s.deleteRecord('actor', 'org', 'a-chief')],
    ['updateOrganisation', async (s: GraphStore) => s.updateOrganisation({ ...(await org(s)), name: 'Omdöpt' })],
    [
      'replaceOrganisation',
      async (s: GraphStore) => s.replaceOrganisation({ organisation: await org(s), records: [] }),
    ],
    ['deleteOrganisation', (s: GraphStore) => s.deleteOrganisation('org')],
  ])('reads what %s wrote', async (_, write) => {
    const before = await read();
    await write(store);
    const after = await read();
    expect(after).not.toBe(before);
    expect(after).toEqual(await readUncached());
  });

  it('reads what another instance on the same database (another process) committed', async () => {
    expect(await actorNames()).toContain('Skolchef');
    expect(await read()).toBe(await read());
    const other = await openStore(config);
    onTestFinished(() => other.close());
    await other.updateRecord('actor', { ...(await chief(other)), name: 'Skolchef från den andra' });
    expect(await actorNames()).toContain('Skolchef från den andra');
  });
});

describe('the embedded store’s scenario graphs in a transaction', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kk-graphs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('never keeps a graph read inside a transaction that is rolled back', async () => {
    const store = new SqliteStore({ file: join(dir, 'graphs.db') });
    onTestFinished(() => store.close());
    await store.migrate();
    await importOrganisation(store, contractDocument('org'));
    const actorNames = async () => (await store.readScenarioGraph('org', 's-current'))!.actors.map((a) => a.name);
    await actorNames();
    const chiefNow = await chief(store);
    const write = () => store.updateRecord('actor', { ...chiefNow, name: 'Aldrig sparad' });
    await expect(
      store.writeWith(write, () => {
        void store.readScenarioGraph('org', 's-current');
        throw new Error('the entry could not be stored');
      }),
    ).rejects.toThrow('the entry could not be stored');
    expect(await actorNames()).toContain('Skolchef');
  });
});

async function chief(store: GraphStore) {
  return (await store.getRecords('actor', 'org', ['a-chief']))[0]!;
}

async function org(store: GraphStore) {
  return (await store.getOrganisation('org'))!;
}

const newActor = () => testActor('a-new', { name: 'Ny lärare' });
