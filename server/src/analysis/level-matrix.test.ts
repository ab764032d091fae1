import { describe, expect, it } from 'vitest';

import { buildGraphIndex } from './graph-index.ts';
import { levelMatrix } from './level-matrix.ts';
import { chainA, makeGraph } from './test-graphs.ts';

describe('levelMatrix', () => {
  it('counts links per level pair by coupling and kind (chain A)', () => {
    const result = levelMatrix(buildGraphIndex(chainA()));
    expect(result.cells).toHaveLength(15); // 5 levels: 5·6/2 pairs
    const cell = (a: string, b: string) => result.cells.find((c) => c.levelKeys[0] === a && c.levelKeys[1] === b)!;
    expect(cell('principal', 'teacher')).toMatchObject({
      total: 4,
      responsive: 3,
      byCoupling: { TIGHT: 2, LOOSE: 1, DECOUPLED: 1 },
    });
    expect(cell('principal', 'teacher').byKind.STEERING).toBe(4);
    expect(cell('administration', 'principal')).toMatchObject({ total: 2, responsive: 1 });
    expect(cell('teacher', 'teacher')).toMatchObject({ total: 1, byKind: { DIALOGUE: 1 } });
    expect(cell('principal', 'support')).toMatchObject({ total: 1, byCoupling: { LOOSE: 1 }, byKind: { SUPPORT: 1 } });
    expect(cell('politics', 'teacher').total).toBe(0);
    expect(result.gaps).toEqual([]);
  });

  it('reports a gap between adjacent levels joined only by decoupled links, and beside an empty level', () => {
    const graph = makeGraph(
      [
        ['pol', 'politics'],
        ['sup', 'administration'],
        ['t', 'teacher'],
      ],
      [
        ['L1', 'pol', 'sup', 'DECOUPLED'],
        ['L2', 'sup', 't', 'TIGHT'],
      ],
    );
    const result = levelMatrix(buildGraphIndex(graph));
    expect(result.gaps).toEqual([
      { levelKeys: ['politics', 'administration'], linkIds: ['L1'], emptyLevelKeys: [] },
      { levelKeys: ['administration', 'principal'], linkIds: [], emptyLevelKeys: ['principal'] },
      { levelKeys: ['principal', 'teacher'], linkIds: [], emptyLevelKeys: ['principal'] },
    ]);
    expect(result.findings[0]!.explanation.en).toBe(
      'No responsive link between Politik and Förvaltning (1 decoupled link).',
    );
    expect(result.findings[0]!.actorIds).toEqual(['pol', 'sup']);
  });

  it('has one cell and no gap for a single level, and only zero cells for an empty map', () => {
    const one = makeGraph(
      [
        ['a', 'teacher'],
        ['b', 'teacher'],
      ],
      [['L', 'a', 'b', 'LOOSE']],
      {
        levels: [{ key: 'teacher', name: 'Lärare', isSide: false }],
      },
    );
    const result = levelMatrix(buildGraphIndex(one));
    expect(result.cells).toHaveLength(1);
    expect(result.cells[0]).toMatchObject({ total: 1, responsive: 1 });
    expect(result.gaps).toEqual([]);
    const empty = levelMatrix(buildGraphIndex(makeGraph([], [])));
    expect(empty.cells.every((c) => c.total === 0)).toBe(true);
    expect(empty.gaps).toHaveLength(3); // four empty chain levels: three adjacent pairs
  });
});
