import { setPriority } from 'node:os';

/** Lower than the main thread's 0 (19 is the lowest priority). */
const WORKER_NICENESS = 10;

/**
 * Lowers the priority of the worker thread that calls it (the analysis pool's, the map-read
 * thread), so that when the cores are busy the thread that answers requests goes first. On Linux
 * a nice value belongs to the thread that sets it; elsewhere it would lower the whole process,
 * so nothing is changed there.
 */
export function lowerThisThreadsPriority(): void {
  if (process.platform === 'linux') setPriority(WORKER_NICENESS);
}
