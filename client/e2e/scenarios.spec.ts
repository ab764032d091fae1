import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type Harness, openMap, startHarness } from './harness.ts';
import { importDocument, twoSchoolsDocument } from './helpers.ts';

let ORG = '';
const SCENARIOS = () => `query { organisation(id: "${ORG}") { scenarios { id name kind observedAt basedOnId } } }`;
interface Scenarios {
  organisation: {
    scenarios: { id: string; name: string; kind: string; observedAt: string | null; basedOnId: string | null }[];
  };
}

let h: Harness;
let page: Page;
const scenarios = async () => (await h.gql<Scenarios>(SCENARIOS())).organisation.scenarios;
const banner = () => page.getByTestId('scenario-banner');

beforeAll(async () => {
  h = await startHarness({ seed: false });
  ORG = await importDocument(h, twoSchoolsDocument('scenarios'));
  page = await openMap(h, `org=${ORG}&lang=sv`);
});
afterAll(async () => h?.close());

describe('scenarios in the browser', () => {
  it('always says which scenario is shown', async () => {
    expect(await banner().innerText()).toContain('Visat scenario: Nuläge');
  });

  it('names a desired state when cloning it from the current one, and shows it', async () => {
    await page.getByRole('tab', { name: 'Scenarier' }).click();
    const form = page.locator('form.new-scenario');
    await form.getByRole('radio', { name: 'Önskat läge' }).check();
    await form.locator('input[name="newScenarioName"]').fill('Önskat läge 2027');
    await form.getByRole('button', { name: 'Skapa och visa' }).click();
    await banner().getByText('Visar Önskat läge 2027 · Önskat läge, inte nuläget.').waitFor();
    const desired = (await scenarios()).find((s) => s.kind === 'DESIRED');
    expect(desired).toMatchObject({ name: 'Önskat läge 2027', basedOnId: 't-now' });
    // Only one desired state: the choice is now disabled.
    expect(await form.getByRole('radio', { name: 'Önskat läge' }).isDisabled()).toBe(true);
  });

  it('creates a dated observation from any scenario (here the desired one)', async () => {
    const form = page.locator('form.new-scenario');
    const desired = (await scenarios()).find((s) => s.kind === 'DESIRED');
    await form.locator('select[name="sourceId"]').selectOption(desired?.id ?? '');
    await form.getByRole('radio', { name: 'Daterad uppföljning' }).check();
    await form.locator('input[name="observedAt"]').fill('2026-05-04');
    expect(await form.locator('input[name="newScenarioName"]').inputValue()).toBe('Uppföljning 2026-05-04');
    await form.getByRole('button', { name: 'Skapa och visa' }).click();
    await banner().getByText('Uppföljning 2026-05-04 · Uppföljning · 2026-05-04').waitFor();
    expect((await scenarios()).find((s) => s.kind === 'OBSERVATION')).toMatchObject({
      name: 'Uppföljning 2026-05-04',
      observedAt: '2026-05-04',
      basedOnId: desired?.id,
    });
  });

  it('renames a scenario', async () => {
    await page.getByRole('button', { name: 'Byt namn på Uppföljning 2026-05-04' }).click();
    const input = page.locator('input[name="scenarioName"]');
    await input.fill('Uppföljning maj');
    await input.press('Enter');
    await banner().getByText('Uppföljning maj · Uppföljning').waitFor();
    expect((await scenarios()).find((s) => s.kind === 'OBSERVATION')?.name).toBe('Uppföljning maj');
  });

  it('protects the current state and deletes another after confirming, showing the current one again', async () => {
    expect(await page.getByRole('button', { name: 'Ta bort Nuläge' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Ta bort Uppföljning maj' }).click();
    const confirm = page.getByTestId('confirm-dialog');
    await confirm.getByText('Ta bort ”Uppföljning maj” med allt i det').waitFor();
    // Cancel has the focus: the deletion cannot be undone.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Avbryt');
    await confirm.getByRole('button', { name: 'Ta bort' }).click();
    await banner().getByText('Visat scenario: Nuläge').waitFor();
    expect((await scenarios()).map((s) => s.kind).sort()).toEqual(['CURRENT', 'DESIRED']);
  });

  it('goes back to the current state from the banner', async () => {
    await page.getByRole('button', { name: 'Visa Önskat läge 2027' }).click();
    await banner().getByRole('button', { name: 'Visa nuläget' }).click();
    await banner().getByText('Visat scenario: Nuläge').waitFor();
  });
});
