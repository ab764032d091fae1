import { describe, expect, it } from 'vitest';

import { buildGraphIndex } from './graph-index.ts';
import { sharedArenas } from './shared-arenas.ts';
import { chainA, makeGraph } from './test-graphs.ts';

describe('sharedArenas', () => {
  it('rejects an arena participant that is not an actor (through the index)', () => {
    expect(() =>
      sharedArenas(buildGraphIndex(makeGraph([], [], { arenas: [{ id: 'A', name: 'A', participantIds: ['x'] }] }))),
    ).toThrow();
  });

  it('lists where each pair of levels meets, counting the ends of links held in an arena (chain A)', () => {
    // A1: sup, r1, r2. A2: r1, t1. A3: pol, plus sup and t3 as ends of L9 held there.
    const result = sharedArenas(buildGraphIndex(chainA()));
    expect(result.pairs).toEqual([
      { levelKeys: ['politics', 'administration'], arenaIds: ['A3'] },
      { levelKeys: ['politics', 'principal'], arenaIds: [] },
      { levelKeys: ['politics', 'teacher'], arenaIds: ['A3'] },
      { levelKeys: ['politics', 'support'], arenaIds: [] },
      { levelKeys: ['administration', 'principal'], arenaIds: ['A1'] },
      { levelKeys: ['administration', 'teacher'], arenaIds: ['A3'] },
      { levelKeys: ['administration', 'support'], arenaIds: [] },
      { levelKeys: ['principal', 'teacher'], arenaIds: ['A2'] },
      { levelKeys: ['principal', 'support'], arenaIds: [] },
      { levelKeys: ['teacher', 'support'], arenaIds: [] },
    ]);
    expect(result.neverMeet).toHaveLength(5);
    expect(result.findings[0]!.explanation.sv).toBe('Politik och Rektor möts inte i något forum.');
  });

  it('leaves out levels without actors', () => {
    const result = sharedArenas(
      buildGraphIndex(
        makeGraph(
          [
            ['a', 'teacher'],
            ['b', 'teacher'],
          ],
          [],
        ),
      ),
    );
    expect(result).toEqual({ pairs: [], neverMeet: [], findings: [] });
  });
});
