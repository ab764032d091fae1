/**
 * Every Cypher statement of the Neo4j round store, as named constants with their parameters
 * (example values, for the offline lint). Nothing else in neo4j-round-store.ts holds Cypher.
 *
 * Model: `(:Round {id, organisationId, …, participantCount})` with its selection and questions as
 * JSON strings, `(:RoundParticipant {id, roundId, tokenHash, levelKey, role, joinedAt})`,
 * `(:RoundAnswer {id, roundId, participantId, linkId, …})`, unique per (round, participant, link).
 * Nodes refer to each other by id properties, as the account model does.
 */
import type { AccountStatement } from './account-queries.ts';

export type RoundStatement<P extends string = string> = AccountStatement<P>;

export const ROUND_LABELS = ['Round', 'RoundParticipant', 'RoundAnswer'] as const;
export const ROUND_PROPERTY_KEYS = [
  'id',
  'organisationId',
  'scenarioId',
  'name',
  'selection',
  'linkIds',
  'questions',
  'mode',
  'closesAt',
  'threshold',
  'code',
  'createdBy',
  'createdAt',
  'closedAt',
  'observationScenarioId',
  'participantCount',
  'roundId',
  'tokenHash',
  'levelKey',
  'role',
  'joinedAt',
  'participantId',
  'linkId',
  'targetResponds',
  'sourceResponds',
  'distinctive',
  'comment',
  'isCommentReleased',
  'answeredAt',
  'writeLock',
] as const;

const registry: RoundStatement[] = [];

function cypher<const P extends Record<string, unknown>>(
  name: string,
  text: string,
  params: P,
): RoundStatement<keyof P & string> {
  const statement = { name, text: text.trim(), params };
  registry.push(statement);
  return statement;
}

/** Every statement of this module, for the offline Cypher check. */
export const ALL_ROUND_STATEMENTS: readonly RoundStatement[] = registry;

const NOW = '2025-01-01T00:00:00.000Z';

export const ROUND_SCHEMA = [
  cypher('ROUND_ID_UNIQUE', 'CREATE CONSTRAINT round_id IF NOT EXISTS FOR (r:Round) REQUIRE r.id IS UNIQUE', {}),
  cypher('ROUND_CODE_UNIQUE', 'CREATE CONSTRAINT round_code IF NOT EXISTS FOR (r:Round) REQUIRE r.code IS UNIQUE', {}),
  cypher(
    'ROUND_PARTICIPANT_TOKEN_UNIQUE',
    'CREATE CONSTRAINT round_participant_token IF NOT EXISTS FOR (p:RoundParticipant) REQUIRE p.tokenHash IS UNIQUE',
    {},
  ),
  cypher(
    'ROUND_PARTICIPANT_ID_UNIQUE',
    'CREATE CONSTRAINT round_participant_id IF NOT EXISTS FOR (p:RoundParticipant) REQUIRE p.id IS UNIQUE',
    {},
  ),
  cypher(
    'ROUND_ANSWER_UNIQUE',
    'CREATE CONSTRAINT round_answer_key IF NOT EXISTS FOR (a:RoundAnswer) REQUIRE (a.roundId, a.participantId, a.linkId) IS UNIQUE',
    {},
  ),
  cypher(
    'ROUND_ANSWER_ID_UNIQUE',
    'CREATE CONSTRAINT round_answer_id IF NOT EXISTS FOR (a:RoundAnswer) REQUIRE a.id IS UNIQUE',
    {},
  ),
  cypher(
    'ROUND_PARTICIPANT_ROUND_INDEX',
    'CREATE INDEX round_participant_round IF NOT EXISTS FOR (p:RoundParticipant) ON (p.roundId)',
    {},
  ),
  cypher(
    'ROUND_ORGANISATION_INDEX',
    'CREATE INDEX round_organisation IF NOT EXISTS FOR (r:Round) ON (r.organisationId)',
    {},
  ),
];

const ROUND = {
  id: 'round-1',
  organisationId: 'org-1',
  scenarioId: 's-1',
  name: 'Ledningsdagen',
  selection: '{"kind":"LINK_KIND","linkKind":"STEERING"}',
  linkIds: ['l-1'],
  questions: '{"targetResponds":true,"sourceResponds":true,"distinctive":true,"comment":false}',
  mode: 'LIVE',
  closesAt: null,
  threshold: 3,
  code: 'K7MQ2X',
  createdBy: 'user-1',
  createdAt: NOW,
};

export const CREATE_ROUND = cypher(
  'CREATE_ROUND',
  `CREATE (:Round {id: $id, organisationId: $organisationId, scenarioId: $scenarioId, name: $name,
     selection: $selection, linkIds: $linkIds, questions: $questions, mode: $mode, closesAt: $closesAt,
     threshold: $threshold, code: $code, createdBy: $createdBy, createdAt: $createdAt, closedAt: null,
     observationScenarioId: null, participantCount: 0})`,
  ROUND,
);

export const GET_ROUND = cypher(
  'GET_ROUND',
  'MATCH (r:Round {organisationId: $organisationId, id: $id}) RETURN properties(r) AS round',
  { organisationId: 'org-1', id: 'round-1' },
);

