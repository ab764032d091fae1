import type { RoundAnswerValues, RoundMode, RoundQuestions, RoundSelection } from '../domain/round-rules.ts';

/** A perception round as stored: what it asks, about which links, how it shows results. */
export interface Round {
  id: string;
  organisationId: string;
  /** The scenario whose links are asked about. */
  scenarioId: string;
  name: string;
  selection: RoundSelection;
  /** The links asked about, fixed when the round opens. */
  linkIds: string[];
  questions: RoundQuestions;
  mode: RoundMode;
  /** ISO 8601; set for UNTIL rounds. */
  closesAt: string | null;
  /** Smallest group shown apart. */
  threshold: number;
  /** The short code participants type; unique among all rounds. */
  code: string;
  createdBy: string | null;
  createdAt: string;
  closedAt: string | null;
  /** The observation scenario the answers were written to when the round closed. */
  observationScenarioId: string | null;
}

/** Someone who joined a round: a level (and role), never a name; only the SHA-256 of their token is kept. */
export interface RoundParticipant {
  id: string;
  roundId: string;
  tokenHash: string;
  levelKey: string;
  role: string | null;
  joinedAt: string;
}

export interface RoundAnswer extends RoundAnswerValues {
  /** Stable per participant and link: names a comment without naming the participant. */
  id: string;
  roundId: string;
  participantId: string;
  linkId: string;
  /** Whether the facilitator has released the comment to be shown. */
  isCommentReleased: boolean;
  answeredAt: string;
}

/** An answer with its participant's level and role. */
export interface RoundAnswerWithRespondent extends RoundAnswer {
  levelKey: string;
  role: string | null;
}

/**
 * Perception rounds, beside the map data in the same database (the SQLite file's tables from
 * its migrations, or the Neo4j database). Every round method is scoped by organisation; a
 * participant is found by the hash of their token only. Both adapters pass
 * `contract/round-store.contract.ts`.
 */
export interface RoundStore {
  /** DUPLICATE when the id or the code is taken. */
  createRound(round: Round): Promise<void>;
  getRound(organisationId: string, id: string): Promise<Round | null>;
  /** The organisation's rounds, newest first. */
  listRounds(organisationId: string): Promise<Round[]>;
  findRoundByCode(code: string): Promise<Round | null>;
  /**
   * Marks an open round closed at `closedAt`; null when there is no such round or it was
   * already closed (two closes racing: one wins). No answer is saved after it.
   */
  closeRound(organisationId: string, id: string, closedAt: string): Promise<Round | null>;
  /** Records where a closed round's answers were written. */
  setObservationScenario(organisationId: string, id: string, scenarioId: string): Promise<void>;

  /** Adds a participant unless the round has `maxParticipants` already (then false); atomic. */
  addParticipant(participant: RoundParticipant, maxParticipants: number): Promise<boolean>;
  /** The participant a token hash names, with their round. */
  findParticipant(tokenHash: string): Promise<{ participant: RoundParticipant; round: Round } | null>;
  countParticipants(roundId: string): Promise<number>;

  /**
   * Saves a participant's answer about a link, replacing their earlier one (idempotent per
   * participant and link; the answer keeps its id, and a changed comment is withheld again).
   * @returns false, and nothing saved, when the round is closed.
   */
  saveAnswer(answer: RoundAnswer): Promise<boolean>;
  /** The round's answers with their respondents, ordered by link, then answer id. */
  listAnswers(roundId: string): Promise<RoundAnswerWithRespondent[]>;
  /** One participant's answers, ordered by link. */
  participantAnswers(participantId: string): Promise<RoundAnswer[]>;
  /** Releases (or withholds again) the comment of an answer of the round; false when there is no such answer. */
  setCommentReleased(roundId: string, answerId: string, isReleased: boolean): Promise<boolean>;
}
