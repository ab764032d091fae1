import { availableParallelism } from 'node:os';

export interface AnalysisLimits {
  /** Worker threads. */
  threads: number;
  /** Analyses that may wait for a thread, server-wide. */
  queueLimit: number;
  /** Largest estimated cost of one analysis (analysis-cost.ts). */
  costLimit: number;
  /** Analyses one user may run at once. */
  perUser: number;
}

/**
 * The defaults (config.ts reads each from the environment). The budget lets the default analyses
 * of a 150,000-actor map through (about 9·10⁷) and refuses exact betweenness above some 10,000
 * actors; on a 2-core machine it is a few seconds of one thread.
 */
export const DEFAULT_ANALYSIS_LIMITS: AnalysisLimits = {
  threads: availableParallelism(),
  queueLimit: 16,
  costLimit: 200_000_000,
  perUser: 2,
};
