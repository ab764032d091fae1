import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';

import { applyLinkTallies, TALLY_CLASSES, tallyFontSize } from './link-tallies.ts';

function graph() {
  return cytoscape({
    headless: true,
    elements: [
      { group: 'nodes', data: { id: 'a' } },
      { group: 'nodes', data: { id: 'b' } },
      { group: 'edges', data: { id: 'l1', source: 'a', target: 'b' } },
      { group: 'edges', data: { id: 'l2', source: 'b', target: 'a' } },
      { group: 'edges', data: { id: 'l3', source: 'a', target: 'b' } },
    ],
  });
}

const tally = (label: string, isViewsPart = false, isDiffering = false) => ({ label, isViewsPart, isDiffering });

describe('applyLinkTallies', () => {
  it('draws each tally as the link’s data and classes, skipping links not on the canvas', () => {
    const cy = graph();
    const redrawn = applyLinkTallies(
      cy,
      new Map([
        ['l1', tally('≠ 2 · 1/0/1', true)],
        ['l2', tally('0')],
        ['gone', tally('1 · 1/0/0')],
      ]),
      new Map(),
    );
    expect(redrawn).toEqual(['l1', 'l2']);
    const l1 = cy.getElementById('l1');
    expect(l1.data('tally')).toBe('≠ 2 · 1/0/1');
    expect(l1.classes()).toEqual([TALLY_CLASSES.tally, TALLY_CLASSES.viewsPart]);
    expect(cy.getElementById('l3').classes()).toEqual([]);
  });

  it('redraws only the links whose tally changed, and clears the links no longer asked about', () => {
    const cy = graph();
    const first = new Map([
      ['l1', tally('1 · 1/0/0')],
      ['l2', tally('1 · 0/1/0', false, true)],
    ]);
    applyLinkTallies(cy, first, new Map());
    const next = new Map([
      ['l1', tally('1 · 1/0/0')],
      ['l3', tally('0')],
    ]);
    expect(applyLinkTallies(cy, next, first)).toEqual(['l2', 'l3']);
    expect(cy.getElementById('l2').data('tally')).toBeUndefined();
    expect(cy.getElementById('l2').classes()).toEqual([]);
    expect(cy.getElementById('l3').hasClass(TALLY_CLASSES.tally)).toBe(true);
    // An answer that flips a mark redraws that link alone.
    const flipped = new Map([...next, ['l1', tally('1 · 1/0/0', false, true)]]);
    expect(applyLinkTallies(cy, flipped, next)).toEqual(['l1']);
    expect(cy.getElementById('l1').hasClass(TALLY_CLASSES.differs)).toBe(true);
  });
});

describe('tallyFontSize', () => {
  it('keeps a tally 14 px on screen as the map zooms out, between 17 and 60 map units', () => {
    expect(tallyFontSize(1)).toBe(17); // 17 px on screen at 1:1
    expect(tallyFontSize(0.5)).toBe(28); // 14 / 0.5
    expect(tallyFontSize(0.1)).toBe(60); // 140 capped: on a tiny map view the labels would cover it
  });
});
