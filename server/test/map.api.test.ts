import { expect, it } from 'vitest';

import { startTestApp } from './helpers.ts';
import { describeEachStore, storeTargets } from '../src/store/contract/store-targets.ts';

const stores = await storeTargets();

describeEachStore(stores, 'the map API', (store) => {
  it('reports health and the store in use', async () => {
    const t = await startTestApp({ store });
    const response = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', store: store.kind, ready: true });
    expect((await t.gql('{ health { store ready } }')).data).toEqual({ health: { store: store.kind, ready: true } });
  });

  it('creates an organisation with the default chain and a current scenario', async () => {
    const t = await startTestApp({ store });
    const result = await t.gql(`mutation { createOrganisation(input: { name: "Nyby kommun", kind: MUNICIPAL }) {
      organisation { id name levels { key isSide rank } currentScenario { kind name } } } }`);
    const organisation = result.data!.createOrganisation.organisation;
    expect(organisation.levels).toEqual([
      { key: 'politics', isSide: false, rank: 0 },
      { key: 'administration', isSide: false, rank: 1 },
      { key: 'principal', isSide: false, rank: 2 },
      { key: 'teacher', isSide: false, rank: 3 },
      { key: 'support', isSide: true, rank: null },
    ]);
    expect(organisation.currentScenario).toEqual({ kind: 'CURRENT', name: 'Nuläge' });
  });

  it('serves one scenario as a flat map, narrowed by level on request', async () => {
    const t = await startTestApp({ store, withFixture: true });
    const whole = await t.gql(
      `{ map(organisationId: "org") { scenario { id } actors { id } links { id } arenas { id } perceptions { id } initiatives { id } units { id } } }`,
    );
    expect(whole.data!.map).toMatchObject({ scenario: { id: 's-current' } });
    expect(whole.data!.map.actors).toHaveLength(5);
    expect(whole.data!.map.links).toHaveLength(4);
    const narrowed = await t.gql(
      `{ map(organisationId: "org", levelKeys: ["principal", "teacher"]) { actors { id } links { id } } }`,
    );
    expect(narrowed.data!.map).toEqual({
      actors: [{ id: 'a-principal' }, { id: 'a-teachers' }],
      links: [{ id: 'l-3' }],
    });
    const missing = await t.gql(`{ map(organisationId: "org", scenarioId: "nope") { scenario { id } } }`);
    expect(missing.errors![0]!.extensions).toMatchObject({ code: 'NOT_FOUND', kind: 'scenario', id: 'nope' });
  });

  it('creates, updates and deletes an actor; deleting takes its links', async () => {
    const t = await startTestApp({ store, withFixture: true });
    const created = await t.gql(
      `mutation { createActor(input: { organisationId: "org", name: "Förstelärare", levelKey: "teacher", tags: ["matematik"] }) { actor { id version tags } } }`,
    );
    const actor = created.data!.createActor.actor;
    expect(actor).toMatchObject({ version: 1, tags: ['matematik'] });
    const link = await t.gql(
      `mutation($a: ID!) { createLink(input: { organisationId: "org", scenarioId: "s-current", sourceId: "a-principal", targetId: $a, kind: DIALOGUE, coupling: LOOSE }) { link { id } } }`,
      { a: actor.id },
    );
    expect(link.errors).toBeUndefined();
    const updated = await t.gql(
      `mutation($id: ID!) { updateActor(input: { organisationId: "org", id: $id, personName: "Kim Påhittad", tags: [] }) { actor { personName tags version name } } }`,
      {
        id: actor.id,
      },
    );
    expect(updated.data!.updateActor.actor).toEqual({
      personName: 'Kim Påhittad',
      tags: [],
      version: 2,
      name: 'Förstelärare',
    });
    const cleared = await t.gql(
      `mutation($id: ID!) { updateActor(input: { organisationId: "org", id: $id, personName: null }) { actor { personName } } }`,
      { id: actor.id },
    );
    expect(cleared.data!.updateActor.actor.personName).toBeNull();
    const deleted = await t.gql(`mutation($id: ID!) { deleteActor(organisationId: "org", id: $id) { deletedId } }`, {
      id: actor.id,
    });
    expect(deleted.data!.deleteActor.deletedId).toBe(actor.id);
    const links = await t.gql(
      `{ links(organisationId: "org", scenarioId: "s-current") { nodes { id } pageInfo { totalCount } } }`,
    );
    expect(links.data!.links.pageInfo.totalCount).toBe(4);
  });

  it('re-derives a coupling when the ratings change', async () => {
    const t = await startTestApp({ store, withFixture: true });
    const result = await t.gql(
      `mutation { updateLink(input: { organisationId: "org", id: "l-2", targetResponds: false, sourceResponds: false }) { link { coupling } } }`,
    );
    expect(result.data!.updateLink.link.coupling).toBe('DECOUPLED');
  });

  it('pages actors with cursors', async () => {
    const t = await startTestApp({ store, withFixture: true });
    const first = await t.gql(
      `{ actors(organisationId: "org", first: 2) { nodes { id } pageInfo { hasNextPage endCursor totalCount } } }`,
    );
    expect(first.data!.actors.nodes).toEqual([{ id: 'a-chief' }, { id: 'a-committee' }]);
    expect(first.data!.actors.pageInfo).toMatchObject({ hasNextPage: true, totalCount: 5 });
    const rest = await t.gql(
      `query($after: String) { actors(organisationId: "org", first: 10, after: $after) { nodes { id } pageInfo { hasNextPage } } }`,
      {
        after: first.data!.actors.pageInfo.endCursor,
      },
    );
    expect(rest.data!.actors.nodes.map((a: { id: string }) => a.id)).toEqual([
      'a-principal',
      'a-teachers',
      'a-university',
    ]);
    expect(rest.data!.actors.pageInfo.hasNextPage).toBe(false);
  });

  it('clones the current scenario into a desired one without perceptions', async () => {
    const t = await startTestApp({ store, withFixture: true });
    const cloned = await t.gql(
      `mutation { cloneScenario(input: { organisationId: "org", sourceId: "s-current", name: "Önskat läge", kind: DESIRED }) { scenario { id kind basedOnId } } }`,
    );
    const scenario = cloned.data!.cloneScenario.scenario;
    expect(scenario).toMatchObject({ kind: 'DESIRED', basedOnId: 's-current' });
    const map = await t.gql(
      `query($s: ID) { map(organisationId: "org", scenarioId: $s) { links { id sourceId targetId coupling arenaId } arenas { id } perceptions { id } initiatives { id } } }`,
      {
        s: scenario.id,
      },
    );
    const { links, arenas, perceptions, initiatives } = map.data!.map;
    expect(links).toHaveLength(4);
    expect(links.map((l: { id: string }) => l.id)).not.toContain('l-1');
    expect(links.find((l: { sourceId: string }) => l.sourceId === 'a-chief').arenaId).toBe(arenas[0].id);
    expect(arenas[0].id).not.toBe('ar-quality');
    expect(perceptions).toEqual([]);
    expect(initiatives).toHaveLength(1);
    const again = await t.gql(
      `mutation { cloneScenario(input: { organisationId: "org", sourceId: "s-current", name: "Igen", kind: DESIRED }) { scenario { id } } }`,
    );
    expect(again.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'SCENARIO_RULE' });
  });

  it('round-trips an organisation exactly: export, import as a new organisation, export again', async () => {
    const t = await startTestApp({ store, withFixture: true });
    const exported = (await t.gql(`{ exportOrganisation(id: "org") }`)).data!.exportOrganisation;
    const IMPORT = `mutation($d: JSON!) { importOrganisation(document: $d) { organisation { id } counts { actors links perceptions } } }`;
    const imported = await t.gql(IMPORT, { d: exported });
    // A new organisation gets an id the server chooses, from its name: never the document's.
    const { id } = imported.data!.importOrganisation.organisation;
    expect(id).toMatch(/^provkommun-[0-9a-f]{8}$/);
    expect(imported.data!.importOrganisation.counts).toEqual({ actors: 5, links: 4, perceptions: 2 });
    const copy = { ...exported, organisation: { ...exported.organisation, id } };
    const reExported = (await t.gql(`{ exportOrganisation(id: "${id}") }`)).data!.exportOrganisation;
    expect(reExported).toEqual(copy);
    const again = await t.gql(IMPORT, { d: copy });
    expect(again.data!.importOrganisation.organisation.id).not.toBe(id);
    const renamed = { ...copy, organisation: { ...copy.organisation, name: 'Ersatt' } };
    const replaced = await t.gql(
      `mutation($d: JSON!) { importOrganisation(document: $d, mode: REPLACE) { organisation { id name } } }`,
      { d: renamed },
    );
    expect(replaced.data!.importOrganisation.organisation).toEqual({ id, name: 'Ersatt' });
  });
});
