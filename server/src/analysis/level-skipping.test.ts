import { describe, expect, it } from 'vitest';

import { buildGraphIndex } from './graph-index.ts';
import { levelSkipping } from './level-skipping.ts';
import { chainA, makeGraph } from './test-graphs.ts';

describe('levelSkipping', () => {
  it('rejects a link to an unknown actor (through the index)', () => {
    expect(() => levelSkipping(buildGraphIndex(makeGraph([], [['L', 'a', 'b', 'TIGHT']])))).toThrow();
  });

  it('finds the superintendent’s link straight to a teacher (chain A)', () => {
    const result = levelSkipping(buildGraphIndex(chainA()));
    expect(result.skips).toEqual([
      {
        linkId: 'L9',
        sourceId: 'sup',
        targetId: 't3',
        upperLevelKey: 'administration',
        lowerLevelKey: 'teacher',
        skippedLevelKeys: ['principal'],
        coupling: 'LOOSE',
        kind: 'STEERING',
      },
    ]);
    expect(result.findings[0]!.explanation.en).toBe(
      'The link sup–t3 goes directly between Förvaltning and Lärare, past Rektor.',
    );
  });

  it('counts upward links and decoupled links too, groups by level pair, and ignores side levels', () => {
    const graph = makeGraph(
      [
        ['pol', 'politics'],
        ['a', 'administration'],
        ['t1', 'teacher'],
        ['t2', 'teacher'],
        ['u', 'support'],
      ],
      [
        ['L1', 't1', 'pol', 'DECOUPLED', 'FOLLOW_UP'],
        ['L2', 'pol', 't2', 'TIGHT'],
        ['L3', 'a', 't1', 'LOOSE'],
        ['L4', 'u', 'pol', 'LOOSE', 'SUPPORT'],
        ['L5', 'pol', 'a', 'TIGHT'],
      ],
    );
    const result = levelSkipping(buildGraphIndex(graph));
    expect(result.skips.map((s) => [s.linkId, s.skippedLevelKeys])).toEqual([
      ['L1', ['administration', 'principal']],
      ['L2', ['administration', 'principal']],
      ['L3', ['principal']],
    ]);
    expect(result.findings.map((f) => [f.id, f.linkIds])).toEqual([
      ['levelSkipping:LEVEL_SKIP:politics-teacher', ['L1', 'L2']],
      ['levelSkipping:LEVEL_SKIP:administration-teacher', ['L3']],
    ]);
  });

  it('finds nothing on one level or an empty map', () => {
    expect(levelSkipping(buildGraphIndex(makeGraph([], []))).skips).toEqual([]);
    expect(
      levelSkipping(
        buildGraphIndex(
          makeGraph(
            [
              ['a', 'teacher'],
              ['b', 'teacher'],
            ],
            [['L', 'a', 'b', 'TIGHT']],
          ),
        ),
      ).skips,
    ).toEqual([]);
  });
});
