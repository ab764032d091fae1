import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { z } from 'zod';

import { type AnalysisLimits, DEFAULT_ANALYSIS_LIMITS } from '../analysis-pool/analysis-limits.ts';
import { DEFAULT_REPORT_MAX_ACTORS } from '../reporting/meeting-report.ts';
import { THROTTLE_DEFAULTS, type ThrottleOptions } from '../auth/login-throttle.ts';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from '../io/import-limits.ts';
import { DEFAULT_ROUND_LIMITS, type RoundLimits } from '../rounds/round-limits.ts';
import { DEFAULT_MAP_READ_CACHE_LIMITS, type MapReadCacheLimits } from '../plugins/map-read-cache.ts';

const MIB = 1024 * 1024;

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * scrypt's cost as log2 N; each hash needs 128·N·8 bytes (32 MiB at 15). The test command lowers
 * it, since nearly every API test signs users in; production refuses less than the default. At
 * most 17 (128 MiB): libuv hashes four at a time, and sign-ins arriving together must not take
 * gigabytes.
 */
const DEFAULT_PASSWORD_HASH_COST = 15;
const passwordHashCostSchema = z.coerce.number().int().min(10).max(17).default(DEFAULT_PASSWORD_HASH_COST);

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('data'),
  NEO4J_URI: z.string().optional(),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().default(''),
  NEO4J_DATABASE: z.string().default('neo4j'),
  SEED_DIR: z.string().default(resolve(repoRoot, 'seeds/organisations')),
  /** Seed an empty store on start (the embedded default's first start). */
  SEED_ON_EMPTY: z.enum(['true', 'false']).default('true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
  /** The first administrator, created (or given a new password) at start when both are set. */
  ADMIN_EMAIL: z.string().optional(),
  ADMIN_PASSWORD: z.string().optional(),
  /** Comma-separated origins allowed to call the API from a browser; unset = same origin only. */
  CORS_ORIGIN: z.string().optional(),
  GRAPHIQL: z.enum(['true', 'false']).optional(),
  INTROSPECTION: z.enum(['true', 'false']).optional(),
  PASSWORD_HASH_COST: passwordHashCostSchema,
  SESSION_TTL_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 90)
    .default(12),
  /** Sign-in attempts (login, invitation acceptance, password change) per client address per window. */
  LOGIN_ATTEMPTS_PER_ADDRESS: z.coerce.number().int().positive().default(THROTTLE_DEFAULTS.perAddress),
  /** Failed sign-ins per account (email) per window, from any address. */
  LOGIN_FAILURES_PER_ACCOUNT: z.coerce.number().int().positive().default(THROTTLE_DEFAULTS.failuresPerEmail),
  LOGIN_WINDOW_MINUTES: z.coerce
    .number()
    .positive()
    .max(24 * 60)
    .default(THROTTLE_DEFAULTS.windowMs / 60_000),
  /** Defaults to true when NODE_ENV=production (behind TLS), false otherwise (plain http://localhost). */
  COOKIE_SECURE: z.enum(['true', 'false']).optional(),
  /** API requests per minute per session (or per address when signed out). */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(1200),
  /** Largest request body; interchange documents are imported through it. */
  BODY_LIMIT_MB: z.coerce.number().positive().max(1024).default(50),
  /** Trust X-Forwarded-For from a reverse proxy (for per-address rate limits). */
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  /** Import limits (io/import-limits.ts): upload, content once decompressed, compression ratio, rows, problems. */
  IMPORT_MAX_UPLOAD_MB: z.coerce
    .number()
    .positive()
    .max(4096)
    .default(DEFAULT_IMPORT_LIMITS.maxUploadBytes / MIB),
  IMPORT_MAX_UNCOMPRESSED_MB: z.coerce
    .number()
    .positive()
    .max(16384)
    .default(DEFAULT_IMPORT_LIMITS.maxUncompressedBytes / MIB),
  IMPORT_MAX_COMPRESSION_RATIO: z.coerce.number().min(1).default(DEFAULT_IMPORT_LIMITS.maxCompressionRatio),
  IMPORT_MAX_ROWS: z.coerce.number().int().positive().default(DEFAULT_IMPORT_LIMITS.maxRows),
  IMPORT_MAX_ISSUES: z.coerce.number().int().positive().default(DEFAULT_IMPORT_LIMITS.maxIssues),
  /** Most actors a meeting report (GET /api/report) is made for; larger maps are refused (REPORT_TOO_LARGE). */
  REPORT_MAX_ACTORS: z.coerce.number().int().positive().default(DEFAULT_REPORT_MAX_ACTORS),
  /** Worker threads for analyses (off the event loop). */
  ANALYSIS_THREADS: z.coerce.number().int().min(1).max(64).default(DEFAULT_ANALYSIS_LIMITS.threads),
  /** Analyses that may wait for a thread, server-wide. */
  ANALYSIS_QUEUE_LIMIT: z.coerce.number().int().min(0).default(DEFAULT_ANALYSIS_LIMITS.queueLimit),
  /** Largest estimated cost of one analysis: (actors + links) × passes (server/src/analysis-pool/analysis-cost.ts). */
  ANALYSIS_COST_LIMIT: z.coerce.number().positive().default(DEFAULT_ANALYSIS_LIMITS.costLimit),
  /** Analyses one user may run at once. */
  ANALYSIS_PER_USER: z.coerce.number().int().min(1).default(DEFAULT_ANALYSIS_LIMITS.perUser),
  /** Start the analysis threads with the server and keep them (AnalysisLimits.keepsThreads). */
  ANALYSIS_THREADS_KEPT: z.enum(['true', 'false']).default('true'),
  /** Perception rounds (server/src/rounds/round-limits.ts): participants and links per round, request budgets. */
  ROUND_MAX_PARTICIPANTS: z.coerce.number().int().min(1).default(DEFAULT_ROUND_LIMITS.maxParticipants),
  ROUND_MAX_LINKS: z.coerce.number().int().min(1).default(DEFAULT_ROUND_LIMITS.maxLinks),
  ROUND_REQUESTS_PER_MINUTE: z.coerce.number().int().min(1).default(DEFAULT_ROUND_LIMITS.requestsPerMinutePerRound),
  ROUND_REQUESTS_PER_MINUTE_PER_TOKEN: z.coerce
    .number()
    .int()
    .min(1)
    .default(DEFAULT_ROUND_LIMITS.requestsPerMinutePerToken),
  /** Memory for answers to map queries, kept until the organisation is written; 0 turns the cache off. */
  MAP_CACHE_MB: z.coerce
    .number()
    .min(0)
    .max(65536)
    .default(DEFAULT_MAP_READ_CACHE_LIMITS.maxBytes / MIB),
  /** The largest map answer kept. */
  MAP_CACHE_ENTRY_MB: z.coerce
    .number()
    .positive()
    .max(4096)
    .default(DEFAULT_MAP_READ_CACHE_LIMITS.maxEntryBytes / MIB),
});

