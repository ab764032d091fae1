import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type Harness, openMap, startHarness } from './harness.ts';
import { importDocument, listedOptions, twoSchoolsDocument } from './helpers.ts';

let ORG = '';
const LINKS = () => `query { map(organisationId: "${ORG}") { links { id sourceId targetId kind } } }`;
const ACTORS = () => `query { map(organisationId: "${ORG}") { actors { id name levelKey unitId } } }`;
const ARENAS = () => `query { map(organisationId: "${ORG}") { arenas { name participantIds } } }`;
interface Links {
  map: { links: { id: string; sourceId: string; targetId: string; kind: string }[] };
}

let h: Harness;
let page: Page;

beforeAll(async () => {
  h = await startHarness({ seed: false });
  ORG = await importDocument(h, twoSchoolsDocument('building'));
  page = await openMap(h, `org=${ORG}&lang=sv`);
});
afterAll(async () => h?.close());

const dialog = () => page.getByRole('dialog');
const focusedName = () => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name ?? null);

describe('building a map quickly', () => {
  it('finds an actor by part of a role, lists the other end’s unit first, and saves and adds another', async () => {
    await page.keyboard.press('n');
    await dialog().locator('input[name="sourceId"]').waitFor();
    expect(await focusedName()).toBe('sourceId');
    await page.keyboard.type('skolch'); // the role of "Förvaltningen"
    expect(await listedOptions(page, 'sourceId')).toEqual(['Förvaltningen']);
    await page.keyboard.press('Tab');
    expect(await dialog().locator('input[name="sourceId"]').inputValue()).toBe('Förvaltningen');
    await page.keyboard.type('rektor');
    // Neither school is nearer to the administration: by name.
    expect(await listedOptions(page, 'targetId')).toEqual(['Rektor Björkskolan', 'Rektor Ekskolan']);
    // "ek" starts a word of "Rektor Ekskolan" only (it is inside "rektor" too).
    await page.keyboard.type(' ek');
    expect(await listedOptions(page, 'targetId')).toEqual(['Rektor Ekskolan', 'Rektor Björkskolan']);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+Enter');

    // The next form starts from the same source, with the focus on the target.
    await page.waitForFunction(() => document.querySelector<HTMLInputElement>('input[name="targetId"]')?.value === '');
    expect(await dialog().locator('input[name="sourceId"]').inputValue()).toBe('Förvaltningen');
    expect(await focusedName()).toBe('targetId');
    await page.getByTestId('notice').getByText('Kopplingen Förvaltningen → Rektor Ekskolan sparad.').waitFor();
    // Just used, so listed first.
    await page.keyboard.type('r');
    expect((await listedOptions(page, 'targetId'))[0]).toBe('Rektor Ekskolan');
    await page.keyboard.press('Escape'); // closes the list only
    expect(await dialog().isVisible()).toBe(true);
    await dialog().getByRole('button', { name: 'Avbryt' }).click();

    const { map } = await h.gql<Links>(LINKS());
    expect(map.links.filter((l) => l.sourceId === 't-office').map((l) => l.targetId)).toEqual(['t-p-ek']);
  });

  it('lists the actors of the source’s unit first for the target', async () => {
    await page.keyboard.press('n');
    await page.keyboard.type('rektor ek');
    await page.keyboard.press('Tab');
    await page.keyboard.type('lärar');
    expect(await listedOptions(page, 'targetId')).toEqual(['Lärarlaget Ekskolan', 'Lärarlaget Björkskolan']);
    await page.keyboard.press('Enter'); // chooses
    await page.keyboard.press('Enter'); // saves
    await dialog().waitFor({ state: 'detached' });
    const { map } = await h.gql<Links>(LINKS());
    expect(map.links.some((l) => l.sourceId === 't-p-ek' && l.targetId === 't-team-ek')).toBe(true);
  });

  it('undoes a save from its confirmation', async () => {
    const notice = page.getByTestId('notice');
    await notice.getByText('Kopplingen Rektor Ekskolan → Lärarlaget Ekskolan sparad.').waitFor();
    await page.locator('.toast').getByRole('button', { name: 'Ångra' }).click();
    await page.waitForFunction(
      () => !window.__kk?.cy.edges().some((e) => e.data('source') === 't-p-ek' && e.data('target') === 't-team-ek'),
      null,
      { polling: 100 },
    );
    const { map } = await h.gql<Links>(LINKS());
    expect(map.links.some((l) => l.sourceId === 't-p-ek' && l.targetId === 't-team-ek')).toBe(false);
  });

  it('asks in the app before deleting, keeps the link on Cancel and deletes it on confirm', async () => {
    const confirm = page.getByTestId('confirm-dialog');
    await page.evaluate(() => void window.__kk?.cy.getElementById('t-l1').emit('tap'));
    await page.getByTestId('link-details').waitFor();
    await page.keyboard.press('Delete');
    await confirm.getByText('Ta bort ”Nämnden → Förvaltningen”? Du kan ångra.').waitFor();
    await confirm.getByRole('button', { name: 'Avbryt' }).click();
    await confirm.waitFor({ state: 'detached' });
    expect((await h.gql<Links>(LINKS())).map.links.some((l) => l.id === 't-l1')).toBe(true);

    await page.keyboard.press('Delete');
    await confirm.getByRole('button', { name: 'Ta bort' }).click();
    await page.getByTestId('notice').getByText('”Nämnden → Förvaltningen” borttagen.').waitFor();
    await page.waitForFunction(() => window.__kk?.cy.getElementById('t-l1').empty(), null, { polling: 100 });
    expect((await h.gql<Links>(LINKS())).map.links.some((l) => l.id === 't-l1')).toBe(false);
  });

  it('adds actors one after another in the same level and unit', async () => {
    await page.evaluate(() => void window.__kk?.cy.getElementById('unit:u-bjork').emit('tap'));
    await page.keyboard.press('a');
    await dialog().locator('input[name="name"]').waitFor();
    expect(await dialog().locator('select[name="unitId"]').inputValue()).toBe('u-bjork');
    await page.keyboard.type('Förstelärare Björkskolan');
    await dialog().locator('select[name="levelKey"]').selectOption('teacher');
    await page.keyboard.press('Control+Enter');
    await page.waitForFunction(() => document.querySelector<HTMLInputElement>('input[name="name"]')?.value === '');
    expect(await dialog().locator('select[name="levelKey"]').inputValue()).toBe('teacher');
    expect(await dialog().locator('select[name="unitId"]').inputValue()).toBe('u-bjork');
    expect(await focusedName()).toBe('name');
    await page.keyboard.type('Speciallärare Björkskolan');
    await page.keyboard.press('Enter');
    await dialog().waitFor({ state: 'detached' });
    const { map } = await h.gql<{ map: { actors: { name: string; levelKey: string; unitId: string | null }[] } }>(
      ACTORS(),
    );
    for (const name of ['Förstelärare Björkskolan', 'Speciallärare Björkskolan'])
      expect(map.actors.find((a) => a.name === name)).toMatchObject({ levelKey: 'teacher', unitId: 'u-bjork' });
  });

  it('picks arena participants by typing, and removes one', async () => {
    await page.keyboard.press('r');
    await dialog().locator('input[name="name"]').fill('Rektorsforum');
    const picker = dialog().locator('input[name="participantIds"]');
    for (const part of ['rektor ek', 'rektor bj', 'förvaltn']) {
      await picker.click();
      await page.keyboard.type(part);
      await page.keyboard.press('Enter');
    }
    await dialog().getByRole('button', { name: 'Ta bort Förvaltningen' }).click();
    await dialog().getByRole('button', { name: 'Spara', exact: true }).click();
    await dialog().waitFor({ state: 'detached' });
    const { map } = await h.gql<{ map: { arenas: { name: string; participantIds: string[] }[] } }>(ARENAS());
    expect(map.arenas).toEqual([{ name: 'Rektorsforum', participantIds: ['t-p-ek', 't-p-bjork'] }]);
  });
});
