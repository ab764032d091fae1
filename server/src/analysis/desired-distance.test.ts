import { describe, expect, it } from 'vitest';

import type { ChainGraph } from './chain-graph.ts';
import { desiredDistance, numberDesiredLinks } from './desired-distance.ts';
import { buildGraphIndex } from './graph-index.ts';
import { chainA, makeGraph } from './test-graphs.ts';

/** Chain A's desired state: L2 redrawn upwards and tight, L3 gone, L9 decoupled, L10 loose, one new link. */
function desiredA(): ChainGraph {
  const current = chainA();
  const keep = current.links
    .filter((l) => !['L2', 'L3', 'L9', 'L10'].includes(l.id))
    .map((l) => ({ ...l, id: `D${l.id}` }));
  const extra = makeGraph(
    [],
    [
      ['D2', 'r1', 'sup', 'TIGHT'],
      ['D9', 'sup', 't3', 'DECOUPLED'],
      ['D10', 'r2', 't4', 'LOOSE'],
      ['D11', 'pol', 'r1', 'LOOSE', 'DIALOGUE'],
    ],
  ).links;
  return { ...current, links: [...keep, ...extra] };
}

/** The distance from `current` to `desired`, the desired links numbered as the registry numbers them. */
function distance(current: ChainGraph, desired: ChainGraph | null) {
  const index = buildGraphIndex(current);
  return desiredDistance(index, desired && numberDesiredLinks(index, desired.links));
}

describe('desiredDistance', () => {
  it('is empty without a desired scenario', () => {
    expect(distance(chainA(), null)).toEqual({
      hasDesired: false,
      differences: [],
      totals: { added: 0, removed: 0, tighter: 0, looser: 0, unchanged: 0, distance: 0 },
      findings: [],
    });
  });

  it('compares link by link, matching a redrawn link in reverse (chain A)', () => {
    const result = distance(chainA(), desiredA());
    expect(result.totals).toEqual({ added: 1, removed: 1, tighter: 2, looser: 1, unchanged: 6, distance: 5 });
    expect(result.differences.map((d) => [d.change, d.currentLinkId, d.desiredLinkId])).toEqual([
      ['TIGHTER', 'L2', 'D2'],
      ['REMOVED', 'L3', null],
      ['LOOSER', 'L9', 'D9'],
      ['TIGHTER', 'L10', 'D10'],
      ['ADDED', null, 'D11'],
    ]);
    expect(result.findings.map((f) => f.explanation.en)).toEqual([
      '1 link exists in the desired state but not now.',
      '1 link exists now but not in the desired state.',
      '2 links are more tightly coupled in the desired state than now.',
      '1 link is more loosely coupled in the desired state than now.',
    ]);
  });

  it('pairs parallel links in order, and treats another kind as another link', () => {
    const current = makeGraph(
      [
        ['a', 'principal'],
        ['b', 'teacher'],
      ],
      [
        ['L1', 'a', 'b', 'TIGHT'],
        ['L2', 'a', 'b', 'LOOSE'],
        ['L3', 'a', 'b', 'LOOSE', 'DIALOGUE'],
      ],
    );
    const desired = makeGraph(
      [
        ['a', 'principal'],
        ['b', 'teacher'],
      ],
      [
        ['D1', 'a', 'b', 'TIGHT'],
        ['D2', 'a', 'b', 'TIGHT'],
        ['D3', 'a', 'b', 'LOOSE', 'INFORMAL'],
      ],
    );
    const result = distance(current, desired);
    expect(result.totals).toEqual({ added: 1, removed: 1, tighter: 1, looser: 0, unchanged: 1, distance: 3 });
  });

  it('counts everything as added from a map without those links, naming actors it lacks by their ids', () => {
    const result = distance(
      makeGraph(
        [
          ['t5', 'teacher'],
          ['uni', 'support'],
        ],
        [],
      ),
      chainA(),
    );
    expect(result.totals).toMatchObject({ added: 10, distance: 10, unchanged: 0 });
    // Only uni (L8) is an actor of the current map; every other end is named from the desired links.
    expect(result.differences.map((d) => [d.desiredLinkId, d.sourceId, d.targetId, d.kind, d.desiredCoupling])).toEqual(
      chainA().links.map((l) => [l.id, l.sourceId, l.targetId, l.kind, l.coupling]),
    );
  });
});
