import { interchangeDocumentSchema } from '@kopplingskartan/schema/interchange';
import neo4j from 'neo4j-driver';
import { describe, expect, it, type MockInstance, vi } from 'vitest';

import { documentToContents } from '../../domain/document.ts';
import { DomainError } from '../../domain/errors.ts';
import type { OrganisationContents } from '../../domain/records.ts';
import { uniqueId } from '../contract/contract-helpers.ts';
import { contractDocument } from '../contract/fixture.ts';
import { describeOnNeo4j, storeTargets } from '../contract/store-targets.ts';
import { openAccountStore } from '../open-store.ts';
import { Neo4jAccountStore } from './neo4j-account-store.ts';
import { Neo4jStore } from './neo4j-store.ts';
import { fromProperties, type Properties, toProperties } from './records.ts';
import { displayUri } from './transactions.ts';

function fixture(id: string): OrganisationContents {
  return documentToContents(interchangeDocumentSchema.parse(contractDocument(id)));
}

describe('Neo4j store without a server', () => {
  it('fails to migrate with STORE_UNAVAILABLE naming the URI but never the password', async () => {
    const store = new Neo4jStore({
      uri: 'neo4j://someone:uri-secret@127.0.0.1:9',
      user: 'neo4j',
      password: 'option-secret',
      connectionTimeoutMs: 2000,
      maxTransactionRetryTimeMs: 0,
    });
    try {
      const error = await store.migrate().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('STORE_UNAVAILABLE');
      expect((error as DomainError).message).toContain('neo4j://127.0.0.1:9');
      expect(
        JSON.stringify({ message: (error as DomainError).message, details: (error as DomainError).details }),
      ).not.toMatch(/secret/);
      expect(await store.health()).toMatchObject({ kind: 'neo4j', ready: false });
    } finally {
      await store.close();
    }
  });

  it('answers STORE_UNAVAILABLE from the account store too, naming the URI but never the password', async () => {
    const store = new Neo4jStore({
      uri: 'bolt://127.0.0.1:9',
      user: 'neo4j',
      password: 'option-secret',
      connectionTimeoutMs: 2000,
      maxTransactionRetryTimeMs: 0,
    });
    const accounts = new Neo4jAccountStore(store.shareTransactions());
    try {
      for (const call of [
        () => accounts.countUsers(),
        () => accounts.findSession('token', '2026-01-01'),
        () => accounts.migrate(),
      ]) {
        const error = await call().then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(DomainError);
        expect(error).toMatchObject({ code: 'STORE_UNAVAILABLE', details: { uri: 'bolt://127.0.0.1:9' } });
        expect((error as DomainError).message).not.toMatch(/secret/);
      }
    } finally {
      await store.close();
    }
  });

  it('refuses a URI that is not a Neo4j URI with STORE_UNAVAILABLE', () => {
    expect(() => new Neo4jStore({ uri: 'http://localhost:7474', user: 'neo4j', password: 'x' })).toThrow(DomainError);
  });

  it('shows URIs without credentials', () => {
    expect(displayUri('neo4j+s://user:pw@abc.databases.neo4j.io')).toBe('neo4j+s://abc.databases.neo4j.io');
    expect(displayUri('bolt://localhost:7687')).toBe('bolt://localhost:7687');
  });

  it('maps every record of the contract fixture to node properties and back unchanged', () => {
    const contents = fixture('org-props');
    for (const { kind, record } of contents.records) {
      const properties = toProperties(kind, record, 'org-props', 1);
      // What Neo4j hands back: no null properties, integers as JS numbers (disableLosslessIntegers).
      const stored: Properties = Object.fromEntries(
        Object.entries(properties)
          .filter(([, value]) => value !== null && value !== undefined)
          .map(([key, value]) => [key, neo4j.isInt(value) ? (value as { toNumber(): number }).toNumber() : value]),
      );
      expect(Object.values(properties)).not.toContain(null);
      expect(fromProperties(kind, stored), `${kind} ${record.id}`).toEqual(record);
    }
  });
});

const stores = await storeTargets();