export type StoreConfig =
  { kind: 'sqlite'; file: string } | { kind: 'neo4j'; uri: string; user: string; password: string; database: string };

export interface AuthConfig {
  initialAdmin?: { email: string; password: string };
  /** Where the first start writes the one-time administrator password when no ADMIN_* is given. */
  initialAdminFile?: string;
  sessionTtlHours: number;
  isCookieSecure: boolean;
  loginThrottle: Omit<ThrottleOptions, 'now'>;
}

export interface HardeningConfig {
  /** Allowed browser origins; empty = CORS closed. */
  corsOrigins: string[];
  isGraphiqlEnabled: boolean;
  isIntrospectionEnabled: boolean;
  rateLimitPerMinute: number;
  bodyLimitBytes: number;
  isProxyTrusted: boolean;
}

export interface Config {
  auth: AuthConfig;
  analysis: AnalysisLimits;
  /** Most actors a meeting report is made for. */
  reportMaxActors: number;
  hardening: HardeningConfig;
  port: number;
  host: string;
  store: StoreConfig;
  seedDir: string;
  isSeedOnEmpty: boolean;
  logLevel: string;
  isProduction: boolean;
  /** The built client (client/dist), served at / when present. */
  clientDir: string;
  importLimits: ImportLimits;
  rounds: RoundLimits;
  mapReadCache: MapReadCacheLimits;
}

