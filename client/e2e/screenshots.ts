/**
 * The README screenshots (docs/screenshots/map.png, analysis.png and presenter.png), taken
 * against the seeded server. Run after a client build: npx tsx client/e2e/screenshots.ts
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { openMap, startHarness } from './harness.ts';

const out = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
mkdirSync(out, { recursive: true });
const h = await startHarness();
try {
  const page = await openMap(h, 'lang=sv');
  await page.setViewportSize({ width: 1600, height: 1000 });
  // The whole seeded map is too wide to read at once: frame its left part (chain top to bottom).
  await page.evaluate(() => {
    const cy = window.__kk?.cy;
    if (!cy) return;
    const box = cy.nodes('.actor').boundingBox();
    cy.fit(
      cy.nodes('.actor').filter((n) => n.position('x') < box.x1 + box.w * 0.4),
      20,
    );
  });
  const admin = await page.evaluate(() =>
    window.__kk?.cy
      .nodes('.actor')
      .filter((n) => n.data('levelKey') === 'administration')
      .first()
      .id(),
  );
  if (admin) await page.evaluate((id) => void window.__kk?.cy.getElementById(id).emit('tap'), admin);
  await page.screenshot({ path: `${out}map.png` });
  await page.getByRole('tab', { name: 'Analys' }).click();
  await page.getByRole('button', { name: 'Kör analys' }).click();
  const finding = page.locator('[data-testid="findings"] li button').first();
  await finding.waitFor();
  await finding.click();
  await page.screenshot({ path: `${out}analysis.png` });
  // The seeded sample presentation, at its step on area Väst, as the audience sees it.
  await page.goto(`${h.baseUrl}/present/kommunby/pres-kommunby-glappen?e2e&lang=sv`);
  await page.getByTestId('step-counter').waitFor();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.querySelector('[data-testid="step-counter"]')?.textContent === '3 / 5');
  await page.waitForTimeout(1500); // the camera glides to the step
  await page.screenshot({ path: `${out}presenter.png` });
  console.log(`wrote map.png, analysis.png and presenter.png to ${out}`);
} finally {
  await h.close();
}
