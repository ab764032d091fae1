import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

import { describe, expect, it, vi } from 'vitest';

import { createUser } from '../src/auth/account-commands.ts';
import { importOrganisation } from '../src/editing/organisation-commands.ts';
import { contractDocument } from '../src/store/contract/fixture.ts';
import { openStore } from '../src/store/open-store.ts';
import { mapQuery } from '../bench/map-read-query.ts';
import { PASSWORD, startTestApp, type TestApp } from './helpers.ts';
import { describeEachStore, storeTargets } from '../src/store/contract/store-targets.ts';

const stores = await storeTargets();

const kommunby = (): { organisation: { name: string } } =>
  JSON.parse(readFileSync(new URL('../../seeds/organisations/kommunby.json', import.meta.url), 'utf8'));

const MAP = `query Map($organisationId: ID!) {
  map(organisationId: $organisationId) {
    organisation { name scenarios { id name } }
    scenario { id name }
    actors { id name personName }
    links { id coupling notes confidential }
    perceptions { id }
  }
}`;

/**
 * The map read through the API, and how: `isKept` when the cache answered, `isInThread` when the
 * map read thread executed it (else Mercurius did).
 */
async function readMap(t: TestApp, gql: TestApp['gql'] = t.gql, organisationId = 'org') {
  const { hits, threadReads } = t.app.mapReads;
  const response = await gql(MAP, { organisationId });
  return {
    ...response,
    isKept: t.app.mapReads.hits > hits,
    isInThread: t.app.mapReads.threadReads > threadReads,
  };
}

