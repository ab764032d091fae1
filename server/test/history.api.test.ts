import { expect, it } from 'vitest';

import { readFileSync } from 'node:fs';

import { startTestApp } from './helpers.ts';
import type { RecordKind } from '../src/domain/records.ts';
import { organisationAsOf } from '../src/editing/history.ts';
import { cloneScenario, importOrganisation } from '../src/editing/organisation-commands.ts';
import { deleteRecord } from '../src/editing/record-commands.ts';
import { describeEachStore, type StoreTarget, storeTargets } from '../src/store/contract/store-targets.ts';

const stores = await storeTargets();

interface Entries {
  history: { pageInfo: { totalCount: number }; nodes: { id: string; recordId: string; action: string }[] };
}
const HISTORY = `query($r: ID, $u: ID) { history(organisationId: "org", recordId: $r, userId: $u) {
  pageInfo { totalCount } nodes { id recordId action } } }`;

/** The fixture, then four changes: an actor added, one renamed (by an editor), a link deleted, an actor added. */
async function withChanges(store: StoreTarget) {
  const t = await startTestApp({ store, withFixture: true });
  const editor = await t.as('EDITOR', 'org');
  const createActor = (id: string) =>
    t.gql(
      `mutation { createActor(input: { organisationId: "org", id: "${id}", name: "Ny ${id}", levelKey: "teacher" }) { actor { id } } }`,
    );
  await createActor('a-new1');
  await editor(
    'mutation { updateActor(input: { organisationId: "org", id: "a-chief", name: "Förvaltningschef" }) { actor { id } } }',
  );
  await t.gql('mutation { deleteLink(organisationId: "org", id: "l-4") { deletedId } }');
  await createActor('a-new2');
  const editorId = (await editor<{ me: { id: string } }>('{ me { id } }')).data!.me.id;
  const all = (await t.gql<Entries>(HISTORY)).data!.history.nodes;
  return { t, editor, editorId, all };
}

