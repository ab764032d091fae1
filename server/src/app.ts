import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';

import type { StoreConfig } from './config/config.ts';
import { clientPlugin } from './plugins/client.ts';
import { graphqlPlugin } from './plugins/graphql.ts';
import { healthPlugin } from './plugins/health.ts';
import { storePlugin } from './plugins/store.ts';
import { seedIfEmpty } from './seeding/seed-store.ts';

export interface AppOptions {
  store: StoreConfig;
  logger?: FastifyServerOptions['logger'];
  /** Seed from this folder of interchange documents when the store is empty. */
  seedDir?: string | null;
  /** The built client; a placeholder page is served when it has not been built. */
  clientDir?: string | null;
  /** GraphiQL at /graphiql (default on). */
  isGraphiqlEnabled?: boolean;
}

/** Builds the app without listening: `main.ts` listens, tests use `app.inject`. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 50 * 1024 * 1024 });
  await app.register(storePlugin, { config: options.store });
  await app.register(graphqlPlugin, { graphiql: options.isGraphiqlEnabled ?? true });
  await app.register(healthPlugin);
  if (options.clientDir) await app.register(clientPlugin, { clientDir: options.clientDir });
  await app.ready();
  if (options.seedDir) {
    const seeded = await seedIfEmpty(app.store, options.seedDir);
    if (seeded.length > 0) app.log.info({ organisations: seeded }, 'seeded the empty store');
  }
  return app;
}
