import { gunzipSync, gzipSync } from 'node:zlib';

import neo4j, { type ManagedTransaction, type Record as Neo4jRecord } from 'neo4j-driver';

import { isRole, type Role } from '../../auth/roles.ts';
import { DomainError } from '../../domain/errors.ts';
import type { OrganisationContents } from '../../domain/records.ts';
import type {
  AccountChanges,
  AccountStore,
  HistoryAction,
  HistoryEntry,
  HistoryFilter,
  Invitation,
  Membership,
  NewUser,
  PendingEntry,
  Session,
  ShareLink,
  User,
} from '../account-store.ts';
import { decodeCursor, encodeCursor, pageSize } from '../cursor.ts';
import type { GraphStore, Page, PageRequest } from '../graph-store.ts';
import * as Q from './account-queries.ts';
import { Neo4jStore } from './neo4j-store.ts';
import { type Neo4jTransactions, runStatement } from './transactions.ts';

type Props = Record<string, unknown>;

function userFrom(props: Props): User {
  return {
    id: String(props.id),
    email: String(props.email),
    displayName: (props.displayName as string | null | undefined) ?? null,
    isAdmin: props.isAdmin === true,
    mustChangePassword: props.mustChangePassword === true,
    createdAt: String(props.createdAt),
  };
}

function roleFrom(value: unknown): Role | null {
  return isRole(value) ? value : null;
}

function shareLinkFrom(props: Props): ShareLink {
  const optional = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    id: String(props.id),
    tokenHash: String(props.tokenHash),
    organisationId: String(props.organisationId),
    presentationId: String(props.presentationId),
    createdBy: optional(props.createdBy),
    createdAt: String(props.createdAt),
    expiresAt: optional(props.expiresAt),
    revokedAt: optional(props.revokedAt),
  };
}

function historyFrom(record: Neo4jRecord): HistoryEntry {
  const json = (value: unknown) => (typeof value === 'string' ? (JSON.parse(value) as unknown) : null);
  return {
    id: Number(record.get('seq')),
    organisationId: String(record.get('organisationId')),
    userId: (record.get('userId') as string | null) ?? null,
    at: String(record.get('at')),
    kind: String(record.get('kind')),
    recordId: String(record.get('recordId')),
    action: record.get('action') as HistoryAction,
    before: json(record.get('before')),
    after: json(record.get('after')),
    hasSnapshot: record.get('hasSnapshot') === true,
  };
}

/** Integers as Neo4j INTEGERs (LIMIT refuses a float; an index on an integer property misses one). */
const int = (value: number) => neo4j.int(value);

/**
 * Accounts in Neo4j, beside the map data: the graph store's transactions (one driver per
 * process, one database), every statement from account-queries.ts. Snapshots are gzipped JSON
 * stored as base64 strings (Neo4j has no blob type).
 */
export class Neo4jAccountStore implements AccountStore {
  constructor(private readonly transactions: Neo4jTransactions) {}

  /** Renumbers a history of the old database-wide kind, then creates the constraints; idempotent. */
  async migrate(): Promise<void> {
    await this.transactions.run('write', Q.MIGRATE_DATABASE_WIDE_HISTORY, {});
    // Schema commands cannot share a transaction with data writes: one each.
    for (const statement of Q.ACCOUNT_SCHEMA) await this.transactions.run('write', statement, {});
  }

  async countUsers(): Promise<number> {
    const [record] = await this.transactions.run('read', Q.COUNT_USERS, {});
    return Number(record?.get('n') ?? 0);
  }

  async createUser(user: NewUser): Promise<User> {
    await this.transactions.run(
      'write',
      Q.CREATE_USER,
      user,
      () =>
        new DomainError('DUPLICATE', `A user with email "${user.email}" already exists.`, {
          kind: 'user',
          field: 'email',
          reason: 'DUPLICATE',
        }),
    );
    const { passwordHash: _hash, ...stored } = user;
    return stored;
  }

  async getUser(id: string): Promise<User | null> {
    const [record] = await this.transactions.run('read', Q.GET_USER, { id });
    return record ? userFrom(record.get('user') as Props) : null;
  }

  async findCredentials(email: string): Promise<{ user: User; passwordHash: string } | null> {
    const [record] = await this.transactions.run('read', Q.FIND_USER_BY_EMAIL, { email });
    if (!record) return null;
    const props = record.get('user') as Props;
    return { user: userFrom(props), passwordHash: String(props.passwordHash) };
  }

