import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ADMIN, type Harness, signIn, startHarness, waitForMap } from './harness.ts';
import { gapDocument } from './helpers.ts';

interface Organisations {
  organisations: {
    nodes: { id: string; name: string; kind: string; levels: { key: string; name: string; isSide: boolean }[] }[];
  };
}
const ORGANISATIONS = '{ organisations { nodes { id name kind levels { key name isSide } } } }';
const MEMBERS = 'query($o: ID!) { members(organisationId: $o) { role user { email } } }';
const ACTORS = 'query($o: ID!) { map(organisationId: $o) { actors { name levelKey } } }';

let h: Harness;
let page: Page;
const dialog = () => page.getByRole('dialog');
const organisations = async () => (await h.gql<Organisations>(ORGANISATIONS)).organisations.nodes;
const byName = async (name: string) => (await organisations()).find((o) => o.name === name);

beforeAll(async () => {
  h = await startHarness({ seed: false });
  const context = await h.browser.newContext({ viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${h.baseUrl}/?e2e&lang=sv`);
  await signIn(page);
});
afterAll(async () => h?.close());

describe('starting a map in the browser', () => {
  it('starts from the empty state with the kind’s default chain, edited before creating', async () => {
    await page.getByRole('heading', { name: 'Börja med din första karta' }).waitFor();
    await page.getByRole('button', { name: 'Ny organisation' }).click();
    await dialog().locator('input[name="organisationName"]').fill('Friskolan AB');
    await dialog().getByRole('radio', { name: 'Enskild (fristående)' }).check();
    const names = () =>
      dialog()
        .locator('input[name^="level-"]')
        .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    await page.waitForFunction(() => document.querySelector<HTMLInputElement>('input[name="level-board"]') !== null);
    expect(await names()).toEqual(['Styrelse', 'VD', 'Regionchef', 'Rektor', 'Lärare', 'Stöd']);

    await dialog().locator('input[name="level-region"]').fill('Områdeschef');
    await dialog().getByRole('button', { name: 'Ta bort VD' }).click();
    await dialog().locator('input[name="newLevel"]').fill('Elevhälsa');
    await dialog().locator('input[name="newLevel"]').press('Enter');
    // A new level joins the chain last; marked as beside the chain it moves after it.
    await dialog().locator('li[data-level="elevhalsa"]').getByRole('checkbox').check();
    await dialog().locator('input[name="level-teacher"]').press('Alt+ArrowUp');
    expect(await names()).toEqual(['Styrelse', 'Områdeschef', 'Lärare', 'Rektor', 'Stöd', 'Elevhälsa']);
    await dialog().getByRole('button', { name: 'Flytta Lärare nedåt' }).click();
    await dialog().getByRole('button', { name: 'Skapa', exact: true }).click();

    await waitForMap(page);
    await page.getByTestId('notice').getByText('Organisationen ”Friskolan AB” skapad. Du är dess ägare.').waitFor();
    const created = await byName('Friskolan AB');
    expect(created?.kind).toBe('INDEPENDENT');
    expect(created?.levels).toEqual([
      { key: 'board', name: 'Styrelse', isSide: false },
      { key: 'region', name: 'Områdeschef', isSide: false },
      { key: 'principal', name: 'Rektor', isSide: false },
      { key: 'teacher', name: 'Lärare', isSide: false },
      { key: 'support', name: 'Stöd', isSide: true },
      { key: 'elevhalsa', name: 'Elevhälsa', isSide: true },
    ]);
    const { members } = await h.gql<{ members: { role: string; user: { email: string } }[] }>(MEMBERS, {
      o: created?.id,
    });
    expect(members).toEqual([{ role: 'OWNER', user: { email: ADMIN.email } }]);
  });

  it('imports the template as is into a new organisation, from the menu, by keyboard', async () => {
    const menu = page.getByRole('button', { name: 'Hantera ▾' });
    await menu.focus();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('menuitem', { name: 'Ny organisation…' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Ny organisation…');
    await page.keyboard.press('Enter');
    await dialog().locator('input[name="organisationName"]').fill('Provkommun');
    await dialog().getByRole('radio', { name: 'Mallens exempel' }).check();
    await dialog().getByRole('button', { name: 'Skapa', exact: true }).click();
    await page.getByTestId('notice').getByText('Organisationen ”Provkommun” skapad.', { exact: false }).waitFor();
    await waitForMap(page);
    const created = await byName('Provkommun');
    const { map } = await h.gql<{ map: { actors: unknown[] } }>(ACTORS, { o: created?.id });
    expect(map.actors.length).toBeGreaterThan(3);
    expect(await page.locator('select[name="organisation"]').inputValue()).toBe(created?.id);
  });

  it('lists every problem of a bad file and creates nothing; a good file becomes the organisation', async () => {
    const before = (await organisations()).length;
    await page.getByRole('button', { name: 'Hantera ▾' }).click();
    await page.getByRole('menuitem', { name: 'Ny organisation…' }).click();
    await dialog().getByRole('radio', { name: 'En egen fil' }).check();
    const bad = gapDocument('trasig');
    bad.scenarios[0]!.links[0]!.targetId = 'ingen-sadan';
    await dialog()
      .locator('input[name="organisation-file"]')
      .setInputFiles({
        name: 'trasig.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(bad)),
      });
    await dialog().getByRole('button', { name: 'Skapa', exact: true }).click();
    await dialog().getByTestId('import-answer').getByText('1 problem', { exact: false }).waitFor();
    expect((await organisations()).length).toBe(before);

    await dialog()
      .locator('input[name="organisation-file"]')
      .setInputFiles({
        name: 'glapp.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(gapDocument('glapp'))),
      });
    await dialog().getByRole('button', { name: 'Skapa', exact: true }).click();
    await dialog().waitFor({ state: 'detached' });
    await waitForMap(page);
    expect((await organisations()).map((o) => o.name)).toContain('Glappkommun');
  });
});

describe('the levels of an organisation', () => {
  it('renames, reorders and adds levels, and the map follows', async () => {
    const org = await byName('Glappkommun');
    await page.getByRole('button', { name: 'Hantera ▾' }).click();
    await page.getByRole('menuitem', { name: 'Organisation och nivåer' }).click();
    await page.getByRole('heading', { name: 'Organisation och nivåer' }).waitFor();
    await page.locator('input[name="level-administration"]').fill('Central förvaltning');
    await page.locator('input[name="newLevel"]').fill('Elever');
    await page.getByRole('button', { name: 'Lägg till nivå' }).click();
    await page.getByRole('button', { name: 'Spara', exact: true }).click();
    await page.getByTestId('notice').getByText('Organisationen sparad.', { exact: false }).waitFor();
    const saved = await byName('Glappkommun');
    expect(saved?.levels.map((l) => l.name)).toEqual([
      'Politik',
      'Central förvaltning',
      'Rektor',
      'Lärare',
      'Elever',
      'Stöd',
    ]);
    expect(saved?.id).toBe(org?.id);
  });

  it('refuses to drop a level with actors until they are moved, then moves them and drops it', async () => {
    const row = page.locator('li[data-level="principal"]');
    await row.getByRole('button', { name: 'Ta bort Rektor' }).click();
    await row.getByText('”Rektor” har aktörer (1): flytta dem till en annan nivå först.').waitFor();
    await row.locator('select[name="moveTo"]').selectOption('teacher');
    await row.getByRole('button', { name: 'Flytta och ta bort nivån' }).click();
    await page.locator('li[data-level="principal"]').waitFor({ state: 'detached' });
    const org = await byName('Glappkommun');
    expect(org?.levels.map((l) => l.key)).not.toContain('principal');
    const { map } = await h.gql<{ map: { actors: { name: string; levelKey: string }[] } }>(ACTORS, { o: org?.id });
    expect(map.actors.find((a) => a.name === 'Rektor Ekskolan')?.levelKey).toBe('teacher');

    await page.getByRole('button', { name: '← Tillbaka till kartan' }).click();
    await waitForMap(page);
    expect(await page.evaluate(() => window.__kk?.cy.getElementById('g-principal').data('levelKey'))).toBe('teacher');
  });
});
