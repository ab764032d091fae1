import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type Harness, openMap, startHarness } from './harness.ts';
import { importDocument, twoSchoolsDocument } from './helpers.ts';

let ORG = '';
const INITIATIVES = () =>
  `{ map(organisationId: "${ORG}") { initiatives { name ownerId targetActorIds targetUnitIds learningDimensions evidence { text date source } } } }`;
const LINK = () => `{ map(organisationId: "${ORG}") { links { id evidence { text date source } } } }`;
interface Initiatives {
  map: {
    initiatives: {
      name: string;
      ownerId: string | null;
      targetActorIds: string[];
      targetUnitIds: string[];
      learningDimensions: string[];
      evidence: { text: string; date: string | null; source: string | null }[];
    }[];
  };
}

let h: Harness;
let page: Page;
const dialog = () => page.getByRole('dialog');
const stored = async () => (await h.gql<Initiatives>(INITIATIVES())).map.initiatives;
const reachingOf = async (id: string) => {
  await page.evaluate((i) => void window.__kk?.cy.getElementById(i).emit('tap'), id);
  await page.getByRole('tab', { name: 'Detaljer' }).click();
  return page.getByTestId('initiatives-reaching').locator('li').allInnerTexts();
};

async function pick(name: string, text: string) {
  await dialog().locator(`input[name="${name}"]`).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

beforeAll(async () => {
  h = await startHarness({ seed: false });
  ORG = await importDocument(h, twoSchoolsDocument('initiatives'));
  page = await openMap(h, `org=${ORG}&lang=sv`);
});
afterAll(async () => h?.close());

describe('initiatives and evidence in the browser', () => {
  it('creates an initiative with owner, targets, dimensions and evidence', async () => {
    await page.getByRole('tab', { name: 'Insatser' }).click();
    await page.getByTestId('initiatives').getByText('Inga insatser i detta scenario än.').waitFor();
    await page.getByRole('button', { name: 'Ny insats' }).click();
    await dialog().locator('input[name="initiativeName"]').fill('Läslyftet');
    await pick('ownerId', 'lärosät');
    await pick('targetActorIds', 'lärarlaget ek');
    await pick('targetUnitIds', 'björk');
    await dialog().getByRole('checkbox', { name: 'Innehåll' }).check();
    await dialog().getByRole('checkbox', { name: 'Samspel' }).check();
    await dialog().getByRole('button', { name: 'Lägg till belägg' }).click();
    await dialog().getByRole('textbox', { name: 'Vad som iakttogs' }).fill('Lärarna läser tillsammans varje vecka');
    await dialog().getByRole('textbox', { name: 'Datum (ÅÅÅÅ-MM-DD)' }).fill('2026-02-10');
    await dialog().getByRole('textbox', { name: 'Källa (vem, vilket dokument)' }).fill('Loggbok');
    await dialog().getByRole('button', { name: 'Spara', exact: true }).click();
    await page.getByTestId('notice').getByText('Insatsen ”Läslyftet” sparad.').waitFor();
    expect(await stored()).toEqual([
      {
        name: 'Läslyftet',
        ownerId: 't-uni',
        targetActorIds: ['t-team-ek'],
        targetUnitIds: ['u-bjork'],
        learningDimensions: ['CONTENT', 'INTERACTION'],
        evidence: [{ text: 'Lärarna läser tillsammans varje vecka', date: '2026-02-10', source: 'Loggbok' }],
      },
    ]);
  });

  it('shows on the map whom it reaches: its actors and everyone in its units', async () => {
    await page.getByRole('button', { name: 'Visa vilka ”Läslyftet” når' }).click();
    await page.waitForFunction(() => window.__kk?.cy.getElementById('t-team-ek').hasClass('kk-hl'), null, {
      polling: 100,
    });
    const highlighted = await page.evaluate(() =>
      window.__kk?.cy
        .nodes('.kk-hl')
        .map((n) => n.id())
        .sort(),
    );
    expect(highlighted).toEqual(['t-p-bjork', 't-team-bjork', 't-team-ek']);
    await page.keyboard.press('Escape');
  });

  it('lists, per actor and unit, the initiatives that reach it', async () => {
    expect(await reachingOf('t-team-bjork')).toEqual(['Läslyftet']); // through its unit
    expect(await reachingOf('t-team-ek')).toEqual(['Läslyftet']); // aimed at it
    expect(await reachingOf('t-p-ek')).toEqual([]);
    expect(await reachingOf('unit:u-ek')).toEqual(['Läslyftet']); // an actor inside is aimed at
  });

  it('edits and deletes an initiative (the delete undoable)', async () => {
    await page.getByRole('tab', { name: 'Insatser' }).click();
    await page.getByRole('button', { name: 'Redigera ”Läslyftet”' }).click();
    await dialog().getByRole('checkbox', { name: 'Samspel' }).uncheck();
    await dialog().getByRole('button', { name: 'Ta bort Björkskolan' }).click();
    await dialog().getByRole('button', { name: 'Spara', exact: true }).click();
    await dialog().waitFor({ state: 'detached' });
    expect(await stored()).toMatchObject([{ learningDimensions: ['CONTENT'], targetUnitIds: [] }]);

    await page.getByRole('button', { name: 'Ta bort ”Läslyftet”' }).click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Ta bort' }).click();
    await page.getByTestId('notice').getByText('”Läslyftet” borttagen.').waitFor();
    expect(await stored()).toEqual([]);
    await page.locator('.toast').getByRole('button', { name: 'Ångra' }).click();
    await page.getByRole('heading', { name: 'Läslyftet' }).waitFor();
    expect((await stored()).map((i) => i.name)).toEqual(['Läslyftet']);
  });

  it('records evidence with its source on a link', async () => {
    await page.evaluate(() => void window.__kk?.cy.getElementById('t-l1').emit('tap'));
    await page.getByRole('tab', { name: 'Detaljer' }).click();
    await page.keyboard.press('e');
    await dialog().getByRole('button', { name: 'Lägg till belägg' }).click();
    await dialog().getByRole('textbox', { name: 'Vad som iakttogs' }).fill('Protokoll från nämnden');
    await dialog().getByRole('textbox', { name: 'Källa (vem, vilket dokument)' }).fill('Nämndens diarium');
    await dialog().getByRole('button', { name: 'Spara', exact: true }).click();
    await dialog().waitFor({ state: 'detached' });
    const { map } = await h.gql<{ map: { links: { id: string; evidence: unknown[] }[] } }>(LINK());
    expect(map.links.find((l) => l.id === 't-l1')?.evidence).toEqual([
      { text: 'Protokoll från nämnden', date: null, source: 'Nämndens diarium' },
    ]);
  });
});
