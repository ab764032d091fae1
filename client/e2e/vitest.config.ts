import { fileURLToPath } from 'node:url';

import { defineConfig } from 'vitest/config';

/**
 * End-to-end specs: a real server (buildApp on a temp SQLite file) and headless Debian Chromium
 * against the built client. Build first: `npx vite build --config client/vite.config.ts`.
 */
export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['client/e2e/**/*.spec.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
    // As in the unit tests (vitest.config.ts): sign-ins at scrypt's lowest allowed cost.
    env: { PASSWORD_HASH_COST: '10' },
  },
});
