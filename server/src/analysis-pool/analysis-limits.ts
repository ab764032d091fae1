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
  /**
   * Start every thread with the pool and keep it, so that no analysis waits for a thread to start
   * and load its code (measured: the first analysis of a 1,960-actor authority on new threads took
   * 600–770 ms, on loaded ones 150–210). A kept thread holds, while idle, what it last decoded (up
   * to two scenario indexes; about 65 MB each at 147,000 actors). Else threads start on first use
   * and end after a minute idle.
   */
  keepsThreads: boolean;
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
  // On first use: an app built for a test or a script that never analyses starts no thread. The
  // server keeps them (ANALYSIS_THREADS_KEPT, config.ts).
  keepsThreads: false,
};
