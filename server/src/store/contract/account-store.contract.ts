import { interchangeDocumentSchema } from '@kopplingskartan/schema/interchange';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { canonicalDocument, contentsToDocument } from '../../domain/document.ts';
import type { Actor } from '../../domain/records.ts';
import type { AccountStore, Invitation, NewUser, PendingEntry, ShareLink } from '../account-store.ts';
import type { GraphStore } from '../graph-store.ts';
import { contents, expectDomainError, uniqueId } from './contract-helpers.ts';
import { contractDocument } from './fixture.ts';

export interface StorePair {
  store: GraphStore;
  accounts: AccountStore;
}

const NOW = '2026-05-01T10:00:00.000Z';
const LATER = '2026-05-02T10:00:00.000Z';

function newUser(label: string, fields: Partial<NewUser> = {}): NewUser {
  const id = uniqueId(label);
  return {
    id,
    email: `${id}@contract.example`,
    displayName: `Användare ${label}`,
    isAdmin: false,
    mustChangePassword: false,
    createdAt: NOW,
    passwordHash: `scrypt$${id}`,
    ...fields,
  };
}

/**
 * The behaviour every AccountStore adapter must have, run inside `describeEachStore` (see
 * store-targets.ts) with a factory for a graph store and the account store in its database.
 * Users live in one shared space (emails are unique across organisations), so every user,
 * token and organisation id here is fresh; counts are compared before and after.
 */
