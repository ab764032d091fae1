import cytoscape, { type Core } from 'cytoscape';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { actorsToLabel, installZoomDetail, labelArea, LABELLED, linksToPattern, PATTERNED } from './zoom-detail.ts';
import { buildStylesheet, MIN_LABEL_SCREEN_SIZE, patternGaps } from './stylesheet.ts';

const actor = (id: string, x: number, fontSize = 15) => ({ id, x, y: 0, width: 100, height: 40, fontSize });

describe('labelArea', () => {
  it('grows the view by half its width and height on every side', () => {
    expect(labelArea({ x1: 0, y1: 0, x2: 200, y2: 100 })).toEqual({ x1: -100, y1: -50, x2: 300, y2: 150 });
  });
});

describe('actorsToLabel', () => {
  const area = { x1: 0, y1: -50, x2: 1000, y2: 50 };

  it('takes the actors whose box reaches into the area', () => {
    // Boxes are 100 wide around x: -49 reaches 1 into the area, -51 ends 1 short of it.
    const actors = [actor('in', 500), actor('edge', -49), actor('out', -51), actor('far', 1051)];
    expect(actorsToLabel(actors, area, 1, 9)).toEqual(['in', 'edge']);
  });

  it('leaves out labels the zoom would draw below the readable size', () => {
    // At zoom 0.5 a 25.5 px font shows at 12.75 px, a 15 px font at 7.5 px (under 9).
    const actors = [actor('large', 100, 25.5), actor('small', 200, 15)];
    expect(actorsToLabel(actors, area, 0.5, 9)).toEqual(['large']);
    expect(actorsToLabel(actors, area, 0.6, 9)).toEqual(['large', 'small']);
  });
});

describe('linksToPattern', () => {
  const area = { x1: 0, y1: -50, x2: 1000, y2: 50 };
  const link = (id: string, x1: number, y1: number, x2: number, y2: number, gap = 6) => ({ id, x1, y1, x2, y2, gap });

  it('takes the links whose end points span a box reaching into the area', () => {
    const links = [
      link('in', 100, 0, 200, 0),
      link('across', -500, -500, 1500, 500), // both ends outside, the line through the area
      link('out', 1100, 0, 1200, 0),
      link('above', 100, -300, 200, -51),
    ];
    expect(linksToPattern(links, area, 1)).toEqual(['in', 'across']);
  });

  it('leaves out patterns whose gaps the zoom would draw narrower than a pixel', () => {
    // Gaps of 6 show as 1.2 px at zoom 0.2 and 0.6 px at 0.1; gaps of 1 as 0.2 px at 0.2.
    const links = [link('dashed', 100, 0, 200, 0, 6), link('dotted', 100, 0, 200, 0, 1)];
    expect(linksToPattern(links, area, 0.2)).toEqual(['dashed']);
    expect(linksToPattern(links, area, 0.1)).toEqual([]);
    expect(linksToPattern(links, area, 1)).toEqual(['dashed', 'dotted']);
  });
});

describe('installZoomDetail', () => {
  let cy: Core | undefined;
  afterEach(() => {
    cy?.destroy();
    vi.useRealTimers();
  });

  /** Two actors 2,000 apart; a headless instance's frame is 1 × 1 px, so the view is about (0, 0). */
  const twoActors = () => {
    const node = (id: string, x: number) => ({
      group: 'nodes' as const,
      data: { id, width: 100, height: 40, fontSize: 15, label: id },
      classes: 'actor',
      position: { x, y: 0 },
    });
    return cytoscape({
      headless: true,
      styleEnabled: true,
      style: buildStylesheet({ isZoomDetail: true }),
      layout: { name: 'preset' },
      elements: [node('near', 0), node('far', 2000)],
    });
  };
  const labelled = (c: Core) => c.nodes(`.${LABELLED}`).map((n) => n.id());
  // pstyle (the parsed value) is public but missing from Cytoscape's types.
  const labelOf = (c: Core, id: string) =>
    (c.getElementById(id) as unknown as { pstyle: (name: string) => { strValue: string } }).pstyle('label').strValue;

  it('labels the actors around the view once it rests at a zoom that shows their labels', () => {
    vi.useFakeTimers();
    cy = twoActors();
    installZoomDetail(cy, MIN_LABEL_SCREEN_SIZE);
    cy.viewport({ zoom: 0.5, pan: { x: 0, y: 0 } }); // 15 px at 0.5 is 7.5 px on screen: unreadable
    vi.advanceTimersByTime(1000);
    expect(labelled(cy)).toEqual([]);
    expect(labelOf(cy, 'near')).toBe('');
    cy.viewport({ zoom: 1, pan: { x: 0, y: 0 } });
    expect(labelled(cy)).toEqual([]); // not while the view may still move
    vi.advanceTimersByTime(1000);
    expect(labelled(cy)).toEqual(['near']);
    expect(labelOf(cy, 'near')).toBe('near');
    expect(labelOf(cy, 'far')).toBe('');
  });

  it('labels what the view shows on request, and every actor for a picture of the whole map', () => {
    cy = twoActors();
    const detail = installZoomDetail(cy, MIN_LABEL_SCREEN_SIZE);
    cy.viewport({ zoom: 1, pan: { x: 0, y: 0 } });
    detail.refresh();
    expect(labelled(cy)).toEqual(['near']);
    detail.showAll();
    expect(labelled(cy)).toEqual(['near', 'far']);
    detail.destroy();
  });

  it('gives the links around the view their pattern once it rests at a zoom that shows it', () => {
    vi.useFakeTimers();
    const node = (id: string, x: number) => ({
      data: { id, width: 100, height: 40, fontSize: 15 },
      classes: 'actor',
      position: { x, y: 0 },
    });
    const edge = (id: string, source: string, target: string) => ({
      data: { id, source, target },
      classes: 'link kind-steering coupling-loose dir-forward',
    });
    cy = cytoscape({
      headless: true,
      styleEnabled: true,
      style: buildStylesheet({ isLarge: true, isZoomDetail: true }),
      layout: { name: 'preset' },
      elements: [
        node('a', -300),
        node('b', 300),
        node('c', 3000),
        node('d', 3600),
        edge('ab', 'a', 'b'),
        edge('cd', 'c', 'd'),
      ],
    });
    installZoomDetail(cy, MIN_LABEL_SCREEN_SIZE, patternGaps());
    const lineStyle = (id: string) => cy?.getElementById(id).style('line-style');
    expect(lineStyle('ab')).toBe('solid');
    cy.viewport({ zoom: 0.1, pan: { x: 0, y: 0 } }); // loose gaps of 6 show as 0.6 px
    vi.advanceTimersByTime(1000);
    expect(cy.edges(`.${PATTERNED}`).map((e) => e.id())).toEqual([]);
    cy.viewport({ zoom: 0.5, pan: { x: 0, y: 0 } }); // 3 px; the view is about (0, 0)
    vi.advanceTimersByTime(1000);
    expect(cy.edges(`.${PATTERNED}`).map((e) => e.id())).toEqual(['ab']);
    expect([lineStyle('ab'), lineStyle('cd')]).toEqual(['dashed', 'solid']);
  });

  it("shows the selected actor's label at any zoom", () => {
    cy = twoActors();
    cy.getElementById('far').select();
    expect(labelOf(cy, 'far')).toBe('far');
    expect(labelOf(cy, 'near')).toBe('');
  });
});
