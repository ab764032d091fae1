import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type Harness, openMap, startHarness, waitForMap } from './harness.ts';

/**
 * A live perception round in the browser: the facilitator opens it on six links of the seeded
 * municipality, three participants answer on phones (390×844, separate browser contexts), the
 * facilitator's screen shows each answer as it comes, a level under the threshold stays merged,
 * and closing keeps the answers in an observation scenario the asymmetry analysis reads.
 */
const ORG = 'kommunby';
const screenshots = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const shouldShoot = process.env.KK_SCREENSHOTS !== 'false';

let h: Harness;
let facilitator: Page;
const phones: BrowserContext[] = [];
let code = '';
let teacher: Page;
let linkIds: string[] = [];

const live = () => facilitator.getByTestId('round-live');
const result = (linkId: string) => live().locator(`li.rounds__result[data-link-id="${linkId}"]`);

/** A participant on a phone of their own who joins as `level` (its Swedish name). */
async function participant(level: string): Promise<Page> {
  const context = await h.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  phones.push(context);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${h.baseUrl}/r/${code}?lang=sv`);
  await page.getByRole('radio', { name: level, exact: true }).check();
  await page.getByRole('button', { name: 'Börja' }).click();
  await page.locator('li.participant__link').first().waitFor();
  return page;
}

/** Answers the three questions about a link: y = Ja, n = Nej, ? = Vet inte; waits for each to be saved. */
async function answer(page: Page, linkId: string, tsd: string) {
  const names: Record<string, string> = { y: 'Ja', n: 'Nej', '?': 'Vet inte' };
  const questions = page.locator(`li.participant__link[data-link-id="${linkId}"] fieldset`);
  for (const [i, c] of [...tsd].entries()) {
    const button = questions.nth(i).getByRole('button', { name: names[c]!, exact: true });
    await button.click();
    await expect.poll(() => button.getAttribute('aria-pressed')).toBe('true');
  }
}

/** The facilitator's screen shows `count` answers for the link within a second of the last one being saved. */
async function shows(linkId: string, count: number) {
  await result(linkId)
    .getByTestId('answered')
    .getByText(`${count} har svarat`, { exact: true })
    .waitFor({ timeout: 1000 });
}

/** The tally the facilitator's map draws on a link (its label), or null when it draws none. */
function mapTally(linkId: string): Promise<string | null> {
  return facilitator.evaluate((id) => {
    const edge = window.__kk?.cy.getElementById(id);
    return edge?.nonempty() && edge.hasClass('round-tally') ? String(edge.data('tally')) : null;
  }, linkId);
}

/** The map draws `label` on the link within a second (of the answer just saved). */
async function mapShows(linkId: string, label: string) {
  await facilitator
    .waitForFunction(
      ([id, expected]) => window.__kk?.cy.getElementById(id!).data('tally') === expected,
      [linkId, label],
      { timeout: 1000, polling: 50 },
    )
    .catch(async () => expect(await mapTally(linkId)).toBe(label));
}

/** Every node's position on the facilitator's map, to see that answers move nothing. */
function positions(): Promise<Record<string, { x: number; y: number }>> {
  return facilitator.evaluate(() =>
    Object.fromEntries(window.__kk!.cy.nodes().map((n) => [n.id(), { ...n.position() }])),
  );
}

beforeAll(async () => {
  h = await startHarness();
  facilitator = await openMap(h, `org=${ORG}&lang=sv`);
}, 60_000);
afterAll(async () => {
  for (const context of phones) await context.close();
  await h?.close();
});

describe('a live perception round', () => {
  it('is opened on six hand-picked links with a code, a link and a QR code', async () => {
    await facilitator.getByRole('tab', { name: 'Rundor' }).click();
    await facilitator.getByRole('button', { name: 'Ny runda' }).click();
    const form = facilitator.getByRole('form', { name: 'Ny runda' });
    await form.getByLabel('Namn (syns för deltagarna)').fill('Ledningsdagen');
    await form.getByLabel('Fråga om').selectOption('LINKS');
    const boxes = form.locator('.rounds__links input[type="checkbox"]');
    for (let i = 0; i < 6; i++) await boxes.nth(i).check();
    await form.getByLabel('Minsta grupp som visas för sig').fill('2');
    await form.getByRole('button', { name: 'Öppna rundan' }).click();
    code = (await live().getByTestId('round-code').innerText()).trim();
    expect(code).toMatch(/^[2-9A-Z]{6}$/);
    await expect
      .poll(() =>
        live()
          .getByRole('img', { name: /QR-kod för .*\/r\// })
          .count(),
      )
      .toBe(1);
    linkIds = await live()
      .locator('li.rounds__result')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-link-id') ?? ''));
    expect(linkIds).toHaveLength(6);
  });

  it('shows each participant’s answers on the facilitator’s screen as they come, a small group merged', async () => {
    const [first] = linkIds as [string];
    const before = await positions();
    // Every link asked about carries its tally on the map from the start.
    for (const id of linkIds) expect(await mapTally(id)).toBe('0');
    const principalA = await participant('Rektor');
    await answer(principalA, first, 'yyn'); // tight
    await shows(first, 1);
    await mapShows(first, '1 · 1/0/0');
    const principalB = await participant('Rektor');
    await answer(principalB, first, 'nny'); // decoupled
    await shows(first, 2);
    // Views part (≠); the two principals are shown apart on the map's second line as in the panel.
    await mapShows(first, '≠ 2 · 1/0/1\nRektor 1/0/1');
    // Two principals, threshold 2: shown apart, and their views part.
    await result(first).locator('[data-level="principal"]').waitFor({ timeout: 1000 });
    await result(first).locator('[data-mark="views-part"]').waitFor({ timeout: 1000 });
    if (shouldShoot) {
      mkdirSync(screenshots, { recursive: true });
      await principalB.screenshot({ path: `${screenshots}round-phone-390x844.png` });
    }
    teacher = await participant('Lärare');
    await answer(teacher, first, 'yyy'); // loose
    await shows(first, 3);
    // On the map too: one line, the total, no level named. The link records "not distinctive" (the
    // first answer, yyn, did not differ); two of three now say distinctive: ◇.
    await mapShows(first, '≠ ◇ 3 · 1/1/1');
    // One teacher is under the threshold: merged, and the principals with them (else the total gives the teacher away).
    await result(first).locator('[data-level="merged"]').waitFor({ timeout: 1000 });
    expect(await result(first).locator('[data-level="teacher"], [data-level="principal"]').count()).toBe(0);
    expect(
      await result(first).getByText('Sammanslagna (grupper för små för att visas var för sig) (3 har svarat)').count(),
    ).toBe(1);
    await answer(teacher, linkIds[1]!, 'ny?');
    await shows(linkIds[1]!, 1);
    // "Don't know" gives no coupling (+1?); the link records that the target responds, the answer says no (◇).
    await mapShows(linkIds[1]!, '◇ 1 · 0/0/0 +1?');
    // The answers redrew labels and marks only: no node moved.
    expect(await positions()).toEqual(before);
    expect(await facilitator.getByTestId('legend-round').innerText()).toContain('svar · tät/lös/frikopplad');
    if (shouldShoot) await facilitator.screenshot({ path: `${screenshots}round-facilitator-live.png` });
    // The phone page says what is kept and shows no other answers.
    const text = await teacher.locator('main').innerText();
    expect(text).toContain('Vad som sparas och vem som ser det');
    expect(text).not.toMatch(/har svarat/);
  });

  it('shows the round’s result in a presentation step to someone following a share link', async () => {
    const { rounds } = await h.gql<{ rounds: Array<{ id: string; code: string }> }>(
      `{ rounds(organisationId: "${ORG}") { id code } }`,
    );
    const roundId = rounds.find((r) => r.code === code)!.id;
    // The facilitator adds a step that shows the round to a new presentation.
    await facilitator.getByRole('tab', { name: 'Presentationer' }).click();
    await facilitator.locator('input[name="presentationName"]').fill('Rundans resultat');
    await facilitator.locator('button[data-action="createPresentation"]').click();
    await facilitator.getByTestId('presentation-editor').waitFor();
    await facilitator.getByLabel('Visa en rundas resultat').selectOption({ label: 'Ledningsdagen' });
    await facilitator.locator('form.add-step input[name="stepTitle"]').fill('Vad vi svarade');
    await facilitator.locator('form.add-step button[data-action="addStep"]').click();
    await facilitator.locator('[data-testid="step-list"] > li').first().waitFor();
    const { presentations } = await h.gql<{
      presentations: Array<{
        id: string;
        name: string;
        steps: Array<{ roundId: string | null; highlight: { linkIds: string[] }; camera: { mode: string } }>;
      }>;
    }>(
      `{ presentations(organisationId: "${ORG}") { id name steps { roundId highlight { linkIds } camera { mode } } } }`,
    );
    const made = presentations.find((p) => p.name === 'Rundans resultat')!;
    // Nothing else was highlighted once the rounds tab was left: the step highlights and frames the round's links.
    const sorted = made.steps.map((step) => ({ ...step, highlight: { linkIds: [...step.highlight.linkIds].sort() } }));
    expect(sorted).toEqual([
      { roundId, highlight: { linkIds: [...linkIds].sort() }, camera: { mode: 'FIT_HIGHLIGHT' } },
    ]);
    const createPresentation = { presentation: { id: made.id } };
    const { createShareLink } = await h.gql<{ createShareLink: { token: string } }>(
      `mutation($input: CreateShareLinkInput!) { createShareLink(input: $input) { token } }`,
      { input: { organisationId: ORG, presentationId: createPresentation.presentation.id } },
    );
    const viewer = await h.browser.newContext({ viewport: { width: 1280, height: 800 } });
    phones.push(viewer);
    const guest = await viewer.newPage();
    guest.setDefaultTimeout(15_000);
    await guest.goto(`${h.baseUrl}/share/${createShareLink.token}?e2e&lang=sv`);
    await waitForMap(guest);
    const tally = (id: string) =>
      guest.evaluate((linkId) => window.__kk?.cy.getElementById(linkId).data('tally') as string | undefined, id);
    // The same tallies as on the facilitator's map, the small group merged here too.
    expect(await tally(linkIds[0]!)).toBe('≠ ◇ 3 · 1/1/1');
    expect(await tally(linkIds[1]!)).toBe('◇ 1 · 0/0/0 +1?');
    expect(await tally(linkIds[2]!)).toBe('0');
    const note = await guest.getByTestId('presented-round').innerText();
    expect(note).toContain('Rundan ”Ledningsdagen”: 3 deltagare, 4 svar.');
    expect(note).toContain('Pågår');
    await guest.getByTestId('legend').getByText('Svaren i rundan går isär').waitFor();
    // The round is open: the step reads its result again, so a changed answer reaches the audience.
    // n y y: the source responds and both keep their own judgement, so loose; the link still
    // records that the target responds (◇).
    await answer(teacher, linkIds[1]!, 'nyy');
    await guest.waitForFunction(
      ([id, expected]) => window.__kk?.cy.getElementById(id!).data('tally') === expected,
      [linkIds[1]!, '◇ 1 · 0/1/0'],
      { timeout: 15_000, polling: 100 },
    );
    if (shouldShoot) {
      await guest.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished)));
      await guest.screenshot({ path: `${screenshots}round-presentation.png` });
    }
  });

  it('closes into an observation scenario whose perceptions the asymmetry analysis lists as disagreements', async () => {
    await facilitator.getByRole('tab', { name: 'Rundor' }).click();
    await facilitator.getByRole('button', { name: 'Ledningsdagen', exact: true }).click();
    await live().getByRole('button', { name: 'Stäng rundan' }).click();
    await facilitator.getByRole('dialog').getByRole('button', { name: 'Stäng rundan' }).click();
    await facilitator
      .getByTestId('notice')
      .getByText('Rundan är stängd; svaren finns i ett nytt observationsscenario.')
      .waitFor();
    const { rounds } = await h.gql<{ rounds: Array<{ code: string; observationScenarioId: string | null }> }>(
      `{ rounds(organisationId: "${ORG}") { code observationScenarioId } }`,
    );
    const scenarioId = rounds.find((r) => r.code === code)!.observationScenarioId!;
    const { analysis, map } = await h.gql<{
      analysis: { asymmetry: { disagreements: Array<{ linkId: string; aspects: string[] }> } };
      map: { scenario: { kind: string }; perceptions: Array<{ linkId: string; respondent: string }> };
    }>(
      `query($s: ID!) { analysis(organisationId: "${ORG}", scenarioId: $s) { asymmetry { disagreements { linkId aspects } } }
        map(organisationId: "${ORG}", scenarioId: $s) { scenario { kind } perceptions { linkId respondent } } }`,
      { s: scenarioId },
    );
    expect(map.scenario.kind).toBe('OBSERVATION');
    expect(map.perceptions).toHaveLength(4);
    const firstCopy = map.perceptions.find(
      (p) => map.perceptions.filter((q) => q.linkId === p.linkId).length === 3,
    )!.linkId;
    expect(analysis.asymmetry.disagreements).toEqual([
      { linkId: firstCopy, aspects: ['COUPLING', 'TARGET_RESPONDS', 'SOURCE_RESPONDS'] },
    ]);
  });
});
