/**
 * Every Cypher statement of the Neo4j account store, as named constants with their parameters
 * (example values, for the offline lint). Nothing else in neo4j-account-store.ts holds Cypher.
 *
 * Model: `(:User {id, email, …})`, `(:Session {tokenHash, …})-[:SESSION_OF]->(:User)`,
 * `(:User)-[:MEMBER_OF {role}]->(:Membership {organisationId})` is avoided in favour of a
 * `(:Membership {organisationId, userId, role})` node per pair, so a membership of an
 * organisation whose map lives elsewhere needs no `:Organisation` node. `(:Invitation {tokenHash, …})`,
 * `(:ShareLink {id, tokenHash, organisationId, presentationId, …})`,
 * `(:HistoryEntry {seq, organisationId, …})` with `seq` from the organisation's
 * `(:HistorySequence {organisationId, value})` counter node.
 *
 * Integers sent as parameters (LIMIT, sequence numbers) are `neo4j.int`s: a JS number arrives
 * as a float, which LIMIT refuses and which an index on an integer property does not find.
 */
export interface AccountStatement<P extends string = string> {
  readonly name: string;
  readonly text: string;
  readonly params: Readonly<Record<P, unknown>>;
}

/** The account model's labels, relationship types and property keys, for the offline check. */
export const ACCOUNT_LABELS = [
  'User',
  'Session',
  'Membership',
  'Invitation',
  'ShareLink',
  'HistoryEntry',
  'HistorySequence',
] as const;
export const ACCOUNT_RELATIONSHIP_TYPES = ['SESSION_OF'] as const;
export const ACCOUNT_PROPERTY_KEYS = [
  'id',
  'email',
  'displayName',
  'passwordHash',
  'isAdmin',
  'mustChangePassword',
  'createdAt',
  'tokenHash',
  'userId',
  'expiresAt',
  'organisationId',
  'role',
  'invitedBy',
  'acceptedAt',
  'presentationId',
  'createdBy',
  'revokedAt',
  'seq',
  'at',
  'kind',
  'recordId',
  'action',
  'before',
  'after',
  'snapshot',
  'value',
  'writeLock',
] as const;

const registry: AccountStatement[] = [];

function cypher<const P extends Record<string, unknown>>(
  name: string,
  text: string,
  params: P,
): AccountStatement<keyof P & string> {
  const statement = { name, text: text.trim(), params };
  registry.push(statement);
  return statement;
}

/** Every statement of this module, for the offline Cypher check. */
export const ALL_ACCOUNT_STATEMENTS: readonly AccountStatement[] = registry;

const USER = { id: 'user-1', email: 'a@example.org', displayName: null, isAdmin: false, mustChangePassword: false };
const NOW = '2025-01-01T00:00:00.000Z';

export const ACCOUNT_SCHEMA = [
  cypher('USER_ID_UNIQUE', 'CREATE CONSTRAINT user_id IF NOT EXISTS FOR (u:User) REQUIRE u.id IS UNIQUE', {}),
  cypher('USER_EMAIL_UNIQUE', 'CREATE CONSTRAINT user_email IF NOT EXISTS FOR (u:User) REQUIRE u.email IS UNIQUE', {}),
  cypher(
    'SESSION_TOKEN_UNIQUE',
    'CREATE CONSTRAINT session_token IF NOT EXISTS FOR (s:Session) REQUIRE s.tokenHash IS UNIQUE',
    {},
  ),
  cypher(
    'MEMBERSHIP_UNIQUE',
    'CREATE CONSTRAINT membership_key IF NOT EXISTS FOR (m:Membership) REQUIRE (m.organisationId, m.userId) IS UNIQUE',
    {},
  ),
  cypher(
    'INVITATION_TOKEN_UNIQUE',
    'CREATE CONSTRAINT invitation_token IF NOT EXISTS FOR (i:Invitation) REQUIRE i.tokenHash IS UNIQUE',
    {},
  ),
  cypher(
    'SHARE_LINK_TOKEN_UNIQUE',
    'CREATE CONSTRAINT share_link_token IF NOT EXISTS FOR (l:ShareLink) REQUIRE l.tokenHash IS UNIQUE',
    {},
  ),
  cypher(
    'SHARE_LINK_ID_UNIQUE',
    'CREATE CONSTRAINT share_link_id IF NOT EXISTS FOR (l:ShareLink) REQUIRE l.id IS UNIQUE',
    {},
  ),
  // Replaced by the uniqueness constraint below, which brings its own index on the same keys.
  cypher('DROP_OLD_HISTORY_INDEX', 'DROP INDEX history_organisation IF EXISTS', {}),
  cypher(
    'HISTORY_SEQUENCE_UNIQUE',
    'CREATE CONSTRAINT history_sequence IF NOT EXISTS FOR (h:HistoryEntry) REQUIRE (h.organisationId, h.seq) IS UNIQUE',
    {},
  ),
  cypher(
    'HISTORY_COUNTER_UNIQUE',
    'CREATE CONSTRAINT history_counter IF NOT EXISTS FOR (c:HistorySequence) REQUIRE c.organisationId IS UNIQUE',
    {},
  ),
] as const;

