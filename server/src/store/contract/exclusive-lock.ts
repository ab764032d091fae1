/**
 * A lock shared by every process on this machine, held as a file created exclusively: the tests'
 * worker processes take it to have the one test Neo4j to themselves. A file left by a process that
 * has died (its pid no longer runs) is taken over.
 */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

const POLL_MS = 100;

function holderIsGone(path: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(path, 'utf8'));
  } catch {
    return false; // released meanwhile: the next attempt takes it
  }
  // An empty file is one being written by its new holder right now.
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * Waits until the lock at `path` is free and takes it.
 * @returns the function that releases it.
 */
export async function acquireExclusiveLock(path: string): Promise<() => void> {
  for (;;) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    if (holderIsGone(path)) rmSync(path, { force: true });
    else await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
