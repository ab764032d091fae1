/**
 * Render benchmark (figures, not assertions): time from navigation to a drawn, interactive map
 * for synthetic maps of 500, 2,000 and 20,000 elements, in headless Chromium against the real
 * server. Run: npx vite build --config client/vite.config.ts && npx tsx client/e2e/render.bench.ts
 */
import { ADMIN, startHarness, waitForMap } from './harness.ts';
import { syntheticDocument } from './synthetic.ts';

const SIZES = (process.env.SIZES ?? '500,2000,20000').split(',').map(Number);
const RUNS = Number(process.env.RUNS ?? 3);

const h = await startHarness({ seed: false });
const rows: string[] = [];
try {
  // One signed-in page for every run: sign-in is throttled, and a second page in a headless
  // context counts as hidden (no animation frames, so nothing is drawn).
  const page = await signedInPage(h);
  for (const size of SIZES) {
    const id = `synth-${size}`;
    const doc = syntheticDocument(id, size);
    await h.gql('mutation($d: JSON!) { importOrganisation(document: $d) { counts { actors links units } } }', {
      d: doc,
    });
    const times: number[] = [];
    const frames: number[] = [];
    let renderer = '';
    for (let run = 0; run < RUNS; run++) {
      // Timed: navigation start → first drawn frame of the laid-out map (renderedAt is relative to it).
      await page.goto(`${h.baseUrl}/?e2e&org=${id}`);
      await waitForMap(page, 180_000).catch(async (error: unknown) => {
        console.error((await page.locator('body').innerText()).slice(0, 500));
        throw error;
      });
      const result = await page.evaluate(async () => {
        const hook = window.__kk;
        if (!hook) throw new Error('no hook');
        // Interactive: how long one zoom step takes to draw (a frame after the change).
        const cy = hook.cy;
        const start = performance.now();
        cy.zoom({ level: cy.zoom() * 1.5, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const frame = performance.now() - start;
        const r = (cy as unknown as { renderer: () => { options?: { webgl?: boolean } } }).renderer();
        return {
          drawnAt: hook.renderedAt ?? NaN,
          frame,
          elements: cy.elements().length,
          webgl: Boolean(r.options?.webgl),
        };
      });
      times.push(result.drawnAt);
      frames.push(result.frame);
      renderer = `${result.elements} elements, ${result.webgl ? 'WebGL' : 'canvas'}`;
    }
    console.log(`${size}: ${times.map((t) => t.toFixed(0)).join(', ')} ms to drawn`);
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
    rows.push(
      `${String(size).padStart(6)} | ${median(times).toFixed(0).padStart(6)} ms | ${median(frames).toFixed(0).padStart(5)} ms | ${renderer}`,
    );
  }
} finally {
  await h.close();
}
console.log(`\nsize   | to drawn  | zoom frame | (median of ${RUNS})\n${rows.join('\n')}`);

async function signedInPage(harness: typeof h) {
  const context = await harness.browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${harness.baseUrl}/`);
  await page.locator('input[name="email"]').fill(ADMIN.email);
  await page.locator('input[name="password"]').fill(ADMIN.password);
  await page.locator('form.sign-in button[type="submit"]').click();
  await page.locator('.header').waitFor();
  return page;
}