/**
 * Before version 2 the history was numbered by one counter for the whole database (a
 * `HistorySequence` without organisationId), which concurrent first writes could duplicate.
 * When that counter is found, the entries of every organisation without a counter of its own are
 * renumbered 1, 2, 3… in their old order and given one; then the old counter goes. Runs before
 * the uniqueness constraints, which duplicates would block; a no-op once done.
 */
export const MIGRATE_DATABASE_WIDE_HISTORY = cypher(
  'MIGRATE_DATABASE_WIDE_HISTORY',
  `MATCH (old:HistorySequence) WHERE old.organisationId IS NULL
   WITH collect(old) AS olds WHERE size(olds) > 0
   CALL () {
     MATCH (h:HistoryEntry)
     WHERE NOT EXISTS { MATCH (:HistorySequence {organisationId: h.organisationId}) }
     WITH h ORDER BY h.seq, h.at
     WITH h.organisationId AS organisationId, collect(h) AS entries
     CALL (entries) {
       UNWIND range(1, size(entries)) AS n
       WITH entries[n - 1] AS entry, n
       SET entry.seq = n
     }
     MERGE (c:HistorySequence {organisationId: organisationId})
     SET c.value = size(entries)
   }
   FOREACH (old IN olds | DELETE old)`,
  {},
);

export const COUNT_USERS = cypher('COUNT_USERS', 'MATCH (u:User) RETURN count(u) AS n', {});

export const CREATE_USER = cypher(
  'CREATE_USER',
  `CREATE (u:User {id: $id, email: $email, displayName: $displayName, passwordHash: $passwordHash,
     isAdmin: $isAdmin, mustChangePassword: $mustChangePassword, createdAt: $createdAt})`,
  { ...USER, passwordHash: 'scrypt$…', createdAt: NOW },
);

export const GET_USER = cypher('GET_USER', 'MATCH (u:User {id: $id}) RETURN properties(u) AS user', { id: 'user-1' });

export const FIND_USER_BY_EMAIL = cypher(
  'FIND_USER_BY_EMAIL',
  'MATCH (u:User {email: $email}) RETURN properties(u) AS user',
  { email: USER.email },
);

export const PAGE_USERS = cypher(
  'PAGE_USERS',
  `MATCH (u:User) WHERE u.email > $after
   RETURN properties(u) AS user ORDER BY u.email LIMIT $limit`,
  { after: '', limit: 51 },
);

export const SET_PASSWORD = cypher(
  'SET_PASSWORD',
  'MATCH (u:User {id: $id}) SET u.passwordHash = $passwordHash, u.mustChangePassword = $mustChangePassword',
  { id: 'user-1', passwordHash: 'scrypt$…', mustChangePassword: false },
);

export const CREATE_SESSION = cypher(
  'CREATE_SESSION',
  `MATCH (u:User {id: $userId})
   CREATE (s:Session {tokenHash: $tokenHash, userId: $userId, createdAt: $createdAt, expiresAt: $expiresAt})-[:SESSION_OF]->(u)`,
  { tokenHash: 'ab12', userId: 'user-1', createdAt: NOW, expiresAt: NOW },
);

/** Sessions of many requests at once (a `LookupBatch`): each row a token hash and its request's time. */
export const FIND_SESSION = cypher(
  'FIND_SESSION',
  `UNWIND $rows AS row
   MATCH (s:Session {tokenHash: row.tokenHash})-[:SESSION_OF]->(u:User) WHERE s.expiresAt > row.now
   RETURN row.i AS i, properties(s) AS session, properties(u) AS user`,
  { rows: [{ i: 0, tokenHash: 'ab12', now: NOW }] },
);

export const DELETE_SESSION = cypher('DELETE_SESSION', 'MATCH (s:Session {tokenHash: $tokenHash}) DETACH DELETE s', {
  tokenHash: 'ab12',
});

