import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';

import { describeEachStore, type StoreTarget, storeTargets } from '../../server/src/store/contract/store-targets.ts';
import { type Harness, openMap, startHarness } from './harness.ts';
import { importDocument, twoSchoolsDocument } from './helpers.ts';

let ORG = '';
const EDITOR = { email: 'redaktor@example.org', password: 'redaktorns-lösenord-1' };
const ACTOR = () => `{ actor(organisationId: "${ORG}", id: "t-office") { name } }`;

let h: Harness;
let page: Page;
const entries = () => page.getByTestId('history').locator('li.history-entry');
const whats = () => entries().locator('.history-entry__what').allInnerTexts();

/** A change made by another person, through the API with their own session. */
async function asEditor(query: string): Promise<void> {
  const post = (body: object, cookie = '') =>
    fetch(`${h.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(body),
    });
  const login = await post({
    query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { expiresAt } }',
    variables: { e: EDITOR.email, p: EDITOR.password },
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const answer = (await (await post({ query }, cookie)).json()) as { errors?: unknown[] };
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
}

/** The server on `store` with an imported organisation, three changes by two people, and the map open. */
async function start(store: StoreTarget): Promise<void> {
  h = await startHarness({ seed: false, store });
  ORG = await importDocument(h, twoSchoolsDocument('history'));
  await h.gql(
    'mutation($e: String!, $p: String!) { createUser(input: { email: $e, password: $p, mustChangePassword: false }) { id } }',
    {
      e: EDITOR.email,
      p: EDITOR.password,
    },
  );
  await h.gql(`mutation($e: String!) { setMember(organisationId: "${ORG}", email: $e, role: EDITOR) { role } }`, {
    e: EDITOR.email,
  });
  await h.gql(
    `mutation { updateActor(input: { organisationId: "${ORG}", id: "t-office", name: "Skolförvaltningen" }) { actor { id } } }`,
  );
  await asEditor(
    `mutation { createActor(input: { organisationId: "${ORG}", id: "t-new", name: "Elevhälsan", levelKey: "support" }) { actor { id } } }`,
  );
  await asEditor(`mutation { deleteLink(organisationId: "${ORG}", id: "t-l1") { deletedId } }`);
  page = await openMap(h, `org=${ORG}&lang=sv`);
}

const stores = await storeTargets();

describeEachStore(stores, 'the history in the browser', (store) => {
  beforeAll(() => start(store));
  afterAll(async () => h?.close());

  it('lists who changed what, newest first, with an update’s before and after', async () => {
    await page.getByRole('button', { name: 'Hantera ▾' }).click();
    await page.getByRole('menuitem', { name: 'Historik' }).click();
    await page.getByRole('heading', { name: 'Ändringar (4)' }).waitFor();
    expect(await whats()).toEqual([
      'tog bort kopplingen ”Nämnden → Skolförvaltningen”',
      'skapade aktören ”Elevhälsan”',
      'ändrade aktören ”Skolförvaltningen”',
      'importerade organisationen ”Tvåskolekommun”',
    ]);
    expect(await entries().locator('.history-entry__who').allInnerTexts()).toEqual([
      EDITOR.email,
      EDITOR.email,
      'admin@example.org',
      'admin@example.org',
    ]);
    const update = entries().nth(2);
    await update.getByRole('button', { name: 'Före och efter' }).click();
    const row = update.locator('tbody tr');
    expect(await row.allInnerTexts()).toEqual(['Namn\tFörvaltningen\tSkolförvaltningen']);
  });

  it('narrows to one person, and back', async () => {
    await entries().first().getByRole('button', { name: 'Bara denna person' }).click();
    await page.getByRole('heading', { name: 'Ändringar (2)' }).waitFor();
    expect(await whats()).toEqual([
      'tog bort kopplingen ”Nämnden → Skolförvaltningen”',
      'skapade aktören ”Elevhälsan”',
    ]);
    await page.getByRole('button', { name: 'Visa ändringar av alla' }).click();
    await page.getByRole('heading', { name: 'Ändringar (4)' }).waitFor();
  });

  it('opens the history of the actor selected on the map (H)', async () => {
    await page.getByRole('button', { name: '← Tillbaka till kartan' }).click();
    await page.waitForFunction(() => window.__kk?.cy.getElementById('t-office').nonempty(), null, { polling: 100 });
    await page.evaluate(() => void window.__kk?.cy.getElementById('t-office').emit('tap'));
    await page.getByTestId('actor-details').waitFor();
    await page.keyboard.press('h');
    await page.getByText('Bara ”Skolförvaltningen”').waitFor();
    await page.getByRole('heading', { name: 'Ändringar (1)' }).waitFor();
    expect(await whats()).toEqual(['ändrade aktören ”Skolförvaltningen”']);
    await page.getByRole('button', { name: 'Visa ändringar av alla poster' }).click();
    await page.getByRole('heading', { name: 'Ändringar (4)' }).waitFor();
  });

  it('restores to a change after saying what it undoes; Cancel changes nothing', async () => {
    const target = entries().nth(2); // the rename: restoring keeps it and undoes the two later changes
    await target.getByRole('button', { name: 'Återställ hit…' }).click();
    const confirm = page.getByTestId('confirm-dialog');
    await confirm.getByText('Det ångrar de 2 ändringar som gjorts sedan', { exact: false }).waitFor();
    expect(await confirm.locator('li').allInnerTexts()).toEqual([
      'aktör: 0 kommer tillbaka, 1 tas bort, 0 blir som de var',
      'koppling: 1 kommer tillbaka, 0 tas bort, 0 blir som de var',
      `Ångrar: tog bort kopplingen ”Nämnden → Skolförvaltningen” (${EDITOR.email})`,
      `Ångrar: skapade aktören ”Elevhälsan” (${EDITOR.email})`,
    ]);
    await confirm.getByRole('button', { name: 'Avbryt' }).click();
    await page.getByRole('heading', { name: 'Ändringar (4)' }).waitFor();

    await target.getByRole('button', { name: 'Återställ hit…' }).click();
    await confirm.getByRole('button', { name: 'Återställ' }).click();
    await page.getByRole('heading', { name: 'Ändringar (5)' }).waitFor();
    expect((await whats())[0]).toBe('återställde organisationen ”Tvåskolekommun”');
    const { map } = await h.gql<{ map: { actors: { id: string }[]; links: { id: string }[] } }>(
      `{ map(organisationId: "${ORG}") { actors { id } links { id } } }`,
    );
    expect(map.actors.map((a) => a.id)).not.toContain('t-new');
    expect(map.links.map((l) => l.id)).toContain('t-l1');
    expect((await h.gql<{ actor: { name: string } }>(ACTOR())).actor.name).toBe('Skolförvaltningen');
  });
});
