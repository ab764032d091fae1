import { readFileSync } from 'node:fs';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { ADMIN, type Harness, startHarness, waitForMap } from './harness.ts';
import { clickNode, gapDocument, importDocument } from './helpers.ts';
import { syntheticDocument } from './synthetic.ts';

// Poll on a timer: requestAnimationFrame polling stalls in a headless page that is not painting.
const POLL = { polling: 100 };
const MAP = `query($o: ID!, $s: ID) { map(organisationId: $o, scenarioId: $s) {
  organisation { levels { key name isSide } scenarios { id kind name } }
  actors { id name levelKey unitId } links { id } } }`;
interface MapAnswer {
  map: {
    organisation: {
      levels: { key: string; name: string; isSide: boolean }[];
      scenarios: { id: string; kind: string }[];
    };
    actors: { id: string; name: string; levelKey: string; unitId: string | null }[];
    links: { id: string }[];
  };
}

let h: Harness;
let shared: Page | null = null;
/** The ids the server chose for the two imported copies of the gap document (same record ids). */
let glapp = '';
let glappCopy = '';

beforeAll(async () => {
  h = await startHarness();
  const copy = (name: string) => ({
    ...gapDocument('glapp'),
    organisation: { ...gapDocument('glapp').organisation, name },
  });
  glapp = await importDocument(h, copy('Glappkommun'));
  glappCopy = await importDocument(h, copy('Glappkommun kopia'));
});
afterAll(async () => h?.close());

/**
 * The one signed-in page, at a window size and address: signing in is throttled, and a second
 * page of a headless browser is not painted.
 */
async function open(size: { width: number; height: number }, query: string): Promise<Page> {
  if (!shared) {
    const context = await h.browser.newContext({ viewport: size, acceptDownloads: true });
    shared = await context.newPage();
    shared.setDefaultTimeout(15_000);
    shared.on('dialog', (d) => void d.accept());
    await shared.goto(`${h.baseUrl}/?e2e&lang=sv&${query}`);
    await shared.locator('input[name="email"]').fill(ADMIN.email);
    await shared.locator('input[name="password"]').fill(ADMIN.password);
    await shared.locator('form.sign-in button[type="submit"]').click();
  } else {
    await shared.setViewportSize(size);
    await shared.goto(`${h.baseUrl}/?e2e&lang=sv&${query}`);
  }
  await waitForMap(shared);
  return shared;
}

/** Every drawn label's size on screen (font size × zoom), and whether Cytoscape draws it. */
function labelSizes(page: Page) {
  return page.evaluate(() => {
    const cy = window.__kk?.cy;
    if (!cy) throw new Error('no canvas');
    return cy.nodes('.actor, .unit').map((n) => {
      const size = parseFloat(String(n.style('font-size'))) * cy.zoom();
      const min = parseFloat(String(n.style('min-zoomed-font-size')));
      return { id: n.id(), label: String(n.data('label')), size, isDrawn: size >= min };
    });
  });
}

