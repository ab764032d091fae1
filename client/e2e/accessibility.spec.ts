import { createRequire } from 'node:module';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ADMIN, type Harness, startHarness, waitForMap } from './harness.ts';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
// Poll on a timer: requestAnimationFrame polling stalls in a headless page that is not painting.
const POLL = { polling: 100 };

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * axe-core's serious and critical violations on the page once its CSS animations have ended
 * (WCAG 2.1 AA rules): text caught halfway through a fade-in would read as too faint.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: axePath });
  await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished)));
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: unknown }> } })
      .axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations as AxeViolation[];
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

let h: Harness;
let page: Page;

beforeAll(async () => {
  h = await startHarness();
  // axe-core is injected as an inline script, which the app's Content Security Policy refuses.
  const context = await h.browser.newContext({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
  page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${h.baseUrl}/?e2e&lang=sv&org=kommunby`);
});
afterAll(async () => h?.close());

describe('accessibility', () => {
  it('has no serious or critical axe-core violations on the sign-in page', async () => {
    await page.locator('input[name="email"]').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('input[name="email"]').fill(ADMIN.email);
    await page.locator('input[name="password"]').fill(ADMIN.password);
    await page.locator('form.sign-in button[type="submit"]').click();
    await waitForMap(page);
  });

  it('reaches the map from the skip link, moves between actors with the arrows, and opens one with Enter', async () => {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'map-canvas', null, POLL);
    const announcer = page.getByTestId('map-announcer');
    await page.waitForFunction(
      () => (document.querySelector('[data-testid="map-announcer"]')?.textContent ?? '') !== '',
      null,
      POLL,
    );
    const first = await announcer.textContent();
    const focusedFirst = await page.evaluate(() => window.__kk?.cy.$('.kk-focus').map((n) => n.id()));
    expect(focusedFirst).toHaveLength(1);
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(
      (before) => document.querySelector('[data-testid="map-announcer"]')?.textContent !== before,
      first,
      POLL,
    );
    const focused = await page.evaluate(() => {
      const node = window.__kk?.cy.$('.kk-focus').first();
      return node ? { id: node.id(), name: String(node.data('fullName')) } : null;
    });
    expect(focused?.id).not.toBe(focusedFirst?.[0]);
    expect(await announcer.textContent()).toContain(focused?.name);
    await page.keyboard.press('Enter');
    await page.getByTestId('actor-details').getByRole('heading', { name: focused?.name }).waitFor();
  });

  it('lists every shortcut in a help overlay opened with ?', async () => {
    await page.locator('#map-canvas').focus();
    await page.keyboard.press('?');
    const help = page.getByTestId('shortcut-help');
    await help.waitFor();
    const keys = await help.locator('kbd').allTextContents();
    for (const key of ['Tab', 'Enter', '?', 'L', 'P', 'Ctrl+Z', 'Esc', '1', '2', '3', 'F']) expect(keys).toContain(key);
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });
  });

  it('has no serious or critical axe-core violations on the map, its panels and the presenter view', async () => {
    expect(await seriousViolations(page)).toEqual([]); // the map with the details panel open
    await page.getByRole('tab', { name: 'Analys' }).click();
    await page.getByRole('button', { name: 'Kör analys' }).click();
    await page.getByTestId('level-matrix').waitFor();
    await page.locator('[data-testid="findings"] li button').first().click();
    expect(await seriousViolations(page)).toEqual([]);
    for (const tab of ['Filter', 'Scenarier', 'Över tid', 'Presentationer', 'Import/export']) {
      await page.getByRole('tab', { name: tab }).click();
      // The timeline's charts are drawn once their module has loaded: judge them drawn.
      if (tab === 'Över tid') await page.getByTestId('trend-chart-share').locator('svg').waitFor();
      expect(await seriousViolations(page), tab).toEqual([]);
    }
    await page.goto(`${h.baseUrl}/present/kommunby/pres-kommunby-glappen?e2e&lang=sv`);
    await page.getByTestId('step-counter').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });
});

describe('accessibility of perception rounds', () => {
  it('has no serious or critical axe-core violations on the rounds tab, following a live round', async () => {
    await page.goto(`${h.baseUrl}/?e2e&lang=sv&org=kommunby`);
    await waitForMap(page);
    await page.getByRole('tab', { name: 'Rundor' }).click();
    expect(await seriousViolations(page), 'the list').toEqual([]);
    await page.getByRole('button', { name: 'Ny runda' }).click();
    const form = page.getByRole('form', { name: 'Ny runda' });
    expect(await seriousViolations(page), 'the form').toEqual([]);
    await form.getByLabel('Namn (syns för deltagarna)').fill('Tillgänglighet');
    await form.getByLabel('Fråga om').selectOption('LINKS');
    expect(await seriousViolations(page), 'the form with the links').toEqual([]);
    const boxes = form.locator('.rounds__links input[type="checkbox"]');
    for (let i = 0; i < 3; i++) await boxes.nth(i).check();
    await form.getByRole('button', { name: 'Öppna rundan' }).click();
    await page.getByTestId('round-code').waitFor();
    // The map carries the round's tallies and the legend its signs.
    await page.getByTestId('legend-round').waitFor();
    expect(await seriousViolations(page), 'the live round').toEqual([]);
  });

  it('has no serious or critical axe-core violations on the phone page, before and after joining', async () => {
    const code = (await page.getByTestId('round-code').innerText()).trim();
    const context = await h.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      bypassCSP: true,
    });
    try {
      const phone = await context.newPage();
      phone.setDefaultTimeout(15_000);
      await phone.goto(`${h.baseUrl}/r/${code}?lang=sv`);
      await phone.getByRole('radio', { name: 'Rektor', exact: true }).waitFor();
      expect(await seriousViolations(phone), 'joining').toEqual([]);
      await phone.getByRole('radio', { name: 'Rektor', exact: true }).check();
      await phone.getByRole('button', { name: 'Börja' }).click();
      await phone.locator('li.participant__link').first().waitFor();
      expect(await seriousViolations(phone), 'the questions').toEqual([]);
      await phone
        .locator('li.participant__link fieldset')
        .first()
        .getByRole('button', { name: 'Ja', exact: true })
        .click();
      expect(await seriousViolations(phone), 'an answer given').toEqual([]);
    } finally {
      await context.close();
    }
  });
});
