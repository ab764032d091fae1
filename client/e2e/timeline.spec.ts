import { readFileSync } from 'node:fs';

import { PDFDocument } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type Harness, openMap, startHarness } from './harness.ts';

let h: Harness;
let page: Page;

beforeAll(async () => {
  h = await startHarness();
  page = await openMap(h, 'org=kommunby&lang=sv');
  await page.getByRole('tab', { name: 'Över tid' }).click();
  await page.getByTestId('timeline-panel').waitFor();
}, 60_000);
afterAll(async () => h?.close());

type Marks = Record<'added' | 'removed' | 'tightened' | 'loosened' | 'changed', string[]>;

/** The links the map marks, by mark, as record ids (read from the canvas, not from the panel). */
const marksOnMap = (): Promise<Marks> =>
  page.evaluate(() => {
    const cy = window.__kk!.cy;
    const of = (mark: string) =>
      cy
        .edges(`.diff-${mark}`)
        .map((edge) => String(edge.data('recordId')))
        .sort();
    return {
      added: of('added'),
      removed: of('removed'),
      tightened: of('tightened'),
      loosened: of('loosened'),
      changed: of('changed'),
    };
  });

const actorPositions = (): Promise<Record<string, { x: number; y: number }>> =>
  page.evaluate(() =>
    Object.fromEntries(window.__kk!.cy.nodes('.actor').map((node) => [node.id(), { ...node.position() }])),
  );

const none: Marks = { added: [], removed: [], tightened: [], loosened: [], changed: [] };

/**
 * What changes between kommunby's points in time, worked out from the seed file by matching links
 * on (source, target, kind) and comparing couplings (seeds/README.md tells the story; the seed
 * test checks the later steps link by link).
 */
const STEPS: Array<{ name: string; marks: Marks }> = [
  { name: 'Nuläge VT 2025', marks: none },
  {
    name: 'Uppföljning HT 2025',
    marks: {
      ...none,
      added: ['lnk-obs-bun--rek-mossang-di'],
      removed: ['lnk-cur-skolchef--fl-bjornberg-1-di'],
      tightened: [
        'lnk-obs-larosate--rek-mossang-su',
        'lnk-obs-rek-stensjo--lag-stensjo-sosprak-di',
        'lnk-obs-vc-vast--rek-mossang-st',
      ],
      loosened: ['lnk-obs-vc-syd--rek-hagtorn-di'],
    },
  },
  {
    name: 'Uppföljning VT 2026',
    // Hagtorn reconnects; the committee's steering of the superintendent loosens.
    marks: { ...none, tightened: ['lnk-vt26-vc-syd--rek-hagtorn-di'], loosened: ['lnk-vt26-bun--skolchef-st'] },
  },
  {
    name: 'Uppföljning HT 2026',
    // Sjövik's principal is reached again, the Stensjö SO/språk team decouples, a direct link is gone.
    marks: {
      ...none,
      removed: ['lnk-vt26-skolchef--fl-kvarnback-1-di'],
      tightened: ['lnk-ht26-vc-vast--rek-sjovik-st'],
      loosened: ['lnk-ht26-rek-stensjo--lag-stensjo-sosprak-di'],
    },
  },
];