describeOnNeo4j(stores, 'the Neo4j adapters on a live server', (target) => {
  const config = () => {
    const store = target.config();
    if (store.kind !== 'neo4j') throw new Error('a Neo4j target gives a Neo4j config');
    return store;
  };

  it('refuses wrong credentials with STORE_UNAVAILABLE, naming the URI and user but never the password', async () => {
    const store = new Neo4jStore({ ...config(), password: 'wrong-secret', maxTransactionRetryTimeMs: 0 });
    try {
      const error = await store.migrate().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ code: 'STORE_UNAVAILABLE', details: { credentials: 'REFUSED' } });
      expect((error as DomainError).message).toContain(config().uri);
      expect((error as DomainError).message).not.toMatch(/wrong-secret/);
    } finally {
      await store.close();
    }
  });

  /**
   * `test` on a migrated store holding the contract fixture as a new organisation, with the store's
   * write transactions counted from then on.
   */
  async function onFixture(
    name: string,
    test: (store: Neo4jStore, organisationId: string, writes: MockInstance) => Promise<void>,
  ): Promise<void> {
    const store = new Neo4jStore(config());
    const organisationId = uniqueId(name);
    const writes = vi.spyOn(store.shareTransactions(), 'write');
    try {
      await store.migrate();
      await store.createOrganisation(fixture(organisationId));
      writes.mockClear();
      await test(store, organisationId, writes);
    } finally {
      writes.mockRestore();
      await store.close();
    }
  }

  it('commits the writes of an organisation that arrive while one runs in one transaction; a refusal takes none of them with it', () =>
    onFixture('batch', async (store, organisationId, transactions) => {
      const [chief] = await store.getRecords('actor', organisationId, ['a-chief']);
      const insert = (id: string) =>
        store.insertRecords(organisationId, [{ kind: 'actor', record: { ...chief!, id } }]);
      const ids = Array.from({ length: 8 }, (_, n) => `a-batch-${n}`);

      await Promise.all(ids.map(insert));
      // The first alone; the seven that arrived while it ran, together.
      expect(transactions).toHaveBeenCalledTimes(2);
      const stored = await store.getRecords('actor', organisationId, ids);
      expect(stored.map((actor) => actor.id).sort()).toEqual([...ids].sort());

      const outcomes = await Promise.allSettled([
        insert('a-after-1'),
        insert('a-after-2'),
        store.updateRecord('actor', { ...chief!, name: 'Inaktuell' }, chief!.version + 5),
        insert('a-after-3'),
      ]);
      expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
      expect(outcomes[2]).toMatchObject({ reason: { code: 'VERSION_CONFLICT' } });
      const after = await store.getRecords('actor', organisationId, ['a-after-1', 'a-after-2', 'a-after-3', 'a-chief']);
      expect(after.map((actor) => [actor.id, actor.name])).toEqual([
        ['a-after-1', chief!.name],
        ['a-after-2', chief!.name],
        ['a-after-3', chief!.name],
        ['a-chief', chief!.name],
      ]);
    }));

  it('sends deletes with their cascades in the batch of the writes around them; one of a record already gone answers false', () =>
    onFixture('batch-delete', async (store, organisationId, transactions) => {
      const [chief] = await store.getRecords('actor', organisationId, ['a-chief']);
      const insert = (id: string) =>
        store.insertRecords(organisationId, [{ kind: 'actor', record: { ...chief!, id } }]);

      const first = insert('a-first');
      const together = [
        insert('a-second'),
        // a-principal's links l-2, l-3 and l-4 go, and l-2's perceptions p-1 and p-2.
        store.deleteRecord('actor', organisationId, 'a-principal'),
        store.updateRecord('actor', { ...chief!, name: 'Förvaltningschef' }),
        store.deleteRecord('actor', organisationId, 'a-university'),
      ];
      await Promise.all([first, ...together]);
      // The first alone; the four that arrived while it ran, both deletes among them, together.
      expect(transactions).toHaveBeenCalledTimes(2);
      const links = await store.getRecords('link', organisationId, ['l-1', 'l-2', 'l-3', 'l-4']);
      expect(links.map((link) => link.id)).toEqual(['l-1']);
      expect(await store.getRecords('perception', organisationId, ['p-1', 'p-2'])).toEqual([]);
      const [arena] = await store.getRecords('arena', organisationId, ['ar-quality']);
      expect(arena!.participantIds).toEqual(['a-chief']);
      const [initiative] = await store.getRecords('initiative', organisationId, ['i-1']);
      expect(initiative).toMatchObject({ targetActorIds: ['a-teachers'] });
      expect(initiative!.ownerId ?? null).toBeNull();

      const [, gone, kept] = await Promise.all([
        insert('a-third'),
        store.deleteRecord('actor', organisationId, 'a-principal'),
        insert('a-fourth'),
      ]);
      expect([gone, kept]).toEqual([false, undefined]);
      const stored = await store.getRecords('actor', organisationId, ['a-first', 'a-second', 'a-third', 'a-fourth']);
      expect(stored.map((actor) => actor.id).sort()).toEqual(['a-first', 'a-fourth', 'a-second', 'a-third']);
    }));

  it('saves concurrent updates of one record naming no version each on the version saved before it, without retrying', () =>
    onFixture('same-record', async (store, organisationId, transactions) => {
      const [chief] = await store.getRecords('actor', organisationId, ['a-chief']);
      // Every writer read version 1; each waits for the one before (same record), then expects its version.
      const saved = await Promise.all(
        ['Ett', 'Två', 'Tre', 'Fyra'].map((name) => store.updateRecord('actor', { ...chief!, name })),
      );
      expect(saved.map((actor) => actor.version)).toEqual([2, 3, 4, 5]);
      // One transaction each: none found its version moved and tried again after locking.
      expect(transactions).toHaveBeenCalledTimes(4);
      expect(await store.getRecords('actor', organisationId, ['a-chief'])).toEqual([saved[3]]);
    }));

  it('reads a scenario graph whole while another writer deletes and re-creates actors with their links', () =>
    onFixture('read-while-deleting', async (store, organisationId) => {
      const [chief] = await store.getRecords('actor', organisationId, ['a-chief']);
      const [link] = await store.getRecords('link', organisationId, ['l-1']);
      const churned = (n: number) => [
        { kind: 'actor' as const, record: { ...chief!, id: `a-churn-${n}`, name: `Churn ${n}` } },
        {
          kind: 'link' as const,
          record: { ...link!, id: `l-churn-${n}`, sourceId: 'a-chief', targetId: `a-churn-${n}` },
        },
      ];
      const count = 400;
      await store.insertRecords(organisationId, Array.from({ length: count }, (_, n) => churned(n)).flat());
      let isReading = true;
      const writer = (async () => {
        for (let n = 0; isReading; n = (n + 1) % count) {
          await store.deleteRecord('actor', organisationId, `a-churn-${n}`);
          await store.insertRecords(organisationId, churned(n));
        }
      })();
      const problems: string[] = [];
      try {
        // Each read follows a write (a new write stamp), so each reads the database.
        for (let read = 0; read < 150 && problems.length === 0; read += 1) {
          const graph = (await store.readScenarioGraph(organisationId, 's-current'))!;
          const actorIds = new Set(graph.actors.map((actor) => actor.id));
          for (const actor of graph.actors) {
            if (actor.name === null || actor.version === null) problems.push(`half-read actor ${actor.id}`);
          }
          for (const { id, sourceId, targetId } of graph.links) {
            if (!actorIds.has(sourceId) || !actorIds.has(targetId)) problems.push(`link ${id} to a missing actor`);
          }
        }
      } finally {
        isReading = false;
        await writer;
      }
      expect(problems).toEqual([]);
    }));

  it('renumbers a history kept by the old database-wide counter per organisation, in its old order', async () => {
    const store = new Neo4jStore(config());
    const organisationId = uniqueId('legacy');
    try {
      await store.migrate();
      // The old shape: entries numbered by one counter for the database, so with gaps per organisation.
      await store.shareTransactions().write((tx) =>
        tx.run(
          `UNWIND $entries AS entry
           CREATE (:HistoryEntry {organisationId: $organisationId, seq: entry.seq, recordId: entry.recordId,
             userId: null, at: '2025-01-01T00:00:00.000Z', kind: 'actor', action: 'UPDATE'})
           WITH count(*) AS created
           CREATE (:HistorySequence {id: 'history', value: 9})`,
          {
            organisationId,
            entries: [
              { seq: neo4j.int(7), recordId: 'second' },
              { seq: neo4j.int(4), recordId: 'first' },
              { seq: neo4j.int(9), recordId: 'third' },
            ],
          },
        ),
      );
      await store.createOrganisation(fixture(organisationId));
      const accounts = await openAccountStore(store);
      const page = await accounts.listHistory(organisationId, { first: 10 });
      expect(page.nodes.map((entry) => [entry.id, entry.recordId])).toEqual([
        [3, 'third'],
        [2, 'second'],
        [1, 'first'],
      ]);
      const [chief] = await store.getRecords('actor', organisationId, ['a-chief']);
      await accounts.writeTogether(
        store,
        () => store.updateRecord('actor', { ...chief!, name: 'Ny' }),
        (updated) => ({
          history: {
            organisationId,
            userId: null,
            at: 'now',
            kind: 'actor',
            recordId: 'a-chief',
            action: 'UPDATE',
            before: chief,
            after: updated,
          },
        }),
      );
      expect((await accounts.listHistory(organisationId, { first: 1 })).nodes[0]).toMatchObject({
        id: 4,
        recordId: 'a-chief',
      });
      const [old] = await store
        .shareTransactions()
        .read((tx) => tx.run('MATCH (c:HistorySequence) WHERE c.organisationId IS NULL RETURN count(c) AS n'))
        .then((result) => result.records);
      expect(Number(old!.get('n'))).toBe(0);
    } finally {
      const accounts = await openAccountStore(store);
      await accounts.writeTogether(
        store,
        () => store.deleteOrganisation(organisationId),
        () => ({ forgetOrganisation: organisationId }),
      );
      await store.close();
    }
  }, 60_000); // renumbers every history entry in the database, which the other suites have filled
});