/**
 * The one place that reads the environment: NEO4J_URI set → Neo4j, else the embedded SQLite
 * file `$DATA_DIR/kopplingskartan.db`.
 * @throws Error naming each invalid variable.
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  if (Boolean(e.ADMIN_EMAIL) !== Boolean(e.ADMIN_PASSWORD)) {
    throw new Error('Invalid configuration: set both ADMIN_EMAIL and ADMIN_PASSWORD, or neither');
  }
  const isProduction = e.NODE_ENV === 'production';
  if (isProduction && e.PASSWORD_HASH_COST < DEFAULT_PASSWORD_HASH_COST) {
    throw new Error(
      `Invalid configuration: PASSWORD_HASH_COST below ${DEFAULT_PASSWORD_HASH_COST} is for tests, not production`,
    );
  }
  return {
    auth: {
      ...(e.ADMIN_EMAIL && e.ADMIN_PASSWORD
        ? { initialAdmin: { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD } }
        : {}),
      initialAdminFile: resolve(e.DATA_DIR, 'initial-admin.txt'),
      sessionTtlHours: e.SESSION_TTL_HOURS,
      isCookieSecure: e.COOKIE_SECURE ? e.COOKIE_SECURE === 'true' : isProduction,
      loginThrottle: {
        perAddress: e.LOGIN_ATTEMPTS_PER_ADDRESS,
        failuresPerEmail: e.LOGIN_FAILURES_PER_ACCOUNT,
        windowMs: e.LOGIN_WINDOW_MINUTES * 60_000,
      },
    },
    hardening: {
      corsOrigins: (e.CORS_ORIGIN ?? '')
        .split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
      isGraphiqlEnabled: e.GRAPHIQL ? e.GRAPHIQL === 'true' : !isProduction,
      isIntrospectionEnabled: e.INTROSPECTION ? e.INTROSPECTION === 'true' : !isProduction,
      rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
      bodyLimitBytes: Math.round(e.BODY_LIMIT_MB * 1024 * 1024),
      isProxyTrusted: e.TRUST_PROXY === 'true',
    },
    analysis: {
      threads: e.ANALYSIS_THREADS,
      queueLimit: e.ANALYSIS_QUEUE_LIMIT,
      costLimit: e.ANALYSIS_COST_LIMIT,
      perUser: e.ANALYSIS_PER_USER,
      keepsThreads: e.ANALYSIS_THREADS_KEPT === 'true',
    },
    reportMaxActors: e.REPORT_MAX_ACTORS,
    port: e.PORT,
    host: e.HOST,
    store: e.NEO4J_URI
      ? { kind: 'neo4j', uri: e.NEO4J_URI, user: e.NEO4J_USER, password: e.NEO4J_PASSWORD, database: e.NEO4J_DATABASE }
      : { kind: 'sqlite', file: resolve(e.DATA_DIR, 'kopplingskartan.db') },
    seedDir: resolve(e.SEED_DIR),
    isSeedOnEmpty: e.SEED_ON_EMPTY === 'true',
    logLevel: e.LOG_LEVEL,
    isProduction,
    clientDir: resolve(repoRoot, 'client/dist'),
    importLimits: {
      maxUploadBytes: Math.round(e.IMPORT_MAX_UPLOAD_MB * MIB),
      maxUncompressedBytes: Math.round(e.IMPORT_MAX_UNCOMPRESSED_MB * MIB),
      maxCompressionRatio: e.IMPORT_MAX_COMPRESSION_RATIO,
      maxRows: e.IMPORT_MAX_ROWS,
      maxIssues: e.IMPORT_MAX_ISSUES,
    },
    rounds: {
      maxParticipants: e.ROUND_MAX_PARTICIPANTS,
      maxLinks: e.ROUND_MAX_LINKS,
      requestsPerMinutePerRound: e.ROUND_REQUESTS_PER_MINUTE,
      requestsPerMinutePerToken: e.ROUND_REQUESTS_PER_MINUTE_PER_TOKEN,
    },
    mapReadCache: {
      maxBytes: Math.round(e.MAP_CACHE_MB * MIB),
      maxEntryBytes: Math.round(e.MAP_CACHE_ENTRY_MB * MIB),
    },
  };
}

/**
 * The password hashing cost alone, for the password module, which hashes before and apart from
 * the app's options (the first administrator, tools); readConfig refuses bad values at start.
 */
export function readPasswordHashCost(env: NodeJS.ProcessEnv = process.env): number {
  return passwordHashCostSchema.parse(env.PASSWORD_HASH_COST);
}
