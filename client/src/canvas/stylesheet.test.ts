import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';

import { COUPLING_STYLE, KIND_COLOUR, overWhite } from './appearance.ts';
import { toElements, linkDirection } from './elements.ts';
import { PATTERNED } from './zoom-detail.ts';
import { estimateText } from './label-text.ts';
import type { CanvasMap } from './model.ts';
import { nodeLabels } from './node-labels.ts';
import { buildStylesheet } from './stylesheet.ts';

type Block = { selector: string; style: Record<string, unknown> };
const sheet = buildStylesheet() as Block[];
const styleOf = (selector: string) => sheet.find((b) => b.selector === selector)?.style ?? {};

describe('stylesheet', () => {
  it('encodes coupling by line style and weight, tight heaviest and decoupled faint with a break', () => {
    expect(styleOf('edge.coupling-tight')).toMatchObject({ 'line-style': 'solid' });
    expect(styleOf('edge.coupling-loose')).toMatchObject({ 'line-style': 'dashed' });
    expect(styleOf('edge.coupling-decoupled')).toMatchObject({
      'line-style': 'dotted',
      'mid-target-arrow-shape': 'tee',
    });
    expect(COUPLING_STYLE.TIGHT.width).toBeGreaterThan(COUPLING_STYLE.LOOSE.width);
    expect(COUPLING_STYLE.LOOSE.width).toBeGreaterThan(COUPLING_STYLE.DECOUPLED.width);
    expect(COUPLING_STYLE.DECOUPLED.opacity).toBeLessThan(COUPLING_STYLE.TIGHT.opacity);
  });

  it('never colours a coupling: colour belongs to kind only', () => {
    for (const c of ['tight', 'loose', 'decoupled']) {
      const style = styleOf(`edge.coupling-${c}`);
      expect(Object.keys(style).filter((k) => k.includes('color'))).toEqual([]);
    }
    for (const [kind, colour] of Object.entries(KIND_COLOUR)) {
      expect(styleOf(`edge.kind-${kind.toLowerCase().replace('_', '-')}`)).toMatchObject({ 'line-color': colour });
    }
  });

  it('mixes a colour with white as it shows at an opacity', () => {
    expect(overWhite('#000000', 0.5)).toBe('#808080');
    expect(overWhite('#3b5b92', 1)).toBe('#3b5b92');
    expect(overWhite('#3b5b92', 0)).toBe('#ffffff');
  });

  it("draws a big map's links opaque in the colour a small map's translucent links show", () => {
    const classes = 'link kind-steering coupling-decoupled dir-forward';
    const edgeStyle = (isLarge: boolean) => {
      const cy = cytoscape({
        headless: true,
        styleEnabled: true,
        style: buildStylesheet({ isLarge }),
        elements: [
          { data: { id: 'a' } },
          { data: { id: 'b' } },
          { data: { id: 'ab', source: 'a', target: 'b' }, classes },
        ],
      });
      const edge = cy.getElementById('ab');
      const style = {
        opacity: edge.style('opacity'),
        line: edge.style('line-color'),
        arrow: edge.style('target-arrow-color'),
      };
      cy.destroy();
      return style;
    };
    // #3b5b92 at 0.55 over white, by hand: 59·0.55 + 255·0.45 = 147, 91 → 165, 146 → 195.
    expect(edgeStyle(true)).toEqual({ opacity: '1', line: 'rgb(147,165,195)', arrow: 'rgb(147,165,195)' });
    expect(edgeStyle(false)).toEqual({ opacity: '0.55', line: 'rgb(59,91,146)', arrow: 'rgb(59,91,146)' });
  });

  it('draws the links of a map whose patterns come with the zoom solid, as light as their pattern shows, until patterned', () => {
    const edgeStyle = (classes: string) => {
      const cy = cytoscape({
        headless: true,
        styleEnabled: true,
        style: buildStylesheet({ isLarge: true, isZoomDetail: true }),
        elements: [
          { data: { id: 'a' } },
          { data: { id: 'b' } },
          { data: { id: 'ab', source: 'a', target: 'b' }, classes },
        ],
      });
      const edge = cy.getElementById('ab');
      const style = [edge.style('line-style'), edge.style('line-color'), edge.style('target-arrow-color')];
      cy.destroy();
      return style;
    };
    // Loose #3b5b92: dashes 9 of every 15 at 0.9, so 0.54 over white: 59·0.54 + 255·0.46 = 149,
    // 91 → 166, 146 → 196; its arrowhead and the patterned line at 0.9: 79, 107, 157.
    expect(edgeStyle('link kind-steering coupling-loose dir-forward')).toEqual([
      'solid',
      'rgb(149,166,196)',
      'rgb(79,107,157)',
    ]);
    expect(edgeStyle(`link kind-steering coupling-loose dir-forward ${PATTERNED}`)).toEqual([
      'dashed',
      'rgb(79,107,157)',
      'rgb(79,107,157)',
    ]);
    // Decoupled: dots 1 of every 2 at 0.55, so 0.275: 59·0.275 + 255·0.725 = 201, 91 → 210, 146 → 225.
    expect(edgeStyle('link kind-steering coupling-decoupled dir-forward').slice(0, 2)).toEqual([
      'solid',
      'rgb(201,210,225)',
    ]);
    expect(edgeStyle(`link kind-steering coupling-decoupled dir-forward ${PATTERNED}`)[0]).toBe('dotted');
    // Tight links have no pattern: solid at 0.95 either way.
    expect(edgeStyle('link kind-steering coupling-tight dir-forward')[0]).toBe('solid');
  });

  it('gives every node an empty list of background images, so drawing a node never restyles it', () => {
    // With the default list of one 'none', Cytoscape 3.34 flips `:backgrounding` on each drawing of
    // a node and restyles it, which discards the cached picture of the whole map.
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      style: buildStylesheet(),
      elements: [
        { group: 'nodes', data: { id: 'a', width: 10, height: 10 }, classes: 'actor chain level-0' },
        { group: 'nodes', data: { id: 'u', width: 10, height: 10, depth: 0 }, classes: 'unit' },
      ],
    });
    // pstyle (the parsed value) is public but missing from Cytoscape's types.
    type Parsed = { pstyle: (name: string) => { value: unknown } };
    expect(cy.nodes().map((n) => (n as unknown as Parsed).pstyle('background-image').value)).toEqual([[], []]);
    cy.destroy();
  });

  it('uses a restrained palette without pure reds or greens', () => {
    for (const colour of Object.values(KIND_COLOUR)) {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(colour.slice(i, i + 2), 16)) as [number, number, number];
      expect(r > 180 && g < 90 && b < 90, `${colour} reads as red`).toBe(false);
      expect(g > 150 && r < 100 && b < 100, `${colour} reads as green`).toBe(false);
    }
  });

  it('labels only the links the comparison marks, and draws links above unit boxes and below actors', () => {
    expect(styleOf('edge.link')).not.toHaveProperty('label');
    expect(
      styleOf('edge.diff-added, edge.diff-removed, edge.diff-changed, edge.diff-tightened, edge.diff-loosened'),
    ).toMatchObject({ label: 'data(label)' });
    expect(styleOf('node, edge')).toMatchObject({ 'z-index-compare': 'manual' });
    const z = (selector: string) => styleOf(selector)['z-index'] as number;
    expect(z('edge.link')).toBeLessThan(z('node.actor'));
    expect(styleOf('node.unit')['z-index']).toBe('data(depth)'); // depth 0, 1, 2… all below links
  });

  it('breaks labels only where they were wrapped (at word boundaries), and hides illegible ones', () => {
    const style = styleOf('node.actor');
    expect(style).toMatchObject({ label: 'data(label)', 'text-wrap': 'wrap', 'font-size': 'data(fontSize)' });
    expect(style).not.toHaveProperty('text-overflow-wrap'); // 'anywhere' would cut inside words
    expect(parseFloat(String(style['text-max-width']))).toBeGreaterThan(1000);
    expect(style['min-zoomed-font-size']).toBeGreaterThanOrEqual(8);
  });
});

