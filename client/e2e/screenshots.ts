/**
 * The README screenshots, taken against the seeded server: the first view of both sample
 * organisations at 1440×900 (a laptop) and 1920×1080 (a meeting-room projector), exactly as a new
 * user sees them, an analysis finding highlighted, and the presenter view.
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
