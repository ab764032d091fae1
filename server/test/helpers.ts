import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { FastifyInstance } from 'fastify';
import { onTestFinished } from 'vitest';

import { buildApp } from '../src/app.ts';
import { importOrganisation } from '../src/editing/organisation-commands.ts';
import { contractDocument } from '../src/store/contract/fixture.ts';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions: Record<string, unknown> & { code: string } }>;
}

export interface TestApp {
  app: FastifyInstance;
  dir: string;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
}

/** An app on a temporary SQLite file, closed and removed when the test ends. */
export async function startTestApp(options: { withFixture?: boolean } = {}): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'kk-api-'));
  const app = await buildApp({ store: { kind: 'sqlite', file: join(dir, 'test.db') } });
  onTestFinished(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });
  if (options.withFixture) await importOrganisation(app.store, contractDocument('org'));
  return {
    app,
    dir,
    gql: async (query, variables) => {
      const response = await app.inject({ method: 'POST', url: '/graphql', payload: { query, variables } });
      return response.json();
    },
  };
}
