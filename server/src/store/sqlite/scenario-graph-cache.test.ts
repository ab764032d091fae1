import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest';

import type { Organisation, ScenarioGraph } from '../../domain/records.ts';
import { testActor } from '../../domain/test-records.ts';
import { importOrganisation } from '../../editing/organisation-commands.ts';
import { contractDocument } from '../contract/fixture.ts';
import { ScenarioGraphCache } from './scenario-graph-cache.ts';
import { SqliteStore } from './sqlite-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'kk-graphs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

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
    cache.add('o', 's1', graphOf(8));
    cache.add('o', 's2', graphOf(8));
    cache.add('o', 's3', graphOf(8));
    expect(cache.get('o', 's1')).toBeDefined();
    cache.add('o', 's4', graphOf(8));
    expect(['s1', 's2', 's3', 's4'].map((s) => cache.get('o', s) !== undefined)).toEqual([true, false, true, true]);
  });

  it('does not keep a graph bigger than its budget', () => {
    const cache = new ScenarioGraphCache(30);
    cache.add('o', 's', graphOf(29));
    expect(cache.get('o', 's')).toBeUndefined();
  });

  it('forgets one organisation only, whose id may prefix another', () => {
    const cache = new ScenarioGraphCache(100);
    cache.add('org', 's', graphOf(1));
    cache.add('org-2', 's', graphOf(1));
    cache.forget('org');
    expect(cache.get('org', 's')).toBeUndefined();
    expect(cache.get('org-2', 's')).toBeDefined();
  });
});

describe('the embedded store’s scenario graphs', () => {
  let store: SqliteStore;
  let files = 0;
  beforeEach(async () => {
    files += 1;
    store = new SqliteStore({ file: join(dir, `graphs-${files}.db`) });
    onTestFinished(() => store.close());
    await store.migrate();
    await importOrganisation(store, contractDocument('org'));
  });
  const read = () => store.readScenarioGraph('org', 's-current');
  const actorNames = async () => (await read())!.actors.map((actor) => actor.name);

  it('shares one frozen graph between readers until a write', async () => {
    const first = await read();
    expect(await read()).toBe(first);
    expect(() => (first!.actors as unknown[]).push({})).toThrow(TypeError);
    expect(() => Object.assign(first!.links[0]!, { notes: 'changed' })).toThrow(TypeError);
  });

  it.each([
    ['insertRecords', (s: SqliteStore) => s.insertRecords('org', [{ kind: 'actor', record: newActor() }])],
    ['updateRecord', async (s: SqliteStore) => s.updateRecord('actor', { ...(await chief(s)), name: 'Ny skolchef' })],
    ['deleteRecord', (s: SqliteStore) => s.deleteRecord('actor', 'org', 'a-chief')],
    ['updateOrganisation', async (s: SqliteStore) => s.updateOrganisation({ ...(await org(s)), name: 'Omdöpt' })],
    [
      'replaceOrganisation',
      async (s: SqliteStore) => s.replaceOrganisation({ organisation: await org(s), records: [] }),
    ],
    ['deleteOrganisation', (s: SqliteStore) => s.deleteOrganisation('org')],
  ])('reads what %s wrote', async (_, write) => {
    const before = await read();
    await write(store);
    const after = await read();
    expect(after).not.toBe(before);
    expect(after).toEqual(await readUncached(store.shareDatabase().name));
  });

  it('reads what another connection (another process) committed', async () => {
    expect(await actorNames()).toContain('Skolchef');
    const other = new SqliteStore({ file: store.shareDatabase().name });
    onTestFinished(() => other.close());
    await other.updateRecord('actor', { ...(await chief(other)), name: 'Skolchef från verktyget' });
    expect(await actorNames()).toContain('Skolchef från verktyget');
  });

  it('never keeps a graph read inside a transaction that is rolled back', async () => {
    await read();
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

async function chief(store: SqliteStore) {
  return (await store.getRecords('actor', 'org', ['a-chief']))[0]!;
}

async function org(store: SqliteStore) {
  return (await store.getOrganisation('org'))!;
}

/** The graph as a fresh connection reads it, past any cache. */
async function readUncached(file: string) {
  const fresh = new SqliteStore({ file });
  try {
    return await fresh.readScenarioGraph('org', 's-current');
  } finally {
    await fresh.close();
  }
}

const newActor = () => testActor('a-new', { name: 'Ny lärare' });
