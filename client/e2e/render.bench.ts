/**
 * Render benchmark (figures, not assertions): time from navigation to a drawn, interactive map
 * for synthetic maps of 500, 2,000 and 20,000 elements, in headless Chromium against the real
 * server. Run: npx vite build --config client/vite.config.ts && npx tsx client/e2e/render.bench.ts
 *
 * Besides the time to the first drawn frame it prints where the time went (the page's own marks:
 * map fetched and parsed, elements added to Cytoscape, first frame) and the renderer process's
 * CPU time over the same span, which a busy shared machine disturbs much less than wall time.
 * SIZES=2000 RUNS=5 narrow a run; KK_CLIENT_DIR measures another build of the client.
 */
import type { CDPSession } from 'playwright-core';

import { ADMIN, startHarness, waitForMap } from './harness.ts';
import { syntheticDocument } from './synthetic.ts';

const SIZES = (process.env.SIZES ?? '500,2000,20000').split(',').map(Number);
const RUNS = Number(process.env.RUNS ?? 3);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const ms = (x: number) => `${x.toFixed(0)} ms`.padStart(9);

/** CPU seconds the renderer process has used so far (Chrome's own counter). */
async function processTime(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'ProcessTime')?.value ?? NaN;
}

const h = await startHarness({ seed: false });
const rows: string[] = [];
try {
  // One signed-in page for every run: sign-in is throttled, and a second page in a headless
  // context counts as hidden (no animation frames, so nothing is drawn).
  const page = await signedInPage(h);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  for (const size of SIZES) {
    // A new organisation's id is the server's choice.
    const imported = await h.gql<{ importOrganisation: { organisation: { id: string } } }>(
      'mutation($d: JSON!) { importOrganisation(document: $d) { organisation { id } } }',
      { d: syntheticDocument(`synth-${size}`, size) },
    );
    const { id } = imported.importOrganisation.organisation;
    const runs: { drawn: number; cpu: number; frame: number; fetched: number; added: number }[] = [];
    let renderer = '';
    for (let run = 0; run < RUNS; run++) {
      // Timed: navigation start → first drawn frame of the laid-out map (renderedAt is relative to it).
      const cpuBefore = await processTime(cdp);
      await page.goto(`${h.baseUrl}/?e2e&org=${id}`);
      await waitForMap(page, 180_000).catch(async (error: unknown) => {
        console.error((await page.locator('body').innerText()).slice(0, 500));
        throw error;
      });
      const cpu = ((await processTime(cdp)) - cpuBefore) * 1000;
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
          phases: { ...hook.phases }, // empty for builds without the marks
          frame,
          elements: cy.elements().length,
          collapsed: cy.nodes('.collapsed-unit').length,
          webgl: Boolean(r.options?.webgl),
        };
      });
      runs.push({
        drawn: result.drawnAt,
        cpu,
        frame: result.frame,
        fetched: result.phases.fetched ?? NaN,
        added: result.phases.added ?? NaN,
      });
      const collapsed = result.collapsed > 0 ? `, ${result.collapsed} units collapsed` : '';
      renderer = `${result.elements} of ${size} drawn${collapsed}, ${result.webgl ? 'WebGL' : 'canvas'}`;
    }
    console.log(`${size}: ${runs.map((r) => r.drawn.toFixed(0)).join(', ')} ms to drawn`);
    const m = (key: keyof (typeof runs)[number]) => median(runs.map((r) => r[key]));
    rows.push(
      `${String(size).padStart(6)} |${ms(m('drawn'))} |${ms(m('cpu'))} |${ms(m('fetched'))} |${ms(m('added'))} |${ms(m('frame'))} | ${renderer}`,
    );
  }
} finally {
  await h.close();
}
console.log(
  `\n  size |  to drawn |  CPU used |   fetched |     added | zoom frame | (median of ${RUNS})\n${rows.join('\n')}`,
);
console.log('fetched/added: when the map query was answered and parsed, and when its elements were in Cytoscape.');

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
