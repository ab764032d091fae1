/**
 * The README screenshots (docs/screenshots/map.png and analysis.png), taken against the seeded
 * server. Run after a client build: npx tsx client/e2e/screenshots.ts
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
  console.log(`wrote ${out}map.png and ${out}analysis.png`);
} finally {
  await h.close();
}
