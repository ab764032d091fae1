import type Database from 'better-sqlite3';

import { DomainError } from '../../domain/errors.ts';
import type { RoundMode } from '../../domain/round-rules.ts';
import type { Round, RoundAnswer, RoundAnswerWithRespondent, RoundParticipant, RoundStore } from '../round-store.ts';

interface RoundRow {
  id: string;
  organisation_id: string;
  scenario_id: string;
  name: string;
  selection: string;
  link_ids: string;
  questions: string;
  mode: string;
  closes_at: string | null;
  threshold: number;
  code: string;
  created_by: string | null;
  created_at: string;
  closed_at: string | null;
  observation_scenario_id: string | null;
}

interface ParticipantRow {
  id: string;
  round_id: string;
  token_hash: string;
  level_key: string;
  role: string | null;
  joined_at: string;
}

interface AnswerRow {
  id: string;
  round_id: string;
  participant_id: string;
  link_id: string;
  target_responds: number | null;
  source_responds: number | null;
  distinctive: number | null;
  comment: string | null;
  comment_released: number;
  answered_at: string;
  level_key?: string;
  role?: string | null;
}

function roundFromRow(row: RoundRow): Round {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    scenarioId: row.scenario_id,
    name: row.name,
    selection: JSON.parse(row.selection),
    linkIds: JSON.parse(row.link_ids),
    questions: JSON.parse(row.questions),
    mode: row.mode as RoundMode,
    closesAt: row.closes_at,
    threshold: row.threshold,
    code: row.code,
    createdBy: row.created_by,
    createdAt: row.created_at,
    closedAt: row.closed_at,
    observationScenarioId: row.observation_scenario_id,
  };
}

const rating = (value: number | null): boolean | null => (value === null ? null : value === 1);
const bit = (value: boolean | null): number | null => (value === null ? null : value ? 1 : 0);

function answerFromRow(row: AnswerRow): RoundAnswer {
  return {
    id: row.id,
    roundId: row.round_id,
    participantId: row.participant_id,
    linkId: row.link_id,
    targetResponds: rating(row.target_responds),
    sourceResponds: rating(row.source_responds),
    distinctive: rating(row.distinctive),
    comment: row.comment,
    isCommentReleased: row.comment_released === 1,
    answeredAt: row.answered_at,
  };
}

/** Perception rounds in the embedded SQLite file, on the GraphStore's own handle (tables from migration 6). */
export class SqliteRoundStore implements RoundStore {
  constructor(private readonly db: Database.Database) {}

