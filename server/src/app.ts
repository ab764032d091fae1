import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';

import { type AnalysisLimits, DEFAULT_ANALYSIS_LIMITS } from './analysis-pool/analysis-limits.ts';
import type { StoreConfig } from './config/config.ts';
import type { QueryLimits } from './graphql/limits.ts';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './io/import-limits.ts';
import { analysisPlugin } from './plugins/analysis.ts';
import { type AuthOptions, authPlugin } from './plugins/auth.ts';
import { clientPlugin } from './plugins/client.ts';
import { graphqlPlugin } from './plugins/graphql.ts';
import { healthPlugin } from './plugins/health.ts';
import { ioRoutesPlugin } from './plugins/io-routes.ts';
import { reportRoutePlugin } from './plugins/report-route.ts';
import { DEFAULT_REPORT_MAX_ACTORS } from './reporting/meeting-report.ts';
import { DEFAULT_MAP_READ_CACHE_LIMITS, type MapReadCacheLimits } from './plugins/map-read-cache.ts';
import { securityPlugin } from './plugins/security.ts';
import type { RoundLimits } from './rounds/round-limits.ts';
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
  /** Schema introspection (default: as GraphiQL, which needs it). */
  isIntrospectionEnabled?: boolean;
  /** Sessions, the first administrator, login throttling (plugins/auth.ts). */
  auth?: AuthOptions;
  /** Browser origins allowed by CORS; default none (same origin only). */
  corsOrigins?: string[];
  /** API requests per minute per user or address (default 1200). */
  rateLimitPerMinute?: number;
  /** Largest request body in bytes (default 50 MiB: interchange documents come through /graphql). */
  bodyLimitBytes?: number;
  queryLimits?: Partial<QueryLimits>;
  /** Trust X-Forwarded-For (behind a reverse proxy). */
  isProxyTrusted?: boolean;
  /** What an import may read (upload, decompressed size, ratio, rows, issues); defaults in io/import-limits.ts. */
  importLimits?: Partial<ImportLimits>;
  /** Most actors a meeting report is made for (default DEFAULT_REPORT_MAX_ACTORS). */
  reportMaxActors?: number;
  /** Worker threads and limits of the analyses (defaults: DEFAULT_ANALYSIS_LIMITS). */
  analysis?: Partial<AnalysisLimits>;
  /** Participants, links and request budgets of perception rounds (defaults: DEFAULT_ROUND_LIMITS). */
  rounds?: Partial<RoundLimits>;
  /** Memory for answers to map queries (defaults: DEFAULT_MAP_READ_CACHE_LIMITS); maxBytes 0 turns it off. */
  mapReadCache?: Partial<MapReadCacheLimits>;
}

/** Builds the app without listening: `main.ts` listens, tests use `app.inject`. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimitBytes ?? 50 * 1024 * 1024,
    trustProxy: options.isProxyTrusted ?? false,
    // Opening the store migrates it: on a Neo4j just started, or on a busy machine, that can take
    // longer than Fastify's 10 s default, and a slow start is not a failed one.
    pluginTimeout: 120_000,
  });
  const isGraphiqlEnabled = options.isGraphiqlEnabled ?? true;
  await app.register(storePlugin, { config: options.store });
  await app.register(authPlugin, options.auth ?? {});
  await app.register(securityPlugin, {
    corsOrigins: options.corsOrigins ?? [],
    rateLimitPerMinute: options.rateLimitPerMinute ?? 1200,
  });
  await app.register(analysisPlugin, { ...DEFAULT_ANALYSIS_LIMITS, ...options.analysis });
  await app.register(graphqlPlugin, {
    graphiql: isGraphiqlEnabled,
    introspection: options.isIntrospectionEnabled ?? isGraphiqlEnabled,
    corsOrigins: options.corsOrigins ?? [],
    mapReadCache: { ...DEFAULT_MAP_READ_CACHE_LIMITS, ...options.mapReadCache },
    store: options.store,
    ...(options.queryLimits ? { limits: options.queryLimits } : {}),
    ...(options.rounds ? { roundLimits: options.rounds } : {}),
  });
  await app.register(healthPlugin);
  await app.register(ioRoutesPlugin, { limits: { ...DEFAULT_IMPORT_LIMITS, ...options.importLimits } });
  await app.register(reportRoutePlugin, { maxActors: options.reportMaxActors ?? DEFAULT_REPORT_MAX_ACTORS });
  if (options.clientDir) await app.register(clientPlugin, { clientDir: options.clientDir });
  await app.ready();
  if (options.seedDir) {
    const seeded = await seedIfEmpty(app.store, options.seedDir, app.changeLog);
    if (seeded.length > 0) app.log.info({ organisations: seeded }, 'seeded the empty store');
  }
  return app;
}
