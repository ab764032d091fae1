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
 * of a 147,000-actor map with a desired scenario through (about 1.7·10⁸) and refuses exact
 * betweenness above some 7,000 actors.
 */
export const DEFAULT_ANALYSIS_LIMITS: AnalysisLimits = {
  threads: availableParallelism(),
  queueLimit: 16,
  costLimit: 200_000_000,
  perUser: 2,
};
