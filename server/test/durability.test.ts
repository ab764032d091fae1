import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { SqliteStore } from '../src/store/sqlite/sqlite-store.ts';

const dir = mkdtempSync(join(tmpdir(), 'kk-kill-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts the writer, lets it acknowledge `acks` batches, then kills it with SIGKILL mid-stream. */
function writeThenKill(file: string, acks: number): Promise<{ last: number; pid: number }> {
  return new Promise((done, fail) => {
    // Node itself runs the writer (tsx as a loader), so SIGKILL hits the writing process and not
    // a wrapper that would leave it running.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', resolve(import.meta.dirname, 'fixtures/write-stream.ts'), file],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let last = -1;
    let buffer = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) last = Number(line.replace('ack ', ''));
      if (last >= acks && !child.killed) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL'
        ? done({ last, pid: child.pid! })
        : fail(new Error(`writer ended without being killed: ${stderr}`)),
    );
  });
}

describe('the embedded store under SIGKILL', () => {
  it('keeps every acknowledged write and never half of one', async () => {
    const file = join(dir, 'kill.db');
    const { last: lastAck, pid } = await writeThenKill(file, 300);
    expect(lastAck).toBeGreaterThanOrEqual(300);
    // The writer is really gone: signal 0 only asks whether the process exists.
    expect(() => process.kill(pid, 0)).toThrow();

    const store = new SqliteStore({ file });
    await store.migrate();
    const graph = await store.readScenarioGraph('org', 's-current');
    await store.close();
    const written = new Set(graph!.actors.filter((a) => a.id.startsWith('w-')).map((a) => Number(a.id.slice(2))));
    const linked = new Set(graph!.links.filter((l) => l.id.startsWith('wl-')).map((l) => Number(l.id.slice(3))));
    for (let n = 0; n <= lastAck; n += 1) expect(written.has(n), `acknowledged batch ${n} is missing`).toBe(true);
    // A batch is an actor and its link: both or neither, including a batch in flight at the kill.
    expect([...written].sort()).toEqual([...linked].sort());
    const perceptions = graph!.perceptions.map((p) => Number(p.linkId.slice(3)));
    for (let n = 0; n <= lastAck; n += 10) expect(perceptions).toContain(n);
  }, 60_000);
});