export const DELETE_SESSIONS_OF = cypher(
  'DELETE_SESSIONS_OF',
  'MATCH (s:Session {userId: $userId}) WHERE s.tokenHash <> $keep DETACH DELETE s',
  { userId: 'user-1', keep: '' },
);

/** Roles of many requests at once (a `LookupBatch`): each row a user and an organisation. */
export const GET_ROLE = cypher(
  'GET_ROLE',
  `UNWIND $rows AS row
   MATCH (m:Membership {organisationId: row.organisationId, userId: row.userId}) RETURN row.i AS i, m.role AS role`,
  { rows: [{ i: 0, organisationId: 'org-1', userId: 'user-1' }] },
);

export const LIST_MEMBERSHIPS = cypher(
  'LIST_MEMBERSHIPS',
  'MATCH (m:Membership {userId: $userId}) RETURN m.organisationId AS organisationId, m.role AS role ORDER BY m.organisationId',
  { userId: 'user-1' },
);

export const LIST_MEMBERS = cypher(
  'LIST_MEMBERS',
  `MATCH (m:Membership {organisationId: $organisationId}) MATCH (u:User {id: m.userId})
   RETURN m.role AS role, properties(u) AS user ORDER BY u.email`,
  { organisationId: 'org-1' },
);

export const SET_MEMBERSHIP = cypher(
  'SET_MEMBERSHIP',
  'MERGE (m:Membership {organisationId: $organisationId, userId: $userId}) SET m.role = $role',
  { organisationId: 'org-1', userId: 'user-1', role: 'VIEWER' },
);

export const REMOVE_MEMBERSHIP = cypher(
  'REMOVE_MEMBERSHIP',
  'MATCH (m:Membership {organisationId: $organisationId, userId: $userId}) DELETE m RETURN count(*) AS removed',
  { organisationId: 'org-1', userId: 'user-1' },
);

export const CREATE_INVITATION = cypher(
  'CREATE_INVITATION',
  `CREATE (:Invitation {tokenHash: $tokenHash, email: $email, organisationId: $organisationId, role: $role,
     invitedBy: $invitedBy, createdAt: $createdAt, expiresAt: $expiresAt, acceptedAt: null})`,
  {
    tokenHash: 'ab12',
    email: USER.email,
    organisationId: 'org-1',
    role: 'VIEWER',
    invitedBy: 'user-1',
    createdAt: NOW,
    expiresAt: NOW,
  },
);

export const FIND_INVITATION = cypher(
  'FIND_INVITATION',
  'MATCH (i:Invitation {tokenHash: $tokenHash}) RETURN properties(i) AS invitation',
  { tokenHash: 'ab12' },
);

/**
 * Takes the invitation's write lock before reading `acceptedAt`: a filter read before the lock
 * let every one of several concurrent acceptances see it unused.
 */
export const ACCEPT_INVITATION = cypher(
  'ACCEPT_INVITATION',
  `MATCH (i:Invitation {tokenHash: $tokenHash})
   SET i.writeLock = true REMOVE i.writeLock
   WITH i WHERE i.acceptedAt IS NULL
   SET i.acceptedAt = $at
   RETURN count(i) AS accepted`,
  { tokenHash: 'ab12', at: NOW },
);

const SHARE_LINK = {
  id: 'share-1',
  tokenHash: 'ab12',
  organisationId: 'org-1',
  presentationId: 'presentation-1',
  createdBy: 'user-1',
  createdAt: NOW,
  expiresAt: null,
  revokedAt: null,
};

export const CREATE_SHARE_LINK = cypher(
  'CREATE_SHARE_LINK',
  `CREATE (:ShareLink {id: $id, tokenHash: $tokenHash, organisationId: $organisationId,
     presentationId: $presentationId, createdBy: $createdBy, createdAt: $createdAt, expiresAt: $expiresAt,
     revokedAt: $revokedAt})`,
  SHARE_LINK,
);

export const FIND_SHARE_LINK = cypher(
  'FIND_SHARE_LINK',
  'MATCH (l:ShareLink {tokenHash: $tokenHash}) RETURN properties(l) AS link',
  { tokenHash: 'ab12' },
);

export const LIST_SHARE_LINKS = cypher(
  'LIST_SHARE_LINKS',
  `MATCH (l:ShareLink {organisationId: $organisationId, presentationId: $presentationId})
   RETURN properties(l) AS link ORDER BY l.createdAt, l.id`,
  { organisationId: 'org-1', presentationId: 'presentation-1' },
);