describe('the first view reads at a glance', () => {
  for (const size of [
    { width: 1440, height: 900 },
    { width: 1920, height: 1080 },
  ]) {
    it(`shows every label of the sample municipality at 11 px or more, and names every level, at ${size.width}×${size.height}`, async () => {
      const page = await open(size, 'org=kommunby');
      try {
        const labels = await labelSizes(page);
        expect(labels.length).toBeGreaterThan(83);
        for (const label of labels) {
          expect(label.size, label.label).toBeGreaterThanOrEqual(11);
          expect(label.isDrawn, label.label).toBe(true);
        }
        // Every actor lies inside the part of the canvas the legend and the level names leave free.
        const outside = await page.evaluate(() => {
          const cy = window.__kk?.cy;
          const legend = document.querySelector('[data-testid="legend"]')?.getBoundingClientRect();
          const canvas = cy?.container()?.getBoundingClientRect();
          const names = [...document.querySelectorAll('.level-name:not(.level-name--lane)')].map((e) =>
            e.getBoundingClientRect(),
          );
          if (!cy || !legend || !canvas) throw new Error('no canvas or legend');
          const gutter = Math.max(...names.map((r) => r.right)) - canvas.left;
          return cy
            .nodes('.actor')
            .filter((n) => {
              const b = n.renderedBoundingBox({ includeLabels: false });
              return b.x1 < gutter || b.x2 > cy.width() || b.y1 < 0 || b.y2 > legend.top - canvas.top;
            })
            .map((n) => n.id());
        });
        expect(outside).toEqual([]);
        const { map } = await h.gql<MapAnswer>(MAP, { o: 'kommunby' });
        const named = await page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('.level-name')].filter((e) => !e.hidden).map((e) => e.textContent),
        );
        const used = new Set(map.actors.map((a) => a.levelKey));
        for (const level of map.organisation.levels.filter((l) => used.has(l.key))) expect(named).toContain(level.name);
      } finally {
        await page.keyboard.press('Escape');
      }
    });
  }

  it('shows the other sample organisation legibly too, at 1440×900', async () => {
    const page = await open({ width: 1440, height: 900 }, 'org=skolgruppen');
    try {
      for (const label of await labelSizes(page)) expect(label.size, label.label).toBeGreaterThanOrEqual(11);
    } finally {
      await page.keyboard.press('Escape');
    }
  });

  it('wraps labels at word boundaries only, and names the units a box already shows only once', async () => {
    const page = await open({ width: 1440, height: 900 }, 'org=kommunby');
    try {
      const labels = await page.evaluate(() =>
        (window.__kk?.cy.nodes('.actor') ?? []).map((n) => ({
          label: String(n.data('label')),
          full: String(n.data('fullName')),
        })),
      );
      for (const { label, full } of labels) {
        // Each line is whole words of the name (a line may end after a hyphen or slash that joins two).
        const words = new Set(
          full
            .split(/\s+/)
            .map((w) => w.replace(/[,()]/g, ''))
            .flatMap((w) => [w, ...w.split(/(?<=[-/–])/)]),
        );
        for (const line of label.split('\n')) {
          for (const part of line.split(' ')) {
            expect(words.has(part.replace(/[,()]/g, '')), `${part} in "${full}"`).toBe(true);
          }
        }
      }
      // "Rektor Tallmoskolan" inside the box "Tallmoskolan" reads "Rektor".
      expect(labels.find((l) => l.full === 'Rektor Tallmoskolan')?.label).toBe('Rektor');
    } finally {
      await page.keyboard.press('Escape');
    }
  });

  it('keeps the level names in view while panning (pinned to the left edge)', async () => {
    const page = await open({ width: 1440, height: 900 }, 'org=kommunby');
    try {
      const before = await page.locator('.level-name[data-level="teacher"]').boundingBox();
      await page.evaluate(() => void window.__kk?.cy.panBy({ x: -700, y: 0 }));
      const after = await page.locator('.level-name[data-level="teacher"]').boundingBox();
      expect(after?.x).toBe(before?.x);
      expect(await page.locator('.level-name[data-level="teacher"]').isVisible()).toBe(true);
    } finally {
      await page.keyboard.press('Escape');
    }
  });

  it('shows no level name over a row too thin for it, from the first view on', async () => {
    // 3,000 elements in 1100×700: the fitted rows of the upper levels are thinner than a name.
    const id = await importDocument(h, syntheticDocument('tunna-rader', 3000));
    const page = await open({ width: 1100, height: 700 }, `org=${id}`);
    try {
      const shown = () =>
        page.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('.level-name')]
            .filter((e) => !e.hidden)
            .map((e) => ({ name: e.textContent, ...e.getBoundingClientRect().toJSON() })),
        );
      const names = await shown();
      expect(names.map((n) => n.name)).toContain('Lärare');
      for (const [i, a] of names.entries()) {
        for (const b of names.slice(i + 1)) {
          expect(a.bottom <= b.top || b.bottom <= a.top, `${a.name} over ${b.name}`).toBe(true);
        }
      }
      // Moving the view changes nothing here: the first view was already placed as any other.
      await page.evaluate(() => void window.__kk?.cy.panBy({ x: 0, y: 1 }));
      expect((await shown()).map((n) => n.name)).toEqual(names.map((n) => n.name));
    } finally {
      await page.keyboard.press('Escape');
    }
  });

  it('puts a new actor in its row beside its unit, covering no one, and moves nobody else', async () => {
    const page = await open({ width: 1440, height: 900 }, 'org=kommunby');
    try {
      const { map } = await h.gql<MapAnswer>(MAP, { o: 'kommunby' });
      const teacher = map.actors.find((a) => a.levelKey === 'teacher' && a.unitId === 'unit-kvarnback');
      if (!teacher) throw new Error('no teacher of Kvarnbäcksskolan');
      const positions = () =>
        page.evaluate(() =>
          Object.fromEntries(
            (window.__kk?.cy.nodes('.actor') ?? []).map((n) => [
              n.id(),
              { ...n.position(), w: Number(n.data('width')), h: Number(n.data('height')) },
            ]),
          ),
        );
      const before = await positions();
      const box = await page.evaluate(() => window.__kk?.cy.getElementById('unit:unit-kvarnback').boundingBox());
      await page.keyboard.press('a');
      const dialog = page.getByRole('dialog');
      await dialog.locator('input[name="name"]').fill('Adjunkt i svenska');
      await dialog.locator('select[name="levelKey"]').selectOption('teacher');
      await dialog.locator('select[name="unitId"]').selectOption('unit-kvarnback');
      await dialog.getByRole('button', { name: 'Spara', exact: true }).click();
      await dialog.waitFor({ state: 'detached' });
      await page.waitForFunction(() => window.__kk?.cy.nodes('.actor').length === 84, null, POLL);
      const after = await positions();
      const addedId = Object.keys(after).find((id) => !(id in before)) ?? '';
      const added = after[addedId];
      if (!added) throw new Error('the new actor is not drawn');
      for (const [id, p] of Object.entries(after)) {
        if (id === addedId) continue;
        expect({ x: p.x, y: p.y }, id).toEqual({ x: before[id]?.x, y: before[id]?.y }); // nobody moved
        const isCovering =
          Math.abs(p.x - added.x) < (p.w + added.w) / 2 && Math.abs(p.y - added.y) < (p.h + added.h) / 2;
        expect(isCovering, id).toBe(false);
      }
      // In its school's column, in the teachers' row: below the principals, near the teachers.
      expect(added.x).toBeGreaterThan(box?.x1 ?? Infinity);
      expect(added.x).toBeLessThan(box?.x2 ?? -Infinity);
      const ys = (level: string) => map.actors.filter((a) => a.levelKey === level).map((a) => after[a.id]?.y ?? NaN);
      expect(added.y).toBeGreaterThan(Math.max(...ys('principal')));
      expect(added.y).toBeLessThan(Math.max(...ys('teacher')) + 150);
      await h.gql('mutation($o: ID!, $id: ID!) { deleteActor(organisationId: $o, id: $id) { deletedId } }', {
        o: 'kommunby',
        id: addedId,
      });
    } finally {
      await page.keyboard.press('Escape');
    }
  });
});

