import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { ChangeLog } from '../editing/history.ts';
import { importOrganisation } from '../editing/organisation-commands.ts';
import type { GraphStore } from '../store/graph-store.ts';

/**
 * Imports every interchange document in `dir` (sorted by file name), replacing organisations
 * with the same id. Each document is its own transaction.
 * @returns the imported organisations' names.
 */
export async function seedStore(store: GraphStore, dir: string, log?: ChangeLog): Promise<string[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.json')).sort();
  const names: string[] = [];
  for (const file of files) {
    const document: unknown = JSON.parse(await readFile(join(dir, file), 'utf8'));
    const { organisation } = await importOrganisation(
      store,
      document,
      'REPLACE',
      // Recorded as the server's own change, so the history of a seeded map starts complete.
      log ? { log, userId: null } : undefined,
    );
    names.push(organisation.name);
  }
  return names;
}

/** Seeds only a store that holds no organisation yet: the embedded default's first start. */
export async function seedIfEmpty(store: GraphStore, dir: string, log?: ChangeLog): Promise<string[]> {
  const { totalCount } = await store.listOrganisations({ first: 1 });
  return totalCount === 0 ? seedStore(store, dir, log) : [];
}
