import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

import { expect, it } from 'vitest';

import type { StoreConfig } from '../src/config/config.ts';
import { describeEachStore, storeTargets } from '../src/store/contract/store-targets.ts';
import { openAccountStore, openStore } from '../src/store/open-store.ts';

/**
 * Starts the churn (fixtures/organisation-churn.ts), lets it acknowledge `acks` deletions, waits a
 * little more so that the kill lands anywhere in an iteration, and kills it with SIGKILL.
 */
function churnThenKill(config: StoreConfig, prefix: string, acks: number, delayMs: number): Promise<number> {
  return new Promise((done, fail) => {
    // Node itself runs the churn (tsx as a loader), so SIGKILL hits the writing process.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', resolve(import.meta.dirname, 'fixtures/organisation-churn.ts'), prefix],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, KK_STORE_CONFIG: JSON.stringify(config) } },
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
      if (last >= acks && !child.killed) setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.on('exit', (_code, signal) =>
      signal === 'SIGKILL' ? done(last) : fail(new Error(`the churn ended without being killed: ${stderr}`)),
    );
  });
}

const stores = await storeTargets();

describeEachStore(stores, 'creating and deleting organisations under SIGKILL', (target) => {
  it('leaves every organisation whole with its owner and history, or gone with all of them', async () => {
    const config = target.config();
    const run = Math.random().toString(36).slice(2, 8);
    // Several kills, each at another point of an iteration (create, add a viewer, delete).
    for (const [round, delayMs] of [0, 3, 7, 12, 20].entries()) {
      const prefix = `churn-${run}-${round}`;
      const lastAck = await churnThenKill(config, prefix, 3, delayMs);
      expect(lastAck).toBeGreaterThanOrEqual(3);

      const store = await openStore(config);
      const accounts = await openAccountStore(store);
      try {
        for (let n = 0; n <= lastAck + 1; n += 1) {
          const id = `${prefix}-${n}`;
          const exists = (await store.getOrganisation(id)) !== null;
          const state = {
            exists,
            members: (await accounts.listMembers(id)).map((member) => member.role),
            history: (await accounts.listHistory(id, { first: 10 })).totalCount,
          };
          const gone = { exists: false, members: [], history: 0 };
          if (n <= lastAck) expect(state, `${id} was acknowledged as deleted`).toEqual(gone);
          else if (exists) {
            expect(state.members, `${id} exists, so with its owner`).toContain('OWNER');
            expect(state.history, `${id} exists, so with its first entry`).toBe(1);
          } else expect(state, `${id} is gone, so is everything about it`).toEqual(gone);
        }
      } finally {
        await store.close();
      }
    }
  }, 300_000);
});