/** Deleting an organisation takes its rounds, their participants and answers (in its transaction). */
export const DELETE_ROUNDS_OF_ORGANISATION = cypher(
  'DELETE_ROUNDS_OF_ORGANISATION',
  `MATCH (r:Round {organisationId: $organisationId})
   OPTIONAL MATCH (p:RoundParticipant {roundId: r.id})
   OPTIONAL MATCH (a:RoundAnswer {roundId: r.id})
   DETACH DELETE a, p, r`,
  { organisationId: 'org-1' },
);

export const LIST_ROUNDS = cypher(
  'LIST_ROUNDS',
  'MATCH (r:Round {organisationId: $organisationId}) RETURN properties(r) AS round ORDER BY r.createdAt DESC, r.id',
  { organisationId: 'org-1' },
);

export const FIND_ROUND_BY_CODE = cypher(
  'FIND_ROUND_BY_CODE',
  'MATCH (r:Round {code: $code}) RETURN properties(r) AS round',
  { code: 'K7MQ2X' },
);

/** The lock is taken before `closedAt` is read, so of two closes racing exactly one sees it open. */
export const CLOSE_ROUND = cypher(
  'CLOSE_ROUND',
  `MATCH (r:Round {organisationId: $organisationId, id: $id})
   SET r.writeLock = true REMOVE r.writeLock
   WITH r WHERE r.closedAt IS NULL
   SET r.closedAt = $closedAt
   RETURN properties(r) AS round`,
  { organisationId: 'org-1', id: 'round-1', closedAt: NOW },
);

export const SET_OBSERVATION_SCENARIO = cypher(
  'SET_OBSERVATION_SCENARIO',
  `MATCH (r:Round {organisationId: $organisationId, id: $id}) SET r.observationScenarioId = $scenarioId`,
  { organisationId: 'org-1', id: 'round-1', scenarioId: 's-2' },
);

/** The round's counter is locked, read and raised in one transaction: the last place goes once. */
export const ADD_PARTICIPANT = cypher(
  'ADD_PARTICIPANT',
  `MATCH (r:Round {id: $roundId})
   SET r.writeLock = true REMOVE r.writeLock
   WITH r WHERE r.participantCount < $maxParticipants
   SET r.participantCount = r.participantCount + 1
   CREATE (:RoundParticipant {id: $id, roundId: $roundId, tokenHash: $tokenHash, levelKey: $levelKey, role: $role,
     joinedAt: $joinedAt})
   RETURN r.participantCount AS n`,
  {
    roundId: 'round-1',
    maxParticipants: 500,
    id: 'participant-1',
    tokenHash: 'ab12',
    levelKey: 'principal',
    role: null,
    joinedAt: NOW,
  },
);

export const FIND_PARTICIPANT = cypher(
  'FIND_PARTICIPANT',
  `MATCH (p:RoundParticipant {tokenHash: $tokenHash})
   MATCH (r:Round {id: p.roundId})
   RETURN properties(p) AS participant, properties(r) AS round`,
  { tokenHash: 'ab12' },
);

export const COUNT_PARTICIPANTS = cypher(
  'COUNT_PARTICIPANTS',
  'MATCH (p:RoundParticipant {roundId: $roundId}) RETURN count(p) AS n',
  { roundId: 'round-1' },
);

/**
 * Saved only while the round is open, read under the round's lock: a close (which takes the
 * same lock) and an answer are ordered, so no answer is saved after the close read the answers.
 * A changed comment is withheld again.
 */
export const SAVE_ANSWER = cypher(
  'SAVE_ANSWER',
  `MATCH (r:Round {id: $roundId})
   SET r.writeLock = true REMOVE r.writeLock
   WITH r WHERE r.closedAt IS NULL
   MERGE (a:RoundAnswer {roundId: $roundId, participantId: $participantId, linkId: $linkId})
   ON CREATE SET a.id = $id, a.isCommentReleased = false
   SET a.isCommentReleased = CASE WHEN a.comment = $comment THEN a.isCommentReleased ELSE false END,
     a.targetResponds = $targetResponds, a.sourceResponds = $sourceResponds, a.distinctive = $distinctive,
     a.comment = $comment, a.answeredAt = $answeredAt
   RETURN a.id AS id`,
  {
    roundId: 'round-1',
    participantId: 'participant-1',
    linkId: 'l-1',
    id: 'answer-1',
    targetResponds: true,
    sourceResponds: null,
    distinctive: false,
    comment: null,
    answeredAt: NOW,
  },
);

export const LIST_ANSWERS = cypher(
  'LIST_ANSWERS',
  `MATCH (a:RoundAnswer {roundId: $roundId})
   MATCH (p:RoundParticipant {id: a.participantId})
   RETURN properties(a) AS answer, p.levelKey AS levelKey, p.role AS role ORDER BY a.linkId, a.id`,
  { roundId: 'round-1' },
);

export const PARTICIPANT_ANSWERS = cypher(
  'PARTICIPANT_ANSWERS',
  `MATCH (a:RoundAnswer {participantId: $participantId}) RETURN properties(a) AS answer ORDER BY a.linkId`,
  { participantId: 'participant-1' },
);

export const SET_COMMENT_RELEASED = cypher(
  'SET_COMMENT_RELEASED',
  `MATCH (a:RoundAnswer {roundId: $roundId, id: $id}) SET a.isCommentReleased = $isReleased RETURN a.id AS id`,
  { roundId: 'round-1', id: 'answer-1', isReleased: true },
);
