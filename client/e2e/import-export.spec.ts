import { readFileSync } from 'node:fs';

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
    const cells = await answer.locator('table.import-issues tbody tr').first().locator('td').allInnerTexts();
    expect(cells.slice(0, 3)).toEqual(['actors', '2', 'nivå']);
    expect(await page.getByRole('button', { name: 'Verkställ' }).isDisabled()).toBe(true);
    expect((await h.gql<{ map: { actors: unknown[] } }>(ACTORS, { o: orgId })).map.actors).toHaveLength(
      before.map.actors.length,
    );

    await choose('namn;nivå\r\nImporterad lärare;teacher\r\n');
    await page.getByRole('button', { name: 'Kontrollera' }).click();
    await answer.getByText('Inga problem hittades').waitFor();
    await page.getByRole('button', { name: 'Verkställ' }).click();
    await answer.getByText('Importerat').waitFor();
    const after = await h.gql<{ map: { actors: { name: string; levelKey: string }[] } }>(ACTORS, { o: orgId });
    expect(after.map.actors).toContainEqual({ name: 'Importerad lärare', levelKey: 'teacher' });
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
