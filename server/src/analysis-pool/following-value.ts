import { receiveMessageOnPort } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';

/**
 * A value the main thread is still making when it hands a task to a worker thread: posted on the
 * task's port once made, and waited for by the worker only when it needs it, so that both threads
 * work meanwhile (the desired scenario's links take about 200 ms to encode at the nation, while the
 * worker decodes the current scenario and runs the analyses before the distance). The worker runs
 * synchronously and cannot await a message, so it sleeps on a shared flag and then takes the
 * message from its port directly; a message posted is in the port's queue when `postMessage`
 * returns, before the flag is raised.
 */
export interface FollowingValue {
  /** [0]: PENDING, SENT or FAILED. */
  state: Int32Array;
}

const PENDING = 0;
const SENT = 1;
const FAILED = 2;

/** The main thread's side: posts `value` on `port` once made. Nothing else may be posted to the worker on that port. */
export function sendWhenMade<T>(value: Promise<T>, port: MessagePort): FollowingValue {
  const state = new Int32Array(new SharedArrayBuffer(4));
  const raise = (to: number): void => {
    Atomics.store(state, 0, to);
    Atomics.notify(state, 0);
  };
  value
    .then((made) => {
      port.postMessage(made);
      raise(SENT);
    })
    .catch(() => raise(FAILED));
  return { state };
}

/**
 * The worker's side: the value, waiting for it if it is not made yet.
 * @param timeoutMs how long to wait at most (a thread stuck here would be lost to the pool). Default 60 s.
 * @throws Error when the main thread failed to make it, or did not within `timeoutMs`.
 */
export function receiveFollowing<T>(following: FollowingValue, port: MessagePort, timeoutMs = 60_000): T {
  Atomics.wait(following.state, 0, PENDING, timeoutMs);
  const received = Atomics.load(following.state, 0) === SENT ? receiveMessageOnPort(port) : undefined;
  if (!received) throw new Error('the main thread did not make a value this task needs');
  return received.message as T;
}
