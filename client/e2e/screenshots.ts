/**
 * The README screenshots, taken against the seeded server: the first view of both sample
 * organisations at 1440×900 (a laptop) and 1920×1080 (a meeting-room projector), exactly as a new
 * user sees them, an analysis finding highlighted, the timeline with its charts (1280×800), and
 * the presenter view.
 * Run after a client build: npm run screenshots
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { openMap, startHarness, waitForMap } from './harness.ts';

const out = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
mkdirSync(out, { recursive: true });
const h = await startHarness();
const written: string[] = [];
try {
  const page = await openMap(h, 'lang=sv');
  for (const org of ['kommunby', 'skolgruppen']) {
    for (const size of [
      { width: 1440, height: 900 },
      { width: 1920, height: 1080 },
    ]) {
      await page.setViewportSize(size);
      await page.goto(`${h.baseUrl}/?e2e&lang=sv&org=${org}`);
      await waitForMap(page);
      const name = `first-view-${org}-${size.width}x${size.height}.png`;
      await page.screenshot({ path: `${out}${name}` });
      written.push(name);
    }
  }
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`${h.baseUrl}/?e2e&lang=sv&org=kommunby`);
  await waitForMap(page);
  await page.getByRole('tab', { name: 'Analys' }).click();
  await page.getByRole('button', { name: 'Kör analys' }).click();
  const finding = page.locator('[data-testid="findings"] li[data-kind="WEAKEST_LINK"] button').first();
  await finding.waitFor();
  await finding.click();
  await page.waitForTimeout(400); // the view moves to the finding
  await page.screenshot({ path: `${out}analysis.png` });
  written.push('analysis.png');
  // Following the change at 1280×800: the timeline at its third point, and one trend chart alone.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${h.baseUrl}/?e2e&lang=sv&org=kommunby`);
  await waitForMap(page);
  await page.getByRole('tab', { name: 'Över tid' }).click();
  await page.getByRole('button', { name: 'Uppföljning VT 2026 · Uppföljning · 2026-03-18' }).click();
  await page.getByTestId('timeline-changes').waitFor();
  await page.getByTestId('trend-chart-share').locator('svg').waitFor();
  await page.waitForTimeout(400); // the map redraws the step
  await page.screenshot({ path: `${out}timeline.png` });
  await page.getByTestId('trend-chart-share').screenshot({ path: `${out}trend-chart.png` });
  written.push('timeline.png', 'trend-chart.png');
  await page.setViewportSize({ width: 1440, height: 900 });
  // The seeded sample presentation, at its step on area Väst, as the audience sees it.
  await page.goto(`${h.baseUrl}/present/kommunby/pres-kommunby-glappen?e2e&lang=sv`);
  await page.getByTestId('step-counter').waitFor();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('[data-testid="step-counter"]')?.textContent === '3 / 5');
  await page.waitForTimeout(1500); // the camera glides to the step
  await page.screenshot({ path: `${out}presenter.png` });
  written.push('presenter.png');
  console.log(`wrote ${written.join(', ')} to ${out}`);
} finally {
  await h.close();
}
