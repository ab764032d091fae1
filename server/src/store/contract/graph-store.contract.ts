import { interchangeDocumentSchema } from '@kopplingskartan/schema/interchange';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { versionsOf } from '../../domain/content-versions.ts';
import { canonicalDocument, contentsToDocument } from '../../domain/document.ts';
import type { Actor, Link, Organisation, Perception } from '../../domain/records.ts';
import type { GraphStore, LevelGapOptions } from '../graph-store.ts';
import { contents, expectDomainError, uniqueId } from './contract-helpers.ts';
import { contractDocument } from './fixture.ts';

/**
 * The behaviour every GraphStore adapter must have, run inside `describeEachStore` (see
 * store-targets.ts) with a factory for a store of the target. The suite creates its own
 * organisations, with fresh ids, and deletes them afterwards.
 */
export function describeGraphStore(makeStore: () => Promise<GraphStore>): void {
  describe('GraphStore', () => {
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

    it('answers reads asked at the same moment each with its own records, in id order', async () => {
      const [a, b] = [await seeded('together-a', 'Samtidigt A'), await seeded('together-b', 'Samtidigt B')];
      await store.updateOrganisation({ ...(await store.getOrganisation(b))!, name: 'Ändrad B' });
      const names = (records: ReadonlyArray<{ name: string }>) => records.map((record) => record.name);
      const [orgA, orgB, missing, some, same, reversed, other, none] = await Promise.all([
        store.getOrganisation(a),
        store.getOrganisation(b),
        store.getOrganisation(uniqueId('absent')),
        store.getRecords('actor', a, ['a-principal', 'a-chief', 'a-gone']),
        store.getRecords('actor', a, ['a-principal', 'a-chief', 'a-gone']),
        store.getRecords('actor', a, ['a-chief', 'a-principal']),
        store.getRecords('unit', b, ['u-team']),
        store.getRecords('actor', b, ['a-gone']),
      ]);
      expect([orgA?.name, orgB?.name, missing]).toEqual(['Samtidigt A', 'Ändrad B', null]);
      expect(names(some)).toEqual(['Skolchef', 'Rektor Ekskolan']);
      expect(same).toEqual(some);
      expect(reversed).toEqual(some);
      expect(other).toMatchObject([{ id: 'u-team', organisationId: b, parentId: 'u-school' }]);
      expect(none).toEqual([]);
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

    it('gives an organisation a new write stamp at every write to it, and only then', async () => {
      const id = await seeded('stamp');
      const other = await seeded('stamp-other');
      const stamps = [await store.writeStamp(id)];
      const expectNewStamp = async () => {
        const stamp = await store.writeStamp(id);
        expect(stamp).not.toBeNull();
        expect(stamps).not.toContain(stamp);
        stamps.push(stamp);
      };
      expect(stamps[0]).not.toBeNull();
      await store.readOrganisation(id);
      await store.readScenarioGraph(id, 'current');
      expect(await store.writeStamp(id)).toBe(stamps[0]);
      const [actor] = await store.getRecords('actor', id, ['a-chief']);
      await store.updateRecord('actor', { ...actor!, name: 'Ny' });
      await expectNewStamp();
      await store.insertRecords(id, [{ kind: 'actor', record: { ...actor!, id: 'a-new', version: 1 } }]);
      await expectNewStamp();
      await store.deleteRecord('actor', id, 'a-new');
      await expectNewStamp();
      const organisation = (await store.getOrganisation(id))!;
      await store.updateOrganisation({ ...organisation, name: 'Omdöpt' });
      await expectNewStamp();
      await store.replaceOrganisation(contents(id, 'Ersatt'));
      await expectNewStamp();
      const unchanged = await store.writeStamp(id);
      const [otherActor] = await store.getRecords('actor', other, ['a-chief']);
      await store.updateRecord('actor', { ...otherActor!, name: 'Annan' });
      expect(await store.writeStamp(id)).toBe(unchanged);
      await store.deleteOrganisation(id);
      await store.createOrganisation(contents(id));
      await expectNewStamp();
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

    it('saves an update naming no version on top of whatever version is stored', async () => {
      const id = await seeded('unversioned');
      const [link] = await store.getRecords('link', id, ['l-1']);
      await store.updateRecord('link', { ...link!, coupling: 'LOOSE' });
      // A copy read before that change, saved without naming a version: the last write wins.
      const saved = await store.updateRecord('link', { ...link!, coupling: 'DECOUPLED', notes: 'older copy' });
      expect(saved).toMatchObject({ coupling: 'DECOUPLED', notes: 'older copy', version: 3 });
      expect(await store.getRecords('link', id, ['l-1'])).toEqual([saved]);
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
      const taken = await expectDomainError(
        store.insertRecords(id, [
          { kind: 'actor', record: fresh },
          { kind: 'actor', record: chief! },
        ]),
        'DUPLICATE',
      );
      expect(taken.details).toMatchObject({ kind: 'actor', id: 'a-chief', field: 'id' });
      expect(await store.getRecords('actor', id, ['a-new'])).toEqual([]);
      // The same new id twice in one batch is refused alike.
      await expectDomainError(
        store.insertRecords(id, [
          { kind: 'actor', record: fresh },
          { kind: 'actor', record: { ...fresh, name: 'Tvilling' } },
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

    it('deleting an actor with a link to itself deletes that link and its perceptions once', async () => {
      const id = await seeded('cascade-self');
      const [link] = await store.getRecords('link', id, ['l-2']);
      const [perception] = await store.getRecords('perception', id, ['p-1']);
      await store.insertRecords(id, [
        { kind: 'link', record: { ...link!, id: 'l-self', sourceId: 'a-principal', targetId: 'a-principal' } },
        { kind: 'perception', record: { ...perception!, id: 'p-self', linkId: 'l-self' } },
      ]);
      expect(await store.deleteRecord('actor', id, 'a-principal')).toBe(true);
      const graph = await store.readScenarioGraph(id, 's-current');
      expect(graph!.links.map((l) => l.id)).toEqual(['l-1']);
      expect(graph!.perceptions).toEqual([]);
      expect(graph!.actors.map((actor) => actor.id)).not.toContain('a-principal');
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

    it('inserts a batch of new records, which read back exactly, at version 1', async () => {
      const id = await seeded('insert');
      const [chief] = await store.getRecords('actor', id, ['a-chief']);
      const [link] = await store.getRecords('link', id, ['l-1']);
      const [perception] = await store.getRecords('perception', id, ['p-1']);
      const actor: Actor = { ...chief!, id: 'a-deputy', name: 'Biträdande skolchef', personName: null, tags: ['ny'] };
      const newLink: Link = { ...link!, id: 'l-new', sourceId: 'a-deputy', targetId: 'a-principal', kind: 'SUPPORT' };
      const newPerception: Perception = { ...perception!, id: 'p-new', linkId: 'l-new', comment: 'Ny relation' };
      await store.insertRecords(id, [
        // the link before its actor: a batch may refer to records later in it
        { kind: 'link', record: newLink },
        { kind: 'perception', record: newPerception },
        { kind: 'actor', record: actor },
      ]);
      expect(await store.getRecords('actor', id, ['a-deputy'])).toEqual([actor]);
      expect(await store.getRecords('link', id, ['l-new'])).toEqual([newLink]);
      const graph = await store.readScenarioGraph(id, 's-current', { levelKeys: ['administration', 'principal'] });
      expect(graph!.links.map((l) => l.id)).toEqual(['l-2', 'l-new']);
      expect(graph!.perceptions.map((p) => p.id)).toEqual(['p-1', 'p-2', 'p-new']);
    });

    it('refuses a record whose required reference is missing, writing nothing of its batch', async () => {
      const id = await seeded('dangling');
      const [chief] = await store.getRecords('actor', id, ['a-chief']);
      const [link] = await store.getRecords('link', id, ['l-1']);
      const [perception] = await store.getRecords('perception', id, ['p-1']);
      const fresh: Actor = { ...chief!, id: 'a-fresh' };
      const error = await expectDomainError(
        store.insertRecords(id, [
          { kind: 'actor', record: fresh },
          { kind: 'link', record: { ...link!, id: 'l-dangling', targetId: 'a-missing' } },
        ]),
        'BAD_USER_INPUT',
      );
      expect(error.details).toMatchObject({ kind: 'link', id: 'l-dangling', reason: 'UNKNOWN_REFERENCE' });
      expect(await store.getRecords('actor', id, ['a-fresh'])).toEqual([]);
      await expectDomainError(
        store.insertRecords(id, [{ kind: 'perception', record: { ...perception!, id: 'p-x', linkId: 'l-missing' } }]),
        'BAD_USER_INPUT',
      );
      await expectDomainError(
        store.insertRecords(id, [{ kind: 'link', record: { ...link!, id: 'l-x', scenarioId: 's-missing' } }]),
        'BAD_USER_INPUT',
      );
      // Moving a link onto an actor that does not exist is refused the same way, and changes nothing.
      await expectDomainError(store.updateRecord('link', { ...link!, sourceId: 'a-missing' }), 'BAD_USER_INPUT');
      expect(await store.getRecords('link', id, ['l-1'])).toEqual([link]);
      expect((await store.listRecords('link', id, {}, { first: 10 })).totalCount).toBe(4);
    });

    it('refuses to insert into an organisation that does not exist, with NOT_FOUND', async () => {
      const absent = uniqueId('absent');
      const error = await expectDomainError(
        store.insertRecords(absent, [
          {
            kind: 'unit',
            record: {
              id: 'u-1',
              name: 'Skola',
              kind: 'SCHOOL',
              parentId: null,
              place: null,
              organisationId: absent,
              version: 1,
            },
          },
        ]),
        'NOT_FOUND',
      );
      expect(error.details).toMatchObject({ kind: 'organisation', id: absent });
      expect(await store.getOrganisation(absent)).toBeNull();
      expect(await store.getRecords('unit', absent, ['u-1'])).toEqual([]);
    });

    it('saves changed levels: renamed, added between two, removed; the chain follows them', async () => {
      const id = await seeded('levels');
      const org = (await store.getOrganisation(id))!;
      const [politics, administration, principal, teacher, support] = org.levels;
      const levels: Organisation['levels'] = [
        politics!,
        { ...administration!, name: 'Central förvaltning' },
        { key: 'area', name: 'Område', isSide: false },
        principal!,
        teacher!,
        support!,
      ];
      const updated = await store.updateOrganisation({ ...org, levels });
      expect(updated.version).toBe(2);
      expect((await store.getOrganisation(id))!.levels).toEqual(levels);
      expect((await store.readScenarioGraph(id, 's-current'))!.organisation.levels).toEqual(levels);
      // administration and principal are no longer adjacent; administration and area are, with no link.
      expect(await gapsAmong([id])).toEqual([]);
      expect(await gapsAmong([id], { upperLevel: 'administration', lowerLevel: 'area' })).toEqual([id]);
      // An actor moved to the new level couples administration and area through l-2 (LOOSE).
      const [principalActor] = await store.getRecords('actor', id, ['a-principal']);
      await store.updateRecord('actor', { ...principalActor!, levelKey: 'area' });
      expect(await gapsAmong([id], { upperLevel: 'administration', lowerLevel: 'area' })).toEqual([]);
      expect([...(await store.levelsInUse(id))].sort()).toEqual([
        'administration',
        'area',
        'politics',
        'support',
        'teacher',
      ]);
      // Removing the level again (its actor moved back first) makes the old neighbours adjacent again.
      await store.updateRecord('actor', principalActor!);
      await store.updateOrganisation(org);
      expect((await store.getOrganisation(id))!.levels.map((level) => level.key)).toEqual(
        org.levels.map((level) => level.key),
      );
      expect(await gapsAmong([id], { upperLevel: 'administration', lowerLevel: 'area' })).toEqual([]);
      expect(await gapsAmong([id], { upperLevel: 'principal', lowerLevel: 'teacher' })).toEqual([id]);
      const narrowed = await store.readScenarioGraph(id, 's-current', { levelKeys: ['administration', 'principal'] });
      expect(narrowed!.links.map((link) => link.id)).toEqual(['l-2']);
    });

    it('moves a link to other actors: level narrowing, the research query and cascades follow it', async () => {
      const id = await seeded('move-link');
      const [link] = await store.getRecords('link', id, ['l-2']);
      // l-2 (LOOSE, administration → principal) now starts at the committee (politics).
      const moved = await store.updateRecord('link', { ...link!, sourceId: 'a-committee' });
      expect(moved).toMatchObject({ sourceId: 'a-committee', version: 2 });
      const adminPrincipal = await store.readScenarioGraph(id, 's-current', {
        levelKeys: ['administration', 'principal'],
      });
      expect(adminPrincipal!.links).toEqual([]);
      expect(adminPrincipal!.perceptions).toEqual([]);
      const politicsPrincipal = await store.readScenarioGraph(id, 's-current', {
        levelKeys: ['politics', 'principal'],
      });
      expect(politicsPrincipal!.links.map((l) => l.id)).toEqual(['l-2']);
      expect(await gapsAmong([id])).toEqual([id]);
      expect(await store.findParallelLink({ ...moved, id: 'l-twin' })).toBe('l-2');
      // Deleting its new source takes it, and its perceptions; the old source keeps l-1.
      expect(await store.deleteRecord('actor', id, 'a-committee')).toBe(true);
      const graph = await store.readScenarioGraph(id, 's-current');
      expect(graph!.links.map((l) => l.id)).toEqual(['l-3', 'l-4']);
      expect(graph!.perceptions).toEqual([]);
    });

    it('lets exactly one of many concurrent updates with the same expected version win', async () => {
      const id = await seeded('race');
      const [link] = await store.getRecords('link', id, ['l-1']);
      const couplings = ['LOOSE', 'DECOUPLED', 'LOOSE', 'DECOUPLED', 'LOOSE', 'DECOUPLED'] as const;
      const outcomes = await Promise.allSettled(
        couplings.map((coupling, n) =>
          store.updateRecord('link', { ...link!, coupling, notes: `writer ${n}` }, link!.version),
        ),
      );
      const winners = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
      expect(winners).toHaveLength(1);
      for (const outcome of outcomes.filter((o) => o.status === 'rejected')) {
        expect(outcome.reason).toMatchObject({ code: 'VERSION_CONFLICT' });
      }
      expect(winners[0]!.version).toBe(2);
      expect(await store.getRecords('link', id, ['l-1'])).toEqual(winners);

      const org = (await store.getOrganisation(id))!;
      const renames = await Promise.allSettled(
        ['A', 'B', 'C', 'D'].map((name) => store.updateOrganisation({ ...org, name }, org.version)),
      );
      expect(renames.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      expect((await store.getOrganisation(id))!.version).toBe(2);

      const [chief] = await store.getRecords('actor', id, ['a-chief']);
      const inserts = await Promise.allSettled(
        ['ett', 'två', 'tre'].map((name) =>
          store.insertRecords(id, [{ kind: 'actor', record: { ...chief!, id: 'a-same', name } }]),
        ),
      );
      expect(inserts.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
      for (const outcome of inserts.filter((o) => o.status === 'rejected')) {
        expect(outcome.reason).toMatchObject({ code: 'DUPLICATE' });
      }
    });

    it('does not narrow organisation-wide kinds by scenario: they belong to every scenario', async () => {
      const id = await seeded('scenario-filter');
      const actors = await store.listRecords('actor', id, { scenarioId: 's-current' }, { first: 10 });
      expect(actors.totalCount).toBe(5);
      expect(actors.nodes.map((actor) => actor.id)).toEqual([
        'a-chief',
        'a-committee',
        'a-principal',
        'a-teachers',
        'a-university',
      ]);
      expect((await store.listRecords('unit', id, { scenarioId: 'no-such' }, { first: 10 })).totalCount).toBe(2);
      expect((await store.listRecords('arena', id, { scenarioId: 'no-such' }, { first: 10 })).totalCount).toBe(0);
    });

    it('reports a closed store as not ready, without throwing', async () => {
      const other = await makeStore();
      await other.migrate();
      expect(await other.health()).toMatchObject({ kind: store.kind, ready: true });
      await other.close();
      expect(await other.health()).toMatchObject({ kind: store.kind, ready: false });
    });

    // ---------------------------------------------------------------------------------------
    // Research across organisations (organisationsWithLevelGap)

    /** The research query's answer among `ids` only: a shared database holds other organisations. */
    async function gapsAmong(ids: string[], options?: LevelGapOptions): Promise<string[]> {
      return (await store.organisationsWithLevelGap(options)).map((org) => org.id).filter((id) => ids.includes(id));
    }

    describe('research query: organisations with a level gap', () => {
      let ids: string[];
      beforeAll(async () => {
        ids = [await seeded('gap'), await seeded('gap')].sort();
        // The second loses its only administration–principal link (l-2, LOOSE): a gap.
        await store.deleteRecord('link', ids[1]!, 'l-2');
      });

      it('lists the organisation whose adjacent levels lost their responsive link, with its levels', async () => {
        expect(await gapsAmong(ids)).toEqual([ids[1]]);
        const found = (await store.organisationsWithLevelGap()).find((org) => org.id === ids[1]);
        expect(found).toEqual(await store.getOrganisation(ids[1]!));
      });

      it('sees a decoupled link as no link, and ignores levels that are not adjacent, reversed or the same', async () => {
        expect(await gapsAmong(ids, { upperLevel: 'principal', lowerLevel: 'teacher' })).toEqual(ids); // l-3 DECOUPLED
        expect(await gapsAmong(ids, { upperLevel: 'politics', lowerLevel: 'principal' })).toEqual([]);
        expect(await gapsAmong(ids, { upperLevel: 'teacher', lowerLevel: 'principal' })).toEqual([]);
        expect(await gapsAmong(ids, { upperLevel: 'principal', lowerLevel: 'principal' })).toEqual([]);
      });

      it('skips a side level between two chain levels when judging adjacency', async () => {
        const id = uniqueId('gap-side');
        const moved = contents(id);
        // support moved between administration and principal: still adjacent in the chain.
        const levels = moved.organisation.levels;
        moved.organisation.levels = [levels[0]!, levels[1]!, levels[4]!, levels[2]!, levels[3]!];
        moved.records = moved.records.filter(
          (tagged) => !(tagged.kind === 'link' && tagged.record.id === 'l-2') && tagged.kind !== 'perception',
        );
        await store.createOrganisation(moved);
        created.push(id);
        expect(await gapsAmong([id])).toEqual([id]);
      });
    });
  });
}
