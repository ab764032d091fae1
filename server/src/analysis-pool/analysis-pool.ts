import { MessageChannel } from 'node:worker_threads';

import { Piscina } from 'piscina';

import { DomainError } from '../domain/errors.ts';
import type { AnalyseOutcome, AnalyseTask, PartialReport } from './analysis-worker.ts';
import { sendWhenMade } from './following-value.ts';
import type { LinksWire } from './graph-wire.ts';
import type { SharedBetweenness } from './parallel-betweenness.ts';
import { fromReportWire } from './report-wire.ts';

export interface AnalysisPoolOptions {
  /** Worker threads (at least 1). */
  threads: number;
  /** Analyses that may wait for a thread; more are refused with ANALYSIS_BUSY. */
  queueLimit: number;
}

/**
 * The worker threads that run analyses off the event loop (piscina: a FIFO queue, threads
 * started on demand and replaced when one dies). A task's betweenness is shared with the other
 * threads through the same pool: when the thread running an analysis offers it, the pool queues
 * one helper task per other thread.
 */
export class AnalysisPool {
  private readonly piscina: Piscina;

  constructor(private readonly options: AnalysisPoolOptions) {
    this.piscina = new Piscina({
      filename: new URL('./worker-entry.mjs', import.meta.url).href,
      minThreads: 0,
      maxThreads: options.threads,
      // Threads start on first use (a test app that never analyses starts none) and stay a minute.
      idleTimeout: 60_000,
    });
  }

  /**
   * @param desired the desired scenario's links, sent to the thread when made (it reads them last).
   * @throws DomainError ANALYSIS_BUSY when `queueLimit` analyses already wait; the analysis's own refusals.
   */
  async analyse(
    task: Omit<AnalyseTask, 'port' | 'desired'>,
    desired: Promise<LinksWire> | null,
  ): Promise<PartialReport> {
    if (this.piscina.queueSize >= this.options.queueLimit) {
      throw new DomainError(
        'ANALYSIS_BUSY',
        `${this.piscina.queueSize} analyses are waiting for the server (the limit is ${this.options.queueLimit}); try again shortly.`,
        { scope: 'SERVER', limit: this.options.queueLimit, setting: 'ANALYSIS_QUEUE_LIMIT' },
      );
    }
    const channel = new MessageChannel();
    channel.port1.on('message', (shared: SharedBetweenness) => this.recruitHelpers(shared));
    try {
      const following = desired && sendWhenMade(desired, channel.port1);
      const outcome = (await this.piscina.run(
        { ...task, desired: following, port: channel.port2 },
        { name: 'analyse', transferList: [channel.port2] },
      )) as AnalyseOutcome;
      if ('error' in outcome) throw new DomainError(outcome.error.code, outcome.error.message, outcome.error.details);
      return await fromReportWire<PartialReport>(outcome.report);
    } finally {
      channel.port1.close();
    }
  }

  /** Ends every thread; analyses still running are refused. */
  close(): Promise<void> {
    return this.piscina.destroy();
  }

  private recruitHelpers(shared: SharedBetweenness): void {
    for (let helper = 1; helper < this.options.threads; helper++) {
      // A helper that fails or starts too late changes nothing: the owning thread computes every
      // chunk no helper has claimed, so there is nothing to report here.
      this.piscina.run(shared, { name: 'helpBetweenness' }).catch(() => undefined);
    }
  }
}
