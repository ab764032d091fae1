import type { Harness } from './harness.ts';
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

/** Two schools under one administration, for choosing actors by name, role and unit. */
export function twoSchoolsDocument(id: string) {
  return {
    format: 'kopplingskartan',
    version: 1,
    organisation: {
      id,
      name: 'Tvåskolekommun',
      kind: 'MUNICIPAL',
      levels: [
        { key: 'politics', name: 'Politik', isSide: false },
        { key: 'administration', name: 'Förvaltning', isSide: false },
        { key: 'principal', name: 'Rektor', isSide: false },
        { key: 'teacher', name: 'Lärare', isSide: false },
        { key: 'support', name: 'Stöd', isSide: true },
      ],
    },
    units: [
      { id: 'u-ek', name: 'Ekskolan', kind: 'SCHOOL' },
      { id: 'u-bjork', name: 'Björkskolan', kind: 'SCHOOL' },
    ],
    actors: [
      { id: 't-board', name: 'Nämnden', levelKey: 'politics' },
      { id: 't-office', name: 'Förvaltningen', role: 'Skolchef', levelKey: 'administration' },
      { id: 't-p-ek', name: 'Rektor Ekskolan', levelKey: 'principal', unitId: 'u-ek' },
      { id: 't-p-bjork', name: 'Rektor Björkskolan', levelKey: 'principal', unitId: 'u-bjork' },
      { id: 't-team-bjork', name: 'Lärarlaget Björkskolan', levelKey: 'teacher', unitId: 'u-bjork' },
      { id: 't-team-ek', name: 'Lärarlaget Ekskolan', levelKey: 'teacher', unitId: 'u-ek' },
      { id: 't-uni', name: 'Lärosätet', levelKey: 'support' },
    ],
    scenarios: [
      {
        id: 't-now',
        name: 'Nuläge',
        kind: 'CURRENT',
        links: [{ id: 't-l1', sourceId: 't-board', targetId: 't-office', kind: 'STEERING', coupling: 'TIGHT' }],
      },
    ],
  };
}

/** The options a combobox lists right now, in order. */
export const listedOptions = (page: Page, name: string) =>
  page.evaluate((field) => {
    const input = document.querySelector(`input[name="${field}"]`);
    const list = document.getElementById(input?.getAttribute('aria-controls') ?? '');
    return [...(list?.querySelectorAll('[role="option"] > span:first-child') ?? [])].map((o) => o.textContent);
  }, name);

/** Imports a document as a new organisation; the server chooses its id, which is returned. */
export async function importDocument(h: { gql: Harness['gql'] }, document: object): Promise<string> {
  const answer = await h.gql<{ importOrganisation: { organisation: { id: string } } }>(
    'mutation($d: JSON!) { importOrganisation(document: $d) { organisation { id } } }',
    { d: document },
  );
  return answer.importOrganisation.organisation.id;
}
