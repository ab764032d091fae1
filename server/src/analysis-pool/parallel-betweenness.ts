import { accumulateChunk, addChunk, scoresOf } from '../analysis/betweenness.ts';
import type { BetweennessPlan } from '../analysis/betweenness.ts';
import { brandesWorkspace, inBreadthFirstOrder } from '../analysis/brandes.ts';
import type { OrderedGraph, ResponsiveGraph } from '../analysis/brandes.ts';

/**
 * Betweenness shared between the pool's threads. The thread running an analysis (the owner)
 * puts the responsive graph (in breadth-first order, as `betweenness()` searches it) and the
 * plan's sources in shared memory and asks the pool for helpers; every participant claims the
 * plan's chunks one by one with an atomic counter and sums each into its own slot, and the owner
 * adds the slots in chunk order. So the result does not
 * depend on who computed what (it equals `betweenness()` to the last bit), and the owner never
 * waits for a helper that has not started: it computes whatever is left itself, then waits only
 * for helpers that are inside a chunk.
 */
export interface SharedBetweenness {
  graph: OrderedGraph;
  sources: Uint32Array;
  chunkCount: number;
  /** Chunk c's sums at [c·n, (c + 1)·n). */
  sums: Float64Array;
  /** [NEXT] the next chunk to claim; [STATE] helpers at work, plus CLOSED once the owner stops waiting for more. */
  control: Int32Array;
}

const NEXT = 0;
const STATE = 1;
const CLOSED = 1 << 30;

function sharedCopy(array: Uint32Array): Uint32Array {
  const copy = new Uint32Array(new SharedArrayBuffer(array.byteLength));
  copy.set(array);
  return copy;
}

export function shareBetweenness(graph: ResponsiveGraph, plan: BetweennessPlan): SharedBetweenness {
  const ordered = inBreadthFirstOrder(graph);
  return {
    graph: {
      n: graph.n,
      respStart: sharedCopy(ordered.respStart),
      respNeighbour: sharedCopy(ordered.respNeighbour),
      numberOf: sharedCopy(ordered.numberOf),
    },
    sources: sharedCopy(plan.sources),
    chunkCount: plan.chunkCount,
    sums: new Float64Array(new SharedArrayBuffer(8 * graph.n * plan.chunkCount)),
    control: new Int32Array(new SharedArrayBuffer(8)),
  };
}

/** Claims and computes chunks until none is left; returns how many this thread computed. */
function computeChunks(shared: SharedBetweenness): number {
  const { graph, control } = shared;
  const work = brandesWorkspace(graph);
  let done = 0;
  for (let chunk = Atomics.add(control, NEXT, 1); chunk < shared.chunkCount; chunk = Atomics.add(control, NEXT, 1)) {
    accumulateChunk(graph, shared, chunk, shared.sums.subarray(chunk * graph.n, (chunk + 1) * graph.n), work);
    done++;
  }
  return done;
}

/** How many chunks no thread has claimed yet. */
export function unclaimedChunks(shared: SharedBetweenness): number {
  return Math.max(0, shared.chunkCount - Atomics.load(shared.control, NEXT));
}

/** A helper thread's part: joins unless the owner has already stopped waiting, then computes. */
export function helpWithBetweenness(shared: SharedBetweenness): number {
  const { control } = shared;
  for (;;) {
    const state = Atomics.load(control, STATE);
    if (state & CLOSED) return 0;
    if (Atomics.compareExchange(control, STATE, state, state + 1) === state) break;
  }
  try {
    return computeChunks(shared);
  } finally {
    Atomics.sub(control, STATE, 1);
    Atomics.notify(control, STATE);
  }
}

/**
 * The owner's part when it will not finish (its graph was refused after it was shared): no chunk
 * is claimed any more, so helpers stop after the one they are computing.
 */
export function abandonBetweenness(shared: SharedBetweenness): void {
  Atomics.store(shared.control, NEXT, shared.chunkCount);
  Atomics.or(shared.control, STATE, CLOSED);
}

/**
 * The owner's part: computes what is left, closes the door to late helpers, waits for the ones
 * inside a chunk, and returns the scores (chunks added in order, then scaled).
 */
export function finishBetweenness(shared: SharedBetweenness, plan: BetweennessPlan): Float64Array {
  const { control, graph } = shared;
  computeChunks(shared);
  Atomics.or(control, STATE, CLOSED);
  for (let state = Atomics.load(control, STATE); state !== CLOSED; state = Atomics.load(control, STATE)) {
    Atomics.wait(control, STATE, state);
  }
  const total = new Float64Array(graph.n);
  for (let chunk = 0; chunk < shared.chunkCount; chunk++) {
    addChunk(total, shared.sums.subarray(chunk * graph.n, (chunk + 1) * graph.n));
  }
  return scoresOf(plan, graph, total);
}
