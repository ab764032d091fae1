import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';

import type { ElementDef } from './elements.ts';
import { LABELLED, PATTERNED } from './zoom-detail.ts';
import { syncElements } from './sync.ts';

const actor = (id: string, classes: string): ElementDef => ({
  group: 'nodes',
  data: { id, entity: 'actor', width: 100, height: 40 },
  classes,
});

describe('syncElements', () => {
  it('gives existing elements their new classes but keeps a label the zoom gave', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true });
    const at = new Map([
      ['a', { x: 0, y: 0 }],
      ['b', { x: 200, y: 0 }],
    ]);
    syncElements(cy, [actor('a', 'actor level-1'), actor('b', 'actor level-1')], at);
    cy.getElementById('a').addClass(LABELLED);
    syncElements(cy, [actor('a', 'actor level-2'), actor('b', 'actor level-2')], at);
    expect(cy.getElementById('a').classes().sort()).toEqual(['actor', LABELLED, 'level-2']);
    expect(cy.getElementById('b').classes().sort()).toEqual(['actor', 'level-2']);
  });

  it('keeps a pattern the zoom gave a link', () => {
    const cy = cytoscape({ headless: true, styleEnabled: true });
    const at = new Map([
      ['a', { x: 0, y: 0 }],
      ['b', { x: 200, y: 0 }],
    ]);
    const link = (classes: string): ElementDef => ({
      group: 'edges',
      data: { id: 'ab', source: 'a', target: 'b' },
      classes,
    });
    syncElements(cy, [actor('a', 'actor'), actor('b', 'actor'), link('link coupling-loose')], at);
    cy.getElementById('ab').addClass(PATTERNED);
    syncElements(cy, [actor('a', 'actor'), actor('b', 'actor'), link('link coupling-decoupled')], at);
    expect(cy.getElementById('ab').classes().sort()).toEqual(['coupling-decoupled', PATTERNED, 'link']);
  });
});