  async listUsers(page: PageRequest): Promise<Page<User>> {
    const size = pageSize(page.first);
    const { records, total } = await this.transactions.read(async (tx) => ({
      total: (await runStatement(tx, Q.COUNT_USERS, {}))[0]?.get('n'),
      records: await runStatement(tx, Q.PAGE_USERS, { after: decodeCursor(page.after) ?? '', limit: int(size + 1) }),
    }));
    const nodes = records.slice(0, size).map((record) => userFrom(record.get('user') as Props));
    const last = nodes.at(-1);
    return {
      nodes,
      hasNextPage: records.length > size,
      endCursor: last ? encodeCursor(last.email) : null,
      totalCount: Number(total ?? 0),
    };
  }

  async setPassword(userId: string, passwordHash: string, mustChangePassword: boolean): Promise<void> {
    await this.transactions.run('write', Q.SET_PASSWORD, { id: userId, passwordHash, mustChangePassword });
  }

  async createSession(session: Session): Promise<void> {
    await this.transactions.run('write', Q.CREATE_SESSION, session);
  }

  async findSession(tokenHash: string, now: string): Promise<{ session: Session; user: User } | null> {
    const [record] = await this.transactions.lookup(Q.FIND_SESSION, { tokenHash, now });
    if (!record) return null;
    const props = record.get('session') as Props;
    return {
      session: {
        tokenHash,
        userId: String(props.userId),
        createdAt: String(props.createdAt),
        expiresAt: String(props.expiresAt),
      },
      user: userFrom(record.get('user') as Props),
    };
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.transactions.run('write', Q.DELETE_SESSION, { tokenHash });
  }

  async deleteSessionsOf(userId: string, keepTokenHash?: string): Promise<void> {
    await this.transactions.run('write', Q.DELETE_SESSIONS_OF, { userId, keep: keepTokenHash ?? '' });
  }

  async getRole(userId: string, organisationId: string): Promise<Role | null> {
    const [record] = await this.transactions.lookup(Q.GET_ROLE, { organisationId, userId });
    return record ? roleFrom(record.get('role')) : null;
  }

  async listMemberships(userId: string): Promise<Membership[]> {
    const records = await this.transactions.run('read', Q.LIST_MEMBERSHIPS, { userId });
    return records.flatMap((record) => {
      const role = roleFrom(record.get('role'));
      return role ? [{ organisationId: String(record.get('organisationId')), userId, role }] : [];
    });
  }

  async listMembers(organisationId: string): Promise<Array<Membership & { user: User }>> {
    const records = await this.transactions.run('read', Q.LIST_MEMBERS, { organisationId });
    return records.flatMap((record) => {
      const role = roleFrom(record.get('role'));
      const user = userFrom(record.get('user') as Props);
      return role ? [{ organisationId, userId: user.id, role, user }] : [];
    });
  }

  async setMembership(membership: Membership): Promise<void> {
    await this.transactions.run('write', Q.SET_MEMBERSHIP, membership);
  }

  async removeMembership(organisationId: string, userId: string): Promise<boolean> {
    const [record] = await this.transactions.run('write', Q.REMOVE_MEMBERSHIP, { organisationId, userId });
    return Number(record?.get('removed') ?? 0) > 0;
  }

  async createInvitation(invitation: Invitation): Promise<void> {
    const { acceptedAt: _a, ...fields } = invitation;
    await this.transactions.run('write', Q.CREATE_INVITATION, fields);
  }

  async findInvitation(tokenHash: string): Promise<Invitation | null> {
    const [record] = await this.transactions.run('read', Q.FIND_INVITATION, { tokenHash });
    if (!record) return null;
    const props = record.get('invitation') as Props;
    const role = roleFrom(props.role);
    if (!role) return null;
    return {
      tokenHash,
      email: String(props.email),
      organisationId: String(props.organisationId),
      role,
      invitedBy: String(props.invitedBy),
      createdAt: String(props.createdAt),
      expiresAt: String(props.expiresAt),
      acceptedAt: (props.acceptedAt as string | null | undefined) ?? null,
    };
  }

  async acceptInvitation(tokenHash: string, at: string): Promise<boolean> {
    const [record] = await this.transactions.run('write', Q.ACCEPT_INVITATION, { tokenHash, at });
    return Number(record?.get('accepted') ?? 0) > 0;
  }

