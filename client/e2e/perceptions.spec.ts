import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type Harness, openMap, startHarness } from './harness.ts';
import { importDocument, twoSchoolsDocument } from './helpers.ts';

let ORG = '';
const PERCEPTIONS = () =>
  `{ map(organisationId: "${ORG}") { disagreeingLinkIds perceptions { respondent coupling targetResponds linkId } } }`;
interface Perceptions {
  map: {
    disagreeingLinkIds: string[];
    perceptions: { respondent: string; coupling: string | null; targetResponds: boolean | null; linkId: string }[];
  };
}

let h: Harness;
let page: Page;
const panel = () => page.getByTestId('perceptions');
const dialog = () => page.getByRole('dialog');
const hasClass = (id: string, name: string) =>
  page.evaluate(([i, c]) => window.__kk?.cy.getElementById(i!).hasClass(c!) ?? false, [id, name]);
const stored = async () => (await h.gql<Perceptions>(PERCEPTIONS())).map;

async function addPerception(respondent: string, coupling: string, targetResponds?: 'true' | 'false') {
  await panel().getByRole('button', { name: 'Lägg till en uppfattning' }).click();
  await dialog().locator('input[name="respondent"]').fill(respondent);
  await dialog().locator('select[name="coupling"]').selectOption(coupling);
  if (targetResponds) await dialog().locator('select[name="targetResponds"]').selectOption(targetResponds);
  await dialog().getByRole('button', { name: 'Spara', exact: true }).click();
  await dialog().waitFor({ state: 'detached' });
  await page.getByTestId('notice').getByText(`Uppfattningen från ”${respondent}” sparad.`).waitFor();
}

beforeAll(async () => {
  h = await startHarness({ seed: false });
  ORG = await importDocument(h, twoSchoolsDocument('perceptions'));
  await h.gql(`mutation { createLink(input: { organisationId: "${ORG}", scenarioId: "t-now", id: "t-l2",
    sourceId: "t-office", targetId: "t-p-ek", kind: FOLLOW_UP, coupling: LOOSE }) { link { id } } }`);
  page = await openMap(h, `org=${ORG}&lang=sv`);
  await page.evaluate(() => void window.__kk?.cy.getElementById('t-l1').emit('tap'));
  await page.getByTestId('link-details').waitFor();
});
afterAll(async () => h?.close());

describe('perceptions of a link in the browser', () => {
  it('adds a perception, shown beside the link’s own assessment', async () => {
    await addPerception('skolchef', 'TIGHT');
    const headers = await panel().locator('thead th').allInnerTexts();
    expect(headers.map((text) => text.split('\n')[0])).toEqual(['Länken som den är registrerad', 'skolchef']);
    expect(await panel().locator('tbody tr').first().locator('td').allInnerTexts()).toEqual(['Tät', 'Tät']);
    expect(await hasClass('t-l1', 'kk-marked')).toBe(false);
  });

  it('marks the link on the map once two perceptions disagree', async () => {
    await addPerception('rektor', 'DECOUPLED', 'false');
    await panel().getByText('Respondenterna är oense om: Koppling.').waitFor();
    await page.waitForFunction(() => window.__kk?.cy.getElementById('t-l1').hasClass('kk-marked'), null, {
      polling: 100,
    });
    const row = panel().locator('tbody tr').first();
    expect(await row.locator('th').innerText()).toBe('≠ Koppling');
    // The link, then the respondents by date and name: rektor, skolchef.
    expect(await row.locator('td').allInnerTexts()).toEqual([
      'Tät',
      'Frikopplad\n(skiljer sig från länken som den är registrerad)',
      'Tät',
    ]);
    expect((await stored()).disagreeingLinkIds).toEqual(['t-l1']);
    expect(await hasClass('t-l2', 'kk-marked')).toBe(false);
  });

  it('filters the map to the links whose perceptions disagree', async () => {
    await page.getByRole('tab', { name: 'Filter' }).click();
    await page.getByLabel('Bara kopplingar där uppfattningarna går isär (≠) (1)').check();
    await page.waitForFunction(() => window.__kk?.cy.getElementById('t-l2').hasClass('kk-hidden'), null, {
      polling: 100,
    });
    expect(await hasClass('t-l1', 'kk-hidden')).toBe(false);
    await page.getByLabel('Bara kopplingar där uppfattningarna går isär (≠) (1)').uncheck();
    await page.waitForFunction(() => !window.__kk?.cy.getElementById('t-l2').hasClass('kk-hidden'), null, {
      polling: 100,
    });
    await page.getByRole('tab', { name: 'Detaljer' }).click();
  });

  it('edits a perception; agreeing again, the link loses its mark', async () => {
    await panel().getByRole('button', { name: 'Redigera uppfattningen från rektor' }).click();
    expect(await dialog().locator('input[name="respondent"]').inputValue()).toBe('rektor');
    await dialog().locator('select[name="coupling"]').selectOption('TIGHT');
    await dialog().getByRole('button', { name: 'Spara', exact: true }).click();
    await dialog().waitFor({ state: 'detached' });
    await page.waitForFunction(() => !window.__kk?.cy.getElementById('t-l1').hasClass('kk-marked'), null, {
      polling: 100,
    });
    const { perceptions, disagreeingLinkIds } = await stored();
    expect(perceptions.find((p) => p.respondent === 'rektor')).toMatchObject({
      coupling: 'TIGHT',
      targetResponds: false,
    });
    expect(disagreeingLinkIds).toEqual([]);
  });

  it('deletes a perception after confirming, with Undo', async () => {
    await panel().getByRole('button', { name: 'Ta bort uppfattningen från skolchef' }).click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Ta bort' }).click();
    await page.getByTestId('notice').getByText('Uppfattningen från ”skolchef” borttagen.').waitFor();
    expect((await stored()).perceptions.map((p) => p.respondent)).toEqual(['rektor']);
    await page.locator('.toast').getByRole('button', { name: 'Ångra' }).click();
    await panel().locator('thead th', { hasText: 'skolchef' }).waitFor();
    expect((await stored()).perceptions.map((p) => p.respondent).sort()).toEqual(['rektor', 'skolchef']);
  });
});
