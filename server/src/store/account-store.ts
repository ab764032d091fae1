import type { Role } from '../auth/roles.ts';
import type { OrganisationContents } from '../domain/records.ts';
import type { Page, PageRequest } from './graph-store.ts';

export interface User {
  id: string;
  /** Trimmed and lower-cased. */
  email: string;
  displayName: string | null;
  isAdmin: boolean;
  mustChangePassword: boolean;
  /** ISO 8601. */
  createdAt: string;
}

export interface NewUser extends User {
  passwordHash: string;
}

export interface Session {
  /** SHA-256 (hex) of the token in the cookie; the token itself is never stored. */
  tokenHash: string;
  userId: string;
  createdAt: string;
  expiresAt: string;
}

export interface Membership {
  organisationId: string;
  userId: string;
  role: Role;
}

export interface Invitation {
  /** SHA-256 of the token sent to the invitee. */
  tokenHash: string;
  email: string;
  organisationId: string;
  role: Role;
  invitedBy: string;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
}

/** A read-only link to one presentation; only the SHA-256 of its token is kept. */
export interface ShareLink {
  id: string;
  tokenHash: string;
  organisationId: string;
  presentationId: string;
  createdBy: string | null;
  createdAt: string;
  /** ISO 8601, or null for no expiry. */
  expiresAt: string | null;
  revokedAt: string | null;
}

export type HistoryAction = 'CREATE' | 'UPDATE' | 'DELETE' | 'IMPORT' | 'RESTORE';

/** One recorded change: who, when, what (kind, id, action) and the record before and after. */
export interface HistoryEntry {
  /** Increasing in the order changes were made (per database, not per organisation). */
  id: number;
  organisationId: string;
  userId: string | null;
  at: string;
  /** A record kind, or `organisation`. */
  kind: string;
  recordId: string;
  action: HistoryAction;
  before: unknown;
  after: unknown;
  /** Whether the organisation's full contents after the change were kept (see editing/history.ts). */
  hasSnapshot: boolean;
}

export type NewHistoryEntry = Omit<HistoryEntry, 'id' | 'hasSnapshot'> & { snapshot?: OrganisationContents };

/**
 * Accounts, sessions, memberships, invitations and the change history: everything about who
 * may do what, kept apart from the map data (GraphStore) so that either can change adapter.
 * Every membership, invitation and history method is scoped by organisation.
 */
export interface AccountStore {
  countUsers(): Promise<number>;
  /** DUPLICATE when the email is taken. */
  createUser(user: NewUser): Promise<User>;
  getUser(id: string): Promise<User | null>;
  /** The user and their password hash, for login only. */
  findCredentials(email: string): Promise<{ user: User; passwordHash: string } | null>;
  listUsers(page: PageRequest): Promise<Page<User>>;
  setPassword(userId: string, passwordHash: string, mustChangePassword: boolean): Promise<void>;

  createSession(session: Session): Promise<void>;
  /** The session's user when the session exists and has not expired at `now`. */
  findSession(tokenHash: string, now: string): Promise<{ session: Session; user: User } | null>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Ends every session of a user except `keepTokenHash` (after a password change). */
  deleteSessionsOf(userId: string, keepTokenHash?: string): Promise<void>;

  getRole(userId: string, organisationId: string): Promise<Role | null>;
  /** The user's memberships ordered by organisation id. */
  listMemberships(userId: string): Promise<Membership[]>;
  listMembers(organisationId: string): Promise<Array<Membership & { user: User }>>;
  setMembership(membership: Membership): Promise<void>;
  removeMembership(organisationId: string, userId: string): Promise<boolean>;

  createInvitation(invitation: Invitation): Promise<void>;
  findInvitation(tokenHash: string): Promise<Invitation | null>;
  /** Marks it used; false when it already was (two acceptances racing). */
  acceptInvitation(tokenHash: string, at: string): Promise<boolean>;

  appendHistory(entry: NewHistoryEntry): Promise<HistoryEntry>;
  /** Newest first; the cursor is an entry id. */
  listHistory(organisationId: string, page: PageRequest): Promise<Page<HistoryEntry>>;
  /** Entries of one organisation with id ≤ `uptoId`, from the newest snapshot on, oldest first. */
  historySince(
    organisationId: string,
    uptoId: number,
  ): Promise<{ base: OrganisationContents | null; entries: HistoryEntry[] }>;
  getHistoryEntry(organisationId: string, id: number): Promise<HistoryEntry | null>;

  createShareLink(link: ShareLink): Promise<void>;
  findShareLink(tokenHash: string): Promise<ShareLink | null>;
  /** The presentation's links, oldest first. */
  listShareLinks(organisationId: string, presentationId: string): Promise<ShareLink[]>;
  /** Sets `revokedAt` unless already set; the link after it, or null when there is no such link. */
  revokeShareLink(organisationId: string, id: string, at: string): Promise<ShareLink | null>;

  /** Forgets memberships, invitations, share links and history of a deleted organisation. */
  forgetOrganisation(organisationId: string): Promise<void>;
}
