import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';

import { patchStyleCache } from './style-cache-patch.ts';

patchStyleCache();

/** a → b, and c → d apart from them; `.gone` hides an element. */
const graph = () =>
  cytoscape({
    headless: true,
    styleEnabled: true,
    layout: { name: 'preset' },
    style: [{ selector: '.gone', style: { display: 'none' } }],
    elements: [
      { data: { id: 'a' } },
      { data: { id: 'b' } },
      { data: { id: 'c' } },
      { data: { id: 'd' } },
      { data: { id: 'ab', source: 'a', target: 'b' } },
      { data: { id: 'cd', source: 'c', target: 'd' } },
    ],
  });

type Cached = { _private: { styleCache: unknown } };
const cacheOf = (cy: cytoscape.Core, id: string) => (cy.getElementById(id) as unknown as Cached)._private.styleCache;

describe('patchStyleCache', () => {
  it("clears a node's style cache and its links', and nothing else", () => {
    const cy = graph();
    for (const id of ['a', 'b', 'ab', 'cd']) (cy.getElementById(id) as unknown as Cached)._private.styleCache = ['x'];
    (cy.getElementById('a') as unknown as { dirtyStyleCache: () => void }).dirtyStyleCache();
    expect([cacheOf(cy, 'a'), cacheOf(cy, 'ab')]).toEqual([null, null]);
    expect([cacheOf(cy, 'b'), cacheOf(cy, 'cd')]).toEqual([['x'], ['x']]);
  });

  it('hides a link whose actor is hidden after the link was drawn (its cached visibility is cleared)', () => {
    const cy = graph();
    expect(cy.getElementById('ab').visible()).toBe(true);
    cy.getElementById('a').addClass('gone');
    expect(cy.getElementById('a').visible()).toBe(false); // styles the actor anew (Cytoscape styles lazily)
    expect(cy.getElementById('ab').visible()).toBe(false);
    expect(cy.getElementById('cd').visible()).toBe(true);
  });
});
