import { describe, expect, it } from 'vitest';

import { betweenness } from './betweenness.ts';
import { inBreadthFirstOrder } from './brandes.ts';
import { buildGraphIndex } from './graph-index.ts';
import { makeGraph } from './test-graphs.ts';

describe('inBreadthFirstOrder', () => {
  // Actor order a, b, c, d, e, f; responsive links a–e, a–c, e–b, c–d, and f alone.
  // Breadth-first from a (neighbours in their order e, c): a, e, c, b, d; then f.
  const index = buildGraphIndex(
    makeGraph(
      ['a', 'b', 'c', 'd', 'e', 'f'].map((id): [string, string] => [id, 'teacher']),
      [
        ['L1', 'a', 'e', 'TIGHT'],
        ['L2', 'a', 'c', 'LOOSE'],
        ['L3', 'e', 'b', 'TIGHT'],
        ['L4', 'c', 'd', 'LOOSE'],
      ],
    ),
  );

  it('numbers the actors breadth-first, each component from its first actor', () => {
    const ordered = inBreadthFirstOrder(index);
    // a→0, b→3, c→2, d→4, e→1, f→5
    expect([...ordered.numberOf]).toEqual([0, 3, 2, 4, 1, 5]);
  });

  it('keeps every neighbour list in its order, renumbered', () => {
    const ordered = inBreadthFirstOrder(index);
    const neighbours = (start: Uint32Array, list: Uint32Array, u: number) => [...list.subarray(start[u], start[u + 1])];
    // a's list is e, c (new 1, 2); e's is a, b (0, 3); c's is a, d (0, 4); b's e (1); d's c (2); f none.
    expect([0, 1, 2, 3, 4, 5].map((i) => neighbours(ordered.respStart, ordered.respNeighbour, i))).toEqual([
      [1, 2],
      [0, 3],
      [0, 4],
      [1],
      [2],
      [],
    ]);
  });

  it('gives betweenness back in actor order', () => {
    // Path b–e–a–c–d: e separates b from {a, c, d} (3), a separates {b, e} from {c, d} (4), c
    // separates d from {a, e, b} (3).
    expect([...betweenness(index, { exactLimit: 10, samples: 1, seed: 1, confidence: 0.95 }).scores]).toEqual([
      4, 0, 3, 0, 3, 0,
    ]);
  });
});
