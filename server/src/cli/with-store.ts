import { readConfig } from '../config/config.ts';
import { DomainError } from '../domain/errors.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { openStore } from '../store/open-store.ts';

/**
 * Runs a command-line task against the configured store and exits: 0 on success, 1 with a
 * readable message (and every issue of a refused document) on failure.
 */
export async function runWithStore(task: (store: GraphStore, args: string[]) => Promise<void>): Promise<void> {
  const config = readConfig();
  let store: GraphStore | undefined;
  try {
    store = await openStore(config.store);
    await task(store, process.argv.slice(2));
    await store.close();
  } catch (error) {
    await store?.close();
    console.error(error instanceof Error ? error.message : String(error));
    if (error instanceof DomainError && error.details.issues) {
      for (const issue of error.details.issues) console.error(`  ${issue.field}: ${issue.message}`);
    }
    process.exit(1);
  }
}
