import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { z } from 'zod';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

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
});

export type StoreConfig =
  { kind: 'sqlite'; file: string } | { kind: 'neo4j'; uri: string; user: string; password: string; database: string };

export interface Config {
  port: number;
  host: string;
  store: StoreConfig;
  seedDir: string;
  isSeedOnEmpty: boolean;
  logLevel: string;
  isProduction: boolean;
  /** The built client (client/dist), served at / when present. */
  clientDir: string;
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
  return {
    port: e.PORT,
    host: e.HOST,
    store: e.NEO4J_URI
      ? { kind: 'neo4j', uri: e.NEO4J_URI, user: e.NEO4J_USER, password: e.NEO4J_PASSWORD, database: e.NEO4J_DATABASE }
      : { kind: 'sqlite', file: resolve(e.DATA_DIR, 'kopplingskartan.db') },
    seedDir: resolve(e.SEED_DIR),
    isSeedOnEmpty: e.SEED_ON_EMPTY === 'true',
    logLevel: e.LOG_LEVEL,
    isProduction: e.NODE_ENV === 'production',
    clientDir: resolve(repoRoot, 'client/dist'),
  };
}
