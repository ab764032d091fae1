import { describe, expect, it } from 'vitest';

import { DomainError } from '../domain/errors.ts';
import { buildGraphIndex } from './graph-index.ts';
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
