import type { Page } from 'playwright-core';

/** Centres a node in the viewport and clicks it like a user would (through the canvas). */
export async function clickNode(page: Page, id: string): Promise<void> {
  const point = await page.evaluate((nodeId) => {
    const cy = window.__kk?.cy;
    const node = cy?.getElementById(nodeId);
    if (!cy || !node || node.empty()) throw new Error(`no node ${nodeId}`);
    cy.zoom(1);
    cy.center(node);
    const rect = cy.container()?.getBoundingClientRect();
    const pos = node.renderedPosition();
    return { x: (rect?.left ?? 0) + pos.x, y: (rect?.top ?? 0) + pos.y };
  }, id);
  await page.mouse.click(point.x, point.y);
}

export const selectedIds = (page: Page) => page.evaluate(() => window.__kk?.cy.$(':selected').map((e) => e.id()) ?? []);

export const visibleActorLevels = (page: Page) =>
  page.evaluate(() =>
    [
      ...new Set(
        window.__kk?.cy
          .nodes('.actor')
          .filter((n) => n.visible())
          .map((n) => String(n.data('levelKey'))),
      ),
    ].sort(),
  );

export const classMembers = (page: Page, className: string) =>
  page.evaluate(
    (c) =>
      window.__kk?.cy
        .$(`.${c}`)
        .map((e) => e.id())
        .sort() ?? [],
    className,
  );

/** A four-level chain whose principal → teachers link is decoupled: a level gap to close. */
export function gapDocument(id: string) {
  return {
    format: 'kopplingskartan',
    version: 1,
    organisation: {
      id,
      name: 'Glappkommun',
      kind: 'MUNICIPAL',
      levels: [
        { key: 'politics', name: 'Politik', isSide: false },
        { key: 'administration', name: 'Förvaltning', isSide: false },
        { key: 'principal', name: 'Rektor', isSide: false },
        { key: 'teacher', name: 'Lärare', isSide: false },
        { key: 'support', name: 'Stöd', isSide: true },
      ],
    },
    units: [{ id: 'u-school', name: 'Ekskolan', kind: 'SCHOOL' }],
    actors: [
      { id: 'g-committee', name: 'Nämnden', levelKey: 'politics' },
      { id: 'g-chief', name: 'Skolchefen', levelKey: 'administration' },
      { id: 'g-principal', name: 'Rektor Ekskolan', levelKey: 'principal', unitId: 'u-school' },
      { id: 'g-teachers', name: 'Lärarlaget', levelKey: 'teacher', unitId: 'u-school' },
      { id: 'g-uni', name: 'Lärosätet', levelKey: 'support' },
    ],
    scenarios: [
      {
        id: 'g-now',
        name: 'Nuläge',
        kind: 'CURRENT',
        links: [
          { id: 'g-l1', sourceId: 'g-committee', targetId: 'g-chief', kind: 'STEERING', coupling: 'TIGHT' },
          { id: 'g-l2', sourceId: 'g-chief', targetId: 'g-principal', kind: 'FOLLOW_UP', coupling: 'LOOSE' },
          { id: 'g-l3', sourceId: 'g-principal', targetId: 'g-teachers', kind: 'STEERING', coupling: 'DECOUPLED' },
        ],
      },
    ],
  };
}
