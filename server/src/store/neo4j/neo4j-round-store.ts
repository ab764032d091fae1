import neo4j, { type ManagedTransaction, type Record as Neo4jRecord } from 'neo4j-driver';

import { DomainError } from '../../domain/errors.ts';
import type { RoundMode } from '../../domain/round-rules.ts';
import type { Round, RoundAnswer, RoundAnswerWithRespondent, RoundParticipant, RoundStore } from '../round-store.ts';
import * as Q from './round-queries.ts';
import { type Neo4jTransactions, runStatement } from './transactions.ts';

type Props = Record<string, unknown>;
const optional = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const rating = (value: unknown): boolean | null => (typeof value === 'boolean' ? value : null);

function roundFrom(props: Props): Round {
  return {
    id: String(props.id),
    organisationId: String(props.organisationId),
    scenarioId: String(props.scenarioId),
    name: String(props.name),
    selection: JSON.parse(String(props.selection)),
    linkIds: (props.linkIds as string[] | null) ?? [],
    questions: JSON.parse(String(props.questions)),
    mode: props.mode as RoundMode,
    closesAt: optional(props.closesAt),
    threshold: Number(props.threshold),
    code: String(props.code),
    createdBy: optional(props.createdBy),
    createdAt: String(props.createdAt),
    closedAt: optional(props.closedAt),
    observationScenarioId: optional(props.observationScenarioId),
  };
}

function answerFrom(props: Props): RoundAnswer {
  return {
    id: String(props.id),
    roundId: String(props.roundId),
    participantId: String(props.participantId),
    linkId: String(props.linkId),
    targetResponds: rating(props.targetResponds),
    sourceResponds: rating(props.sourceResponds),
    distinctive: rating(props.distinctive),
    comment: optional(props.comment),
    isCommentReleased: props.isCommentReleased === true,
    answeredAt: String(props.answeredAt),
  };
}

/** Deletes an organisation's rounds, participants and answers, in the graph store's transaction that deletes it. */
export async function deleteRoundsOfOrganisation(tx: ManagedTransaction, organisationId: string): Promise<void> {
  await runStatement(tx, Q.DELETE_ROUNDS_OF_ORGANISATION, { organisationId });
}

/** Perception rounds in Neo4j, beside the map data: the graph store's transactions, every statement from round-queries.ts. */
export class Neo4jRoundStore implements RoundStore {
  constructor(private readonly transactions: Neo4jTransactions) {}

  /** Creates the constraints and indexes; idempotent. Schema commands run one per transaction. */
  async migrate(): Promise<void> {
    for (const statement of Q.ROUND_SCHEMA) await this.transactions.run('write', statement, {});
  }

  async createRound(round: Round): Promise<void> {
    await this.transactions.run(
      'write',
      Q.CREATE_ROUND,
      {
        id: round.id,
        organisationId: round.organisationId,
        scenarioId: round.scenarioId,
        name: round.name,
        selection: JSON.stringify(round.selection),
        linkIds: round.linkIds,
        questions: JSON.stringify(round.questions),
        mode: round.mode,
        closesAt: round.closesAt,
        threshold: neo4j.int(round.threshold),
        code: round.code,
        createdBy: round.createdBy,
        createdAt: round.createdAt,
      },
      () =>
        new DomainError('DUPLICATE', `A round with id "${round.id}" or code "${round.code}" already exists.`, {
          kind: 'round',
          id: round.id,
          reason: 'DUPLICATE',
        }),
    );
  }

  private async oneRound(records: Neo4jRecord[]): Promise<Round | null> {
    const [record] = records;
    return record ? roundFrom(record.get('round') as Props) : null;
  }

  async getRound(organisationId: string, id: string): Promise<Round | null> {
    return this.oneRound(await this.transactions.run('read', Q.GET_ROUND, { organisationId, id }));
  }

  async listRounds(organisationId: string): Promise<Round[]> {
    const records = await this.transactions.run('read', Q.LIST_ROUNDS, { organisationId });
    return records.map((record) => roundFrom(record.get('round') as Props));
  }

  async findRoundByCode(code: string): Promise<Round | null> {
    return this.oneRound(await this.transactions.run('read', Q.FIND_ROUND_BY_CODE, { code }));
  }

  async closeRound(organisationId: string, id: string, closedAt: string): Promise<Round | null> {
    return this.oneRound(await this.transactions.run('write', Q.CLOSE_ROUND, { organisationId, id, closedAt }));
  }

  async setObservationScenario(organisationId: string, id: string, scenarioId: string): Promise<void> {
    await this.transactions.run('write', Q.SET_OBSERVATION_SCENARIO, { organisationId, id, scenarioId });
  }

  async addParticipant(participant: RoundParticipant, maxParticipants: number): Promise<boolean> {
    const records = await this.transactions.run('write', Q.ADD_PARTICIPANT, {
      roundId: participant.roundId,
      maxParticipants: neo4j.int(maxParticipants),
      id: participant.id,
      tokenHash: participant.tokenHash,
      levelKey: participant.levelKey,
      role: participant.role,
      joinedAt: participant.joinedAt,
    });
    return records.length > 0;
  }

  async findParticipant(tokenHash: string): Promise<{ participant: RoundParticipant; round: Round } | null> {
    const [record] = await this.transactions.run('read', Q.FIND_PARTICIPANT, { tokenHash });
    if (!record) return null;
    const props = record.get('participant') as Props;
    return {
      participant: {
        id: String(props.id),
        roundId: String(props.roundId),
        tokenHash: String(props.tokenHash),
        levelKey: String(props.levelKey),
        role: optional(props.role),
        joinedAt: String(props.joinedAt),
      },
      round: roundFrom(record.get('round') as Props),
    };
  }

  async countParticipants(roundId: string): Promise<number> {
    const [record] = await this.transactions.run('read', Q.COUNT_PARTICIPANTS, { roundId });
    return Number(record?.get('n') ?? 0);
  }

  async saveAnswer(answer: RoundAnswer): Promise<boolean> {
    const records = await this.transactions.run('write', Q.SAVE_ANSWER, {
      roundId: answer.roundId,
      participantId: answer.participantId,
      linkId: answer.linkId,
      id: answer.id,
      targetResponds: answer.targetResponds,
      sourceResponds: answer.sourceResponds,
      distinctive: answer.distinctive,
      comment: answer.comment,
      answeredAt: answer.answeredAt,
    });
    return records.length > 0;
  }

  async listAnswers(roundId: string): Promise<RoundAnswerWithRespondent[]> {
    const records = await this.transactions.run('read', Q.LIST_ANSWERS, { roundId });
    return records.map((record) => ({
      ...answerFrom(record.get('answer') as Props),
      levelKey: String(record.get('levelKey')),
      role: optional(record.get('role')),
    }));
  }

  async participantAnswers(participantId: string): Promise<RoundAnswer[]> {
    const records = await this.transactions.run('read', Q.PARTICIPANT_ANSWERS, { participantId });
    return records.map((record) => answerFrom(record.get('answer') as Props));
  }

  async setCommentReleased(roundId: string, answerId: string, isReleased: boolean): Promise<boolean> {
    const records = await this.transactions.run('write', Q.SET_COMMENT_RELEASED, { roundId, id: answerId, isReleased });
    return records.length > 0;
  }
}
