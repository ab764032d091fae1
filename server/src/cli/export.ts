/** `npm run export -- <organisation id> > file.json`: writes an interchange document to stdout. */
import { exportOrganisation } from '../editing/organisation-commands.ts';
import { notFound } from '../domain/errors.ts';
import { runWithStore } from './with-store.ts';

await runWithStore(async (store, [id]) => {
  if (!id) {
    const { nodes } = await store.listOrganisations({ first: 1000 });
    throw new Error(
      `Usage: npm run export -- <organisation id>. Organisations: ${nodes.map((o) => o.id).join(', ') || 'none'}`,
    );
  }
  const document = await exportOrganisation(store, id);
  if (!document) throw notFound('organisation', id);
  process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
});
