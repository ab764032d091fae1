import { expect, it } from 'vitest';

import { createOrganisationWithId, startTestApp, type TestApp } from './helpers.ts';
import { describeEachStore, type StoreTarget, storeTargets } from '../src/store/contract/store-targets.ts';

const stores = await storeTargets();

const EXPORT = 'query($id: ID!) { exportOrganisation(id: $id) }';

/** Runs a refused mutation and proves the stored organisations did not change at all. */
async function expectRefused(t: TestApp, query: string, variables: Record<string, unknown>) {
  const before = await Promise.all(['org', 'other'].map((id) => t.gql(EXPORT, { id })));
  const result = await t.gql(query, variables);
  const after = await Promise.all(['org', 'other'].map((id) => t.gql(EXPORT, { id })));
  expect(after).toEqual(before);
  expect(result.errors).toHaveLength(1);
  return result.errors![0]!;
}

async function appWithTwoOrganisations(store: StoreTarget): Promise<TestApp> {
  const t = await startTestApp({ store, withFixture: true });
  await createOrganisationWithId(t.app, 'other', 'Annan kommun');
  const actor = await t.gql(
    `mutation { createActor(input: { organisationId: "other", id: "x-chief", name: "Skolchef", levelKey: "administration" }) { actor { id } } }`,
  );
  expect(actor.errors).toBeUndefined();
  return t;
}

const CREATE_LINK = `mutation($input: CreateLinkInput!) { createLink(input: $input) { link { id coupling } } }`;
const link = (fields: Record<string, unknown>) => ({
  input: {
    organisationId: 'org',
    scenarioId: 's-current',
    sourceId: 'a-chief',
    targetId: 'a-teachers',
    kind: 'STEERING',
    coupling: 'TIGHT',
    ...fields,
  },
});