export const REVOKE_SHARE_LINK = cypher(
  'REVOKE_SHARE_LINK',
  `MATCH (l:ShareLink {organisationId: $organisationId, id: $id})
   SET l.revokedAt = coalesce(l.revokedAt, $at)
   RETURN properties(l) AS link`,
  { organisationId: 'org-1', id: 'share-1', at: NOW },
);

/**
 * The organisation's next entry, numbered by its own counter: unique (a constraint guards both
 * the counter and the numbers), locked before it is read, and rolled back with the transaction
 * of the write it records, so numbers have no gaps.
 */
export const APPEND_HISTORY = cypher(
  'APPEND_HISTORY',
  `MERGE (c:HistorySequence {organisationId: $organisationId}) ON CREATE SET c.value = 0
   SET c.writeLock = true REMOVE c.writeLock
   WITH c
   SET c.value = c.value + 1
   CREATE (h:HistoryEntry {seq: c.value, organisationId: $organisationId, userId: $userId, at: $at, kind: $kind,
     recordId: $recordId, action: $action, before: $before, after: $after, snapshot: $snapshot})`,
  {
    organisationId: 'org-1',
    userId: null,
    at: NOW,
    kind: 'actor',
    recordId: 'a-1',
    action: 'UPDATE',
    before: '{}',
    after: '{}',
    snapshot: null,
  },
);

const HISTORY_FIELDS = `h.seq AS seq, h.organisationId AS organisationId, h.userId AS userId, h.at AS at,
  h.kind AS kind, h.recordId AS recordId, h.action AS action, h.before AS before, h.after AS after,
  h.snapshot IS NOT NULL AS hasSnapshot`;

const HISTORY_FILTER = `($recordId IS NULL OR h.recordId = $recordId) AND ($userId IS NULL OR h.userId = $userId)
   AND ($afterId IS NULL OR h.seq > $afterId)`;

export const COUNT_HISTORY = cypher(
  'COUNT_HISTORY',
  `MATCH (h:HistoryEntry {organisationId: $organisationId}) WHERE ${HISTORY_FILTER} RETURN count(h) AS n`,
  { organisationId: 'org-1', recordId: null, userId: null, afterId: null },
);

export const PAGE_HISTORY = cypher(
  'PAGE_HISTORY',
  `MATCH (h:HistoryEntry {organisationId: $organisationId}) WHERE ${HISTORY_FILTER} AND h.seq < $before
   RETURN ${HISTORY_FIELDS} ORDER BY h.seq DESC LIMIT $limit`,
  { organisationId: 'org-1', before: 100, limit: 51, recordId: null, userId: null, afterId: null },
);

export const HISTORY_BASE = cypher(
  'HISTORY_BASE',
  `MATCH (h:HistoryEntry {organisationId: $organisationId}) WHERE h.seq <= $upto AND h.snapshot IS NOT NULL
   RETURN h.seq AS seq, h.snapshot AS snapshot ORDER BY h.seq DESC LIMIT 1`,
  { organisationId: 'org-1', upto: 100 },
);

export const HISTORY_RANGE = cypher(
  'HISTORY_RANGE',
  `MATCH (h:HistoryEntry {organisationId: $organisationId}) WHERE h.seq > $from AND h.seq <= $upto
   RETURN ${HISTORY_FIELDS} ORDER BY h.seq`,
  { organisationId: 'org-1', from: 1, upto: 100 },
);

export const GET_HISTORY_ENTRY = cypher(
  'GET_HISTORY_ENTRY',
  `MATCH (h:HistoryEntry {organisationId: $organisationId, seq: $seq}) RETURN ${HISTORY_FIELDS}`,
  { organisationId: 'org-1', seq: 1 },
);

/** Everything about a deleted organisation, so that one created later under its id inherits nothing. */
export const FORGET_ORGANISATION = cypher(
  'FORGET_ORGANISATION',
  `CALL () { MATCH (m:Membership {organisationId: $organisationId}) DELETE m }
   CALL () { MATCH (i:Invitation {organisationId: $organisationId}) DELETE i }
   CALL () { MATCH (l:ShareLink {organisationId: $organisationId}) DELETE l }
   CALL () { MATCH (h:HistoryEntry {organisationId: $organisationId}) DELETE h }
   CALL () { MATCH (c:HistorySequence {organisationId: $organisationId}) DELETE c }`,
  { organisationId: 'org-1' },
);
