import { readFileSync } from 'node:fs';

import { unzipSync } from 'fflate';
import { PDFDocument } from 'pdf-lib';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type Harness, openMap, startHarness, waitForMap } from './harness.ts';
import { classMembers, clickNode, visibleActorLevels } from './helpers.ts';

interface StoredStep {
  id: string;
  title: string;
  caption: string | null;
  levelKeys: string[];
  highlight: { actorIds: string[]; linkIds: string[]; findingId: string | null };
  camera: { mode: string };
}
const PRESENTATIONS = `query($o: ID!) { presentations(organisationId: $o) { id name anonymised keepUnitNames version
  steps { id title caption levelKeys highlight { actorIds linkIds findingId } camera { mode } } } }`;
const ACTORS = `query($o: ID!) { map(organisationId: $o) { actors { id levelKey } } }`;

// Poll on a timer: requestAnimationFrame polling stalls in a headless page that is not painting.
const POLL = { polling: 100 };

let h: Harness;
let page: Page;
let orgId: string;
let viewer: BrowserContext | null = null;

interface StoredPresentation {
  id: string;
  name: string;
  anonymised: boolean;
  keepUnitNames: boolean;
  steps: StoredStep[];
}

async function stored(): Promise<StoredPresentation> {
  const data = await h.gql<{ presentations: StoredPresentation[] }>(PRESENTATIONS, { o: orgId });
  const found = data.presentations.find((p) => p.name === 'Dialogmöte');
  if (!found) throw new Error('the presentation was not stored');
  return found;
}

async function stepCount(p: Page, count: number): Promise<void> {
  await p.waitForFunction((n) => document.querySelectorAll('[data-testid="step-list"] > li').length === n, count, POLL);
}

async function counterIs(p: Page, text: string): Promise<void> {
  await p.waitForFunction(
    (want) => document.querySelector('[data-testid="step-counter"]')?.textContent === want,
    text,
    POLL,
  );
}

async function openPresentationsTab(p: Page): Promise<void> {
  await p.getByRole('tab', { name: 'Presentationer' }).click();
}

async function addStep(p: Page, title: string): Promise<void> {
  const before = await p.locator('[data-testid="step-list"] > li').count();
  await p.locator('form.add-step input[name="stepTitle"]').fill(title);
  await p.locator('form.add-step button[data-action="addStep"]').click();
  await stepCount(p, before + 1);
}

beforeAll(async () => {
  h = await startHarness();
  const orgs = await h.gql<{ organisations: { nodes: { id: string }[] } }>('{ organisations { nodes { id } } }');
  orgId = orgs.organisations.nodes[0]?.id ?? '';
  page = await openMap(h, `org=${orgId}`);
});
afterAll(async () => {
  await viewer?.close();
  await h?.close();
});

