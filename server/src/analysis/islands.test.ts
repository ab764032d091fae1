import { describe, expect, it } from 'vitest';

import { buildGraphIndex } from './graph-index.ts';
import { islands } from './islands.ts';
import { chainA, makeGraph } from './test-graphs.ts';

describe('islands', () => {
  it('rejects a link to an unknown actor (through the index)', () => {
    expect(() => islands(buildGraphIndex(makeGraph([['a', 'teacher']], [['L', 'a', 'b', 'TIGHT']])))).toThrow();
  });

  it('reports every component other than the top’s, largest first (chain A)', () => {
    const result = islands(buildGraphIndex(chainA()));
    expect(result.componentCount).toBe(3);
    expect(result.mainland?.actorIds).toEqual(['pol', 'sup', 'r1', 'r2', 't1', 't2', 't3', 'uni']);
    expect(result.islands).toEqual([
      {
        actorIds: ['t4'],
        levelComposition: [{ levelKey: 'teacher', count: 1 }],
        linkIds: [],
        boundaryLinkIds: ['L10'],
      },
      { actorIds: ['t5'], levelComposition: [{ levelKey: 'teacher', count: 1 }], linkIds: [], boundaryLinkIds: [] },
    ]);
    expect(result.findings[0]!.explanation.en).toBe('t4 (1 Lärare) has no responsive link to the rest of the map.');
    expect(islands(buildGraphIndex(chainA()), { minSize: 2 }).islands).toEqual([]);
  });

  it('finds a group connected among itself but decoupled from the rest, with its level composition', () => {
    const graph = makeGraph(
      [
        ['pol', 'politics'],
        ['a', 'administration'],
        ['r', 'principal'],
        ['t1', 'teacher'],
        ['t2', 'teacher'],
        ['u', 'support'],
      ],
      [
        ['L1', 'pol', 'a', 'TIGHT'],
        ['L2', 'a', 'r', 'DECOUPLED'],
        ['L3', 'r', 't1', 'LOOSE'],
        ['L4', 't1', 't2', 'TIGHT'],
        ['L5', 't2', 'r', 'TIGHT'], // a cycle r–t1–t2
        ['L6', 'u', 't2', 'LOOSE', 'SUPPORT'],
      ],
    );
    const result = islands(buildGraphIndex(graph));
    expect(result.islands).toEqual([
      {
        actorIds: ['r', 't1', 't2', 'u'],
        levelComposition: [
          { levelKey: 'principal', count: 1 },
          { levelKey: 'teacher', count: 2 },
          { levelKey: 'support', count: 1 },
        ],
        linkIds: ['L3', 'L4', 'L5', 'L6'],
        boundaryLinkIds: ['L2'],
      },
    ]);
    expect(result.findings[0]!.explanation.sv).toBe(
      '4 aktörer (1 Rektor, 2 Lärare, 1 Stöd) hänger ihop med varandra men har ingen lyhörd länk till kedjans topp.',
    );
  });

  it('has no mainland without chain actors: support actors only, and the empty map', () => {
    const supportOnly = islands(
      buildGraphIndex(
        makeGraph(
          [
            ['u', 'support'],
            ['v', 'support'],
          ],
          [['L', 'u', 'v', 'LOOSE']],
        ),
      ),
    );
    expect(supportOnly.mainland).toBeNull();
    expect(supportOnly.islands.map((i) => i.actorIds)).toEqual([['u', 'v']]);
    expect(islands(buildGraphIndex(makeGraph([], [])))).toEqual({
      componentCount: 0,
      mainland: null,
      islands: [],
      findings: [],
    });
  });

  it('makes every actor an island when everything is decoupled (the top actor stays mainland)', () => {
    const graph = makeGraph(
      [
        ['pol', 'politics'],
        ['a', 'administration'],
        ['b', 'administration'],
      ],
      [
        ['L1', 'pol', 'a', 'DECOUPLED'],
        ['L2', 'pol', 'b', 'DECOUPLED'],
        ['L3', 'a', 'b', 'DECOUPLED'],
      ],
    );
    const result = islands(buildGraphIndex(graph));
    expect(result.mainland?.actorIds).toEqual(['pol']);
    expect(result.islands.map((i) => i.actorIds)).toEqual([['a'], ['b']]);
    expect(result.islands[0]!.boundaryLinkIds).toEqual(['L1', 'L3']);
  });

  it('picks the component with most top-level actors as mainland when politics is split', () => {
    const graph = makeGraph(
      [
        ['p1', 'politics'],
        ['p2', 'politics'],
        ['p3', 'politics'],
      ],
      [['L', 'p2', 'p3', 'TIGHT']],
    );
    expect(islands(buildGraphIndex(graph)).mainland?.actorIds).toEqual(['p2', 'p3']);
  });
});
