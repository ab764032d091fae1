import { describe, expect, it } from 'vitest';

import { DomainError } from '../domain/errors.ts';
import { adjacencyOf, buildGraphIndex, emptyLinkColumns } from './graph-index.ts';
import { chainA, makeGraph } from './test-graphs.ts';

describe('buildGraphIndex', () => {
  it('rejects a link to an unknown actor', () => {
    const graph = makeGraph([['a', 'politics']], [['L1', 'a', 'ghost', 'TIGHT']]);
    expect(() => buildGraphIndex(graph)).toThrow(DomainError);
    try {
      buildGraphIndex(graph);
    } catch (error) {
      expect((error as DomainError).details.field).toBe('links[0].targetId');
    }
  });

  it('rejects an actor id used twice, naming the second use', () => {
    const graph = makeGraph(
      [
        ['a', 'politics'],
        ['b', 'teacher'],
        ['a', 'teacher'],
      ],
      [],
    );
    expect(() => buildGraphIndex(graph)).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ field: 'actors[2].id', reason: 'DUPLICATE' }) }),
    );
    expect(() =>
      buildGraphIndex(
        makeGraph(
          [
            ['a', 'politics'],
            ['b', 'teacher'],
          ],
          [],
        ),
      ),
    ).not.toThrow();
  });

  it('rejects an actor on a level the organisation lacks, and a perception of an unknown link', () => {
    expect(() => buildGraphIndex(makeGraph([['a', 'pupils']], []))).toThrow(/not a level/);
    const graph = makeGraph([['a', 'politics']], [], {
      perceptions: [
        {
          id: 'P',
          linkId: 'nope',
          respondent: 'x',
          respondentActorId: null,
          coupling: null,
          targetResponds: null,
          sourceResponds: null,
          distinctive: null,
        },
      ],
    });
    expect(() => buildGraphIndex(graph)).toThrow(/no such link/);
  });

  it('merges parallel links and drops decoupled ones in the responsive graph', () => {
    const graph = makeGraph(
      [
        ['a', 'politics'],
        ['b', 'administration'],
        ['c', 'principal'],
      ],
      [
        ['L1', 'a', 'b', 'TIGHT'],
        ['L2', 'b', 'a', 'LOOSE', 'DIALOGUE'],
        ['L3', 'b', 'c', 'DECOUPLED'],
      ],
    );
    const index = buildGraphIndex(graph);
    // a: {b}; b: {a}; c: {} — 2 neighbour slots in all.
    expect(Array.from(index.respStart)).toEqual([0, 1, 2, 2]);
    expect(Array.from(index.respNeighbour)).toEqual([1, 0]);
    expect(Array.from(index.incStart)).toEqual([0, 2, 5, 6]);
  });

  it("makes the same adjacency from the links' ends and strengths alone, and takes it when given", () => {
    // a–b tight, b–a loose (merged with it), b–c decoupled, c–c tight (a self-link).
    const links = {
      source: Uint32Array.of(0, 1, 1, 2),
      target: Uint32Array.of(1, 0, 2, 2),
      strength: Uint8Array.of(2, 1, 0, 2),
    };
    const adjacency = adjacencyOf(3, links);
    expect(Array.from(adjacency.incStart)).toEqual([0, 2, 5, 8]);
    expect(Array.from(adjacency.incLink)).toEqual([0, 1, 0, 1, 2, 2, 3, 3]);
    expect(Array.from(adjacency.incNeighbour)).toEqual([1, 1, 0, 0, 2, 1, 2, 2]);
    expect(Array.from(adjacency.respStart)).toEqual([0, 1, 2, 2]);
    expect(Array.from(adjacency.respNeighbour)).toEqual([1, 0]);
    const graph = makeGraph(
      [
        ['a', 'politics'],
        ['b', 'administration'],
        ['c', 'principal'],
      ],
      [],
    );
    const columns = {
      ...emptyLinkColumns(4),
      ...links,
      idOf: (e: number) => `L${e + 1}`,
      arenaIdOf: () => null,
    };
    const index = buildGraphIndex(graph, columns, adjacency);
    expect(index.respNeighbour).toBe(adjacency.respNeighbour);
    expect(index.incLink).toBe(adjacency.incLink);
  });

  it('ranks chain levels, puts side levels at -1 and picks the top level with actors', () => {
    const index = buildGraphIndex(chainA());
    expect(Array.from(index.levelRanks)).toEqual([0, 1, 2, 3, -1]);
    expect(index.topRank).toBe(0);
    const noPolitics = buildGraphIndex(
      makeGraph(
        [
          ['x', 'principal'],
          ['y', 'teacher'],
        ],
        [],
      ),
    );
    expect(noPolitics.topRank).toBe(2);
    expect(buildGraphIndex(makeGraph([['u', 'support']], [])).topRank).toBe(-1);
  });
});
