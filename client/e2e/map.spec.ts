import { readFileSync } from 'node:fs';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { type Harness, openMap, startHarness, waitForMap } from './harness.ts';
import { classMembers, clickNode, gapDocument, selectedIds, visibleActorLevels } from './helpers.ts';
import { syntheticDocument } from './synthetic.ts';

interface MapAnswer {
  map: {
    organisation: { id: string; levels: { key: string }[] };
    actors: { id: string; name: string; levelKey: string }[];
    links: { id: string; sourceId: string; targetId: string; kind: string; coupling: string }[];
  };
}
const MAP = `query($o: ID!) { map(organisationId: $o) { organisation { id levels { key } } actors { id name levelKey } links { id sourceId targetId kind coupling } } }`;
const GAPS = `query($o: ID!) { analysis(organisationId: $o) { findings { id kind linkIds } } }`;
const ACTOR = `query($o: ID!) { map(organisationId: $o) { actors { id name role notes version } } }`;
const LINKS = `query($o: ID!) { map(organisationId: $o) { links { id sourceId targetId kind coupling version } } }`;
const UPDATE_ACTOR = `mutation($i: UpdateActorInput!) { updateActor(input: $i) { actor { id version } } }`;
const UPDATE_LINK = `mutation($i: UpdateLinkInput!) { updateLink(input: $i) { link { id version } } }`;
interface ActorAnswer {
  map: { actors: { id: string; name: string; role: string | null; notes: string | null; version: number }[] };
}
interface LinksAnswer {
  map: { links: { id: string; sourceId: string; targetId: string; kind: string; coupling: string; version: number }[] };
}

// Poll on a timer: requestAnimationFrame polling stalls in a headless page that is not painting.
const POLL = { polling: 100 };

let h: Harness;
let page: Page;
let orgId: string;
/** The organisation with a level gap; its id is the server's choice. */
let gapId: string;

beforeAll(async () => {
  h = await startHarness();
  const orgs = await h.gql<{ organisations: { nodes: { id: string }[] } }>('{ organisations { nodes { id } } }');
  orgId = orgs.organisations.nodes[0]?.id ?? '';
  gapId = (await importDocument(gapDocument('glapp'))).id;
  page = await openMap(h, `org=${orgId}`);
});
afterAll(async () => h?.close());

/** Imports a document as a new organisation, which gets an id of the server's choosing. */
async function importDocument(document: unknown): Promise<{ id: string }> {
  const answer = await h.gql<{ importOrganisation: { organisation: { id: string } } }>(
    'mutation($d: JSON!) { importOrganisation(document: $d) { organisation { id } } }',
    { d: document },
  );
  return answer.importOrganisation.organisation;
}

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
    // The filter redraws the map after the click is answered: wait for it.
    await expect.poll(() => visibleActorLevels(page)).toEqual(['administration']);
    await page.getByRole('button', { name: 'Rensa filter' }).click();
    await expect.poll(async () => (await visibleActorLevels(page)).length).toBeGreaterThan(3);
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
    await dialog.getByRole('button', { name: 'Spara', exact: true }).click();
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
    // A second link with the same ends and kind as an existing one is refused as a duplicate.
    const { map } = await h.gql<MapAnswer>(MAP, { o: orgId });
    const name = (id: string | undefined) => map.actors.find((a) => a.id === id)?.name ?? '';
    const isUnique = (id: string) => map.actors.filter((a) => a.name === name(id)).length === 1;
    // A new link takes the form's default kind, steering; its ends are found by their (unique) names.
    const link = map.links.find((l) => l.kind === 'STEERING' && isUnique(l.sourceId) && isUnique(l.targetId));
    await page.keyboard.press('Escape');
    await page.keyboard.press('n');
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[name="sourceId"]').fill(name(link?.sourceId));
    await page.keyboard.press('Tab');
    await dialog.locator('input[name="targetId"]').fill(name(link?.targetId));
    await page.keyboard.press('Tab');
    await dialog.getByRole('button', { name: 'Spara', exact: true }).click();
    await dialog.getByText('Finns redan.').waitFor();
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
    const text = readFileSync((await svg.path()) ?? '', 'utf8');
    expect(text).toMatch(/^<svg[^>]+xmlns/);
    // The legend and the level names go along, as text.
    for (const word of ['Teckenförklaring', 'Tät', 'Frikopplad', 'Styrning', '>Politik<', '>Lärare<']) {
      expect(text).toContain(word);
    }
    // …unless the legend is left out.
    await page.locator('input[name="exportLegend"]').uncheck();
    const [bare] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'SVG' }).click(),
    ]);
    const bareText = readFileSync((await bare.path()) ?? '', 'utf8');
    expect(bareText).not.toContain('Teckenförklaring');
    expect(bareText).toContain('>Politik<');
    await page.locator('input[name="exportLegend"]').check();
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

