import { readFileSync } from 'node:fs';

import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type Harness, openMap, startHarness } from './harness.ts';

const ACTORS = `query($o: ID!) { map(organisationId: $o) { actors { name levelKey } } }`;

let h: Harness;
let page: Page;
let orgId: string;

beforeAll(async () => {
  h = await startHarness();
  const orgs = await h.gql<{ organisations: { nodes: { id: string }[] } }>('{ organisations { nodes { id } } }');
  orgId = orgs.organisations.nodes[0]?.id ?? '';
  page = await openMap(h, `org=${orgId}`);
  await page.getByRole('tab', { name: 'Import/export' }).click();
});
afterAll(async () => h?.close());

async function choose(csv: string): Promise<void> {
  await page.locator('input[name="import-file"]').setInputFiles({
    name: 'actors.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });
}

describe('import and export in the browser', () => {
  it('points out a bad row and writes nothing, then previews and applies a good file', async () => {
    const before = await h.gql<{ map: { actors: unknown[] } }>(ACTORS, { o: orgId });
    await choose('namn;nivå\r\nNy aktör;okänd nivå\r\n');
    await page.getByRole('button', { name: 'Kontrollera' }).click();
    const answer = page.getByTestId('import-answer');
    await answer.getByText('1 problem').waitFor();
    // The file's own name for the sheet, the column as written, the value and the reason in Swedish.
    expect(await answer.locator('ol.import-issues li').first().innerText()).toBe(
      'actors.csv · rad 2 · kolumn nivå\n“okänd nivå”Inte en nivå i denna organisation: lägg till den i bladet nivåer, eller använd en som finns.',
    );
    expect(await page.getByRole('button', { name: 'Verkställ' }).isDisabled()).toBe(true);
    expect((await h.gql<{ map: { actors: unknown[] } }>(ACTORS, { o: orgId })).map.actors).toHaveLength(
      before.map.actors.length,
    );

    await choose('namn;nivå\r\nImporterad lärare;teacher\r\n');
    await page.getByRole('button', { name: 'Kontrollera' }).click();
    await answer.getByText('Inga problem hittades').waitFor();
    // What would change, per kind, in the user's words.
    expect(await answer.locator('table.import-counts tr[data-kind="actor"] th').innerText()).toBe('Aktörer');
    await page.getByRole('button', { name: 'Verkställ' }).click();
    await answer.getByText('Importerat').waitFor();
    const after = await h.gql<{ map: { actors: { name: string; levelKey: string }[] } }>(ACTORS, { o: orgId });
    expect(after.map.actors).toContainEqual({ name: 'Importerad lärare', levelKey: 'teacher' });
  });

  it('names a workbook’s sheets as the workbook does, and says when a problem concerns the whole file', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Kopplingar').addRows([
      ['källa', 'mål', 'koppling'],
      ['Nämnden', 'Förvaltningen', 'ljummen'],
    ]);
    await page.locator('input[name="import-file"]').setInputFiles({
      name: 'kopplingar.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
    });
    await page.getByRole('button', { name: 'Kontrollera' }).click();
    const answer = page.getByTestId('import-answer');
    const issues = answer.locator('ol.import-issues li');
    await issues.first().waitFor();
    const texts = await issues.allInnerTexts();
    expect(texts.find((text) => text.includes('ljummen'))).toBe(
      'Kopplingar · rad 2 · kolumn koppling\n“ljummen”Inte ett giltigt värde här (ett ord, tal eller datum som kolumnen inte tar).',
    );

    await page.locator('input[name="import-file"]').setInputFiles({
      name: 'trasig.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from('inte ett kalkylark'),
    });
    await page.getByRole('button', { name: 'Kontrollera' }).click();
    await answer.getByText('Hela filen').waitFor();
    expect(await issues.allInnerTexts()).toEqual([
      'Hela filen\nFilen gick inte att läsa: är den den sorts fil som namnet säger?',
    ]);
  });

  it('offers every export format as a download', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Utbytesdokument (.json)' }).click(),
    ]);
    const path = await download.path();
    const document = JSON.parse(readFileSync(path, 'utf8')) as { organisation: { id: string } };
    expect(document.organisation.id).toBe(orgId);
  });
});