describeEachStore(stores, 'refused mutations name the field, say why, and change nothing', (store) => {
  it('refuses a link to an actor of another organisation', async () => {
    const t = await appWithTwoOrganisations(store);
    const error = await expectRefused(t, CREATE_LINK, link({ targetId: 'x-chief' }));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'targetId', reason: 'UNKNOWN_REFERENCE' });
    expect(error.message).toContain('x-chief');
  });

  it('refuses a self-link', async () => {
    const t = await appWithTwoOrganisations(store);
    const error = await expectRefused(t, CREATE_LINK, link({ targetId: 'a-chief' }));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'targetId', reason: 'SELF_LINK' });
  });

  it('refuses an actor on an unknown level', async () => {
    const t = await appWithTwoOrganisations(store);
    const error = await expectRefused(
      t,
      `mutation($input: CreateActorInput!) { createActor(input: $input) { actor { id } } }`,
      { input: { organisationId: 'org', name: 'Elevrådet', levelKey: 'pupils' } },
    );
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'levelKey', reason: 'UNKNOWN_LEVEL' });
  });

  it('refuses a second link of the same kind between the same actors, and a taken id', async () => {
    const t = await appWithTwoOrganisations(store);
    const parallel = await expectRefused(t, CREATE_LINK, link({ sourceId: 'a-committee', targetId: 'a-chief' }));
    expect(parallel.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'targetId', reason: 'DUPLICATE' });
    expect(parallel.message).toContain('l-1');
    const takenId = await expectRefused(t, CREATE_LINK, link({ id: 'l-2' }));
    expect(takenId.extensions).toMatchObject({ code: 'DUPLICATE', field: 'id' });
  });

  it('refuses a missing or empty required field', async () => {
    const t = await appWithTwoOrganisations(store);
    const empty = await expectRefused(
      t,
      `mutation($input: CreateActorInput!) { createActor(input: $input) { actor { id } } }`,
      {
        input: { organisationId: 'org', name: '   ', levelKey: 'teacher' },
      },
    );
    expect(empty.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name', reason: 'REQUIRED' });
    const missing = await expectRefused(t, CREATE_LINK, link({ coupling: undefined }));
    expect(missing.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'coupling',
      reason: 'COUPLING_REQUIRED',
    });
    expect(missing.extensions.issues).toHaveLength(1);
    const schemaLevel = await expectRefused(
      t,
      `mutation { createActor(input: { organisationId: "org", levelKey: "teacher" }) { actor { id } } }`,
      {},
    );
    expect(schemaLevel.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(schemaLevel.message).toContain('name');
  });

  it('refuses an oversized text', async () => {
    const t = await appWithTwoOrganisations(store);
    const error = await expectRefused(t, CREATE_LINK, link({ notes: 'x'.repeat(5001) }));
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'notes', reason: 'TOO_LONG' });
  });

  it('refuses a coupling that contradicts the ratings, and derives it when left out', async () => {
    const t = await appWithTwoOrganisations(store);
    const ratings = { targetResponds: true, sourceResponds: false, distinctive: true };
    const error = await expectRefused(t, CREATE_LINK, link({ ...ratings, coupling: 'TIGHT' }));
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'coupling',
      reason: 'COUPLING_CONTRADICTS_RATINGS',
    });
    const derived = await t.gql(CREATE_LINK, link({ ...ratings, coupling: undefined }));
    expect(derived.data?.createLink.link.coupling).toBe('LOOSE');
  });

  it('refuses records in another organisation even when the id is known', async () => {
    const t = await appWithTwoOrganisations(store);
    const update = await expectRefused(
      t,
      `mutation { updateActor(input: { organisationId: "org", id: "x-chief", name: "Kapad" }) { actor { id } } }`,
      {},
    );
    expect(update.extensions).toMatchObject({ code: 'NOT_FOUND', id: 'x-chief' });
    const del = await expectRefused(
      t,
      `mutation { deleteActor(organisationId: "other", id: "a-chief") { deletedId } }`,
      {},
    );
    expect(del.extensions).toMatchObject({ code: 'NOT_FOUND', id: 'a-chief' });
    const read = await t.gql(`{ actor(organisationId: "other", id: "a-chief") { id } }`);
    expect(read.data?.actor).toBeNull();
  });

  it('refuses a stale update with the versions in the error', async () => {
    const t = await appWithTwoOrganisations(store);
    const ok = await t.gql(
      `mutation { updateLink(input: { organisationId: "org", id: "l-1", expectedVersion: 1, coupling: LOOSE }) { link { version } } }`,
    );
    expect(ok.data?.updateLink.link.version).toBe(2);
    const error = await expectRefused(
      t,
      `mutation { updateLink(input: { organisationId: "org", id: "l-1", expectedVersion: 1, coupling: DECOUPLED }) { link { version } } }`,
      {},
    );
    expect(error.extensions).toMatchObject({ code: 'VERSION_CONFLICT', expectedVersion: 1, actualVersion: 2 });
  });

  it('refuses to delete the current scenario, a level in use, or a second current scenario', async () => {
    const t = await appWithTwoOrganisations(store);
    const scenario = await expectRefused(
      t,
      `mutation { deleteScenario(organisationId: "org", id: "s-current") { deletedId } }`,
      {},
    );
    expect(scenario.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id', reason: 'SCENARIO_RULE' });
    const levels = await expectRefused(
      t,
      `mutation { updateOrganisation(input: { id: "org", levels: [{ key: "politics", name: "Politik", isSide: false }] }) { organisation { id } } }`,
      {},
    );
    expect(levels.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'LEVEL_IN_USE' });
    const second = await expectRefused(
      t,
      `mutation { createScenario(input: { organisationId: "org", name: "Till", kind: CURRENT }) { scenario { id } } }`,
      {},
    );
    expect(second.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'kind', reason: 'SCENARIO_RULE' });
  });

  it('refuses an unknown enum value before any resolver runs', async () => {
    const t = await appWithTwoOrganisations(store);
    const error = await expectRefused(t, CREATE_LINK, link({ coupling: 'STRONG' }));
    expect(error.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(error.message).toContain('STRONG');
  });

  it('refuses an invalid document with every issue located, and imports nothing', async () => {
    const t = await appWithTwoOrganisations(store);
    const exported = await t.gql(EXPORT, { id: 'org' });
    const document = structuredClone(exported.data!.exportOrganisation) as any;
    document.organisation.id = 'copy';
    document.actors[0].levelKey = 'nowhere';
    document.scenarios[0].links[0].targetId = 'ghost';
    const error = await expectRefused(
      t,
      `mutation($d: JSON!) { importOrganisation(document: $d) { organisation { id } } }`,
      { d: document },
    );
    expect(error.extensions.code).toBe('DOCUMENT_INVALID');
    const issues = error.extensions.issues as Array<{ field: string; reason: string }>;
    expect(issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'actors[0].levelKey', reason: 'UNKNOWN_LEVEL' }),
        expect.objectContaining({ field: 'scenarios[0].links[0].targetId', reason: 'UNKNOWN_REFERENCE' }),
      ]),
    );
    expect((await t.gql(EXPORT, { id: 'copy' })).data?.exportOrganisation).toBeNull();
  });
});