describe('following the change over time', () => {
  it('steps through the timeline, marking what changed since the point before, with actors kept in place', async () => {
    const before = await actorPositions();
    const panel = page.getByTestId('timeline-panel');
    for (const [index, step] of STEPS.entries()) {
      await panel.locator('[data-action="timelineNext"]').click();
      await page
        .getByTestId('timeline-step')
        .getByText(`Punkt ${index + 1} av 4: ${step.name}`)
        .waitFor();
      await page.getByTestId('scenario-banner').getByText(step.name).waitFor();
      if (index > 0) await page.getByTestId('timeline-changes').waitFor();
      const expected = step.marks;
      await page.waitForFunction(
        (want) => window.__kk!.cy.edges('.diff-added, .diff-removed, .diff-tightened, .diff-loosened').length === want,
        expected.added.length + expected.removed.length + expected.tightened.length + expected.loosened.length,
      );
      expect(await marksOnMap(), step.name).toEqual(expected);
      if (index > 0) {
        const counts = await page.getByTestId('timeline-changes').locator('li').allInnerTexts();
        expect(counts).toEqual([
          `+ tillkommen länk: ${expected.added.length} st`,
          `− borttagen länk (blek, streckad): ${expected.removed.length} st`,
          `↑ tätare koppling än förut: ${expected.tightened.length} st`,
          `↓ lösare koppling än förut: ${expected.loosened.length} st`,
          `Δ annan ändring (typ eller lyhördhet): 0 st`,
        ]);
      }
      // The map is redrawn in the layout it started with: no actor moves.
      expect(await actorPositions()).toEqual(before);
    }
    expect(await panel.locator('[data-action="timelineNext"]').isDisabled()).toBe(true);
    // The slider goes back by keyboard.
    await panel.getByRole('slider', { name: 'Punkt på tidslinjen' }).focus();
    await page.keyboard.press('ArrowLeft');
    await page.getByTestId('timeline-step').getByText('Punkt 3 av 4: Uppföljning VT 2026').waitFor();
  });

  it('shows each chart with a table of its values: the counts the API gives (networkx-checked)', async () => {
    const rows = async (chart: string) => {
      const figure = page.getByTestId(`trend-chart-${chart}`);
      await figure.locator('svg[role="img"]').waitFor();
      await figure.getByRole('button', { name: 'Visa som tabell' }).click();
      await figure.locator('table:not(.visually-hidden)').waitFor();
      return figure
        .locator('tbody tr')
        .evaluateAll((trs) =>
          trs.map((tr) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent ?? '')),
        );
    };
    // Actors cut off from the top level and the distance to the desired state, per point in time.
    expect((await rows('cutOff')).map((row) => row[1])).toEqual(['7', '5', '0', '1']);
    expect((await rows('distance')).map((row) => row[1])).toEqual(['27', '23', '21', '20']);
    const share = await rows('share');
    expect(share.map((row) => row[0])).toEqual([
      'Nuläge VT 2025 · Nuläge · 2025-03-04',
      'Uppföljning HT 2025 · Uppföljning · 2025-11-12',
      'Uppföljning VT 2026 · Uppföljning · 2026-03-18',
      'Uppföljning HT 2026 · Uppföljning · 2026-11-10',
    ]);
    // One column per adjacent pair of chain levels, each cell "responsive of total (share)".
    expect(share[0]!.slice(1).every((cell) => /^\d+ av \d+ \(\d+\s%\)$/.test(cell))).toBe(true);
  });

  it('exports a chart as SVG and as PNG', async () => {
    const figure = page.getByTestId('trend-chart-distance');
    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      figure.getByRole('button', { name: 'Spara SVG' }).click(),
    ]);
    expect(svg.suggestedFilename()).toBe('avstand-till-onskat-lage-lankar-som-skil.svg');
    const text = readFileSync((await svg.path()) ?? '', 'utf8');
    expect(text).toMatch(/^<svg[^>]+xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(text).toContain('<title>Avstånd till önskat läge (länkar som skiljer sig)</title>');
    expect(text).toContain('>avstånd<');
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      figure.getByRole('button', { name: 'Spara PNG' }).click(),
    ]);
    const bytes = readFileSync((await png.path()) ?? '');
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    // Twice the chart's 450-point width.
    expect(bytes.readUInt32BE(16)).toBe(900);
  });

  it('downloads the meeting report of the scenario shown', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: 'Ladda ned PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('kommunby-kommun-report.pdf');
    const pdf = await PDFDocument.load(readFileSync((await download.path()) ?? ''));
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(4);
    expect(pdf.getTitle()).toBe('Kommunby kommun: Uppföljning VT 2026');
  });

  it('ends the stepping when a scenario is shown another way: no marks, no step', async () => {
    await page.getByTestId('scenario-banner').getByRole('button', { name: 'Visa nuläget' }).click();
    await page.getByTestId('scenario-banner').getByText('Visat scenario: Nuläge VT 2025').waitFor();
    await page.getByTestId('timeline-step').waitFor({ state: 'detached' });
    await page.waitForFunction(() => window.__kk!.cy.edges('[label != ""]').length === 0);
    expect(await marksOnMap()).toEqual(none);
  });

  it('says so when an organisation has no observations yet', async () => {
    await page.goto(`${h.baseUrl}/?e2e&org=skolgruppen&lang=en`);
    await page.waitForFunction(() => window.__kk?.renderedAt != null);
    await page.getByRole('tab', { name: 'Over time' }).click();
    await page
      .getByTestId('timeline-empty')
      .getByText('There are no dated observations yet.', { exact: false })
      .waitFor();
    expect(await page.getByTestId('trend-chart-share').count()).toBe(0);
    await page.getByRole('button', { name: 'Download PDF' }).waitFor();
  });
});