describe('findings a superintendent can read', () => {
  it('groups findings by analysis with their counts, in the legend’s words and without verdicts', async () => {
    const page = await open({ width: 1440, height: 900 }, 'org=kommunby');
    try {
      await page.getByRole('tab', { name: 'Analys' }).click();
      await page.getByRole('button', { name: 'Kör analys' }).click();
      const groups = page.locator('[data-testid="findings"] section');
      await groups.first().waitFor();
      const summary = await groups.evaluateAll((sections) =>
        sections.map((s) => ({
          heading: s.querySelector('h5')?.textContent ?? '',
          count: s.querySelectorAll('li').length,
        })),
      );
      expect(summary.length).toBeGreaterThan(2);
      for (const group of summary) expect(group.heading).toMatch(new RegExp(`\\(${group.count}\\)$`));
      const texts = await page.locator('[data-testid="findings"] li button').allTextContents();
      expect(texts.length).toBe(summary.reduce((n, g) => n + g.count, 0));
      for (const text of texts) expect(text).not.toMatch(/responsiv|svagast|andel/i);
      expect(texts.some((text) => text.includes('lyhörd'))).toBe(true);
    } finally {
      await page.keyboard.press('Escape');
    }
  });
});

describe('what a new user hit', () => {
  it('clears a finding’s highlight when another organisation with the same ids is opened, and offers a button for it', async () => {
    const page = await open({ width: 1440, height: 900 }, `org=${glapp}`);
    try {
      await page.getByRole('tab', { name: 'Analys' }).click();
      await page.getByRole('button', { name: 'Kör analys' }).click();
      await page.locator('[data-testid="findings"] li[data-kind="LEVEL_GAP"] button').first().click();
      await page.waitForFunction(() => (window.__kk?.cy.$('.kk-dim').length ?? 0) > 0, null, POLL);
      // A visible way to clear it, besides Esc.
      await page.getByTestId('highlight-note').getByRole('button', { name: 'Rensa framhävning' }).click();
      await page.waitForFunction(() => window.__kk?.cy.$('.kk-dim, .kk-hl').length === 0, null, POLL);
      await page.locator('[data-testid="findings"] li[data-kind="LEVEL_GAP"] button').first().click();
      await page.waitForFunction(() => (window.__kk?.cy.$('.kk-dim').length ?? 0) > 0, null, POLL);
      // The copy has the same actor and link ids.
      await page.locator('select[name="organisation"]').selectOption(glappCopy);
      await page.waitForFunction(() => document.querySelector('select[name="organisation"]'), null, POLL);
      await waitForMap(page);
      await page.waitForFunction(
        () => window.__kk?.cy.getElementById('g-l3').nonempty() && window.__kk?.cy.$('.kk-dim, .kk-hl').length === 0,
        null,
        POLL,
      );
      expect(await page.getByTestId('highlight-note').count()).toBe(0);
    } finally {
      await page.keyboard.press('Escape');
    }
  });

  it('drops the best-path prompt from the status line once the second actor is chosen', async () => {
    const page = await open({ width: 1440, height: 900 }, `org=${glapp}`);
    try {
      await clickNode(page, 'g-chief');
      await page.keyboard.press('p');
      await page
        .getByTestId('pending-prompt')
        .getByText('Välj nu aktören som vägen går till', { exact: false })
        .waitFor();
      await clickNode(page, 'g-teachers');
      await page.getByTestId('highlight-note').waitFor();
      expect(await page.getByTestId('pending-prompt').textContent()).toBe('');
    } finally {
      await page.keyboard.press('Escape');
    }
  });

  it('ends the comparison when the compared scenario becomes the one shown, instead of saying both are the same', async () => {
    const page = await open({ width: 1440, height: 900 }, 'org=kommunby');
    try {
      const { map } = await h.gql<MapAnswer>(MAP, { o: 'kommunby' });
      const desired = map.organisation.scenarios.find((s) => s.kind === 'DESIRED');
      if (!desired) throw new Error('no desired scenario');
      await page.getByRole('tab', { name: 'Scenarier' }).click();
      await page.locator('select[name="compare"]').selectOption(desired.id);
      await page.getByTestId('compare-summary').waitFor();
      await page.locator('select[name="scenario"]').selectOption(desired.id);
      await page.waitForFunction(
        (id) => (document.querySelector('select[name="scenario"]') as HTMLSelectElement | null)?.value === id,
        desired.id,
        POLL,
      );
      await page.getByTestId('compare-summary').waitFor({ state: 'detached' });
      expect(await page.getByText('Scenarierna har samma länkar.').count()).toBe(0);
      expect(await page.locator('select[name="compare"]').inputValue()).toBe('');
      // The GraphML export is of the scenario shown, as its label says.
      await page.getByRole('tab', { name: 'Import/export' }).click();
      const graphml = page.getByRole('link', { name: /GraphML/ });
      expect(await graphml.textContent()).toContain('visat scenario');
      const [download] = await Promise.all([page.waitForEvent('download'), graphml.click()]);
      const text = readFileSync((await download.path()) ?? '', 'utf8');
      expect(text).toContain(desired.id);
    } finally {
      await page.keyboard.press('Escape');
    }
  });

  it('fits the level matrix in its panel', async () => {
    const page = await open({ width: 1440, height: 900 }, 'org=skolgruppen');
    try {
      await page.getByRole('tab', { name: 'Analys' }).click();
      await page.getByRole('button', { name: 'Kör analys' }).click();
      const table = page.getByTestId('level-matrix');
      await table.waitFor();
      const box = await table.boundingBox();
      const panel = await page.locator('.side-panel__body').boundingBox();
      if (!box || !panel) throw new Error('no matrix or panel');
      expect(box.x).toBeGreaterThanOrEqual(panel.x);
      expect(box.x + box.width).toBeLessThanOrEqual(panel.x + panel.width);
    } finally {
      await page.keyboard.press('Escape');
    }
  });

  it('takes the drag-to-link knob away on Esc, and never draws it outside the map', async () => {
    const page = await open({ width: 1440, height: 900 }, `org=${glapp}`);
    try {
      const at = await page.evaluate(() => {
        const cy = window.__kk?.cy;
        const node = cy?.getElementById('g-chief');
        if (!cy || !node) throw new Error('no node');
        cy.zoom(1);
        cy.center(node);
        const rect = cy.container()?.getBoundingClientRect();
        return { x: (rect?.left ?? 0) + node.renderedPosition().x, y: (rect?.top ?? 0) + node.renderedPosition().y };
      });
      await page.mouse.move(5, 5);
      await page.mouse.move(at.x, at.y, { steps: 3 });
      const knob = page.getByTestId('link-handle');
      await knob.waitFor();
      await page.keyboard.press('Escape');
      await knob.waitFor({ state: 'hidden' });
      // Pan the actor to the map's right edge: its knob would stick out over the side panel.
      await page.mouse.move(5, 5);
      await page.mouse.move(at.x, at.y, { steps: 3 });
      await knob.waitFor();
      await page.evaluate(() => {
        const cy = window.__kk?.cy;
        const node = cy?.getElementById('g-chief');
        if (!cy || !node) return;
        cy.panBy({ x: cy.width() - node.renderedPosition().x - 4, y: 0 });
      });
      await knob.waitFor({ state: 'hidden' });
    } finally {
      await page.keyboard.press('Escape');
    }
  });

  it('says "1 aktör", not "1 aktörer"', async () => {
    const ensam = await importDocument(h, {
      format: 'kopplingskartan',
      version: 1,
      organisation: { id: 'ensam', name: 'Ensam', kind: 'OTHER', levels: [{ key: 'a', name: 'A', isSide: false }] },
      actors: [{ id: 'e1', name: 'Den enda', levelKey: 'a' }],
      scenarios: [{ id: 'e-now', name: 'Nu', kind: 'CURRENT', links: [] }],
    });
    const page = await open({ width: 1440, height: 900 }, `org=${ensam}`);
    try {
      expect(await page.getByTestId('map-canvas').getAttribute('aria-label')).toContain('1 aktör, 0 länkar');
    } finally {
      await page.keyboard.press('Escape');
    }
  });

  it('calls the tight coupling "tät" on its button too, and wraps long values inside the details panel', async () => {
    const long = `https://example.org/${'mycket-lang-anteckning-'.repeat(12)}`;
    await h.gql('mutation($i: UpdateActorInput!) { updateActor(input: $i) { actor { id } } }', {
      i: { organisationId: glapp, id: 'g-chief', notes: long },
    });
    const page = await open({ width: 1440, height: 900 }, `org=${glapp}`);
    try {
      await page.evaluate(() => void window.__kk?.cy.getElementById('g-l1').emit('tap'));
      await page.getByTestId('link-details').waitFor();
      expect(await page.locator('button[data-action="setTight"]').textContent()).toContain('tät');
      await clickNode(page, 'g-chief');
      await page.getByTestId('actor-details').getByText(long).waitFor();
      const overflow = await page.evaluate(() => {
        const body = document.querySelector('.side-panel__body');
        return body ? body.scrollWidth - body.clientWidth : -1;
      });
      expect(overflow).toBe(0);
    } finally {
      await page.keyboard.press('Escape');
    }
  });
});
