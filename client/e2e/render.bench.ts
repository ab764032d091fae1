/**
 * Render benchmark (figures, not assertions): time from navigation to a drawn, interactive map
 * for synthetic maps of 500, 2,000 and 20,000 elements, in headless Chromium against the real
 * server. Run: npx vite build --config client/vite.config.ts && npx tsx client/e2e/render.bench.ts
 *
 * Besides the time to the first drawn frame it prints where the time went (the page's own marks:
 * map fetched and parsed, elements added to Cytoscape, first frame) and the renderer process's
 * CPU time over the same span, which a busy shared machine disturbs much less than wall time.
 * Then it zooms in and out 20 times and pans 20 times, and prints how long each step took until
 * its frame was drawn (the mean, and the slowest): 33 ms is 30 frames a second, 100 ms is 10.
 * SIZES=2000 RUNS=5 narrow a run; KK_CLIENT_DIR measures another build of the client.
 */
import type { CDPSession, Page } from 'playwright-core';

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
    const runs: {
      drawn: number;
      cpu: number;
      zoom: number;
      zoomMax: number;
      wheel: number;
      wheelMax: number;
      drag: number;
      dragMax: number;
      pan: number;
      panMax: number;
      fetched: number;
      added: number;
    }[] = [];
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
        // Interactive: how long each zoom or pan step takes until its frame is drawn (the change,
        // then the frame after the renderer's own frame).
        const cy = hook.cy;
        const centre = { x: cy.width() / 2, y: cy.height() / 2 };
        await new Promise((r) => setTimeout(r, 300)); // let the first frame's follow-up work settle
        // Steps in a list, not named functions: the bundler would wrap a named one in a helper
        // that does not exist in the page.
        const steps = [
          (i: number) => cy.zoom({ level: cy.zoom() * (i % 2 ? 1 / 1.3 : 1.3), renderedPosition: centre }),
          (i: number) => cy.panBy({ x: i % 2 ? 90 : -90, y: i % 4 < 2 ? 40 : -40 }),
        ];
        const timings: { mean: number; max: number }[] = [];
        for (const step of steps) {
          const times: number[] = [];
          for (let i = 0; i < 20; i++) {
            const start = performance.now();
            step(i);
            await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
            times.push(performance.now() - start);
          }
          timings.push({ mean: times.reduce((a, b) => a + b, 0) / times.length, max: Math.max(...times) });
        }
        const [zoom, pan] = timings as [{ mean: number; max: number }, { mean: number; max: number }];
        const r = (cy as unknown as { renderer: () => { options?: { webgl?: boolean } } }).renderer();
        return {
          drawnAt: hook.renderedAt ?? NaN,
          phases: { ...hook.phases }, // empty for builds without the marks
          zoom,
          pan,
          elements: cy.elements().length,
          collapsed: cy.nodes('.collapsed-unit').length,
          webgl: Boolean(r.options?.webgl),
        };
      });
      const wheel = await gesture(page, async () => {
        for (let i = 0; i < 20; i++) await page.mouse.wheel(0, i % 2 ? 240 : -240);
      });
      const drag = await gesture(page, async () => {
        await page.mouse.down();
        for (let i = 0; i < 20; i++) await page.mouse.move(700 + (i % 2 ? 90 : -90), 450 + (i % 4 < 2 ? 40 : -40));
        await page.mouse.up();
      });
      runs.push({
        drawn: result.drawnAt,
        wheel: wheel.mean,
        wheelMax: wheel.max,
        drag: drag.mean,
        dragMax: drag.max,
        cpu,
        zoom: result.zoom.mean,
        zoomMax: result.zoom.max,
        pan: result.pan.mean,
        panMax: result.pan.max,
        fetched: result.phases.fetched ?? NaN,
        added: result.phases.added ?? NaN,
      });
      const collapsed = result.collapsed > 0 ? `, ${result.collapsed} units collapsed` : '';
      renderer = `${result.elements} of ${size} drawn${collapsed}, ${result.webgl ? 'WebGL' : 'canvas'}`;
    }
    console.log(`${size}: ${runs.map((r) => r.drawn.toFixed(0)).join(', ')} ms to drawn`);
    const m = (key: keyof (typeof runs)[number]) => median(runs.map((r) => r[key]));
    const fps = (frame: number) => `${(1000 / frame).toFixed(0)} fps`.padStart(7);
    rows.push(
      `${String(size).padStart(6)} |${ms(m('drawn'))} |${ms(m('cpu'))} |${ms(m('fetched'))} |${ms(m('added'))} |${ms(m('zoom'))} ${fps(m('zoom'))} |${ms(m('zoomMax'))} |${ms(m('pan'))} ${fps(m('pan'))} |${ms(m('panMax'))} |${ms(m('wheel'))} ${fps(m('wheel'))} |${ms(m('wheelMax'))} |${ms(m('drag'))} ${fps(m('drag'))} |${ms(m('dragMax'))} | ${renderer}`,
    );
  }
} finally {
  await h.close();
}
console.log(
  `\n  size |  to drawn |  CPU used |   fetched |     added |        zoom step |  slowest |         pan step |  slowest |      wheel frame |  slowest |       drag frame |  slowest | (median of ${RUNS})\n${rows.join('\n')}`,
);
console.log(
  'fetched/added: when the map query was answered and parsed, and when its elements were in Cytoscape.\n' +
    'zoom/pan step: the mean time from a zoom (×1.3, in and out) or pan (90 px) to its drawn frame, over 20 steps; slowest: the longest step.\n' +
    'wheel/drag frame: the mean time between drawn frames while the mouse wheel zooms 20 notches or the mouse drags the map (as a user does; the renderer may draw a cached picture meanwhile).',
);

/**
 * The time between frames while a gesture runs: a requestAnimationFrame loop in the page records
 * each interval (set up from a string, so the bundler adds no helpers the page lacks).
 */
async function gesture(page: Page, run: () => Promise<void>): Promise<{ mean: number; max: number }> {
  await page.mouse.move(700, 450);
  await page.evaluate(`(() => {
    const w = window;
    w.__frames = [];
    w.__stop = false;
    let last = performance.now();
    const tick = (t) => { w.__frames.push(t - last); last = t; if (!w.__stop) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  })()`);
  await run();
  const frames = (await page.evaluate(
    `(() => { window.__stop = true; return window.__frames.slice(1); })()`,
  )) as number[];
  const mean = frames.reduce((a, b) => a + b, 0) / Math.max(1, frames.length);
  return { mean, max: Math.max(0, ...frames) };
}

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
