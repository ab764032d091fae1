/**
 * The end of load.bench.ts: reads the stopped server's store and checks that every edit the
 * server confirmed is stored, and has its history entry. Edits in flight when the run ended may
 * be stored too without having been confirmed, so the checks are "at least".
 */
import type { HistoryAction } from '../src/store/account-store.ts';
import type { StoreConfig } from '../src/config/config.ts';
import type { GraphStore } from '../src/store/graph-store.ts';
import { openAccountStore, openStore } from '../src/store/open-store.ts';
import type { Acknowledged } from './load-client.ts';

export interface Proof {
  actorsAtEnd: number;
  /** One line per confirmed edit that is not stored as confirmed; empty when all are. */
  problems: string[];
}

export async function proveStored(
  config: StoreConfig,
  organisationId: string,
  acknowledged: Acknowledged,
): Promise<Proof> {
  const store = await openStore(config);
  try {
    const actors = new Map(
      (await store.readOrganisation(organisationId))!.records.flatMap(({ kind, record }) =>
        kind === 'actor' ? [[record.id, record] as const] : [],
      ),
    );
    const entries = await countEntries(store, organisationId);
    const entriesOf = (action: HistoryAction, id: string) => entries.get(`${action} ${id}`) ?? 0;
    const problems = [
      ...acknowledged.kept.filter((id) => !actors.has(id)).map((id) => `created ${id} is missing`),
      ...acknowledged.deleted.filter((id) => actors.has(id)).map((id) => `deleted ${id} is still stored`),
      ...Object.entries(acknowledged.updated).flatMap(([id, renames]) => {
        const applied = (actors.get(id)?.version ?? 1) - 1;
        return applied < renames ? [`${id} was renamed ${renames} times, stored ${applied}`] : [];
      }),
      ...acknowledged.created.filter((id) => entriesOf('CREATE', id) === 0).map((id) => `no entry for creating ${id}`),
      ...acknowledged.deleted.filter((id) => entriesOf('DELETE', id) === 0).map((id) => `no entry for deleting ${id}`),
      ...Object.entries(acknowledged.updated).flatMap(([id, renames]) =>
        entriesOf('UPDATE', id) < renames ? [`${id}: ${entriesOf('UPDATE', id)} entries for ${renames} renames`] : [],
      ),
    ];
    return { actorsAtEnd: actors.size, problems };
  } finally {
    await store.close();
  }
}

/** History entries about actors, counted by action and actor id. */
async function countEntries(store: GraphStore, organisationId: string): Promise<Map<string, number>> {
  const accounts = await openAccountStore(store);
  const counts = new Map<string, number>();
  let after: string | null = null;
  do {
    const page = await accounts.listHistory(organisationId, { first: 1000, after });
    for (const entry of page.nodes) {
      if (entry.kind !== 'actor') continue;
      const key = `${entry.action} ${entry.recordId}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    after = page.hasNextPage ? page.endCursor : null;
  } while (after);
  return counts;
}
