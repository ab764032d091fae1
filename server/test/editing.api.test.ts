import { expect, it, vi } from 'vitest';

import { contractDocument } from '../src/store/contract/fixture.ts';
import { createOrganisationWithId, startTestApp, watchReads } from './helpers.ts';
import { describeEachStore, storeTargets } from '../src/store/contract/store-targets.ts';

const stores = await storeTargets();

const UPDATE_LINK = `mutation($v: Int!, $notes: String!) {
  updateLink(input: { organisationId: "org", id: "l-1", expectedVersion: $v, notes: $notes }) { link { notes version } } }`;

describeEachStore(stores, 'two editors, one link', (store) => {
  it('lets exactly one of two simultaneous updates through; the other learns what changed', async () => {
    const t = await startTestApp({ store, withFixture: true });
    const anna = await t.as('EDITOR', 'org');
    const bo = await t.as('EDITOR', 'org');
    const { version } = (await anna('{ link(organisationId: "org", id: "l-1") { version } }')).data!.link;
    const [a, b] = await Promise.all([
      anna(UPDATE_LINK, { v: version, notes: 'Annas anteckning' }),
      bo(UPDATE_LINK, { v: version, notes: 'Bos anteckning' }),
    ]);
    const results = [a, b];
    const won = results.filter((r) => !r.errors);
    const lost = results.filter((r) => r.errors);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = won[0]!.data!.updateLink.link;
    expect(winner.version).toBe(version + 1);
    expect(lost[0]!.errors![0]!.extensions).toMatchObject({
      code: 'VERSION_CONFLICT',
      kind: 'link',
      id: 'l-1',
      expectedVersion: version,
      actualVersion: version + 1,
      current: { id: 'l-1', notes: winner.notes, version: version + 1 },
    });
    const stored = (await anna('{ link(organisationId: "org", id: "l-1") { notes version } }')).data!.link;
    expect(stored).toEqual(winner);
  });

  it('asks the store for what an edit is checked against together, not one read after another', async () => {
    // On Neo4j every read is a round trip: an update made five in turn before it wrote.
    const t = await startTestApp({ store, withFixture: true });
    const anna = await t.as('EDITOR', 'org');
    const reads = watchReads(t.app.store, ['getOrganisation', 'getRecords', 'listRecords', 'findParallelLink']);
    try {
      const { version } = (await anna('{ link(organisationId: "org", id: "l-1") { version } }')).data!.link;
      reads.reset();
      const { errors } = await anna(UPDATE_LINK, { v: version, notes: 'Ny anteckning' });
      expect(errors).toBeUndefined();
      // Its actors and a parallel link, asked at once; no list of scenarios, which no link rule reads.
      expect(reads.mostAtOnce).toBeGreaterThanOrEqual(2);
      expect(reads.calls('listRecords')).toEqual([]);
      // A create with its own id asks whether the id is taken with the organisation, not after the rules.
      reads.reset();
      const create = (id: string, name: string) =>
        anna(
          `mutation { createActor(input: { organisationId: "org", id: "${id}", name: "${name}", levelKey: "teacher" }) { actor { id } } }`,
        );
      expect((await create('a-ny', 'Ny lärare')).errors).toBeUndefined();
      expect(reads.mostAtOnce).toBeGreaterThanOrEqual(2);
      expect((await create('a-ny', 'Ny lärare')).errors?.[0]?.extensions).toMatchObject({
        code: 'DUPLICATE',
        field: 'id',
      });
      // The rules still speak first.
      expect((await create('a-ny', '')).errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
    } finally {
      reads.restore();
    }
  });

  it('checks an editor’s role while the edit reads, and tells a caller who may not edit nothing more', async () => {
    const t = await startTestApp({ store, withFixture: true });
    const anna = await t.as('EDITOR', 'org');
    const viewer = await t.as('VIEWER', 'org');
    const events: string[] = [];
    const getRole = t.app.accounts.getRole.bind(t.app.accounts);
    const getOrganisation = t.app.store.getOrganisation.bind(t.app.store);
    const roles = vi.spyOn(t.app.accounts, 'getRole').mockImplementation(async (...args) => {
      // Held back, so that a read asked only after the answer cannot come before it.
      await new Promise((resolve) => setTimeout(resolve, 50));
      const role = await getRole(...args);
      events.push('role answered');
      return role;
    });
    const organisations = vi.spyOn(t.app.store, 'getOrganisation').mockImplementation(async (...args) => {
      events.push('organisation asked');
      return getOrganisation(...args);
    });
    try {
      const renamed = await anna(
        'mutation { updateActor(input: { organisationId: "org", id: "a-chief", name: "Förvaltningschef" }) { actor { name } } }',
      );
      expect(renamed.errors).toBeUndefined();
      expect(events.slice(0, 2)).toEqual(['organisation asked', 'role answered']);
      // The reads that overlapped the check tell a viewer nothing: not what exists, not what is invalid.
      for (const mutation of [
        'mutation { updateActor(input: { organisationId: "org", id: "a-nobody", name: "X" }) { actor { id } } }',
        'mutation { deleteLink(organisationId: "org", id: "l-nobody") { deletedId } }',
        'mutation { createLink(input: { organisationId: "org", scenarioId: "s-nobody", sourceId: "a-chief", targetId: "a-nobody", kind: STEERING, coupling: TIGHT }) { link { id } } }',
        'mutation { deleteActor(organisationId: "nope", id: "a-chief") { deletedId } }',
      ]) {
        expect((await viewer(mutation)).errors?.[0]?.extensions.code, mutation).toBe('FORBIDDEN');
      }
    } finally {
      roles.mockRestore();
      organisations.mockRestore();
    }
  });

  it('says what changed on a stale organisation update too', async () => {
    const t = await startTestApp({ store, withFixture: true });
    await t.gql(
      'mutation { updateOrganisation(input: { id: "org", name: "Nytt namn" }) { organisation { version } } }',
    );
    const stale = await t.gql(
      'mutation { updateOrganisation(input: { id: "org", expectedVersion: 1, name: "Gammalt" }) { organisation { id } } }',
    );
    expect(stale.errors![0]!.extensions).toMatchObject({
      code: 'VERSION_CONFLICT',
      actualVersion: 2,
      current: { name: 'Nytt namn', version: 2 },
    });
  });
});

describeEachStore(
  stores,
  'organisation isolation: a guessed id of another organisation is never read or written',
  (store) => {
    const KINDS = [
      { kind: 'unit', id: 'u-school' },
      { kind: 'actor', id: 'a-chief' },
      { kind: 'scenario', id: 's-current' },
      { kind: 'link', id: 'l-1' },
      { kind: 'arena', id: 'ar-quality' },
      { kind: 'perception', id: 'p-1' },
      { kind: 'initiative', id: 'i-1' },
    ] as const;

    it.each(KINDS)('$kind', async ({ kind, id }) => {
      const t = await startTestApp({ store, withFixture: true });
      // "mine" has none of the fixture's records; its editor knows the ids of "org".
      await createOrganisationWithId(t.app, 'mine', 'Min');
      const editor = await t.as('EDITOR', 'mine');
      const Kind = kind.charAt(0).toUpperCase() + kind.slice(1);
      const update = await editor(
        `mutation { update${Kind}(input: { organisationId: "mine", id: "${id}" }) { ${kind} { id } } }`,
      );
      expect(update.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', id });
      const remove = await editor(`mutation { delete${Kind}(organisationId: "mine", id: "${id}") { deletedId } }`);
      expect(remove.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', id });
      // Naming the other organisation instead is refused before the store is asked.
      const direct = await editor(
        `mutation { update${Kind}(input: { organisationId: "org", id: "${id}" }) { ${kind} { id } } }`,
      );
      expect(direct.errors![0]!.extensions.code).toBe('FORBIDDEN');
      if (kind === 'actor' || kind === 'link') {
        expect((await editor(`{ ${kind}(organisationId: "mine", id: "${id}") { id } }`)).data![kind]).toBeNull();
        expect(
          (await editor(`{ ${kind}(organisationId: "org", id: "${id}") { id } }`)).errors![0]!.extensions.code,
        ).toBe('FORBIDDEN');
      }
      const map = (
        await editor(
          '{ map(organisationId: "mine") { actors { id } links { id } units { id } arenas { id } perceptions { id } initiatives { id } } }',
        )
      ).data!.map;
      expect(JSON.stringify(map)).not.toContain(`"${id}"`);
      // And the record in "org" is untouched.
      const exported = (await t.gql('{ exportOrganisation(id: "org") }')).data!.exportOrganisation;
      expect(JSON.stringify(exported)).toContain(`"${id}"`);
    });
  },
);

describeEachStore(stores, 'history', (store) => {
  it('records who changed what, pages newest first, and restores an earlier state', async () => {
    const t = await startTestApp({ store, withFixture: true });
    const editor = await t.as('EDITOR', 'org');
    const viewer = await t.as('VIEWER', 'org');
    await editor(
      'mutation { updateActor(input: { organisationId: "org", id: "a-chief", name: "Förvaltningschef" }) { actor { id } } }',
    );
    const history = async () =>
      (
        await viewer(
          '{ history(organisationId: "org", first: 10) { nodes { id action kind recordId before after user { email } } pageInfo { totalCount } } }',
        )
      ).data!.history;
    const afterRename = await history();
    const [rename, imported] = afterRename.nodes;
    expect(rename).toMatchObject({
      action: 'UPDATE',
      kind: 'actor',
      recordId: 'a-chief',
      before: { name: 'Skolchef' },
      after: { name: 'Förvaltningschef' },
      user: { email: expect.stringMatching(/^editor-/) },
    });
    expect(imported).toMatchObject({ action: 'IMPORT', kind: 'organisation', user: null });

    await editor('mutation { deleteActor(organisationId: "org", id: "a-principal") { deletedId } }');
    await editor(
      'mutation { createUnit(input: { organisationId: "org", id: "u-new", name: "Ny enhet", kind: AREA }) { unit { id } } }',
    );
    const page1 = (
      await viewer(
        '{ history(organisationId: "org", first: 2) { nodes { action recordId } pageInfo { hasNextPage endCursor totalCount } } }',
      )
    ).data!.history;
    expect(page1.nodes).toEqual([
      { action: 'CREATE', recordId: 'u-new' },
      { action: 'DELETE', recordId: 'a-principal' },
    ]);
    expect(page1.pageInfo).toMatchObject({ hasNextPage: true, totalCount: 4 });
    const page2 = (
      await viewer(
        `{ history(organisationId: "org", first: 2, after: "${page1.pageInfo.endCursor}") { nodes { action } pageInfo { hasNextPage } } }`,
      )
    ).data!.history;
    expect(page2.nodes).toEqual([{ action: 'UPDATE' }, { action: 'IMPORT' }]);

    // Back to right after the rename: the principal (and the links the delete took) return, the new unit goes.
    const refused = await editor(
      `mutation { restoreOrganisation(organisationId: "org", historyEntryId: "${rename.id}") { id } }`,
    );
    expect(refused.errors![0]!.extensions.code).toBe('FORBIDDEN');
    const restored = await t.gql(
      `mutation { restoreOrganisation(organisationId: "org", historyEntryId: "${rename.id}") { id } }`,
    );
    expect(restored.errors).toBeUndefined();
    const map = (await t.gql('{ map(organisationId: "org") { actors { id name } links { id } units { id } } }')).data!
      .map;
    expect(map.actors.find((a: { id: string }) => a.id === 'a-chief').name).toBe('Förvaltningschef');
    expect(map.actors.map((a: { id: string }) => a.id)).toContain('a-principal');
    expect(map.links).toHaveLength(4);
    expect(map.units.map((u: { id: string }) => u.id)).not.toContain('u-new');
    // The restore is itself an entry, so it can be undone in turn.
    expect((await history()).nodes[0]).toMatchObject({ action: 'RESTORE', kind: 'organisation' });

    // Back to the import, i.e. before the rename.
    await t.gql(`mutation { restoreOrganisation(organisationId: "org", historyEntryId: "${imported.id}") { id } }`);
    const original = (await t.gql('{ actor(organisationId: "org", id: "a-chief") { name } }')).data!.actor;
    expect(original.name).toBe('Skolchef');
    const otherOrgEntry = await t.gql(
      `mutation { restoreOrganisation(organisationId: "nope", historyEntryId: "${imported.id}") { id } }`,
    );
    expect(otherOrgEntry.errors![0]!.extensions.code).toBe('NOT_FOUND');
  });

  it('refuses to restore to an entry before the history began', async () => {
    const t = await startTestApp({ store });
    // An organisation written without history (as by a tool), then edited through the API.
    await t.app.store.createOrganisation({
      organisation: { ...contractDocument('bare').organisation, version: 1 } as never,
      records: [],
    });
    await t.gql('mutation { updateOrganisation(input: { id: "bare", name: "Ändrad" }) { organisation { id } } }');
    const [entry] = (await t.app.accounts.listHistory('bare', { first: 1 })).nodes;
    const result = await t.gql(
      `mutation { restoreOrganisation(organisationId: "bare", historyEntryId: "${entry!.id}") { id } }`,
    );
    expect(result.errors![0]!.extensions.code).toBe('RESTORE_UNAVAILABLE');
  });
});
