import type { Role } from '../auth/roles.ts';
import type { OrganisationContents } from '../domain/records.ts';
import type { GraphStore, Page, PageRequest } from './graph-store.ts';

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
  /** The organisation's sequence number: 1, 2, 3… in the order its changes were made, without gaps. */
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

/** A history entry as a change describes it; the store adds the snapshot when `isSnapshot`. */
export type PendingEntry = Omit<HistoryEntry, 'id' | 'hasSnapshot'> & {
  /** Keep the organisation's whole contents after the change (see editing/history.ts). */
  isSnapshot?: boolean;
};

/** What changes on the account side together with one write of the map data (`writeTogether`). */
export interface AccountChanges {
  /** Memberships to set: a new organisation's owner. */
  memberships?: readonly Membership[];
  /** The organisation is gone: forget its memberships, invitations, share links and history. */
  forgetOrganisation?: string;
  /** The change's history entry; it gets the organisation's next sequence number. */
  history?: PendingEntry;
}

/** Narrows a history listing; every field given must match. */
export interface HistoryFilter {
  /** Changes of this record (or of the organisation's own fields, by its id). */
  recordId?: string | null;
  /** Changes made by this user. */
  userId?: string | null;
  /** Only entries made after this one (what restoring to it would undo). */
  afterId?: number | null;
}

/**
 * Accounts, sessions, memberships, invitations and the change history: everything about who
 * may do what, beside the map data (GraphStore) in the same database, so that a change to the
 * map and its account side commit together (`writeTogether`). Every membership, invitation and
 * history method is scoped by organisation. Both adapters pass
 * `contract/account-store.contract.ts`.
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

  /**
   * Makes one write of the map data and its account side in one transaction: both are stored
   * or neither. `write` calls exactly one write method of `store` and returns its promise
   * unchanged (`() => store.createOrganisation(…)`); `changesOf` gets that method's result.
   * Writes to one organisation, with their history entries, are serialised by the database
   * (also across app instances), so entries are numbered in the order the writes were made and
   * a snapshot holds exactly the writes before it.
   * @throws Error (a programming error) when `store` is not the graph store in this account
   *   store's database, or `write` makes no store write or two.
   */
  writeTogether<T>(store: GraphStore, write: () => Promise<T>, changesOf: (result: T) => AccountChanges): Promise<T>;
  /** Newest first; the cursor is an entry id. The filter narrows the entries (and the count). */
  listHistory(organisationId: string, page: PageRequest, filter?: HistoryFilter): Promise<Page<HistoryEntry>>;
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
}