describe('presentations in the browser', () => {
  it('builds a presentation of four steps from views of the map', async () => {
    await openPresentationsTab(page);
    // The seed may bring a sample presentation of its own.
    await page.locator('[data-testid="presentations-empty"], [data-testid="presentations-list"]').first().waitFor();
    await page.locator('input[name="presentationName"]').fill('Dialogmöte');
    await page.locator('button[data-action="createPresentation"]').click();
    await page.getByTestId('presentation-editor').waitFor();

    // 1: the whole map.
    await addStep(page, 'Hela kedjan');

    // 2: filtered to the school levels.
    await page.getByRole('tab', { name: 'Filter' }).click();
    await page.locator('input[name="level"][value="principal"]').check();
    await page.locator('input[name="level"][value="teacher"]').check();
    await openPresentationsTab(page);
    await addStep(page, 'Skolnivåerna');
    await page.getByRole('tab', { name: 'Filter' }).click();
    await page.getByRole('button', { name: 'Rensa filter' }).click();

    // 3: one selected actor.
    const { map } = await h.gql<{ map: { actors: { id: string; levelKey: string }[] } }>(ACTORS, { o: orgId });
    const chief = map.actors.find((a) => a.levelKey === 'administration');
    await clickNode(page, chief?.id ?? '');
    await openPresentationsTab(page);
    await addStep(page, 'Förvaltningen');

    // 4: an analysis finding.
    await page.keyboard.press('Escape'); // clears the selection
    await page.getByRole('tab', { name: 'Analys' }).click();
    await page.getByRole('button', { name: 'Kör analys' }).click();
    await page.locator('[data-testid="findings"] li button').first().click();
    await openPresentationsTab(page);
    await addStep(page, 'Ett fynd');

    // A caption on step 3, through the step's form.
    const third = page.locator('[data-testid="step-list"] > li').nth(2);
    await third.locator('button[data-action="editStep"]').click();
    await third.locator('textarea[name="stepCaption"]').fill('Här möts politik och skola – på gott och ont.');
    await third.locator('button[data-action="saveStep"]').click();
    await third.locator('.step-item__caption').waitFor();

    const saved = await stored();
    expect(saved.anonymised).toBe(true);
    expect(saved.steps.map((s) => s.title)).toEqual(['Hela kedjan', 'Skolnivåerna', 'Förvaltningen', 'Ett fynd']);
    expect(saved.steps[0]?.camera.mode).toBe('FIT_ALL');
    expect(saved.steps[1]?.levelKeys.sort()).toEqual(['principal', 'teacher']);
    expect(saved.steps[2]?.highlight.actorIds).toContain(chief?.id);
    expect(saved.steps[2]?.camera.mode).toBe('FIT_HIGHLIGHT');
    expect(saved.steps[2]?.caption).toBe('Här möts politik och skola – på gott och ont.');
    expect(saved.steps[3]?.highlight.findingId).toBeTruthy();
  });

  it('keeps unit names only when asked, and only while anonymised', async () => {
    const options = page.locator('.presentation-editor__options');
    const keep = options.locator('input[name="keepUnitNames"]');
    const anonymised = options.locator('input[name="anonymised"]');
    /** Does `act` and waits for the presentation's update to be answered. */
    const saving = async (act: () => Promise<void>) => {
      const answered = page.waitForResponse(
        (r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('updatePresentation'),
      );
      await act();
      await answered;
    };
    // The boxes show what is stored: each click saves, and the box follows once the save is answered
    // (so Playwright's check(), which looks right after its click, does not fit them).
    const toggled = async (box: typeof keep, want: boolean) => {
      await saving(() => box.click());
      await page.waitForFunction(
        ([name, checked]) =>
          (document.querySelector(`input[name="${name}"]`) as HTMLInputElement | null)?.checked === checked,
        [await box.getAttribute('name'), want] as const,
        POLL,
      );
    };
    expect(await keep.isChecked()).toBe(false);
    expect((await stored()).keepUnitNames).toBe(false);
    await toggled(keep, true);
    expect((await stored()).keepUnitNames).toBe(true);
    await toggled(keep, false);
    expect((await stored()).keepUnitNames).toBe(false);
    // Without anonymising there is nothing to keep: the choice is greyed out.
    await toggled(anonymised, false);
    await page.waitForFunction(
      () => (document.querySelector('input[name="keepUnitNames"]') as HTMLInputElement | null)?.disabled === true,
      null,
      POLL,
    );
    await toggled(anonymised, true);
    expect((await stored()).anonymised).toBe(true);
  });

  it('reorders by keyboard and buttons, and restores a removed step with Undo', async () => {
    const titles = async () => (await stored()).steps.map((s) => s.title);
    const items = page.locator('[data-testid="step-list"] > li');
    // Alt+↑ on the fourth step moves it up; the focus stays on it, so it can be pressed again.
    await items.nth(3).locator('button[data-action="editStep"]').focus();
    await page.keyboard.press('Alt+ArrowUp');
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="step-list"] > li')[2]?.textContent?.includes('Ett fynd'),
      null,
      POLL,
    );
    expect(await titles()).toEqual(['Hela kedjan', 'Skolnivåerna', 'Ett fynd', 'Förvaltningen']);
    await items.nth(2).locator('button[data-action="moveStepDown"]').click();
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="step-list"] > li')[3]?.textContent?.includes('Ett fynd'),
      null,
      POLL,
    );
    expect(await titles()).toEqual(['Hela kedjan', 'Skolnivåerna', 'Förvaltningen', 'Ett fynd']);

    await items.nth(1).locator('button[data-action="removeStep"]').click();
    await stepCount(page, 3);
    expect(await titles()).toEqual(['Hela kedjan', 'Förvaltningen', 'Ett fynd']);
    await page.getByTestId('undo-notice').locator('button[data-action="undoStepEdit"]').click();
    await stepCount(page, 4);
    expect(await titles()).toEqual(['Hela kedjan', 'Skolnivåerna', 'Förvaltningen', 'Ett fynd']);
  });

  it('shows a conflicting change where the user works, and reloads the stored presentation', async () => {
    const { id } = await stored();
    await h.gql(
      `mutation($i: UpdatePresentationInput!) { updatePresentation(input: $i) { presentation { version } } }`,
      { i: { organisationId: orgId, id, description: 'Ändrad i ett annat fönster' } },
    );
    await page.locator('[data-testid="step-list"] > li').nth(0).locator('button[data-action="removeStep"]').click();
    await page.getByTestId('presentation-error').getByText('Någon annan har ändrat presentationen').waitFor();
    expect((await stored()).steps).toHaveLength(4); // nothing was overwritten
    await page.locator('button[data-action="reloadPresentation"]').click();
    await page.getByTestId('presentation-error').waitFor({ state: 'detached' });
    await stepCount(page, 4);
  });

  it('steps through the presenter view by keyboard', async () => {
    await page.locator('button[data-action="present"]').click();
    await page.waitForURL(/\/present\//);
    await waitForMap(page);
    await counterIs(page, '1 / 4');
    expect(await page.getByTestId('step-title').textContent()).toBe('Hela kedjan');

    await page.keyboard.press('ArrowRight');
    await counterIs(page, '2 / 4');
    expect(await page.getByTestId('step-title').textContent()).toBe('Skolnivåerna');
    await page.waitForFunction(
      () =>
        window.__kk?.cy
          .nodes('.actor')
          .filter((n) => n.visible())
          .every((n) => ['principal', 'teacher'].includes(String(n.data('levelKey')))),
      null,
      POLL,
    );
    expect(await visibleActorLevels(page)).toEqual(['principal', 'teacher']);

    await page.keyboard.press('PageDown');
    await counterIs(page, '3 / 4');
    expect(await page.getByTestId('step-caption').textContent()).toBe('Här möts politik och skola – på gott och ont.');
    const saved = await stored();
    const highlighted = await classMembers(page, 'kk-hl');
    expect(highlighted).toEqual(expect.arrayContaining(saved.steps[2]?.highlight.actorIds ?? ['?']));

    await page.keyboard.press('Space');
    await counterIs(page, '4 / 4');
    await page.keyboard.press('ArrowRight'); // the end stays the end
    await counterIs(page, '4 / 4');
    await page.keyboard.press('Shift+Space');
    await counterIs(page, '3 / 4');
    await page.keyboard.press('Home');
    await counterIs(page, '1 / 4');
    await page.keyboard.press('End');
    await counterIs(page, '4 / 4');
    await page.keyboard.press('PageUp');
    await counterIs(page, '3 / 4');
    await page.keyboard.press('ArrowLeft');
    await counterIs(page, '2 / 4');

    // Escape leaves, back to the map with the presentation open.
    await page.keyboard.press('Escape');
    await page.waitForURL((url) => url.pathname === '/');
    await waitForMap(page);
    await page.getByTestId('presentation-editor').waitFor();
  });

  it('shares a link that a second browser without an account follows live', async () => {
    await page.locator('button[data-action="createShareLink"]').click();
    const url = await page.getByTestId('share-url').inputValue();
    expect(url).toMatch(new RegExp(`^${h.baseUrl}/share/[^/]+$`));
    await page.locator('[data-testid="share-links"] li[data-state="active"]').waitFor();

    viewer = await h.browser.newContext({ viewport: { width: 1200, height: 800 }, acceptDownloads: true });
    const guest = await viewer.newPage();
    guest.setDefaultTimeout(15_000);
    await guest.goto(`${url}?e2e`);
    await waitForMap(guest);
    expect(await guest.locator('input[name="password"]').count()).toBe(0); // no sign-in gate

    await page.locator('button[data-action="present"]').click();
    await page.waitForURL(/\/present\//);
    await waitForMap(page);
    await counterIs(page, '1 / 4');
    await counterIs(guest, '1 / 4');
    await guest.getByTestId('follow-status').getByText('Följer den som presenterar').waitFor();
    // The legend and the level names go with the map to the presenter and the share viewer.
    for (const p of [page, guest]) {
      await p.getByTestId('legend').getByText('Tät').waitFor();
      await p.locator('.level-name').first().waitFor();
    }

    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await counterIs(page, '3 / 4');
    await counterIs(guest, '3 / 4');
    expect(await guest.getByTestId('step-title').textContent()).toBe('Förvaltningen');

    // While following, the participant's own keys do nothing.
    await guest.keyboard.press('ArrowLeft');
    await guest.waitForTimeout(300);
    expect(await guest.getByTestId('step-counter').textContent()).toBe('3 / 4');

    // The presenter lets participants explore: they step on their own.
    await page.locator('input[name="explore"]').check();
    await guest.getByTestId('follow-status').getByText('Utforskar fritt').waitFor();
    await guest.keyboard.press('ArrowLeft');
    await counterIs(guest, '2 / 4');
    await page.keyboard.press('ArrowRight');
    await counterIs(page, '4 / 4');
    await guest.waitForTimeout(300);
    expect(await guest.getByTestId('step-counter').textContent()).toBe('2 / 4');

    // Exploring ends: back to the presenter's step.
    await page.locator('input[name="explore"]').uncheck();
    await counterIs(guest, '4 / 4');
    await guest.getByTestId('follow-status').getByText('Följer den som presenterar').waitFor();
  });

  it('exports the PDF with one page per step, and PNG images, for members and share viewers', async () => {
    const [pdfDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('button[data-action="exportPdf"]').click(),
    ]);
    const pdf = await PDFDocument.load(readFileSync((await pdfDownload.path()) ?? ''));
    expect(pdf.getPageCount()).toBe(4);
    const { width, height } = pdf.getPage(0).getSize();
    expect(width).toBeGreaterThan(height); // landscape

    const [zipDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('button[data-action="exportPngs"]').click(),
    ]);
    const files = unzipSync(new Uint8Array(readFileSync((await zipDownload.path()) ?? '')));
    const names = Object.keys(files).sort();
    expect(names).toHaveLength(4);
    expect(names[0]).toMatch(/^01-hela-kedjan\.png$/);
    for (const name of names)
      expect(
        Buffer.from(files[name] ?? [])
          .subarray(1, 4)
          .toString(),
      ).toBe('PNG');

    const guest = viewer?.pages()[0];
    if (!guest) throw new Error('no share viewer');
    const [guestPdf] = await Promise.all([
      guest.waitForEvent('download'),
      guest.locator('button[data-action="exportPdf"]').click(),
    ]);
    expect((await PDFDocument.load(readFileSync((await guestPdf.path()) ?? ''))).getPageCount()).toBe(4);
  });

  it('tells a share viewer when the presenter has left, and takes the map away when the link is revoked', async () => {
    const guest = viewer?.pages()[0];
    if (!guest) throw new Error('no share viewer');
    await guest.getByTestId('follow-status').getByText('Följer den som presenterar').waitFor();
    await page.keyboard.press('Escape'); // the presenter leaves the presenter view
    await page.waitForURL((url) => !url.pathname.startsWith('/present/'));
    await guest.getByTestId('follow-status').getByText('Den som presenterade har lämnat', { exact: false }).waitFor();
    // The participant may step on their own now.
    await guest.keyboard.press('ArrowLeft');
    await counterIs(guest, '3 / 4');

    const { id } = await stored();
    const links = await h.gql<{ shareLinks: { id: string; active: boolean }[] }>(
      'query($o: ID!, $p: ID!) { shareLinks(organisationId: $o, presentationId: $p) { id active } }',
      { o: orgId, p: id },
    );
    for (const link of links.shareLinks.filter((l) => l.active)) {
      await h.gql('mutation($o: ID!, $id: ID!) { revokeShareLink(organisationId: $o, id: $id) { active } }', {
        o: orgId,
        id: link.id,
      });
    }
    await guest.getByRole('alert').getByText('Länken fungerar inte').waitFor();
    expect(await guest.getByTestId('step-canvas').count()).toBe(0);
  });

  it('tells a share viewer clearly when the link does not work', async () => {
    const guest = await viewer?.newPage();
    if (!guest) throw new Error('no share viewer');
    await guest.goto(`${h.baseUrl}/share/not-a-real-token?e2e`);
    await guest.getByRole('alert').getByText('Länken fungerar inte').waitFor();
    await guest.close();
  });
});