describeEachStore(stores, 'the map read cache', (store) => {
  it('answers a repeated map query without reading the store, with the same bytes', async () => {
    const t = await startTestApp({ store, withFixture: true });
    const send = () =>
      t.app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { cookie: (t.gql as unknown as { cookie: string }).cookie },
        payload: { query: MAP, variables: { organisationId: 'org' } },
      });
    const first = await send();
    const reads = vi.spyOn(t.app.store, 'readScenarioGraph');
    const second = await send();
    expect(reads).not.toHaveBeenCalled();
    expect(second.statusCode).toBe(200);
    expect(second.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(second.body).toBe(first.body);
    expect(second.json().data.map.actors).toHaveLength(5);
  });

  it('reads the store once for many first readers at the same time, and gives each the same answer', async () => {
    const t = await startTestApp({ store, withFixture: true });
    // The read takes a while, as a large map's does, so the other readers arrive while it runs.
    const read = t.app.store.readScenarioGraph.bind(t.app.store);
    const reads = vi.spyOn(t.app.store, 'readScenarioGraph').mockImplementation(async (...args) => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      return read(...args);
    });
    const { hits } = t.app.mapReads;
    const answers = await Promise.all(Array.from({ length: 8 }, () => readMap(t)));
    // One reader executes the query; the seven others wait for its answer and are served it.
    expect(t.app.mapReads.hits - hits).toBe(7);
    expect(reads).toHaveBeenCalledTimes(1);
    for (const answer of answers) {
      expect(answer.errors).toBeUndefined();
      expect(answer.data).toEqual(answers[0]?.data);
    }
    expect(answers[0]?.data).toMatchObject({ map: { actors: expect.any(Array) } });
  });

  it("answers the client's map query from the map read thread with the bytes Mercurius gives, in both views", async () => {
    const t = await startTestApp({ store });
    const { organisation } = await importOrganisation(t.app.store, kommunby());
    const viewer = await t.as('VIEWER', organisation.id);
    const audience = await t.as('AUDIENCE', organisation.id);
    const send = (gql: TestApp['gql']) =>
      t.app.inject({
        method: 'POST',
        url: '/graphql',
        headers: { cookie: (gql as unknown as { cookie: string }).cookie },
        payload: { query: mapQuery, variables: { organisationId: organisation.id } },
      });
    // The first read of a query text is executed by Mercurius; after a write, the thread executes it.
    const byMercurius = [await send(viewer), await send(audience)];
    await t.gql(
      `mutation { updateOrganisation(input: { id: "${organisation.id}", name: "${kommunby().organisation.name}" }) { organisation { id } } }`,
    );
    const { threadReads } = t.app.mapReads;
    const byThread = [await send(viewer), await send(audience)];
    expect(t.app.mapReads.threadReads - threadReads).toBe(2);
    expect(byThread.map((answer) => answer.body)).toEqual(byMercurius.map((answer) => answer.body));
    expect(byMercurius[0]!.json().data.map.actors.length).toBeGreaterThan(50);
    expect(byMercurius[1]!.body).not.toBe(byMercurius[0]!.body);
  });

  it('sends a large kept answer gzipped to callers who accept it, and the same bytes once inflated', async () => {
    const t = await startTestApp({ store });
    const { organisation } = await importOrganisation(t.app.store, kommunby());
    const send = (acceptEncoding?: string) =>
      t.app.inject({
        method: 'POST',
        url: '/graphql',
        headers: {
          cookie: (t.gql as unknown as { cookie: string }).cookie,
          ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}),
        },
        payload: { query: MAP, variables: { organisationId: organisation.id } },
      });
    const plain = await send();
    expect(plain.rawPayload.length).toBeGreaterThan(16 * 1024);
    // zlib gzips the kept answer in its own threads: ask until it has.
    let gzipped = await send('gzip, deflate');
    for (let attempt = 0; attempt < 500 && !gzipped.headers['content-encoding']; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      gzipped = await send('gzip, deflate');
    }
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    expect(gunzipSync(gzipped.rawPayload).toString()).toBe(plain.body);
    for (const refusing of [undefined, 'identity', 'gzip;q=0, identity']) {
      const answer = await send(refusing);
      expect(answer.headers['content-encoding']).toBeUndefined();
      expect(answer.body).toBe(plain.body);
    }
  });

  describe('never answers from before a write', () => {
    const writes: Array<[string, (t: TestApp) => Promise<void>, (map: MapData) => unknown]> = [
      [
        'a record edit',
        async (t) => {
          const result = await t.gql(
            'mutation { updateActor(input: { organisationId: "org", id: "a-chief", name: "Ny chef" }) { actor { id } } }',
          );
          expect(result.errors).toBeUndefined();
        },
        (map) => map.actors.find((actor) => actor.id === 'a-chief')?.name,
      ],
      [
        'a deletion',
        async (t) => {
          const result = await t.gql('mutation { deleteLink(organisationId: "org", id: "l-4") { deletedId } }');
          expect(result.errors).toBeUndefined();
        },
        (map) => map.links.map((link) => link.id),
      ],
      [
        'an import replacing the organisation',
        async (t) => {
          const document = contractDocument('org', 'Importerad kommun');
          const result = await t.gql(
            'mutation($d: JSON!) { importOrganisation(document: $d, mode: REPLACE) { organisation { id } } }',
            { d: document },
          );
          expect(result.errors).toBeUndefined();
        },
        (map) => map.organisation.name,
      ],
      [
        'a scenario change',
        async (t) => {
          const result = await t.gql(
            'mutation { updateScenario(input: { organisationId: "org", id: "s-current", name: "Läget nu" }) { scenario { id } } }',
          );
          expect(result.errors).toBeUndefined();
        },
        (map) => map.scenario.name,
      ],
      [
        'a new scenario',
        async (t) => {
          const result = await t.gql(
            'mutation { createScenario(input: { organisationId: "org", id: "s-new", name: "Ny", kind: DESIRED }) { scenario { id } } }',
          );
          expect(result.errors).toBeUndefined();
        },
        (map) => map.organisation.scenarios.map((scenario) => scenario.id),
      ],
      [
        'a restore from history',
        async (t) => {
          const history = await t.gql('{ history(organisationId: "org", first: 10) { nodes { id action } } }');
          // Newest first: the second rename's entry, then the first's ("Mellanläge").
          const [, renamed] = history.data!.history.nodes.filter(
            (entry: { action: string }) => entry.action === 'UPDATE',
          );
          const result = await t.gql(
            `mutation { restoreOrganisation(organisationId: "org", historyEntryId: "${renamed.id}") { id } }`,
          );
          expect(result.errors).toBeUndefined();
        },
        (map) => map.actors.find((actor) => actor.id === 'a-chief')?.name,
      ],
      [
        'a write through another connection to the same store',
        async (t) => {
          const other = await openStore(t.storeConfig);
          try {
            const [actor] = await other.getRecords('actor', 'org', ['a-chief']);
            await other.updateRecord('actor', { ...actor!, name: 'Från kommandoraden' });
          } finally {
            await other.close();
          }
        },
        (map) => map.actors.find((actor) => actor.id === 'a-chief')?.name,
      ],
    ];

    it.each(writes)(
      'after %s, the map is executed again (in the map read thread) and shows the write',
      async (_, write, part) => {
        const t = await startTestApp({ store, withFixture: true });
        // Something to restore to: the organisation as it was after this rename (the cache then holds a later state).
        await t.gql(
          'mutation { updateActor(input: { organisationId: "org", id: "a-chief", name: "Mellanläge" }) { actor { id } } }',
        );
        await t.gql(
          'mutation { updateActor(input: { organisationId: "org", id: "a-chief", name: "Skolchef" }) { actor { id } } }',
        );
        const before = await readMap(t);
        expect((await readMap(t)).isKept).toBe(true);
        await write(t);
        const after = await readMap(t);
        expect([after.isKept, after.isInThread]).toEqual([false, true]);
        expect(part(after.data!.map)).not.toEqual(part(before.data!.map));
        const fresh = await startTestAppOnSameStore(t);
        expect(after.data).toEqual((await readMap(fresh)).data);
      },
    );
  });

  describe('never answers a caller who may see less', () => {
    it('gives the audience its own map after a member read the full one, and the member the full one after', async () => {
      const t = await startTestApp({ store, withFixture: true });
      const viewer = await t.as('VIEWER');
      const audience = await t.as('AUDIENCE');
      const full = await readMap(t, viewer);
      expect(full.data!.map.links.map((link: { id: string }) => link.id)).toContain('l-3');
      const redacted = await readMap(t, audience);
      expect(redacted.errors).toBeUndefined();
      expect(redacted.data!.map.links.map((link: { id: string }) => link.id)).not.toContain('l-3');
      expect(redacted.data!.map.perceptions).toEqual([]);
      expect(redacted.data!.map.actors.every((actor: { personName: unknown }) => actor.personName === null)).toBe(true);
      // Each view is kept apart: both answered from the cache now, each its own.
      const [again, redactedAgain] = [await readMap(t, viewer), await readMap(t, audience)];
      expect([again.isKept, redactedAgain.isKept]).toEqual([true, true]);
      expect(again.data).toEqual(full.data);
      expect(redactedAgain.data).toEqual(redacted.data);
    });

    it('refuses callers without access to the organisation although its map is cached', async () => {
      const t = await startTestApp({ store, withFixture: true });
      await readMap(t);
      const outsider = await t.as('outsider');
      expect((await readMap(t, outsider)).errors![0]!.extensions.code).toBe('FORBIDDEN');
      expect((await readMap(t, t.anonymous)).errors![0]!.extensions.code).toBe('UNAUTHENTICATED');
    });

    it('refuses a member whose membership was taken away since their read was cached', async () => {
      const t = await startTestApp({ store, withFixture: true });
      const email = 'cache-viewer@test.example';
      const user = await createUser(t.app.accounts, { email, password: PASSWORD });
      await t.app.accounts.setMembership({ organisationId: 'org', userId: user.id, role: 'VIEWER' });
      const viewer = await t.signIn(email, PASSWORD);
      expect((await readMap(t, viewer)).errors).toBeUndefined();
      expect((await readMap(t, viewer)).isKept).toBe(true);
      await t.app.accounts.removeMembership('org', user.id);
      expect((await readMap(t, viewer)).errors![0]!.extensions.code).toBe('FORBIDDEN');
    });

    it('keeps organisations apart', async () => {
      const t = await startTestApp({ store, withFixture: true });
      const other = await importCopy(t, 'Annan kommun');
      const first = await readMap(t, t.gql, 'org');
      const second = await readMap(t, t.gql, other);
      expect(second.isKept).toBe(false);
      expect([first.data!.map.organisation.name, second.data!.map.organisation.name]).toEqual([
        contractDocument('org').organisation.name,
        'Annan kommun',
      ]);
    });
  });

  describe('stays within its limits', () => {
    it('keeps no answer larger than the largest allowed', async () => {
      const t = await startTestApp({ store, withFixture: true, app: { mapReadCache: { maxEntryBytes: 100 } } });
      await readMap(t);
      expect((await readMap(t)).isKept).toBe(false);
    });

    it('keeps nothing when turned off', async () => {
      const t = await startTestApp({ store, withFixture: true, app: { mapReadCache: { maxBytes: 0 } } });
      await readMap(t);
      expect((await readMap(t)).isKept).toBe(false);
    });

    it('lets the least recently used answer go when full', async () => {
      const t = await startTestApp({ store, withFixture: true });
      // An answer and its key take a little more than the answer's bytes: one fits in 1.5 times them, two do not.
      const size = Buffer.byteLength(JSON.stringify({ data: (await readMap(t)).data }));
      const small = await startTestApp({
        store,
        withFixture: true,
        app: { mapReadCache: { maxBytes: Math.round(size * 1.5) } },
      });
      const other = await importCopy(small, 'Annan kommun');
      await readMap(small, small.gql, 'org');
      expect((await readMap(small, small.gql, 'org')).isKept).toBe(true);
      await readMap(small, small.gql, other);
      expect((await readMap(small, small.gql, other)).isKept).toBe(true);
      expect((await readMap(small, small.gql, 'org')).isKept).toBe(false);
    });

    it('does not keep answers with errors, nor queries that ask for more than maps', async () => {
      const t = await startTestApp({ store, withFixture: true });
      const audience = await t.as('AUDIENCE');
      const forbiddenPart = '{ map(organisationId: "org") { organisation { actors { nodes { id } } } } }';
      expect((await audience(forbiddenPart)).errors![0]!.extensions.code).toBe('FORBIDDEN');
      const reads = vi.spyOn(t.app.store, 'readScenarioGraph');
      await audience(forbiddenPart);
      expect(reads).toHaveBeenCalledTimes(1);
      const withMe = '{ map(organisationId: "org") { actors { id } } me { email } }';
      await t.gql(withMe);
      await t.gql(withMe);
      expect(reads).toHaveBeenCalledTimes(3);
    });
  });
});

interface MapData {
  organisation: { name: string; scenarios: Array<{ id: string }> };
  scenario: { name: string };
  actors: Array<{ id: string; name: string }>;
  links: Array<{ id: string }>;
}

/** A second app on the same store, with an empty cache: what the store holds now. */
async function startTestAppOnSameStore(t: TestApp): Promise<TestApp> {
  return startTestApp({ app: { store: t.storeConfig } });
}

/** A copy of the fixture imported as a new organisation; its id, which the server chose. */
async function importCopy(t: TestApp, name: string): Promise<string> {
  const result = await t.gql('mutation($d: JSON!) { importOrganisation(document: $d) { organisation { id } } }', {
    d: contractDocument('copy', name),
  });
  return result.data!.importOrganisation.organisation.id;
}
