import { interchangeDocumentSchema } from '@kopplingskartan/schema/interchange';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { versionsOf } from '../../domain/content-versions.ts';
import { canonicalDocument, contentsToDocument, documentToContents } from '../../domain/document.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Actor, Link, OrganisationContents } from '../../domain/records.ts';
import type { GraphStore } from '../graph-store.ts';
import { contractDocument } from './fixture.ts';

/** A fresh organisation id per test so that runs against a shared Neo4j database never collide. */
function uniqueId(label: string): string {
  return `ct-${label}-${Math.random().toString(36).slice(2, 10)}`;
}

function contents(id: string, name?: string): OrganisationContents {
  return documentToContents(interchangeDocumentSchema.parse(contractDocument(id, name)));
}

async function expectDomainError(promise: Promise<unknown>, code: string): Promise<DomainError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).code).toBe(code);
  return error as DomainError;
}

/**
 * The behaviour every GraphStore adapter must have. Each adapter's test file calls this with a
 * factory; the suite creates its own organisations and deletes them afterwards.
 */
export function describeGraphStore(name: string, makeStore: () => Promise<GraphStore>): void {
  describe(`GraphStore contract: ${name}`, () => {
    let store: GraphStore;
    const created: string[] = [];

    async function seeded(label: string, displayName?: string): Promise<string> {
      const id = uniqueId(label);
      await store.createOrganisation(contents(id, displayName));
      created.push(id);
      return id;
    }

    beforeAll(async () => {
      store = await makeStore();
      await store.migrate();
    });

    afterAll(async () => {
      for (const id of created) await store.deleteOrganisation(id);
      await store.close();
    });

    it('migrates idempotently and reports health', async () => {
      await store.migrate();
      const health = await store.health();
      expect(health.ready).toBe(true);
      expect(health.kind).toBe(store.kind);
    });

    it('round-trips a whole organisation exactly through its contents', async () => {
      const id = await seeded('roundtrip');
      const read = await store.readOrganisation(id);
      const expected = canonicalDocument(interchangeDocumentSchema.parse(contractDocument(id)));
      expect(read).not.toBeNull();
      expect(contentsToDocument(read!)).toEqual(expected);
    });

    it('refuses a second organisation with the same id and keeps the first', async () => {
      const id = await seeded('dup', 'Första');
      await expectDomainError(store.createOrganisation(contents(id, 'Andra')), 'ORGANISATION_EXISTS');
      expect((await store.getOrganisation(id))?.name).toBe('Första');
    });

    it('replaces an organisation in one go', async () => {
      const id = await seeded('replace');
      const next = contents(id, 'Ersatt');
      next.records = next.records.filter((tagged) => tagged.kind !== 'initiative');
      await store.replaceOrganisation(next);
      expect((await store.getOrganisation(id))?.name).toBe('Ersatt');
      const read = await store.readOrganisation(id);
      expect(read!.records.filter((tagged) => tagged.kind === 'initiative')).toHaveLength(0);
      expect(read!.records.filter((tagged) => tagged.kind === 'actor')).toHaveLength(5);
      await expectDomainError(store.replaceOrganisation(contents(uniqueId('absent'))), 'NOT_FOUND');
    });

    it('pages organisations with opaque cursors', async () => {
      const ids = [await seeded('page'), await seeded('page'), await seeded('page')];
      const seen: string[] = [];
      let after: string | null = null;
      for (let i = 0; i < 100; i += 1) {
        const page = await store.listOrganisations({ first: 2, after });
        expect(page.nodes.length).toBeLessThanOrEqual(2);
        expect(page.totalCount).toBeGreaterThanOrEqual(3);
        seen.push(...page.nodes.map((org) => org.id));
        if (!page.hasNextPage) break;
        after = page.endCursor;
      }
      expect(seen).toEqual(expect.arrayContaining(ids));
      expect(new Set(seen).size).toBe(seen.length);
    });

    it('scopes every record read and write by organisation', async () => {
      const a = await seeded('scope-a');
      const b = await seeded('scope-b');
      const [actorOfA] = await store.getRecords('actor', a, ['a-chief']);
      expect(actorOfA?.organisationId).toBe(a);
      // The same id exists in b, but a's view never returns b's record and vice versa.
      await store.updateRecord('actor', { ...actorOfA!, name: 'Ändrad i A' });
      expect((await store.getRecords('actor', b, ['a-chief']))[0]?.name).toBe('Skolchef');
      expect(await store.deleteRecord('actor', b, 'a-chief')).toBe(true);
      expect((await store.getRecords('actor', a, ['a-chief']))[0]?.name).toBe('Ändrad i A');
      await expectDomainError(
        store.updateRecord('actor', { ...actorOfA!, organisationId: uniqueId('none') }),
        'NOT_FOUND',
      );
      expect(await store.deleteRecord('link', uniqueId('none'), 'l-1')).toBe(false);
    });

    it('bumps versions and refuses a stale update without changing anything', async () => {
      const id = await seeded('version');
      const [link] = await store.getRecords('link', id, ['l-1']);
      const updated = await store.updateRecord('link', { ...link!, coupling: 'LOOSE' }, 1);
      expect(updated.version).toBe(2);
      const error = await expectDomainError(
        store.updateRecord('link', { ...link!, coupling: 'DECOUPLED' }, 1),
        'VERSION_CONFLICT',
      );
      expect(error.details).toMatchObject({ expectedVersion: 1, actualVersion: 2 });
      const [stored] = await store.getRecords('link', id, ['l-1']);
      expect(stored).toMatchObject({ coupling: 'LOOSE', version: 2 });
      const org = await store.getOrganisation(id);
      await store.updateOrganisation({ ...org!, name: 'Nytt namn' }, 1);
      await expectDomainError(store.updateOrganisation({ ...org!, name: 'Annat' }, 1), 'VERSION_CONFLICT');
      expect(await store.getOrganisation(id)).toMatchObject({ name: 'Nytt namn', version: 2 });
    });

    it('replaces with every version above any held, and refuses a replace planned before a change', async () => {
      const id = await seeded('replace-versions');
      const [link] = await store.getRecords('link', id, ['l-1']);
      await store.updateRecord('link', { ...link!, coupling: 'LOOSE' }, 1);
      await store.updateRecord('link', { ...link!, coupling: 'DECOUPLED' }, 2);
      const planned = (await store.readOrganisation(id))!;
      const replaced = await store.replaceOrganisation(contents(id, 'Ersatt'), versionsOf(planned));
      // The highest version held was the link's 3: everything written is above it.
      expect(replaced.version).toBe(4);
      const after = (await store.readOrganisation(id))!;
      expect(new Set(after.records.map(({ record }) => record.version))).toEqual(new Set([4]));
      expect(after.organisation.version).toBe(4);

      const [actor] = await store.getRecords('actor', id, ['a-chief']);
      await store.updateRecord('actor', { ...actor!, name: 'Ändrad' }, 4);
      await store.deleteRecord('link', id, 'l-1');
      const error = await expectDomainError(
        store.replaceOrganisation(contents(id, 'Igen'), versionsOf(after)),
        'VERSION_CONFLICT',
      );
      expect(error.details).toMatchObject({
        kind: 'organisation',
        id,
        changeCount: 2,
        changes: expect.arrayContaining([
          { kind: 'actor', id: 'a-chief', change: 'UPDATED' },
          { kind: 'link', id: 'l-1', change: 'DELETED' },
        ]),
      });
      expect(await store.getOrganisation(id)).toMatchObject({ name: 'Ersatt' });
      expect((await store.getRecords('actor', id, ['a-chief']))[0]).toMatchObject({ name: 'Ändrad', version: 5 });
    });

    it('writes a batch all or nothing: one taken id refuses the whole batch', async () => {
      const id = await seeded('batch');
      const [chief] = await store.getRecords('actor', id, ['a-chief']);
      const fresh: Actor = { ...chief!, id: 'a-new', name: 'Ny' };
      await expectDomainError(
        store.insertRecords(id, [
          { kind: 'actor', record: fresh },
          { kind: 'actor', record: chief! },
        ]),
        'DUPLICATE',
      );
      expect(await store.getRecords('actor', id, ['a-new'])).toEqual([]);
    });

    it('deleting an actor takes its links and their perceptions, and leaves arenas and initiatives without it', async () => {
      const id = await seeded('cascade-actor');
      expect(await store.deleteRecord('actor', id, 'a-principal')).toBe(true);
      const graph = await store.readScenarioGraph(id, 's-current');
      expect(graph!.links.map((link) => link.id)).toEqual(['l-1']);
      expect(graph!.perceptions).toEqual([]);
      expect(graph!.arenas[0]!.participantIds).toEqual(['a-chief']);
      expect(graph!.initiatives[0]!.targetActorIds).toEqual(['a-teachers']);
    });

    it('deleting a unit, an arena or an actor clears the optional references to it', async () => {
      const id = await seeded('cascade-refs');
      await store.deleteRecord('unit', id, 'u-school');
      await store.deleteRecord('arena', id, 'ar-quality');
      await store.deleteRecord('actor', id, 'a-university');
      const graph = await store.readScenarioGraph(id, 's-current');
      expect(graph!.actors.find((actor) => actor.id === 'a-principal')!.unitId).toBeNull();
      expect(graph!.units.find((unit) => unit.id === 'u-team')!.parentId).toBeNull();
      expect(graph!.links.find((link) => link.id === 'l-2')!.arenaId).toBeNull();
      expect(graph!.initiatives[0]).toMatchObject({ ownerId: null, targetUnitIds: [] });
    });

    it('deleting a scenario takes everything in it; deleting the organisation takes everything', async () => {
      const id = await seeded('cascade-scenario');
      expect(await store.deleteRecord('scenario', id, 's-current')).toBe(true);
      for (const kind of ['link', 'arena', 'perception', 'initiative'] as const) {
        expect((await store.listRecords(kind, id, {}, { first: 10 })).totalCount).toBe(0);
      }
      expect((await store.listRecords('actor', id, {}, { first: 10 })).totalCount).toBe(5);
      expect(await store.deleteOrganisation(id)).toBe(true);
      expect(await store.getOrganisation(id)).toBeNull();
      expect(await store.getRecords('actor', id, ['a-chief'])).toEqual([]);
      expect(await store.deleteOrganisation(id)).toBe(false);
    });

    it('reads one scenario, optionally narrowed to some levels', async () => {
      const id = await seeded('graph');
      const whole = await store.readScenarioGraph(id, 's-current');
      expect(whole!.actors).toHaveLength(5);
      expect(whole!.links).toHaveLength(4);
      const narrowed = await store.readScenarioGraph(id, 's-current', { levelKeys: ['administration', 'principal'] });
      expect(narrowed!.actors.map((actor) => actor.id).sort()).toEqual(['a-chief', 'a-principal']);
      expect(narrowed!.links.map((link) => link.id)).toEqual(['l-2']);
      expect(narrowed!.perceptions.map((p) => p.id).sort()).toEqual(['p-1', 'p-2']);
      expect(await store.readScenarioGraph(id, 'no-such-scenario')).toBeNull();
      expect(await store.readScenarioGraph(uniqueId('none'), 's-current')).toBeNull();
    });

    it('lists records of a kind page by page, filtered by scenario', async () => {
      const id = await seeded('list');
      const first = await store.listRecords('actor', id, {}, { first: 3 });
      expect(first).toMatchObject({ hasNextPage: true, totalCount: 5 });
      const second = await store.listRecords('actor', id, {}, { first: 3, after: first.endCursor });
      expect(second.hasNextPage).toBe(false);
      expect([...first.nodes, ...second.nodes].map((actor) => actor.id)).toEqual([
        'a-chief',
        'a-committee',
        'a-principal',
        'a-teachers',
        'a-university',
      ]);
      expect((await store.listRecords('link', id, { scenarioId: 's-current' }, { first: 10 })).totalCount).toBe(4);
      expect((await store.listRecords('link', id, { scenarioId: 'other' }, { first: 10 })).totalCount).toBe(0);
    });

    it('finds a parallel link and the levels in use', async () => {
      const id = await seeded('parallel');
      const [link] = await store.getRecords('link', id, ['l-1']);
      const twin: Link = { ...link!, id: 'l-twin' };
      expect(await store.findParallelLink(twin)).toBe('l-1');
      expect(await store.findParallelLink(link!)).toBeUndefined();
      expect(await store.findParallelLink({ ...twin, kind: 'DIALOGUE' })).toBeUndefined();
      expect([...(await store.levelsInUse(id))].sort()).toEqual([
        'administration',
        'politics',
        'principal',
        'support',
        'teacher',
      ]);
    });
  });
}
