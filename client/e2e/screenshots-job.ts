/**
 * The README's pictures of the screens for running an organisation (docs/screenshots/job-*.png):
 * starting a map, levels, building, members, the invitation page, history and restore,
 * perceptions, initiatives, scenarios and import problems, in Swedish at 1440×900. Run after a
 * client build: npx tsx client/e2e/screenshots-job.ts
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';

import { type Harness, signIn, startHarness, waitForMap } from './harness.ts';

const out = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
mkdirSync(out, { recursive: true });
const shoot = (page: Page, name: string) => page.screenshot({ path: `${out}job-${name}.png` });

async function open(h: Harness, query: string): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(`${h.baseUrl}/?e2e&lang=sv${query}`);
  await signIn(page);
  return page;
}

async function startingAMap(): Promise<void> {
  const h = await startHarness({ seed: false });
  try {
    const page = await open(h, '');
    await page.getByRole('button', { name: 'Ny organisation' }).waitFor();
    await shoot(page, 'start');
    await page.getByRole('button', { name: 'Ny organisation' }).click();
    await page.locator('input[name="organisationName"]').fill('Friskolan Lärande AB');
    await page.getByRole('radio', { name: 'Enskild (fristående)' }).check();
    await page.locator('input[name="level-board"]').waitFor();
    await page.locator('input[name="level-region"]').fill('Områdeschef');
    await shoot(page, 'new-organisation');
  } finally {
    await h.close();
  }
}

async function theSeededMunicipality(): Promise<void> {
  const h = await startHarness();
  try {
    const page = await open(h, '&org=kommunby');
    await waitForMap(page);
    const menu = async (item: string) => {
      await page.getByRole('button', { name: 'Hantera ▾' }).click();
      await page.getByRole('menuitem', { name: item }).click();
    };

    // Building: the link form finds actors by part of a name or role.
    await page.keyboard.press('n');
    await page.keyboard.type('skolch');
    await page.keyboard.press('Tab');
    await page.keyboard.type('rek tall');
    await shoot(page, 'link-form');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');

    // Perceptions beside the link's own assessment, and the ≠ on the map.
    const { map } = await h.gql<{ map: { disagreeingLinkIds: string[] } }>(
      '{ map(organisationId: "kommunby") { disagreeingLinkIds } }',
    );
    const linkId = map.disagreeingLinkIds[0] ?? '';
    await page.evaluate((id) => {
      const cy = window.__kk?.cy;
      const link = cy?.getElementById(id);
      if (!cy || !link) return;
      link.emit('tap');
      cy.zoom(1.1);
      cy.center(link);
    }, linkId);
    await page.getByTestId('perceptions').scrollIntoViewIfNeeded();
    await shoot(page, 'perceptions');

    // Initiatives, and whom one reaches.
    await page.getByRole('tab', { name: 'Insatser' }).click();
    await page.getByTestId('initiatives').locator('li button').first().click();
    await shoot(page, 'initiatives');
    await page.keyboard.press('Escape');

    // Scenarios, with the banner on a desired state.
    await page.getByRole('tab', { name: 'Scenarier' }).click();
    await page.locator('li[data-scenario]').nth(1).getByRole('button', { name: 'Visa', exact: false }).first().click();
    await page.getByTestId('scenario-banner').getByText('inte nuläget', { exact: false }).waitFor();
    await shoot(page, 'scenarios');
    await page.getByRole('button', { name: 'Visa nuläget' }).click();

    // Import problems in the user's words.
    await page.getByRole('tab', { name: 'Import/export' }).click();
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Aktörer').addRows([
      ['namn', 'nivå'],
      ['Ny förstelärare', 'förstelärare'],
      ['', 'lärare'],
    ]);
    workbook.addWorksheet('Kopplingar').addRows([
      ['källa', 'mål', 'koppling'],
      ['Skolchef', 'Okänd rektor', 'lös'],
      ['Skolchef', 'Rektor Tallmoskolan', 'ljummen'],
    ]);
    await page.locator('input[name="import-file"]').setInputFiles({
      name: 'min-karta.xlsx',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
    });
    await page.getByRole('button', { name: 'Kontrollera' }).click();
    await page.getByTestId('import-answer').scrollIntoViewIfNeeded();
    await shoot(page, 'import-problems');

    // The organisation and its levels, a used level on its way out.
    await menu('Organisation och nivåer');
    await page.locator('li[data-level="principal"]').getByRole('button', { name: 'Ta bort Rektor' }).click();
    await page.locator('li[data-level="principal"]').scrollIntoViewIfNeeded();
    await shoot(page, 'levels');

    // Members, with an invitation link to copy.
    await menu('Medlemmar');
    await page.locator('input[name="inviteEmail"]').fill('rektor.tallmo@kommunby.example');
    await page.getByRole('button', { name: 'Skapa inbjudan' }).click();
    const link = await page.getByTestId('invitation').getByRole('textbox').inputValue();
    await shoot(page, 'members');
    const guest = await (await h.browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    await guest.goto(link.replace('/invite#', '/invite?e2e&lang=sv#'));
    await guest.getByTestId('accept-invitation').waitFor();
    await guest.screenshot({ path: `${out}job-accept-invitation.png` });

    // History, with an update's before and after, then a restore's confirmation.
    await page.getByRole('button', { name: '← Tillbaka till kartan' }).click();
    await waitForMap(page);
    await h.gql(
      'mutation { updateActor(input: { organisationId: "kommunby", id: "act-skolchef", name: "Skolchef (förvaltningschef)" }) { actor { id } } }',
    );
    await h.gql('mutation { deleteLink(organisationId: "kommunby", id: "' + linkId + '") { deletedId } }');
    await menu('Historik');
    const entries = page.getByTestId('history').locator('li.history-entry');
    await entries.nth(1).getByRole('button', { name: 'Före och efter' }).click();
    await shoot(page, 'history');
    await entries.nth(2).getByRole('button', { name: 'Återställ hit…' }).click();
    await page.getByTestId('confirm-dialog').waitFor();
    await shoot(page, 'history-restore');
  } finally {
    await h.close();
  }
}

await startingAMap();
await theSeededMunicipality();
console.log(`wrote the job-*.png screenshots to ${out}`);
