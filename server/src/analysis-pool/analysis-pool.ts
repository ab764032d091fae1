import { MessageChannel } from 'node:worker_threads';

import { Piscina } from 'piscina';

import { DomainError } from '../domain/errors.ts';
import type { AnalyseOutcome, AnalyseTask, ReportPartMessage } from './analysis-worker.ts';
import { sendWhenMade } from './following-value.ts';
import type { LinksWire } from './graph-wire.ts';
import type { SharedBetweenness } from './parallel-betweenness.ts';
import { joinReportParts } from './report-parts.ts';
import type { PartialReport, ReportPart } from './report-parts.ts';
import { fromReportWire } from './report-wire.ts';
import type { ReportWire } from './report-wire.ts';

export interface AnalysisPoolOptions {
  /** Worker threads (at least 1). */
  threads: number;
  /** Analyses that may wait for a thread; more are refused with ANALYSIS_BUSY. */
  queueLimit: number;
  /** Start every thread now and keep it (`AnalysisLimits.keepsThreads`). */
  keepsThreads: boolean;
}

/**
 * The worker threads that run analyses off the event loop (piscina: a FIFO queue, threads started
 * with the pool or on demand, and replaced when one dies). A task's betweenness is shared with the
 * other threads through the same pool: when the thread running an analysis offers it, the pool
 * queues one helper task per other thread.
 */
export class AnalysisPool {
  private readonly piscina: Piscina;

  constructor(private readonly options: AnalysisPoolOptions) {
    this.piscina = new Piscina({
      filename: new URL('./worker-entry.mjs', import.meta.url).href,
      minThreads: options.keepsThreads ? options.threads : 0,
      maxThreads: options.threads,
      // Threads beyond the kept ones start on first use and stay a minute.
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
    const early = new EarlyParts();
    channel.port1.on('message', (message: SharedBetweenness | ReportPartMessage) => {
      if ('part' in message) early.take(message.part);
      else this.recruitHelpers(message);
    });
    channel.port1.on('close', () => early.close());
    try {
      const following = desired && sendWhenMade(desired, channel.port1);
      const outcome = (await this.piscina.run(
        { ...task, desired: following, port: channel.port2 },
        { name: 'analyse', transferList: [channel.port2] },
      )) as AnalyseOutcome;
      if ('error' in outcome) throw new DomainError(outcome.error.code, outcome.error.message, outcome.error.details);
      const earlier = await early.first(outcome.earlyParts);
      return joinReportParts([...earlier, await fromReportWire<ReportPart>(outcome.report)]);
    } finally {
      channel.port1.close();
    }
  }

  /** Threads running now (started or starting). */
  get threadCount(): number {
    return this.piscina.threads.length;
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

/**
 * The report parts a task sends on its port before it ends, decoded on the event loop as they
 * arrive. They come on another channel than the task's outcome, so they may arrive after it.
 */
class EarlyParts {
  private readonly decoded: Array<Promise<ReportPart>> = [];
  private closed = false;
  private wake = (): void => undefined;

  take(wire: ReportWire): void {
    const part = fromReportWire<ReportPart>(wire);
    // Read only if the task succeeds; a refused task must not leave a rejection nobody handles.
    part.catch(() => undefined);
    this.decoded.push(part);
    this.wake();
  }

  /** The port closed: no part will come any more. */
  close(): void {
    this.closed = true;
    this.wake();
  }

  /** The first `count` parts, once all have arrived and are decoded. */
  async first(count: number): Promise<ReportPart[]> {
    while (this.decoded.length < count && !this.closed) {
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
    if (this.decoded.length < count)
      throw new Error(`the analysis thread sent ${this.decoded.length} of ${count} report parts`);
    return Promise.all(this.decoded.slice(0, count));
  }
}
