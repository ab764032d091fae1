import { gunzipSync } from 'node:zlib';

import type Database from 'better-sqlite3';

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
  Session,
  ShareLink,
  User,
} from '../account-store.ts';
import { decodeCursor, encodeCursor, pageSize } from '../cursor.ts';
import type { GraphStore, Page, PageRequest } from '../graph-store.ts';
import { insertHistoryEntry } from './history-rows.ts';
import { SqliteStore } from './sqlite-store.ts';

interface UserRow {
  id: string;
  email: string;
  display_name: string | null;
  password_hash: string;
  is_admin: number;
  must_change_password: number;
  created_at: string;
}

interface HistoryRow {
  seq: number;
  organisation_id: string;
  user_id: string | null;
  at: string;
  kind: string;
  record_id: string;
  action: HistoryAction;
  before: string | null;
  after: string | null;
  has_snapshot: number;
}

interface ShareLinkRow {
  id: string;
  token_hash: string;
  organisation_id: string;
  presentation_id: string;
  created_by: string | null;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

function shareLinkFromRow(row: ShareLinkRow): ShareLink {
  return {
    id: row.id,
    tokenHash: row.token_hash,
    organisationId: row.organisation_id,
    presentationId: row.presentation_id,
    createdBy: row.created_by,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  };
}

interface InvitationRow {
  token_hash: string;
  email: string;
  organisation_id: string;
  role: string;
  invited_by: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
}

function userFromRow(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    isAdmin: row.is_admin === 1,
    mustChangePassword: row.must_change_password === 1,
    createdAt: row.created_at,
  };
}

/** A role read back from the database; an unknown word (a later version's role) grants nothing. */
function roleFrom(value: string): Role | null {
  return isRole(value) ? value : null;
}

function historyFromRow(row: HistoryRow): HistoryEntry {
  return {
    id: row.seq,
    organisationId: row.organisation_id,
    userId: row.user_id,
    at: row.at,
    kind: row.kind,
    recordId: row.record_id,
    action: row.action,
    before: row.before === null ? null : JSON.parse(row.before),
    after: row.after === null ? null : JSON.parse(row.after),
    hasSnapshot: row.has_snapshot === 1,
  };
}

const HISTORY_COLUMNS =
  'seq, organisation_id, user_id, at, kind, record_id, action, before, after, snapshot IS NOT NULL AS has_snapshot';

/**
 * Accounts in the embedded SQLite file, on the GraphStore's own handle (tables from migration 2),
 * so that a change and its account side commit together (`writeTogether`).
 */
