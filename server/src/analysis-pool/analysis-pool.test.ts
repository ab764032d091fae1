import { afterEach, describe, expect, it } from 'vitest';

import { AnalysisPool } from './analysis-pool.ts';

describe('AnalysisPool threads', () => {
  let pool: AnalysisPool | undefined;
  afterEach(async () => pool?.close());

  it('starts every thread at once when it keeps them, so that no analysis waits for one to load', () => {
    pool = new AnalysisPool({ threads: 2, queueLimit: 1, keepsThreads: true });
    expect(pool.threadCount).toBe(2);
  });

  it('starts none before the first analysis otherwise', () => {
    pool = new AnalysisPool({ threads: 2, queueLimit: 1, keepsThreads: false });
    expect(pool.threadCount).toBe(0);
  });
});