  async writeTogether<T>(
    store: GraphStore,
    write: () => Promise<T>,
    changesOf: (result: T) => AccountChanges,
  ): Promise<T> {
    if (!(store instanceof Neo4jStore) || store.shareTransactions() !== this.transactions) {
      throw new Error('writeTogether: the graph store keeps its data in another database.');
    }
    return store.writeWith(write, async (result, tx) => {
      const { memberships = [], forgetOrganisation, history } = changesOf(result);
      for (const membership of memberships) await runStatement(tx, Q.SET_MEMBERSHIP, membership);
      if (forgetOrganisation !== undefined) {
        await runStatement(tx, Q.FORGET_ORGANISATION, { organisationId: forgetOrganisation });
      }
      if (history) await this.appendIn(tx, store, history);
    });
  }

  /** Appends a history entry in the write's own transaction, so its snapshot sees that write. */
  private async appendIn(tx: ManagedTransaction, store: Neo4jStore, history: PendingEntry): Promise<void> {
    const { isSnapshot, ...entry } = history;
    const snapshot = isSnapshot ? await store.readOrganisationIn(tx, entry.organisationId) : null;
    await runStatement(tx, Q.APPEND_HISTORY, {
      organisationId: entry.organisationId,
      userId: entry.userId,
      at: entry.at,
      kind: entry.kind,
      recordId: entry.recordId,
      action: entry.action,
      before: entry.before === null || entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === null || entry.after === undefined ? null : JSON.stringify(entry.after),
      snapshot: snapshot ? gzipSync(JSON.stringify(snapshot)).toString('base64') : null,
    });
  }

  async listHistory(
    organisationId: string,
    page: PageRequest,
    filter: HistoryFilter = {},
  ): Promise<Page<HistoryEntry>> {
    const size = pageSize(page.first);
    const before = Number(decodeCursor(page.after) ?? Number.MAX_SAFE_INTEGER);
    const narrowing = {
      recordId: filter.recordId ?? null,
      userId: filter.userId ?? null,
      afterId: filter.afterId === null || filter.afterId === undefined ? null : int(filter.afterId),
    };
    const { records, total } = await this.transactions.read(async (tx) => ({
      total: (await runStatement(tx, Q.COUNT_HISTORY, { organisationId, ...narrowing }))[0]?.get('n'),
      records: await runStatement(tx, Q.PAGE_HISTORY, {
        organisationId,
        before: int(before),
        limit: int(size + 1),
        ...narrowing,
      }),
    }));
    const nodes = records.slice(0, size).map(historyFrom);
    const last = nodes.at(-1);
    return {
      nodes,
      hasNextPage: records.length > size,
      endCursor: last ? encodeCursor(String(last.id)) : null,
      totalCount: Number(total ?? 0),
    };
  }

  async historySince(
    organisationId: string,
    uptoId: number,
  ): Promise<{ base: OrganisationContents | null; entries: HistoryEntry[] }> {
    const { base, records } = await this.transactions.read(async (tx) => {
      const [first] = await runStatement(tx, Q.HISTORY_BASE, { organisationId, upto: int(uptoId) });
      if (!first) return { base: undefined, records: [] };
      const from = int(Number(first.get('seq')));
      return {
        base: first,
        records: await runStatement(tx, Q.HISTORY_RANGE, { organisationId, from, upto: int(uptoId) }),
      };
    });
    if (!base) return { base: null, entries: [] };
    const snapshot = Buffer.from(String(base.get('snapshot')), 'base64');
    return {
      base: JSON.parse(gunzipSync(snapshot).toString('utf8')) as OrganisationContents,
      entries: records.map(historyFrom),
    };
  }

  async getHistoryEntry(organisationId: string, id: number): Promise<HistoryEntry | null> {
    const [record] = await this.transactions.run('read', Q.GET_HISTORY_ENTRY, { organisationId, seq: int(id) });
    return record ? historyFrom(record) : null;
  }

  async createShareLink(link: ShareLink): Promise<void> {
    await this.transactions.run('write', Q.CREATE_SHARE_LINK, { ...link });
  }

  async findShareLink(tokenHash: string): Promise<ShareLink | null> {
    const [record] = await this.transactions.run('read', Q.FIND_SHARE_LINK, { tokenHash });
    return record ? shareLinkFrom(record.get('link') as Props) : null;
  }

  async listShareLinks(organisationId: string, presentationId: string): Promise<ShareLink[]> {
    const records = await this.transactions.run('read', Q.LIST_SHARE_LINKS, { organisationId, presentationId });
    return records.map((record) => shareLinkFrom(record.get('link') as Props));
  }

  async revokeShareLink(organisationId: string, id: string, at: string): Promise<ShareLink | null> {
    const [record] = await this.transactions.run('write', Q.REVOKE_SHARE_LINK, { organisationId, id, at });
    return record ? shareLinkFrom(record.get('link') as Props) : null;
  }
}