  async createRound(round: Round): Promise<void> {
    try {
      this.db
        .prepare(
          `INSERT INTO rounds (id, organisation_id, scenario_id, name, selection, link_ids, questions, mode, closes_at,
             threshold, code, created_by, created_at, closed_at, observation_scenario_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          round.id,
          round.organisationId,
          round.scenarioId,
          round.name,
          JSON.stringify(round.selection),
          JSON.stringify(round.linkIds),
          JSON.stringify(round.questions),
          round.mode,
          round.closesAt,
          round.threshold,
          round.code,
          round.createdBy,
          round.createdAt,
          round.closedAt,
          round.observationScenarioId,
        );
    } catch (error) {
      if ((error as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) {
        throw new DomainError('DUPLICATE', `A round with id "${round.id}" or code "${round.code}" already exists.`, {
          kind: 'round',
          id: round.id,
          reason: 'DUPLICATE',
        });
      }
      throw error;
    }
  }

  async getRound(organisationId: string, id: string): Promise<Round | null> {
    const row = this.db.prepare('SELECT * FROM rounds WHERE organisation_id = ? AND id = ?').get(organisationId, id) as
      RoundRow | undefined;
    return row ? roundFromRow(row) : null;
  }

  async listRounds(organisationId: string): Promise<Round[]> {
    const rows = this.db
      .prepare('SELECT * FROM rounds WHERE organisation_id = ? ORDER BY created_at DESC, id')
      .all(organisationId) as RoundRow[];
    return rows.map(roundFromRow);
  }

  async findRoundByCode(code: string): Promise<Round | null> {
    const row = this.db.prepare('SELECT * FROM rounds WHERE code = ?').get(code) as RoundRow | undefined;
    return row ? roundFromRow(row) : null;
  }

  async closeRound(organisationId: string, id: string, closedAt: string): Promise<Round | null> {
    const row = this.db
      .prepare('UPDATE rounds SET closed_at = ? WHERE organisation_id = ? AND id = ? AND closed_at IS NULL RETURNING *')
      .get(closedAt, organisationId, id) as RoundRow | undefined;
    return row ? roundFromRow(row) : null;
  }

  async setObservationScenario(organisationId: string, id: string, scenarioId: string): Promise<void> {
    this.db
      .prepare('UPDATE rounds SET observation_scenario_id = ? WHERE organisation_id = ? AND id = ?')
      .run(scenarioId, organisationId, id);
  }

  async addParticipant(participant: RoundParticipant, maxParticipants: number): Promise<boolean> {
    // IMMEDIATE takes the write lock before counting, so two processes cannot both take the last place.
    const add = this.db.transaction(() => {
      const { n } = this.db
        .prepare('SELECT COUNT(*) AS n FROM round_participants WHERE round_id = ?')
        .get(participant.roundId) as { n: number };
      if (n >= maxParticipants) return false;
      this.db
        .prepare(
          'INSERT INTO round_participants (id, round_id, token_hash, level_key, role, joined_at) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(
          participant.id,
          participant.roundId,
          participant.tokenHash,
          participant.levelKey,
          participant.role,
          participant.joinedAt,
        );
      return true;
    });
    return add.immediate();
  }

  async findParticipant(tokenHash: string): Promise<{ participant: RoundParticipant; round: Round } | null> {
    const row = this.db.prepare('SELECT * FROM round_participants WHERE token_hash = ?').get(tokenHash) as
      ParticipantRow | undefined;
    const round = row
      ? (this.db.prepare('SELECT * FROM rounds WHERE id = ?').get(row.round_id) as RoundRow | undefined)
      : undefined;
    if (!row || !round) return null;
    return {
      participant: {
        id: row.id,
        roundId: row.round_id,
        tokenHash: row.token_hash,
        levelKey: row.level_key,
        role: row.role,
        joinedAt: row.joined_at,
      },
      round: roundFromRow(round),
    };
  }

  async countParticipants(roundId: string): Promise<number> {
    return (
      this.db.prepare('SELECT COUNT(*) AS n FROM round_participants WHERE round_id = ?').get(roundId) as { n: number }
    ).n;
  }

  async saveAnswer(answer: RoundAnswer): Promise<boolean> {
    // One statement: the round's being open is read where the answer is written, so no answer
    // slips in after a close that has already read the answers.
    const result = this.db
      .prepare(
        `INSERT INTO round_answers (id, round_id, participant_id, link_id, target_responds, source_responds, distinctive,
           comment, comment_released, answered_at)
         SELECT ?, ?, ?, ?, ?, ?, ?, ?, 0, ? WHERE EXISTS (SELECT 1 FROM rounds WHERE id = ? AND closed_at IS NULL)
         ON CONFLICT (round_id, participant_id, link_id) DO UPDATE SET
           target_responds = excluded.target_responds,
           source_responds = excluded.source_responds,
           distinctive = excluded.distinctive,
           comment_released = CASE WHEN comment IS excluded.comment THEN comment_released ELSE 0 END,
           comment = excluded.comment,
           answered_at = excluded.answered_at`,
      )
      .run(
        answer.id,
        answer.roundId,
        answer.participantId,
        answer.linkId,
        bit(answer.targetResponds),
        bit(answer.sourceResponds),
        bit(answer.distinctive),
        answer.comment,
        answer.answeredAt,
        answer.roundId,
      );
    return result.changes > 0;
  }

  async listAnswers(roundId: string): Promise<RoundAnswerWithRespondent[]> {
    const rows = this.db
      .prepare(
        `SELECT a.*, p.level_key, p.role FROM round_answers a JOIN round_participants p ON p.id = a.participant_id
         WHERE a.round_id = ? ORDER BY a.link_id, a.id`,
      )
      .all(roundId) as AnswerRow[];
    return rows.map((row) => ({ ...answerFromRow(row), levelKey: row.level_key!, role: row.role ?? null }));
  }

  async participantAnswers(participantId: string): Promise<RoundAnswer[]> {
    const rows = this.db
      .prepare('SELECT * FROM round_answers WHERE participant_id = ? ORDER BY link_id')
      .all(participantId) as AnswerRow[];
    return rows.map(answerFromRow);
  }

  async setCommentReleased(roundId: string, answerId: string, isReleased: boolean): Promise<boolean> {
    return (
      this.db
        .prepare('UPDATE round_answers SET comment_released = ? WHERE round_id = ? AND id = ?')
        .run(isReleased ? 1 : 0, roundId, answerId).changes > 0
    );
  }
}
