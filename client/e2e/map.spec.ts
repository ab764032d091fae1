import { readFileSync } from 'node:fs';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type Harness, openMap, startHarness, waitForMap } from './harness.ts';
import { classMembers, clickNode, gapDocument, selectedIds, visibleActorLevels } from './helpers.ts';

interface MapAnswer {
  map: {
    organisation: { id: string; levels: { key: string }[] };
    actors: { id: string; levelKey: string }[];
    links: { id: string; sourceId: string; targetId: string; coupling: string }[];
  };
}
const MAP = `query($o: ID!) { map(organisationId: $o) { organisation { id levels { key } } actors { id levelKey } links { id sourceId targetId coupling } } }`;
const GAPS = `query($o: ID!) { analysis(organisationId: $o) { findings { id kind linkIds } } }`;

// Poll on a timer: requestAnimationFrame polling stalls in a headless page that is not painting.
const POLL = { polling: 100 };

let h: Harness;
let page: Page;
let orgId: string;

beforeAll(async () => {
  h = await startHarness();
  const orgs = await h.gql<{ organisations: { nodes: { id: string }[] } }>('{ organisations { nodes { id } } }');
  orgId = orgs.organisations.nodes[0]?.id ?? '';
  await h.gql('mutation($d: JSON!) { importOrganisation(document: $d) { organisation { id } } }', {
    d: gapDocument('glapp'),
  });
  page = await openMap(h, `org=${orgId}`);
});
afterAll(async () => h?.close());

describe('the map in the browser', () => {
  it('draws every actor of the seeded map and every level that has actors', async () => {
    const { map } = await h.gql<MapAnswer>(MAP, { o: orgId });
    const drawn = await page.evaluate(() =>
      window.__kk?.cy
        .nodes('.actor')
        .map((n) => n.id())
        .sort(),
    );
    expect(drawn).toEqual(map.actors.map((a) => a.id).sort());
    const levelsWithActors = [...new Set(map.actors.map((a) => a.levelKey))].sort();
    expect(await visibleActorLevels(page)).toEqual(levelsWithActors);
    expect(map.organisation.levels.length).toBeGreaterThanOrEqual(levelsWithActors.length);
    // Chain levels are drawn top to bottom in order.
    const meanY = await page.evaluate(() => {
      const out: Record<string, number> = {};
      for (const key of ['politics', 'administration', 'principal', 'teacher']) {
        const ys = window.__kk?.cy.nodes(`.actor[levelKey = "${key}"]`).map((n) => n.position('y')) ?? [];
        out[key] = ys.reduce((a, b) => a + b, 0) / Math.max(1, ys.length);
      }
      return out;
    });
    expect(meanY.politics).toBeLessThan(meanY.administration ?? 0);
    expect(meanY.administration).toBeLessThan(meanY.principal ?? 0);
    expect(meanY.principal).toBeLessThan(meanY.teacher ?? 0);
  });

  it('filters to one level', async () => {
    await page.getByRole('tab', { name: 'Filter' }).click();
    await page.locator('input[name="level"][value="administration"]').check();
    expect(await visibleActorLevels(page)).toEqual(['administration']);
    await page.getByRole('button', { name: 'Rensa filter' }).click();
    expect((await visibleActorLevels(page)).length).toBeGreaterThan(3);
  });

  it('selects an actor on the canvas and shows its details', async () => {
    const { map } = await h.gql<MapAnswer>(MAP, { o: orgId });
    const actor = map.actors.find((a) => a.levelKey === 'administration');
    await clickNode(page, actor?.id ?? '');
    expect(await selectedIds(page)).toEqual([actor?.id]);
    await page.getByTestId('actor-details').waitFor();
  });

  it('creates a link by the UI (link from selected), stores it through the API, and undoes it', async () => {
    const { map } = await h.gql<MapAnswer>(MAP, { o: orgId });
    const linked = new Set(map.links.map((l) => `${l.sourceId}>${l.targetId}`));
    const from = map.actors.find((a) => a.levelKey === 'politics');
    const to = map.actors.find((a) => a.levelKey === 'teacher' && !linked.has(`${from?.id}>${a.id}`));
    await clickNode(page, from?.id ?? '');
    await page.keyboard.press('l');
    await clickNode(page, to?.id ?? '');
    const dialog = page.getByRole('dialog');
    await dialog.locator('select[name="kind"]').selectOption('DIALOGUE');
    await dialog.locator('select[name="coupling"]').selectOption('LOOSE');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await dialog.waitFor({ state: 'detached' });
    const after = await h.gql<MapAnswer>(MAP, { o: orgId });
    const created = after.map.links.find((l) => l.sourceId === from?.id && l.targetId === to?.id);
    expect(created?.coupling).toBe('LOOSE');
    await page.waitForFunction((id) => window.__kk?.cy.getElementById(id).nonempty(), created?.id ?? '', POLL);

    await page.keyboard.press('Control+z');
    await page.waitForFunction((id) => window.__kk?.cy.getElementById(id).empty(), created?.id ?? '', POLL);
    const undone = await h.gql<MapAnswer>(MAP, { o: orgId });
    expect(undone.map.links.some((l) => l.id === created?.id)).toBe(false);
  });

  it('shows a refusal from the API in the form', async () => {
    const { map } = await h.gql<MapAnswer>(MAP, { o: orgId });
    const actor = map.actors[0];
    await page.keyboard.press('Escape');
    await page.keyboard.press('n');
    const dialog = page.getByRole('dialog');
    await dialog.locator('select[name="sourceId"]').selectOption(actor?.id ?? '');
    await dialog.locator('select[name="targetId"]').selectOption(actor?.id ?? '');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await dialog.getByText('En länk måste förbinda två olika aktörer.').waitFor();
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
  });

  it('switches language', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('tab', { name: 'Details' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('button', { name: 'Svenska' }).click();
    await page.getByRole('tab', { name: 'Detaljer' }).waitFor();
  });

  it('exports the view as PNG and SVG', async () => {
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'PNG' }).click()]);
    const bytes = readFileSync((await png.path()) ?? '');
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(10_000);
    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'SVG' }).click()]);
    expect(readFileSync((await svg.path()) ?? '', 'utf8')).toMatch(/^<svg[^>]+xmlns/);
  });

  it('compares two scenarios on one map', async () => {
    await page.getByRole('tab', { name: 'Scenarier' }).click();
    const options = await page.locator('select[name="compare"] option').count();
    if (options < 2) return; // a seed with one scenario has nothing to compare
    await page.locator('select[name="compare"]').selectOption({ index: 1 });
    await page.getByTestId('compare-summary').waitFor();
    const marked = await page.evaluate(
      () => window.__kk?.cy.edges('.diff-added, .diff-removed, .diff-changed').length ?? 0,
    );
    expect(marked).toBeGreaterThan(0);
    await page.locator('select[name="compare"]').selectOption('');
  });
});

