/**
 * Copies every organisation from one store to the other:
 *
 *   npx tsx server/src/cli/migrate.ts --from sqlite --to neo4j [--replace] [--sqlite-file path]
 *   npx tsx server/src/cli/migrate.ts --from neo4j --to sqlite [--replace] [--sqlite-file path]
 *
 * SQLite: `--sqlite-file`, else `$DATA_DIR/kopplingskartan.db`, else `./data/kopplingskartan.db`.
 * Neo4j: NEO4J_URI, NEO4J_USER (default neo4j), NEO4J_PASSWORD, NEO4J_DATABASE (optional).
 * Exit codes: 0 copied, 1 refused or failed (nothing overwritten without --replace), 2 bad usage.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { DomainError } from '../domain/errors.ts';
import { copyOrganisations } from '../store/copy-organisations.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { Neo4jStore } from '../store/neo4j/neo4j-store.ts';
import { SqliteStore } from '../store/sqlite/sqlite-store.ts';

const USAGE = 'usage: migrate.ts --from sqlite|neo4j --to neo4j|sqlite [--replace] [--sqlite-file path]';
type Kind = GraphStore['kind'];

class UsageError extends Error {}

function openStore(kind: Kind, sqliteFile: string): GraphStore {
  if (kind === 'sqlite') return new SqliteStore({ file: sqliteFile });
  const uri = process.env.NEO4J_URI;
  if (!uri) throw new UsageError('NEO4J_URI is not set (and NEO4J_USER, NEO4J_PASSWORD, optionally NEO4J_DATABASE)');
  return new Neo4jStore({
    uri,
    user: process.env.NEO4J_USER ?? 'neo4j',
    password: process.env.NEO4J_PASSWORD ?? '',
    database: process.env.NEO4J_DATABASE || undefined,
    connectionTimeoutMs: 10_000,
  });
}

function storeKind(value: string | undefined, option: string): Kind {
  if (value === 'sqlite' || value === 'neo4j') return value;
  throw new UsageError(`--${option} must be sqlite or neo4j`);
}

async function main(argv: string[]): Promise<number> {
  let from: GraphStore | undefined;
  let to: GraphStore | undefined;
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        from: { type: 'string' },
        to: { type: 'string' },
        replace: { type: 'boolean', default: false },
        'sqlite-file': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    });
    if (values.help) {
      console.log(USAGE);
      return 0;
    }
    const fromKind = storeKind(values.from, 'from');
    const toKind = storeKind(values.to, 'to');
    if (fromKind === toKind) throw new UsageError('--from and --to must name different stores');
    const sqliteFile = values['sqlite-file'] ?? join(process.env.DATA_DIR ?? './data', 'kopplingskartan.db');

    from = openStore(fromKind, sqliteFile);
    to = openStore(toKind, sqliteFile);
    await from.migrate();
    await to.migrate();
    console.log(
      `Copying organisations ${fromKind} → ${toKind}${values.replace ? ' (replacing existing ones)' : ''}; sqlite file ${sqliteFile}`,
    );
    const report = await copyOrganisations(from, to, {
      replace: values.replace,
      onCopied: (entry) =>
        console.log(
          `  ${entry.action} ${entry.id} (${entry.name}): ${Object.entries(entry.counts)
            .map(([kind, count]) => `${count} ${kind}`)
            .join(', ')}; counts verified`,
        ),
    });
    const total = Object.values(report.totals).reduce((sum, count) => sum + count, 0);
    console.log(`Done: ${report.organisations.length} organisation(s), ${total} record(s) copied and verified.`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`${(error as Error).message}\n${USAGE}`);
      return 2;
    }
    if (error instanceof DomainError) {
      console.error(`${error.code}: ${error.message}`);
      return 1;
    }
    console.error(error);
    return 1;
  } finally {
    await from?.close();
    await to?.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