/** Frames two nodes and returns their centres in page coordinates, for mouse gestures. */
async function framePoints(p: Page, ids: [string, string]) {
  return p.evaluate(([a, b]) => {
    const cy = window.__kk?.cy;
    if (!cy) throw new Error('no canvas');
    cy.fit(cy.getElementById(a).union(cy.getElementById(b)), 150);
    const rect = cy.container()?.getBoundingClientRect();
    const at = (id: string) => {
      const pos = cy.getElementById(id).renderedPosition();
      return { x: (rect?.left ?? 0) + pos.x, y: (rect?.top ?? 0) + pos.y };
    };
    return { from: at(a), to: at(b) };
  }, ids);
}

async function actorNamed(id: string) {
  const { map } = await h.gql<ActorAnswer>(ACTOR, { o: orgId });
  const actor = map.actors.find((a) => a.id === id);
  if (!actor) throw new Error(`no actor ${id}`);
  return actor;
}

describe('editing on the map', () => {
  it('creates a link by dragging from an actor to another, stores it through the API, and undoes it', async () => {
    const { map } = await h.gql<MapAnswer>(MAP, { o: orgId });
    const linked = new Set(map.links.map((l) => `${l.sourceId}>${l.targetId}`));
    const from = map.actors.find((a) => a.levelKey === 'administration');
    const to = map.actors.find((a) => a.levelKey === 'teacher' && !linked.has(`${from?.id}>${a.id}`));
    if (!from || !to) throw new Error('the seed has no administration or teacher actor');
    await page.keyboard.press('Escape');
    const points = await framePoints(page, [from.id, to.id]);
    // Hovering the actor shows its handle; dragging the handle onto the other actor links them.
    await page.mouse.move(points.from.x, points.from.y, { steps: 4 });
    const handle = page.getByTestId('link-handle');
    await handle.waitFor();
    const knob = await handle.boundingBox();
    if (!knob) throw new Error('no handle');
    await page.mouse.move(knob.x + knob.width / 2, knob.y + knob.height / 2);
    await page.mouse.down();
    await page.mouse.move(points.to.x, points.to.y, { steps: 15 });
    await page.waitForTimeout(200); // the drop target is found a few times a second
    await page.mouse.up();

    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.locator('input[name="sourceId"]').inputValue()).toBe(from.name);
    expect(await dialog.locator('input[name="targetId"]').inputValue()).toBe(to.name);
    await dialog.locator('select[name="kind"]').selectOption('SUPPORT');
    await dialog.getByRole('button', { name: 'Spara', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    const after = await h.gql<LinksAnswer>(LINKS, { o: orgId });
    const created = after.map.links.find((l) => l.sourceId === from.id && l.targetId === to.id);
    expect(created?.kind).toBe('SUPPORT');
    // Drawn from the API's answer (the gesture's own line is gone) and selected.
    await page.waitForFunction((id) => window.__kk?.cy.getElementById(id).selected(), created?.id ?? '', POLL);
    expect(await page.evaluate(() => window.__kk?.cy.edges('.eh-preview, .eh-ghost-edge').length)).toBe(0);

    await page.keyboard.press('Control+z');
    await page.waitForFunction((id) => window.__kk?.cy.getElementById(id).empty(), created?.id ?? '', POLL);
    const undone = await h.gql<LinksAnswer>(LINKS, { o: orgId });
    expect(undone.map.links.some((l) => l.id === created?.id)).toBe(false);
    await page.keyboard.press('Control+Shift+z');
    await page.waitForFunction((id) => window.__kk?.cy.getElementById(id).nonempty(), created?.id ?? '', POLL);
  });

  it('gives a viewer no handle to drag links from', async () => {
    const viewer = { email: 'viewer@example.org', password: 'visare-lösenord-123' };
    await h.gql('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
      i: { ...viewer, mustChangePassword: false },
    });
    await h.gql('mutation($o: ID!, $e: String!) { setMember(organisationId: $o, email: $e, role: VIEWER) { role } }', {
      o: orgId,
      e: viewer.email,
    });
    const context = await h.browser.newContext({ viewport: { width: 1400, height: 900 } });
    try {
      const other = await context.newPage();
      await other.goto(`${h.baseUrl}/?e2e&org=${orgId}`);
      await other.locator('input[name="email"]').fill(viewer.email);
      await other.locator('input[name="password"]').fill(viewer.password);
      await other.locator('form.sign-in button[type="submit"]').click();
      await waitForMap(other);
      const { map } = await h.gql<MapAnswer>(MAP, { o: orgId });
      const [a, b] = map.actors;
      const points = await framePoints(other, [a?.id ?? '', b?.id ?? '']);
      await other.mouse.move(points.from.x, points.from.y, { steps: 4 });
      await other.waitForTimeout(200);
      expect(await other.getByTestId('link-handle').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('shows what someone else changed meanwhile; Reapply saves my change on top of theirs', async () => {
    const { map } = await h.gql<MapAnswer>(MAP, { o: orgId });
    const id = map.actors.find((a) => a.levelKey === 'politics')?.id ?? '';
    const before = await actorNamed(id);
    await page.keyboard.press('Escape');
    await clickNode(page, id);
    await page.keyboard.press('e');
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[name="role"]').fill('Ordförande');
    // Another tab renames the actor while this form is open.
    await h.gql(UPDATE_ACTOR, { i: { organisationId: orgId, id, name: 'Nämnd, omdöpt' } });
    await dialog.getByRole('button', { name: 'Spara', exact: true }).click();

    const conflict = dialog.getByTestId('conflict');
    await conflict.waitFor();
    const change = await conflict.locator('li[data-field="name"]').innerText();
    expect(change).toContain(before.name);
    expect(change).toContain('Nämnd, omdöpt');
    await conflict.getByRole('button', { name: 'Tillämpa igen' }).click();
    await dialog.waitFor({ state: 'detached' });
    const stored = await actorNamed(id);
    expect(stored).toMatchObject({ name: 'Nämnd, omdöpt', role: 'Ordförande' });

    // Undo takes back my change only: their name stays.
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await actorNamed(id)).role, { timeout: 10_000 }).toBe(before.role);
    expect((await actorNamed(id)).name).toBe('Nämnd, omdöpt');
  });

  it('Reload takes the stored version and discards my change', async () => {
    const { map } = await h.gql<MapAnswer>(MAP, { o: orgId });
    const id = map.actors.find((a) => a.levelKey === 'administration')?.id ?? '';
    await page.keyboard.press('Escape');
    await clickNode(page, id);
    await page.keyboard.press('e');
    const dialog = page.getByRole('dialog');
    await dialog.locator('textarea[name="notes"]').fill('Mitt utkast');
    await h.gql(UPDATE_ACTOR, { i: { organisationId: orgId, id, role: 'Förvaltningschef (tf)' } });
    await dialog.getByRole('button', { name: 'Spara', exact: true }).click();
    const conflict = dialog.getByTestId('conflict');
    await conflict.locator('li[data-field="role"]').waitFor();
    await conflict.getByRole('button', { name: 'Ladda om' }).click();
    // The form starts again from the stored actor: their role, my notes gone.
    await conflict.waitFor({ state: 'detached' });
    expect(await dialog.locator('input[name="role"]').inputValue()).toBe('Förvaltningschef (tf)');
    expect(await dialog.locator('textarea[name="notes"]').inputValue()).not.toBe('Mitt utkast');
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    expect((await actorNamed(id)).notes).not.toBe('Mitt utkast');
  });

  it('an undo after someone else changed the record is refused, and overwrites nothing', async () => {
    const { map } = await h.gql<MapAnswer>(MAP, { o: orgId });
    const id = map.actors.find((a) => a.levelKey === 'teacher')?.id ?? '';
    await page.keyboard.press('Escape');
    await clickNode(page, id);
    await page.keyboard.press('e');
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[name="role"]').fill('Arbetslagsledare');
    await dialog.getByRole('button', { name: 'Spara', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(async () => (await actorNamed(id)).role, { timeout: 10_000 }).toBe('Arbetslagsledare');
    // Another tab changes the same actor after my edit; my undo would put back its old version.
    await h.gql(UPDATE_ACTOR, { i: { organisationId: orgId, id, notes: 'Skrivet i en annan flik' } });
    await page.keyboard.press('Control+z');
    await page.getByText('Någon har ändrat detta', { exact: false }).first().waitFor();
    expect(await actorNamed(id)).toMatchObject({ role: 'Arbetslagsledare', notes: 'Skrivet i en annan flik' });
  });

  it('a coupling set by key on a stale link shows the conflict in the details panel', async () => {
    const { map } = await h.gql<LinksAnswer>(LINKS, { o: orgId });
    const link = map.links.find((l) => l.coupling === 'LOOSE');
    if (!link) throw new Error('the seed has no loose link');
    await page.keyboard.press('Escape');
    await page.evaluate((linkId) => void window.__kk?.cy.getElementById(linkId).emit('tap'), link.id);
    await page.getByTestId('link-details').waitFor();
    await h.gql(UPDATE_LINK, { i: { organisationId: orgId, id: link.id, notes: 'Ändrat i en annan flik' } });
    await page.keyboard.press('1');
    const conflict = page.getByTestId('link-details').getByTestId('conflict');
    await conflict.locator('li[data-field="notes"]').waitFor();
    await conflict.getByRole('button', { name: 'Tillämpa igen' }).click();
    await page.getByTestId('link-coupling').getByText('Tät').waitFor();
    const stored = (await h.gql<LinksAnswer>(LINKS, { o: orgId })).map.links.find((l) => l.id === link.id);
    expect(stored?.coupling).toBe('TIGHT');
  });
});

describe('coupling and analysis', () => {
  it('changes a coupling by keyboard, stores it, and the level-gap finding disappears', async () => {
    const before = await h.gql<{ analysis: { findings: { kind: string; linkIds: string[] }[] } }>(GAPS, { o: gapId });
    expect(before.analysis.findings.some((f) => f.kind === 'LEVEL_GAP')).toBe(true);

    await page.goto(`${h.baseUrl}/?e2e&org=${gapId}`);
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
    const stored = await h.gql<MapAnswer>(MAP, { o: gapId });
    expect(stored.map.links.find((l) => l.id === 'g-l3')?.coupling).toBe('LOOSE');

    await page.getByRole('tab', { name: 'Analys' }).click();
    await page.getByRole('button', { name: 'Kör igen' }).click();
    await page.waitForFunction(
      () => !document.querySelector('[data-testid="findings"] li[data-kind="LEVEL_GAP"]'),
      null,
      POLL,
    );
    const after = await h.gql<{ analysis: { findings: { kind: string }[] } }>(GAPS, { o: gapId });
    expect(after.analysis.findings.some((f) => f.kind === 'LEVEL_GAP')).toBe(false);
  });
});

describe('a large map', () => {
  it('opens in full, draws units collapsed when asked, says so, and opens a unit to show its actors', async () => {
    const { id } = await importDocument(syntheticDocument('stor', 6000));
    await page.goto(`${h.baseUrl}/?e2e&org=${id}`);
    await waitForMap(page);
    const actorsInFull = await page.evaluate(() => window.__kk?.cy.nodes('.actor').length ?? 0);
    expect(actorsInFull).toBe(Math.round(6000 * 0.45)); // every actor of the synthetic map
    expect(await page.getByTestId('collapsed-note').count()).toBe(0);

    await page.locator('button[data-action="unitsAsBoxes"]').click();
    await page.getByTestId('collapsed-note').waitFor();
    const drawn = await page.evaluate(() => ({
      actors: window.__kk?.cy.nodes('.actor').length ?? 0,
      unit: String(window.__kk?.cy.nodes('.collapsed-unit').first().data('recordId')),
    }));
    expect(drawn.actors).toBeLessThan(6000 * 0.45); // the synthetic map's actors, most inside schools

    await page.evaluate((id) => void window.__kk?.cy.getElementById(`agg:${id}`).emit('tap'), drawn.unit);
    await page.locator('button[data-action="toggleUnitOpen"]').click();
    await page.waitForFunction(
      (id) =>
        (window.__kk?.cy.nodes(`.actor[unitId = "${id}"]`).length ?? 0) > 0 &&
        window.__kk?.cy.getElementById(`agg:${id}`).empty(),
      drawn.unit,
      POLL,
    );
    expect(await selectedIds(page)).toEqual([`unit:${drawn.unit}`]);
  });
});