describe('coupling and analysis', () => {
  it('changes a coupling by keyboard, stores it, and the level-gap finding disappears', async () => {
    const before = await h.gql<{ analysis: { findings: { kind: string; linkIds: string[] }[] } }>(GAPS, { o: 'glapp' });
    expect(before.analysis.findings.some((f) => f.kind === 'LEVEL_GAP')).toBe(true);

    await page.goto(`${h.baseUrl}/?e2e&org=glapp`);
    await waitForMap(page);
    await page.getByRole('tab', { name: 'Analys' }).click();
    await page.getByRole('button', { name: 'Kör analys' }).click();
    await page.locator('[data-testid="findings"] li[data-kind="LEVEL_GAP"]').first().waitFor();
    // Choosing a finding highlights its elements and dims the rest.
    await page.locator('[data-testid="findings"] li[data-kind="LEVEL_GAP"] button').first().click();
    expect(await classMembers(page, 'kk-hl')).toContain('g-l3');
    expect(await classMembers(page, 'kk-dim')).toContain('g-committee');

    await page.evaluate(() => void window.__kk?.cy.getElementById('g-l3').emit('tap')); // void: do not serialise the element
    await page.getByTestId('link-details').waitFor();
    await page.keyboard.press('2');
    await page.getByTestId('link-coupling').getByText('Lös').waitFor();
    const stored = await h.gql<MapAnswer>(MAP, { o: 'glapp' });
    expect(stored.map.links.find((l) => l.id === 'g-l3')?.coupling).toBe('LOOSE');

    await page.getByRole('tab', { name: 'Analys' }).click();
    await page.getByRole('button', { name: 'Kör igen' }).click();
    await page.waitForFunction(
      () => !document.querySelector('[data-testid="findings"] li[data-kind="LEVEL_GAP"]'),
      null,
      POLL,
    );
    const after = await h.gql<{ analysis: { findings: { kind: string }[] } }>(GAPS, { o: 'glapp' });
    expect(after.analysis.findings.some((f) => f.kind === 'LEVEL_GAP')).toBe(false);
  });
});
