import { describe, expect, it } from 'vitest';

import { syntheticChain } from '../../bench/synthetic-chain.ts';
import { betweenness, planBetweenness } from '../analysis/betweenness.ts';
import { buildGraphIndex } from '../analysis/graph-index.ts';
import {
  abandonBetweenness,
  finishBetweenness,
  helpWithBetweenness,
  shareBetweenness,
} from './parallel-betweenness.ts';

describe('shared betweenness', () => {
  const index = buildGraphIndex(syntheticChain({ schools: 6, teachers: 12, seed: 5 }).current);
  const settings = { exactLimit: 50, samples: 40, seed: 9, confidence: 0.95 };

  it('gives the very numbers of one thread, whoever computed the chunks', () => {
    const expected = betweenness(index, settings).scores;
    const plan = planBetweenness(index.n, settings);

    const alone = shareBetweenness(index, plan);
    expect(finishBetweenness(alone, plan)).toEqual(expected);

    const helped = shareBetweenness(index, plan);
    expect(helpWithBetweenness(helped)).toBe(plan.chunkCount); // the helper takes every chunk
    expect(finishBetweenness(helped, plan)).toEqual(expected);
  });

  it('turns away a helper that arrives after the owner finished', () => {
    const plan = planBetweenness(index.n, settings);
    const shared = shareBetweenness(index, plan);
    const scores = finishBetweenness(shared, plan);
    const sums = Float64Array.from(shared.sums);
    expect(helpWithBetweenness(shared)).toBe(0);
    expect(shared.sums).toEqual(sums);
    expect(scores).toEqual(betweenness(index, settings).scores);
  });

  it('gives a helper nothing more to do once the owner abandons it', () => {
    const plan = planBetweenness(index.n, settings);
    const shared = shareBetweenness(index, plan);
    abandonBetweenness(shared);
    expect(helpWithBetweenness(shared)).toBe(0);
    expect(shared.sums.every((sum) => sum === 0)).toBe(true);
  });
});
