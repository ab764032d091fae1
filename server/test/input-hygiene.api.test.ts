/**
 * Small slips of input found by the attack run (issue 11, item 8): control characters that broke
 * the XML exports, dates that are not days, and organisation ids that could be probed.
 */
import { expect, it } from 'vitest';

import { ADMIN, startTestApp } from './helpers.ts';
import { describeEachStore, storeTargets } from '../src/store/contract/store-targets.ts';

const stores = await storeTargets();

const UPDATE_ACTOR = `mutation($input: UpdateActorInput!) { updateActor(input: $input) { actor { name notes } } }`;

describeEachStore(stores, 'control characters in what a mutation sends', (store) => {
  it('are refused in a name (naming the field) and in a note, where tabs and line breaks are kept', async () => {
    const t = await startTestApp({ store, withFixture: true });
    const input = { organisationId: 'org', id: 'a-chief' };
    const named = await t.gql(UPDATE_ACTOR, { input: { ...input, name: 'Skol\u0001chef' } });
    expect(named.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name', reason: 'INVALID' });
    const tabbed = await t.gql(UPDATE_ACTOR, { input: { ...input, name: 'Skol\tchef' } });
    expect(tabbed.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    const belled = await t.gql(UPDATE_ACTOR, { input: { ...input, notes: 'ring\u0007' } });
    expect(belled.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'notes' });
    const kept = await t.gql(UPDATE_ACTOR, { input: { ...input, notes: 'två\r\nrader\tmed tabb' } });
    expect(kept.data!.updateActor.actor.notes).toBe('två\nrader\tmed tabb');
    const graphml = await t.app.inject({
      method: 'GET',
      url: '/api/export/org.graphml',
      headers: { cookie: (await t.signIn(ADMIN.email, ADMIN.password)).cookie },
    });
    expect(graphml.body).toContain('två\nrader&#9;med tabb');
  });
});

describeEachStore(stores, 'dates', (store) => {
  it('are days of the calendar in every mutation and import that takes one', async () => {
    const t = await startTestApp({ store, withFixture: true });
    const scenario = await t.gql(
      'mutation($input: CreateScenarioInput!) { createScenario(input: $input) { scenario { id } } }',
      { input: { organisationId: 'org', name: 'Februari', kind: 'OBSERVATION', observedAt: '2025-02-30' } },
    );
    expect(scenario.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'observedAt' });
    const clone = await t.gql(
      'mutation($input: CloneScenarioInput!) { cloneScenario(input: $input) { scenario { id } } }',
      {
        input: {
          organisationId: 'org',
          sourceId: 's-current',
          name: 'April',
          kind: 'OBSERVATION',
          observedAt: '2025-04-31',
        },
      },
    );
    expect(clone.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'observedAt' });
    const perception = await t.gql(
      'mutation($input: CreatePerceptionInput!) { createPerception(input: $input) { perception { observedAt } } }',
      { input: { organisationId: 'org', linkId: 'l-1', respondent: 'rektor', observedAt: '2025-13-01' } },
    );
    expect(perception.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'observedAt' });
    const leapDay = await t.gql(
      'mutation($input: CreatePerceptionInput!) { createPerception(input: $input) { perception { observedAt } } }',
      { input: { organisationId: 'org', linkId: 'l-1', respondent: 'rektor', observedAt: '2024-02-29' } },
    );
    expect(leapDay.data!.createPerception.perception.observedAt).toBe('2024-02-29');

    const { cookie } = await t.signIn(ADMIN.email, ADMIN.password);
    const imported = await t.app.inject({
      method: 'POST',
      url: '/api/import?organisationId=org&format=csv&sheet=perceptions',
      headers: { cookie },
      payload: 'link,respondent,date\r\nl-1,rektor,2025-02-30\r\n',
    });
    expect(imported.json().issues).toMatchObject([
      { sheet: 'perceptions', row: 2, field: 'observedAt', reason: 'INVALID', value: '2025-02-30' },
    ]);
  });
});

describeEachStore(stores, 'new organisations', (store) => {
  it('get ids the server chooses, so that no answer tells whether an id exists', async () => {
    const t = await startTestApp({ store, withFixture: true });
    const outsider = await t.as('outsider');
    const CREATE =
      'mutation { createOrganisation(input: { name: "Nyby kommun", kind: MUNICIPAL }) { organisation { id } } }';
    const first = (await outsider(CREATE)).data!.createOrganisation.organisation.id as string;
    const second = (await outsider(CREATE)).data!.createOrganisation.organisation.id as string;
    expect(first).toMatch(/^nyby-kommun-[0-9a-f]{8}$/);
    expect(second).not.toBe(first);
    const named = await outsider(
      'mutation { createOrganisation(input: { id: "org", name: "X", kind: OTHER }) { organisation { id } } }',
    );
    expect(named.errors![0]!.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');

    // The same document imported by one who cannot see "org", and by its owner: both get new ids.
    const document = (await t.gql('{ exportOrganisation(id: "org") }')).data!.exportOrganisation;
    const IMPORT = 'mutation($d: JSON!) { importOrganisation(document: $d) { organisation { id } } }';
    for (const caller of [outsider, t.gql]) {
      const answer = await caller(IMPORT, { d: document });
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.importOrganisation.organisation.id).toMatch(/^provkommun-[0-9a-f]{8}$/);
    }
    // Replacing needs its owner whether or not it exists.
    const REPLACE = 'mutation($d: JSON!) { importOrganisation(document: $d, mode: REPLACE) { organisation { id } } }';
    for (const id of ['org', 'no-such-org']) {
      const refused = await outsider(REPLACE, { d: { ...document, organisation: { ...document.organisation, id } } });
      expect(refused.errors![0]!.extensions.code).toBe('FORBIDDEN');
    }
    expect((await t.app.store.getOrganisation('org'))!.version).toBe(1);
  });

  it('can be made from the downloadable template as it is, over and over, whatever organisation is named', async () => {
    const t = await startTestApp({ store, withFixture: true });
    const { cookie } = await t.signIn(ADMIN.email, ADMIN.password);
    const ids: string[] = [];
    for (const format of ['xlsx', 'zip'] as const) {
      const template = await t.app.inject({ method: 'GET', url: `/api/import-template?format=${format}&lang=sv` });
      for (const query of ['', '&organisationId=org&mode=CREATE']) {
        const created = await t.app.inject({
          method: 'POST',
          url: `/api/import?format=${format}&dryRun=false${query}`,
          headers: { cookie },
          payload: template.rawPayload,
        });
        expect(created.statusCode).toBe(201);
        expect(created.json()).toMatchObject({ ok: true, applied: true, isNew: true, issues: [] });
        ids.push(created.json().organisationId);
      }
    }
    expect(new Set(ids).size).toBe(4);
    for (const id of ids) expect(id).toMatch(/^exempelkommun-[0-9a-f]{8}$/);
    expect((await t.app.store.getOrganisation('org'))!.name).toBe('Provkommun');
  });
});
