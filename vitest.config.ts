import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['schema/**/*.test.ts', 'server/**/*.test.ts', 'seeds/**/*.test.ts', 'client/src/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', 'client/e2e/**'],
    // Generous: a test that hangs still fails, and a busy machine (a Neo4j beside two test
    // workers on 2 cores) does not fail a slow one.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Files share their worker's module cache: importing the app anew for each of 120 files cost
    // more time than the tests in them. Each file still makes its own apps and stores.
    isolate: false,
    // Nearly every API test signs users in; at scrypt's production cost (32 MiB, ~100 ms a hash)
    // that was a third of their time. password.test.ts checks the production cost apart.
    env: { PASSWORD_HASH_COST: '10' },
  },
});