export class SqliteAccountStore implements AccountStore {
  private readonly statements = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  /** Prepared once per SQL text, for the statements every signed-in request runs (its session, its role). */
  private prepared(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  async countUsers(): Promise<number> {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n;
  }

  async createUser(user: NewUser): Promise<User> {
    try {
      this.db
        .prepare(
          `INSERT INTO users (id, email, display_name, password_hash, is_admin, must_change_password, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          user.id,
          user.email,
          user.displayName,
          user.passwordHash,
          user.isAdmin ? 1 : 0,
          user.mustChangePassword ? 1 : 0,
          user.createdAt,
        );
    } catch (error) {
      if ((error as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) {
        throw new DomainError('DUPLICATE', `A user with email "${user.email}" already exists.`, {
          kind: 'user',
          field: 'email',
          reason: 'DUPLICATE',
        });
      }
      throw error;
    }
    const { passwordHash: _hash, ...stored } = user;
    return stored;
  }

  async getUser(id: string): Promise<User | null> {
    const row = this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
    return row ? userFromRow(row) : null;
  }

  async findCredentials(email: string): Promise<{ user: User; passwordHash: string } | null> {
    const row = this.db.prepare('SELECT * FROM users WHERE email = ?').get(email) as UserRow | undefined;
    return row ? { user: userFromRow(row), passwordHash: row.password_hash } : null;
  }

  async listUsers(page: PageRequest): Promise<Page<User>> {
    const size = pageSize(page.first);
    const after = decodeCursor(page.after) ?? '';
    const { n } = this.db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number };
    const rows = this.db
      .prepare('SELECT * FROM users WHERE email > ? ORDER BY email LIMIT ?')
      .all(after, size + 1) as UserRow[];
    const nodes = rows.slice(0, size).map(userFromRow);
    const last = nodes.at(-1);
    return { nodes, hasNextPage: rows.length > size, endCursor: last ? encodeCursor(last.email) : null, totalCount: n };
  }

  async setPassword(userId: string, passwordHash: string, mustChangePassword: boolean): Promise<void> {
    this.db
      .prepare('UPDATE users SET password_hash = ?, must_change_password = ? WHERE id = ?')
      .run(passwordHash, mustChangePassword ? 1 : 0, userId);
  }

  async createSession(session: Session): Promise<void> {
    this.db
      .prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)')
      .run(session.tokenHash, session.userId, session.createdAt, session.expiresAt);
  }

  async findSession(tokenHash: string, now: string): Promise<{ session: Session; user: User } | null> {
    const row = this.prepared(
      `SELECT s.created_at AS s_created_at, s.expires_at AS s_expires_at, u.*
       FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_at > ?`,
    ).get(tokenHash, now) as (UserRow & { s_created_at: string; s_expires_at: string }) | undefined;
    if (!row) return null;
    return {
      session: { tokenHash, userId: row.id, createdAt: row.s_created_at, expiresAt: row.s_expires_at },
      user: userFromRow(row),
    };
  }

  async deleteSession(tokenHash: string): Promise<void> {
    this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
  }

  async deleteSessionsOf(userId: string, keepTokenHash?: string): Promise<void> {
    this.db.prepare('DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?').run(userId, keepTokenHash ?? '');
  }

  async getRole(userId: string, organisationId: string): Promise<Role | null> {
    const row = this.prepared('SELECT role FROM memberships WHERE user_id = ? AND organisation_id = ?').get(
      userId,
      organisationId,
    ) as { role: string } | undefined;
    return row ? roleFrom(row.role) : null;
  }

  async listMemberships(userId: string): Promise<Membership[]> {
    const rows = this.db
      .prepare('SELECT organisation_id, role FROM memberships WHERE user_id = ? ORDER BY organisation_id')
      .all(userId) as Array<{ organisation_id: string; role: string }>;
    return rows.flatMap((row) => {
      const role = roleFrom(row.role);
      return role ? [{ organisationId: row.organisation_id, userId, role }] : [];
    });
  }

  async listMembers(organisationId: string): Promise<Array<Membership & { user: User }>> {
    const rows = this.db
      .prepare(
        `SELECT m.role AS m_role, u.* FROM memberships m JOIN users u ON u.id = m.user_id
         WHERE m.organisation_id = ? ORDER BY u.email`,
      )
      .all(organisationId) as Array<UserRow & { m_role: string }>;
    return rows.flatMap((row) => {
      const role = roleFrom(row.m_role);
      return role ? [{ organisationId, userId: row.id, role, user: userFromRow(row) }] : [];
    });
  }

  async setMembership(membership: Membership): Promise<void> {
    this.upsertMembership(membership);
  }

  private upsertMembership(membership: Membership): void {
    this.db
      .prepare(
        `INSERT INTO memberships (organisation_id, user_id, role) VALUES (?, ?, ?)
         ON CONFLICT (organisation_id, user_id) DO UPDATE SET role = excluded.role`,
      )
      .run(membership.organisationId, membership.userId, membership.role);
  }

  async removeMembership(organisationId: string, userId: string): Promise<boolean> {
    return (
      this.db.prepare('DELETE FROM memberships WHERE organisation_id = ? AND user_id = ?').run(organisationId, userId)
        .changes > 0
    );
  }

  async createInvitation(invitation: Invitation): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO invitations (token_hash, email, organisation_id, role, invited_by, created_at, expires_at, accepted_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, NULL)`,
      )
      .run(
        invitation.tokenHash,
        invitation.email,
        invitation.organisationId,
        invitation.role,
        invitation.invitedBy,
        invitation.createdAt,
        invitation.expiresAt,
      );
  }

  async findInvitation(tokenHash: string): Promise<Invitation | null> {
    const row = this.db.prepare('SELECT * FROM invitations WHERE token_hash = ?').get(tokenHash) as
      InvitationRow | undefined;
    const role = row ? roleFrom(row.role) : null;
    if (!row || !role) return null;
    return {
      tokenHash: row.token_hash,
      email: row.email,
      organisationId: row.organisation_id,
      role,
      invitedBy: row.invited_by,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      acceptedAt: row.accepted_at,
    };
  }

  async acceptInvitation(tokenHash: string, at: string): Promise<boolean> {
    return (
      this.db
        .prepare('UPDATE invitations SET accepted_at = ? WHERE token_hash = ? AND accepted_at IS NULL')
        .run(at, tokenHash).changes > 0
    );
  }

  async writeTogether<T>(
    store: GraphStore,
    write: () => Promise<T>,
    changesOf: (result: T) => AccountChanges,
  ): Promise<T> {
    if (!(store instanceof SqliteStore) || store.shareDatabase() !== this.db) {
      throw new Error('writeTogether: the graph store keeps its data in another database.');
    }
    return store.writeWith(write, (result) => {
      const { memberships = [], forgetOrganisation, history } = changesOf(result);
      for (const membership of memberships) this.upsertMembership(membership);
      if (forgetOrganisation !== undefined) {
        for (const table of ['memberships', 'invitations', 'share_links', 'history']) {
          this.db.prepare(`DELETE FROM ${table} WHERE organisation_id = ?`).run(forgetOrganisation);
        }
      }
      if (history) {
        const { isSnapshot, ...entry } = history;
        insertHistoryEntry(this.db, entry, isSnapshot ? store.contentsOf(entry.organisationId) : null);
      }
    });
  }

  async listHistory(
    organisationId: string,
    page: PageRequest,
    filter: HistoryFilter = {},
  ): Promise<Page<HistoryEntry>> {
    const size = pageSize(page.first);
    const before = Number(decodeCursor(page.after) ?? Number.MAX_SAFE_INTEGER);
    // One statement for every filter: a parameter left null matches everything.
    const where = `organisation_id = @organisationId AND (@recordId IS NULL OR record_id = @recordId)
      AND (@userId IS NULL OR user_id = @userId) AND (@afterId IS NULL OR seq > @afterId)`;
    const params = {
      organisationId,
      recordId: filter.recordId ?? null,
      userId: filter.userId ?? null,
      afterId: filter.afterId ?? null,
    };
    const { n } = this.db.prepare(`SELECT COUNT(*) AS n FROM history WHERE ${where}`).get(params) as { n: number };
    const rows = this.db
      .prepare(`SELECT ${HISTORY_COLUMNS} FROM history WHERE ${where} AND seq < @before ORDER BY seq DESC LIMIT @limit`)
      .all({ ...params, before, limit: size + 1 }) as HistoryRow[];
    const nodes = rows.slice(0, size).map(historyFromRow);
    const last = nodes.at(-1);
    return {
      nodes,
      hasNextPage: rows.length > size,
      endCursor: last ? encodeCursor(String(last.id)) : null,
      totalCount: n,
    };
  }

  async historySince(
    organisationId: string,
    uptoId: number,
  ): Promise<{ base: OrganisationContents | null; entries: HistoryEntry[] }> {
    return this.db.transaction(() => {
      const base = this.db
        .prepare(
          `SELECT seq, snapshot FROM history WHERE organisation_id = ? AND seq <= ? AND snapshot IS NOT NULL
           ORDER BY seq DESC LIMIT 1`,
        )
        .get(organisationId, uptoId) as { seq: number; snapshot: Buffer } | undefined;
      if (!base) return { base: null, entries: [] };
      const rows = this.db
        .prepare(
          `SELECT ${HISTORY_COLUMNS} FROM history WHERE organisation_id = ? AND seq > ? AND seq <= ? ORDER BY seq`,
        )
        .all(organisationId, base.seq, uptoId) as HistoryRow[];
      return {
        base: JSON.parse(gunzipSync(base.snapshot).toString('utf8')) as OrganisationContents,
        entries: rows.map(historyFromRow),
      };
    })();
  }

  async getHistoryEntry(organisationId: string, id: number): Promise<HistoryEntry | null> {
    const row = this.db
      .prepare(`SELECT ${HISTORY_COLUMNS} FROM history WHERE organisation_id = ? AND seq = ?`)
      .get(organisationId, id) as HistoryRow | undefined;
    return row ? historyFromRow(row) : null;
  }

  async createShareLink(link: ShareLink): Promise<void> {
    this.db
      .prepare(
        `INSERT INTO share_links (id, token_hash, organisation_id, presentation_id, created_by, created_at, expires_at, revoked_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        link.id,
        link.tokenHash,
        link.organisationId,
        link.presentationId,
        link.createdBy,
        link.createdAt,
        link.expiresAt,
        link.revokedAt,
      );
  }

  async findShareLink(tokenHash: string): Promise<ShareLink | null> {
    const row = this.db.prepare('SELECT * FROM share_links WHERE token_hash = ?').get(tokenHash) as
      ShareLinkRow | undefined;
    return row ? shareLinkFromRow(row) : null;
  }

  async listShareLinks(organisationId: string, presentationId: string): Promise<ShareLink[]> {
    const rows = this.db
      .prepare('SELECT * FROM share_links WHERE organisation_id = ? AND presentation_id = ? ORDER BY created_at, id')
      .all(organisationId, presentationId) as ShareLinkRow[];
    return rows.map(shareLinkFromRow);
  }

  async revokeShareLink(organisationId: string, id: string, at: string): Promise<ShareLink | null> {
    this.db
      .prepare('UPDATE share_links SET revoked_at = ? WHERE organisation_id = ? AND id = ? AND revoked_at IS NULL')
      .run(at, organisationId, id);
    const row = this.db
      .prepare('SELECT * FROM share_links WHERE organisation_id = ? AND id = ?')
      .get(organisationId, id) as ShareLinkRow | undefined;
    return row ? shareLinkFromRow(row) : null;
  }
}
