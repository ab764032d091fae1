import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { embeddedStoreEnv } from '../src/store/contract/store-targets.ts';
import { ADMIN, cookieOf } from './helpers.ts';

/**
 * `npm start` runs server/src/main.ts under tsx, i.e. Node's own ESM loader, which resolves
 * CommonJS packages' named exports differently from Vitest: an import that passes every other
 * test can still crash the real start. So the real entry point is started here, on a
 * temporary store, and asked for its health and an analysis of a seeded map (which runs in a
 * worker thread, whose TypeScript is loaded differently again).
 */
describe('the server started as `npm start` starts it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kk-start-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('listens, seeds the empty store and answers GraphQL', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, '../src/main.ts')], {
      env: embeddedStoreEnv({
        PORT: '0',
        HOST: '127.0.0.1',
        DATA_DIR: dir,
        LOG_LEVEL: 'info',
        NODE_ENV: 'development',
        ADMIN_EMAIL: ADMIN.email,
        ADMIN_PASSWORD: ADMIN.password,
      }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let output = '';
      const address = await new Promise<string>((resolveAddress, reject) => {
        const onData = (chunk: Buffer) => {
          output += chunk.toString();
          const listening = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
          if (listening) resolveAddress(listening[1]!);
        };
        child.stdout.on('data', onData);
        child.stderr.on('data', onData);
        child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
      });
      const health = await fetch(`${address}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ health { ready } }' }),
      });
      expect(await health.json()).toEqual({ data: { health: { ready: true } } });
      expect(output).toContain('seeded the empty store');

      const post = (query: string, cookie = '') =>
        fetch(`${address}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify({ query }),
        });
      const login = await post(
        `mutation { login(email: "${ADMIN.email}", password: "${ADMIN.password}") { user { id } } }`,
      );
      const cookie = cookieOf(login.headers.getSetCookie());
      const analysis = await post(
        '{ analysis(organisationId: "kommunby") { keyActors { method { exact } } } }',
        cookie,
      );
      expect(await analysis.json()).toEqual({ data: { analysis: { keyActors: { method: { exact: true } } } } });
    } finally {
      child.kill('SIGTERM');
    }
  }, 60_000);
});
