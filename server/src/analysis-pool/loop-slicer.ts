import { setImmediate } from 'node:timers/promises';

/**
 * Cuts long work on the main thread into slices: `breathe()` lets the event loop run (I/O,
 * `/healthz`, other requests) whenever the current slice has taken `budgetMs`. Encoding a graph
 * for the workers and decoding their report are O(size) and would otherwise block every user for
 * hundreds of milliseconds on a national map.
 */
export class LoopSlicer {
  private sliceStart = performance.now();

  constructor(private readonly budgetMs = 4) {}

  async breathe(): Promise<void> {
    if (performance.now() - this.sliceStart < this.budgetMs) return;
    await setImmediate();
    this.sliceStart = performance.now();
  }
}

/** A copy of `bytes` in shared memory: every worker task reads it without another copy. */
export function toShared(bytes: Uint8Array): Uint8Array {
  const shared = new Uint8Array(new SharedArrayBuffer(bytes.byteLength));
  shared.set(bytes);
  return shared;
}
