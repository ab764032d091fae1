import fp from 'fastify-plugin';

import { AnalysisRunner } from '../analysis-pool/analysis-runner.ts';
import type { AnalysisLimits } from '../analysis-pool/analysis-limits.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Runs analyses in worker threads, cached and within limits (analysis-pool/). */
    analyses: AnalysisRunner;
  }
}

/** The analysis worker pool for the app's lifetime; its threads end when the app closes. */
export const analysisPlugin = fp<AnalysisLimits>(
  async (app, limits) => {
    const runner = new AnalysisRunner(limits);
    app.decorate('analyses', runner);
    app.addHook('onClose', async () => runner.close());
  },
  { name: 'analysis' },
);