describe('elements', () => {
  const map: CanvasMap = {
    levels: [
      { key: 'politics', name: 'Politik', isSide: false, rank: 0 },
      { key: 'support', name: 'Stöd', isSide: true, rank: null },
    ],
    units: [{ id: 'school', name: 'Ekskolan', parentId: null }],
    actors: [
      { id: 'a', name: 'A', levelKey: 'politics', unitId: null },
      { id: 'b', name: 'B', levelKey: 'support', unitId: 'school' },
    ],
    links: [
      {
        id: 'l',
        sourceId: 'a',
        targetId: 'b',
        kind: 'FOLLOW_UP',
        coupling: 'DECOUPLED',
        targetResponds: true,
        sourceResponds: false,
      },
      {
        id: 'dangling',
        sourceId: 'a',
        targetId: 'gone',
        kind: 'SUPPORT',
        coupling: 'TIGHT',
        targetResponds: null,
        sourceResponds: null,
      },
    ],
  };

  it('maps one-way responsiveness to an arrow toward the responding side', () => {
    expect(linkDirection({ targetResponds: true, sourceResponds: false })).toBe('forward');
    expect(linkDirection({ targetResponds: false, sourceResponds: true })).toBe('backward');
    expect(linkDirection({ targetResponds: true, sourceResponds: true })).toBe('none');
    expect(linkDirection({ targetResponds: null, sourceResponds: false })).toBe('none');
  });

  it('builds unit boxes (not compound parents), actors with level classes, and links with their classes', () => {
    const els = toElements(map, nodeLabels(map, estimateText), new Map([['l', 'changed']]));
    const byId = new Map(els.map((e) => [e.data.id, e]));
    expect(byId.get('unit:school')?.classes).toBe('unit');
    expect(byId.get('unit:school')?.data).toMatchObject({ entity: 'unit', recordId: 'school', depth: 0 });
    expect(byId.get('b')?.data.unitId).toBe('school');
    expect(els.some((e) => 'parent' in e.data)).toBe(false);
    expect(byId.get('b')?.classes).toBe('actor level-1 side');
    expect(byId.get('l')?.classes).toBe('link coupling-decoupled kind-follow-up dir-forward diff-changed');
    expect(byId.has('dangling')).toBe(false);
  });

  it('gives each actor its wrapped label and the size that holds it', () => {
    const els = toElements(map, nodeLabels(map, estimateText));
    for (const e of els.filter((x) => x.data.entity === 'actor')) {
      expect(Number(e.data.width)).toBeGreaterThan(0);
      expect(Number(e.data.height)).toBeGreaterThanOrEqual(Number(e.data.fontSize));
      expect(String(e.data.fullName).replace(/\s+/g, '')).toContain(String(e.data.label).replace(/\s+/g, ''));
    }
  });
});
