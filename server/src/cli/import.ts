/** `npm run import -- file.json [--replace]`: imports an interchange document. */
import { readFile } from 'node:fs/promises';

import { importOrganisation } from '../editing/organisation-commands.ts';
import { runWithStore } from './with-store.ts';

await runWithStore(async (store, args) => {
  const files = args.filter((arg) => !arg.startsWith('--'));
  if (files.length === 0) throw new Error('Usage: npm run import -- <document.json> [more.json …] [--replace]');
  for (const file of files) {
    const document: unknown = JSON.parse(await readFile(file, 'utf8'));
    const { organisation, counts } = await importOrganisation(
      store,
      document,
      args.includes('--replace') ? 'REPLACE' : 'CREATE',
    );
    console.error(`Imported "${organisation.name}" (${organisation.id}): ${JSON.stringify(counts)}`);
  }
});