export function describeAccountStore(makeStores: () => Promise<StorePair>): void {
  describe('AccountStore', () => {
    let store: GraphStore;
    let accounts: AccountStore;
    /** A second instance on the same database, as a second app instance would have. */
    let twin: StorePair;
    const organisations: string[] = [];

    beforeAll(async () => {
      ({ store, accounts } = await makeStores());
      twin = await makeStores();
    });
    afterAll(async () => {
      await twin.store.close();
      for (const id of organisations) {
        await accounts.writeTogether(
          store,
          () => store.deleteOrganisation(id),
          () => ({ forgetOrganisation: id }),
        );
      }
      await store.close();
    });

    /** A new organisation (the contract fixture) created with its owner and first history entry. */
    async function organisationOwnedBy(userId: string | null, label = 'org'): Promise<string> {
      const id = uniqueId(label);
      organisations.push(id);
      await accounts.writeTogether(
        store,
        () => store.createOrganisation(contents(id)),
        (created) => ({
          memberships: userId ? [{ organisationId: id, userId, role: 'OWNER' }] : [],
          history: entry(id, userId, {
            kind: 'organisation',
            recordId: id,
            action: 'CREATE',
            after: created,
            isSnapshot: true,
          }),
        }),
      );
      return id;
    }

    function entry(
      organisationId: string,
      userId: string | null,
      change: Pick<PendingEntry, 'kind' | 'recordId' | 'action'> & Partial<PendingEntry>,
    ): PendingEntry {
      return { organisationId, userId, at: NOW, before: null, after: null, ...change };
    }

    describe('users and sessions', () => {
      it('creates a user once per email and finds it by id and by email, with its password hash', async () => {
        const before = await accounts.countUsers();
        const { passwordHash, ...user } = newUser('create', { isAdmin: true, mustChangePassword: true });
        expect(await accounts.createUser({ ...user, passwordHash })).toEqual(user);
        expect(await accounts.getUser(user.id)).toEqual(user);
        expect(await accounts.findCredentials(user.email)).toEqual({ user, passwordHash });
        expect(await accounts.countUsers()).toBeGreaterThanOrEqual(before + 1);
        const error = await expectDomainError(
          accounts.createUser({ ...newUser('twin'), email: user.email }),
          'DUPLICATE',
        );
        expect(error.details).toMatchObject({ field: 'email', reason: 'DUPLICATE' });
        expect(await accounts.getUser('no-such-user')).toBeNull();
        expect(await accounts.findCredentials('nobody@contract.example')).toBeNull();
      });

      it('pages users by email with opaque cursors, counting all of them on every page', async () => {
        const prefix = uniqueId('page');
        const made = ['c', 'a', 'b'].map((letter) =>
          newUser('page', { email: `${prefix}-${letter}@contract.example` }),
        );
        for (const user of made) await accounts.createUser(user);
        const seen: string[] = [];
        let after: string | null = null;
        let total = 0;
        for (let i = 0; i < 1000; i += 1) {
          const page = await accounts.listUsers({ first: 2, after });
          expect(page.nodes.length).toBeLessThanOrEqual(2);
          total = page.totalCount;
          seen.push(...page.nodes.map((user) => user.email));
          if (!page.hasNextPage) break;
          after = page.endCursor;
        }
        expect(seen.filter((email) => email.startsWith(prefix))).toEqual(
          ['a', 'b', 'c'].map((letter) => `${prefix}-${letter}@contract.example`),
        );
        expect(new Set(seen).size).toBe(seen.length);
        expect(total).toBe(seen.length);
        // Past the last user: no nodes, and still the whole count.
        const beyond = await accounts.listUsers({ first: 2, after: Buffer.from('\uffff').toString('base64url') });
        expect(beyond).toMatchObject({ nodes: [], hasNextPage: false, totalCount: total });
      });

      it('sets a new password hash and the must-change flag', async () => {
        const user = newUser('password', { mustChangePassword: true });
        await accounts.createUser(user);
        await accounts.setPassword(user.id, 'scrypt$new', false);
        expect(await accounts.findCredentials(user.email)).toMatchObject({
          passwordHash: 'scrypt$new',
          user: { mustChangePassword: false },
        });
      });

      it('finds a session until it expires, and ends one or all but one of a user', async () => {
        const user = newUser('session');
        await accounts.createUser(user);
        const { passwordHash: _hash, ...stored } = user;
        const tokens = [uniqueId('t'), uniqueId('t'), uniqueId('t')];
        for (const tokenHash of tokens) {
          await accounts.createSession({ tokenHash, userId: user.id, createdAt: NOW, expiresAt: LATER });
        }
        expect(await accounts.findSession(tokens[0]!, NOW)).toEqual({
          session: { tokenHash: tokens[0], userId: user.id, createdAt: NOW, expiresAt: LATER },
          user: stored,
        });
        expect(await accounts.findSession(tokens[0]!, LATER)).toBeNull();
        await accounts.deleteSession(tokens[0]!);
        expect(await accounts.findSession(tokens[0]!, NOW)).toBeNull();
        await accounts.deleteSessionsOf(user.id, tokens[2]);
        expect(await accounts.findSession(tokens[1]!, NOW)).toBeNull();
        expect(await accounts.findSession(tokens[2]!, NOW)).not.toBeNull();
        await accounts.deleteSessionsOf(user.id);
        expect(await accounts.findSession(tokens[2]!, NOW)).toBeNull();
      });
    });

    describe('memberships and invitations', () => {
      it('sets, changes, lists and removes memberships, scoped by organisation', async () => {
        const [ann, bo] = [newUser('ann', { email: `${uniqueId('a')}@contract.example` }), newUser('bo')];
        await accounts.createUser(ann);
        await accounts.createUser(bo);
        const [first, second] = [uniqueId('m'), uniqueId('m')].sort();
        await accounts.setMembership({ organisationId: second!, userId: ann.id, role: 'VIEWER' });
        await accounts.setMembership({ organisationId: first!, userId: ann.id, role: 'EDITOR' });
        await accounts.setMembership({ organisationId: first!, userId: bo.id, role: 'OWNER' });
        await accounts.setMembership({ organisationId: second!, userId: ann.id, role: 'AUDIENCE' });
        expect(await accounts.getRole(ann.id, second!)).toBe('AUDIENCE');
        expect(await accounts.getRole(bo.id, second!)).toBeNull();
        expect(await accounts.listMemberships(ann.id)).toEqual([
          { organisationId: first, userId: ann.id, role: 'EDITOR' },
          { organisationId: second, userId: ann.id, role: 'AUDIENCE' },
        ]);
        const members = await accounts.listMembers(first!);
        const byEmail = [ann, bo].sort((x, y) => (x.email < y.email ? -1 : 1));
        expect(members.map((member) => [member.user.email, member.role])).toEqual(
          byEmail.map((user) => [user.email, user === ann ? 'EDITOR' : 'OWNER']),
        );
        expect(await accounts.removeMembership(first!, ann.id)).toBe(true);
        expect(await accounts.removeMembership(first!, ann.id)).toBe(false);
        expect(await accounts.getRole(ann.id, first!)).toBeNull();
      });

      it('keeps an invitation and lets it be accepted once', async () => {
        const invitation: Invitation = {
          tokenHash: uniqueId('inv'),
          email: 'guest@contract.example',
          organisationId: uniqueId('org'),
          role: 'EDITOR',
          invitedBy: 'user-1',
          createdAt: NOW,
          expiresAt: LATER,
          acceptedAt: null,
        };
        await accounts.createInvitation(invitation);
        expect(await accounts.findInvitation(invitation.tokenHash)).toEqual(invitation);
        expect(await accounts.acceptInvitation(invitation.tokenHash, NOW)).toBe(true);
        expect(await accounts.acceptInvitation(invitation.tokenHash, LATER)).toBe(false);
        expect(await accounts.findInvitation(invitation.tokenHash)).toEqual({ ...invitation, acceptedAt: NOW });
        expect(await accounts.acceptInvitation('no-such-token', NOW)).toBe(false);
        expect(await accounts.findInvitation('no-such-token')).toBeNull();
      });

      it('lets exactly one of many concurrent acceptances of an invitation succeed', async () => {
        // Several rounds: one round of a racy implementation can happen to run one at a time.
        for (let round = 0; round < 5; round += 1) {
          const tokenHash = uniqueId('race');
          await accounts.createInvitation({
            tokenHash,
            email: 'racer@contract.example',
            organisationId: uniqueId('org'),
            role: 'VIEWER',
            invitedBy: 'user-1',
            createdAt: NOW,
            expiresAt: LATER,
            acceptedAt: null,
          });
          const at = (n: number) => `2026-05-01T10:00:0${n}.000Z`;
          const accepted = await Promise.all(
            Array.from({ length: 8 }, (_, n) => accounts.acceptInvitation(tokenHash, at(n))),
          );
          expect(accepted.filter(Boolean), `round ${round}`).toHaveLength(1);
          expect((await accounts.findInvitation(tokenHash))!.acceptedAt).toBe(at(accepted.indexOf(true)));
        }
      });
    });

    describe('history', () => {
      it('numbers the entries of each organisation 1, 2, 3… without gaps, under concurrent writes from two instances', async () => {
        const [a, b] = [await organisationOwnedBy(null, 'seq-a'), await organisationOwnedBy(null, 'seq-b')];
        const [template] = await store.getRecords('actor', a, ['a-teachers']);
        // Alternately through both instances, so that only the database can serialise them.
        const insertWithEntry = (organisationId: string, n: number) => {
          const actor: Actor = { ...template!, organisationId, id: `a-new-${n}` };
          const pair = n % 2 === 0 ? { store, accounts } : twin;
          return pair.accounts.writeTogether(
            pair.store,
            () => pair.store.insertRecords(organisationId, [{ kind: 'actor', record: actor }]),
            () => ({
              history: entry(organisationId, null, {
                kind: 'actor',
                recordId: actor.id,
                action: 'CREATE',
                after: actor,
                isSnapshot: true,
              }),
            }),
          );
        };
        const writes = 8;
        await Promise.all(
          Array.from({ length: writes }, (_, n) => [insertWithEntry(a, n), insertWithEntry(b, n)]).flat(),
        );
        for (const id of [a, b]) {
          const page = await accounts.listHistory(id, { first: 100 });
          // newest first; entry 1 is the organisation's creation
          expect(page.nodes.map((e) => e.id)).toEqual(Array.from({ length: writes + 1 }, (_, n) => writes + 1 - n));
          expect(page.totalCount).toBe(writes + 1);
          expect(new Set(page.nodes.map((e) => e.recordId)).size).toBe(writes + 1);
          // Writes to one organisation are serialised with their entries: the snapshot of entry k
          // holds exactly the k − 1 actors inserted by entries 2…k.
          for (const e of page.nodes.filter((node) => node.kind === 'actor')) {
            const { base } = await accounts.historySince(id, e.id);
            const inserted = base!.records.filter((t) => t.kind === 'actor' && t.record.id.startsWith('a-new-'));
            expect(inserted, `snapshot of entry ${e.id}`).toHaveLength(e.id - 1);
            expect(inserted.map((t) => t.record.id)).toContain(e.recordId);
          }
        }
      });

      it('records each of concurrent updates naming no version once, at the version it wrote, from two instances', async () => {
        const id = await organisationOwnedBy(null, 'seq-updates');
        // Every writer holds the same copy (version 1): each saves over whatever is stored then.
        const [read] = await store.getRecords('actor', id, ['a-teachers']);
        const writers = 6;
        const saved = await Promise.all(
          Array.from({ length: writers }, (_, n) => {
            const pair = n % 2 === 0 ? { store, accounts } : twin;
            return pair.accounts.writeTogether(
              pair.store,
              () => pair.store.updateRecord('actor', { ...read!, name: `Namn ${n}` }),
              (updated) => ({
                history: entry(id, null, {
                  kind: 'actor',
                  recordId: updated.id,
                  action: 'UPDATE',
                  before: read,
                  after: updated,
                }),
              }),
            );
          }),
        );
        const versions = Array.from({ length: writers }, (_, n) => n + 2);
        expect(saved.map((actor) => actor.version).sort((x, y) => x - y)).toEqual(versions);
        const [stored] = await store.getRecords('actor', id, ['a-teachers']);
        expect(stored).toEqual(saved.find((actor) => actor.version === writers + 1));
        // One entry per update (entry 1 is the creation), numbered without gaps, each with what it wrote.
        const page = await accounts.listHistory(id, { first: 100 });
        expect(page.nodes.map((e) => e.id)).toEqual(Array.from({ length: writers + 1 }, (_, n) => writers + 1 - n));
        const written = page.nodes.filter((e) => e.action === 'UPDATE').map((e) => e.after as Actor);
        expect(written.map((actor) => actor.version).sort((x, y) => x - y)).toEqual(versions);
        for (const actor of written) expect(saved).toContainEqual(actor);
      });

      it('pages the history newest first, and reads one entry and the state at an entry, scoped by organisation', async () => {
        const owner = newUser('historian');
        await accounts.createUser(owner);
        const id = await organisationOwnedBy(owner.id, 'history');
        const other = await organisationOwnedBy(null, 'history-other');
        const [chief] = await store.getRecords('actor', id, ['a-chief']);
        for (const name of ['Ett', 'Två', 'Tre']) {
          await accounts.writeTogether(
            store,
            () => store.updateRecord('actor', { ...chief!, name }),
            (updated) => ({
              history: entry(id, owner.id, {
                kind: 'actor',
                recordId: 'a-chief',
                action: 'UPDATE',
                before: chief,
                after: updated,
              }),
            }),
          );
        }
        const first = await accounts.listHistory(id, { first: 2 });
        expect(first).toMatchObject({ hasNextPage: true, totalCount: 4 });
        expect(first.nodes.map((e) => [e.id, e.action, e.hasSnapshot])).toEqual([
          [4, 'UPDATE', false],
          [3, 'UPDATE', false],
        ]);
        expect(first.nodes[0]).toMatchObject({ organisationId: id, userId: owner.id, at: NOW, kind: 'actor' });
        expect(first.nodes[0]!.after).toMatchObject({ name: 'Tre', version: 4 });
        const second = await accounts.listHistory(id, { first: 2, after: first.endCursor });
        expect(second.nodes.map((e) => e.id)).toEqual([2, 1]);
        expect(second).toMatchObject({ hasNextPage: false, totalCount: 4 });
        expect(await accounts.getHistoryEntry(id, 1)).toMatchObject({ action: 'CREATE', hasSnapshot: true });
        expect(await accounts.getHistoryEntry(id, 99)).toBeNull();
        // Entry 2 of the other organisation does not exist; entry 1 there is its own.
        expect(await accounts.getHistoryEntry(other, 2)).toBeNull();
        expect((await accounts.getHistoryEntry(other, 1))!.recordId).toBe(other);
        const { base, entries } = await accounts.historySince(id, 3);
        expect(contentsToDocument(base!)).toEqual(
          canonicalDocument(interchangeDocumentSchema.parse(contractDocument(id))),
        );
        expect(entries.map((e) => [e.id, (e.after as Actor).name])).toEqual([
          [2, 'Ett'],
          [3, 'Två'],
        ]);
        expect(await accounts.historySince(uniqueId('none'), 5)).toEqual({ base: null, entries: [] });
      });

      it('narrows the history to one record, one person or what came after an entry, counting only those', async () => {
        const [owner, editor] = [newUser('owner'), newUser('editor')];
        await accounts.createUser(owner);
        await accounts.createUser(editor);
        const id = await organisationOwnedBy(owner.id, 'narrowed');
        const [chief, principal] = await store.getRecords('actor', id, ['a-chief', 'a-principal']);
        // 2: the owner renames the chief; 3: the editor the principal; 4: the editor the chief.
        for (const [userId, actor, name] of [
          [owner.id, chief!, 'Förvaltningschef'],
          [editor.id, principal!, 'Rektorn'],
          [editor.id, chief!, 'Skolchefen'],
        ] as const) {
          const [stored] = await store.getRecords('actor', id, [actor.id]);
          await accounts.writeTogether(
            store,
            () => store.updateRecord('actor', { ...stored!, name }),
            (updated) => ({
              history: entry(id, userId, { kind: 'actor', recordId: actor.id, action: 'UPDATE', after: updated }),
            }),
          );
        }
        const ids = async (filter: Parameters<AccountStore['listHistory']>[2]) => {
          const page = await accounts.listHistory(id, { first: 10 }, filter);
          return { ids: page.nodes.map((e) => e.id), total: page.totalCount };
        };
        expect(await ids({ recordId: 'a-chief' })).toEqual({ ids: [4, 2], total: 2 });
        expect(await ids({ userId: editor.id })).toEqual({ ids: [4, 3], total: 2 });
        expect(await ids({ recordId: 'a-chief', userId: editor.id })).toEqual({ ids: [4], total: 1 });
        expect(await ids({ afterId: 2 })).toEqual({ ids: [4, 3], total: 2 });
        expect(await ids({ recordId: 'a-teachers' })).toEqual({ ids: [], total: 0 });
        expect(await ids({})).toEqual({ ids: [4, 3, 2, 1], total: 4 });
        // Paging keeps the narrowing.
        const first = await accounts.listHistory(id, { first: 1 }, { userId: editor.id });
        const second = await accounts.listHistory(id, { first: 1, after: first.endCursor }, { userId: editor.id });
        expect([...first.nodes, ...second.nodes].map((e) => e.id)).toEqual([4, 3]);
        expect(second.hasNextPage).toBe(false);
      });
    });

    describe('share links', () => {
      it('keeps share links per presentation, oldest first, and revokes one once', async () => {
        const organisationId = uniqueId('org');
        const link = (n: number): ShareLink => ({
          id: uniqueId('share'),
          tokenHash: uniqueId('token'),
          organisationId,
          presentationId: 'pres-1',
          createdBy: n === 0 ? 'user-1' : null,
          createdAt: `2026-05-0${n + 1}T10:00:00.000Z`,
          expiresAt: n === 0 ? LATER : null,
          revokedAt: null,
        });
        const links = [link(1), link(0)];
        for (const l of links) await accounts.createShareLink(l);
        await accounts.createShareLink({ ...link(2), presentationId: 'pres-2' });
        expect(await accounts.findShareLink(links[1]!.tokenHash)).toEqual(links[1]);
        expect(await accounts.findShareLink('no-such-token')).toBeNull();
        expect(await accounts.listShareLinks(organisationId, 'pres-1')).toEqual([links[1], links[0]]);
        expect(await accounts.revokeShareLink(organisationId, links[0]!.id, NOW)).toEqual({
          ...links[0],
          revokedAt: NOW,
        });
        expect((await accounts.revokeShareLink(organisationId, links[0]!.id, LATER))!.revokedAt).toBe(NOW);
        expect(await accounts.revokeShareLink(uniqueId('other'), links[0]!.id, NOW)).toBeNull();
        expect(await accounts.revokeShareLink(organisationId, 'no-such-link', NOW)).toBeNull();
      });
    });

    describe('a graph write and its account changes in one transaction (writeTogether)', () => {
      it('creates an organisation with its owner and its first entry, and deletes it with everything about it', async () => {
        const owner = newUser('owner');
        await accounts.createUser(owner);
        const id = await organisationOwnedBy(owner.id, 'together');
        expect(await accounts.getRole(owner.id, id)).toBe('OWNER');
        expect((await accounts.listHistory(id, { first: 10 })).nodes.map((e) => [e.id, e.action])).toEqual([
          [1, 'CREATE'],
        ]);
        await accounts.createInvitation({
          tokenHash: uniqueId('inv'),
          email: 'late@contract.example',
          organisationId: id,
          role: 'VIEWER',
          invitedBy: owner.id,
          createdAt: NOW,
          expiresAt: LATER,
          acceptedAt: null,
        });
        const share: ShareLink = {
          id: uniqueId('share'),
          tokenHash: uniqueId('token'),
          organisationId: id,
          presentationId: 'pres-1',
          createdBy: owner.id,
          createdAt: NOW,
          expiresAt: null,
          revokedAt: null,
        };
        await accounts.createShareLink(share);

        const deleted = await accounts.writeTogether(
          store,
          () => store.deleteOrganisation(id),
          (isDeleted) => (isDeleted ? { forgetOrganisation: id } : {}),
        );
        expect(deleted).toBe(true);
        expect(await store.getOrganisation(id)).toBeNull();
        expect(await accounts.getRole(owner.id, id)).toBeNull();
        expect(await accounts.listMembers(id)).toEqual([]);
        expect(await accounts.listHistory(id, { first: 10 })).toMatchObject({ nodes: [], totalCount: 0 });
        expect(await accounts.findShareLink(share.tokenHash)).toBeNull();

        // An organisation created later under the same id starts with nobody and a new history.
        const newcomer = newUser('newcomer');
        await accounts.createUser(newcomer);
        await accounts.writeTogether(
          store,
          () => store.createOrganisation(contents(id, 'Nykomling')),
          (created) => ({
            memberships: [{ organisationId: id, userId: newcomer.id, role: 'OWNER' }],
            history: entry(id, newcomer.id, { kind: 'organisation', recordId: id, action: 'CREATE', after: created }),
          }),
        );
        expect((await accounts.listMembers(id)).map((member) => member.userId)).toEqual([newcomer.id]);
        expect((await accounts.listHistory(id, { first: 10 })).nodes.map((e) => [e.id, e.userId])).toEqual([
          [1, newcomer.id],
        ]);
      });

      it('stores neither side when the account side fails, nor when the graph write is refused', async () => {
        const owner = newUser('refused');
        await accounts.createUser(owner);
        const id = uniqueId('never');
        organisations.push(id);
        await expect(
          accounts.writeTogether(
            store,
            () => store.createOrganisation(contents(id)),
            () => {
              throw new Error('the account side failed');
            },
          ),
        ).rejects.toThrow('the account side failed');
        expect(await store.getOrganisation(id)).toBeNull();

        const existing = await organisationOwnedBy(owner.id, 'exists');
        await expectDomainError(
          accounts.writeTogether(
            store,
            () => store.createOrganisation(contents(existing)),
            () => ({
              memberships: [{ organisationId: existing, userId: 'intruder', role: 'OWNER' }],
              history: entry(existing, 'intruder', { kind: 'organisation', recordId: existing, action: 'CREATE' }),
            }),
          ),
          'ORGANISATION_EXISTS',
        );
        expect(await accounts.getRole('intruder', existing)).toBeNull();
        expect((await accounts.listHistory(existing, { first: 10 })).totalCount).toBe(1);
      });

      it('refuses a write that makes no store write, or two', async () => {
        const id = await organisationOwnedBy(null, 'misuse');
        await expect(
          accounts.writeTogether(
            store,
            async () => 'nothing written',
            () => ({}),
          ),
        ).rejects.toThrow(/no store write/);
        const [chief] = await store.getRecords('actor', id, ['a-chief']);
        await expect(
          accounts.writeTogether(
            store,
            async () => {
              await store.updateRecord('actor', { ...chief!, name: 'Först' });
              return store.updateRecord('actor', { ...chief!, name: 'Sedan' });
            },
            () => ({}),
          ),
        ).rejects.toThrow(/2 write methods/);
        expect((await store.getRecords('actor', id, ['a-chief']))[0]!.name).toBe('Först');
      });
    });
  });
}