describeEachStore(stores, 'the history of an organisation', (store) => {
  it('narrows to one record’s changes and to one person’s, counting only those', async () => {
    const { t, editorId, all } = await withChanges(store);
    expect(all.map((e) => `${e.action} ${e.recordId}`)).toEqual([
      'CREATE a-new2',
      'DELETE l-4',
      'UPDATE a-chief',
      'CREATE a-new1',
      'IMPORT org',
    ]);
    const ofRecord = (await t.gql<Entries>(HISTORY, { r: 'a-chief' })).data!.history;
    expect(ofRecord.nodes.map((e) => e.action)).toEqual(['UPDATE']);
    expect(ofRecord.pageInfo.totalCount).toBe(1);
    const ofPerson = (await t.gql<Entries>(HISTORY, { u: editorId })).data!.history;
    expect(ofPerson.nodes.map((e) => e.recordId)).toEqual(['a-chief']);
    const both = (await t.gql<Entries>(HISTORY, { r: 'a-new1', u: editorId })).data!.history;
    expect(both.pageInfo.totalCount).toBe(0);
  });

  it('previews a restore: the later changes it undoes and how the records would differ from now', async () => {
    const { t, all } = await withChanges(store);
    const target = all.find((e) => e.recordId === 'a-new1')!;
    const result = await t.gql<{
      restorePreview: {
        entry: { id: string };
        undoneCount: number;
        undone: { recordId: string }[];
        isOrganisationChanged: boolean;
        changes: { kind: string; added: number; removed: number; changed: number }[];
      };
    }>(
      `query($id: ID!) { restorePreview(organisationId: "org", historyEntryId: $id) {
        entry { id } undoneCount undone { recordId } isOrganisationChanged changes { kind added removed changed } } }`,
      { id: target.id },
    );
    expect(result.errors).toBeUndefined();
    // Worked out by hand: a-new2 goes, a-chief gets its old name back, l-4 comes back; nothing else moves.
    expect(result.data?.restorePreview).toEqual({
      entry: { id: target.id },
      undoneCount: 3,
      undone: [{ recordId: 'a-new2' }, { recordId: 'l-4' }, { recordId: 'a-chief' }],
      isOrganisationChanged: false,
      changes: [
        { kind: 'actor', added: 0, removed: 1, changed: 1 },
        { kind: 'link', added: 1, removed: 0, changed: 0 },
      ],
    });
  });

  it('lets only administrators preview a restore, and says so for an unknown entry', async () => {
    const { t, editor, all } = await withChanges(store);
    const owner = await t.as('OWNER', 'org');
    const query = 'query($id: ID!) { restorePreview(organisationId: "org", historyEntryId: $id) { undoneCount } }';
    for (const caller of [editor, owner]) {
      expect((await caller(query, { id: all[0]!.id })).errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    }
    expect((await t.gql(query, { id: '999999' })).errors?.[0]?.extensions.code).toBe('NOT_FOUND');
  });

  it('replays every kind of delete with the cascades the store made, without a snapshot', async () => {
    const t = await startTestApp({ store, withFixture: true });
    const { store: graph, accounts, changeLog } = t.app;
    const audit = { log: changeLog, userId: null };
    const clone = (sourceId: string, name: string, kind: 'DESIRED' | 'OBSERVATION') =>
      cloneScenario(graph, { organisationId: 'org', sourceId, name, kind, observedAt: '2026-11-01' }, audit);
    // Two more scenarios, the second based on the first, so deletes cascade across scenarios.
    const desired = await clone('s-current', 'Önskat läge', 'DESIRED');
    await clone(desired.id, 'Uppföljning', 'OBSERVATION');
    const [cloned] = (await accounts.listHistory('org', { first: 1 })).nodes;
    const beforeDeletes = await graph.readOrganisation('org');

    const deletes: Array<[RecordKind, string]> = [
      ['arena', 'ar-quality'], // l-2 stays, without its arena
      ['unit', 'u-school'], // u-team, a-principal and i-1 keep no reference to it
      ['actor', 'a-principal'], // its links in all three scenarios, their perceptions; left by arenas and i-1
      ['link', 'l-1'],
      ['scenario', desired.id], // everything in it; the later scenario is no longer based on it
      ['actor', 'a-university'], // i-1 (in two scenarios) has no owner
    ];
    for (const [kind, id] of deletes) {
      await deleteRecord(graph, kind, 'org', id, audit);
      const [entry] = (await accounts.listHistory('org', { first: 1 })).nodes;
      expect(entry).toMatchObject({ kind, recordId: id, action: 'DELETE', hasSnapshot: false });
      expect(await organisationAsOf(accounts, 'org', entry!.id), `after deleting ${kind} ${id}`).toEqual(
        await graph.readOrganisation('org'),
      );
    }
    // The state before the deletes is still there to restore.
    expect(await organisationAsOf(accounts, 'org', cloned!.id)).toEqual(beforeDeletes);
  });

  it('records no delete that found its record gone between reading it and deleting it', async () => {
    const t = await startTestApp({ store, withFixture: true });
    const { store: graph, accounts, changeLog } = t.app;
    const [link] = await graph.getRecords('link', 'org', ['l-4']);
    await graph.deleteRecord('link', 'org', 'l-4');
    const entries = (await accounts.listHistory('org', { first: 100 })).totalCount;
    // The command reads the link as it was, as when another editor deleted it meanwhile.
    const stale = Object.create(graph, { getRecords: { value: async () => [link] } }) as typeof graph;
    await expect(deleteRecord(stale, 'link', 'org', 'l-4', { log: changeLog, userId: null })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await accounts.listHistory('org', { first: 100 })).totalCount).toBe(entries);
  });

  it('keeps in an import’s snapshot exactly the organisation as stored', async () => {
    const t = await startTestApp({ store, withFixture: true });
    const { store: graph, accounts, changeLog } = t.app;
    const seed = (name: string) =>
      JSON.parse(readFileSync(new URL(`../../seeds/organisations/${name}.json`, import.meta.url), 'utf8'));
    for (const document of [seed('kommunby'), seed('skolgruppen')]) {
      const id = (document as { organisation: { id: string } }).organisation.id;
      await importOrganisation(graph, document, 'CREATE', { log: changeLog, userId: null });
      // Replaced, too: its contents are deleted and written again in one transaction.
      await importOrganisation(graph, document, 'REPLACE', { log: changeLog, userId: null });
      const [replaced, created] = (await accounts.listHistory(id, { first: 2 })).nodes;
      const stored = await graph.readOrganisation(id);
      expect(replaced).toMatchObject({ action: 'IMPORT', hasSnapshot: true });
      expect(await organisationAsOf(accounts, id, replaced!.id)).toEqual(stored);
      expect(await organisationAsOf(accounts, id, created!.id)).toEqual({
        ...stored,
        organisation: { ...stored!.organisation, version: 1 },
        records: stored!.records.map((tagged) => ({ ...tagged, record: { ...tagged.record, version: 1 } })),
      });
    }
  });
});
