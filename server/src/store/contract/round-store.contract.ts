import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { newRoundCode } from '../../domain/round-rules.ts';
import type { GraphStore } from '../graph-store.ts';
import type { Round, RoundAnswer, RoundParticipant, RoundStore } from '../round-store.ts';
import { contents, expectDomainError, uniqueId } from './contract-helpers.ts';

export interface RoundStorePair {
  store: GraphStore;
  rounds: RoundStore;
}

const NOW = '2026-05-01T10:00:00.000Z';

function newRound(organisationId: string, fields: Partial<Round> = {}): Round {
  return {
    id: uniqueId('round'),
    organisationId,
    scenarioId: 's-current',
    name: 'Ledningsdagen',
    selection: { kind: 'BETWEEN_LEVELS', levelKeys: ['administration', 'principal'] },
    linkIds: ['l-1', 'l-2'],
    questions: { targetResponds: true, sourceResponds: true, distinctive: true, comment: true },
    mode: 'LIVE',
    closesAt: null,
    threshold: 3,
    code: newRoundCode(),
    createdBy: 'user-1',
    createdAt: NOW,
    closedAt: null,
    observationScenarioId: null,
    ...fields,
  };
}

function participant(roundId: string, levelKey = 'principal', role: string | null = null): RoundParticipant {
  return { id: uniqueId('participant'), roundId, tokenHash: uniqueId('hash'), levelKey, role, joinedAt: NOW };
}

function answer(p: RoundParticipant, linkId: string, fields: Partial<RoundAnswer> = {}): RoundAnswer {
  return {
    id: uniqueId('answer'),
    roundId: p.roundId,
    participantId: p.id,
    linkId,
    targetResponds: true,
    sourceResponds: false,
    distinctive: null,
    comment: null,
    isCommentReleased: false,
    answeredAt: NOW,
    ...fields,
  };
}

/**
 * The behaviour every RoundStore adapter must have, run inside `describeEachStore` (see
 * store-targets.ts). Rounds are scoped by organisation ids fresh to each run, so runs against a
 * shared Neo4j database never see each other's rounds.
 */
export function describeRoundStore(makeStores: () => Promise<RoundStorePair>): void {
  describe('RoundStore', () => {
    let pair: RoundStorePair;
    let rounds: RoundStore;
    beforeAll(async () => {
      pair = await makeStores();
      rounds = pair.rounds;
    });
    afterAll(async () => {
      await pair.store.close();
    });

    it('keeps a round as given, finds it by organisation and id or by code, and lists the newest first', async () => {
      const org = uniqueId('org');
      const first = newRound(org, {
        mode: 'UNTIL',
        closesAt: '2026-05-08T16:00:00.000Z',
        selection: { kind: 'LINKS', linkIds: ['l-2', 'l-1'] },
      });
      const second = newRound(org, { createdAt: '2026-05-01T11:00:00.000Z', createdBy: null, threshold: 1 });
      await rounds.createRound(first);
      await rounds.createRound(second);
      expect(await rounds.getRound(org, first.id)).toEqual(first);
      expect(await rounds.getRound('another-org', first.id)).toBeNull();
      expect(await rounds.findRoundByCode(second.code)).toEqual(second);
      expect(await rounds.findRoundByCode('NOSUCH')).toBeNull();
      expect((await rounds.listRounds(org)).map((r) => r.id)).toEqual([second.id, first.id]);
    });

    it('deletes an organisation’s rounds, participants and answers with it, and keeps them through a replacement', async () => {
      const org = uniqueId('org');
      await pair.store.createOrganisation(contents(org));
      const round = newRound(org);
      await rounds.createRound(round);
      const p = participant(round.id);
      await rounds.addParticipant(p, 10);
      await rounds.saveAnswer(answer(p, 'l-1'));
      const other = newRound(uniqueId('org'));
      await rounds.createRound(other);

      await pair.store.replaceOrganisation(contents(org, 'Ersatt'));
      expect(await rounds.getRound(org, round.id)).toEqual(round);

      expect(await pair.store.deleteOrganisation(org)).toBe(true);
      expect(await rounds.listRounds(org)).toEqual([]);
      expect(await rounds.findRoundByCode(round.code)).toBeNull();
      expect(await rounds.findParticipant(p.tokenHash)).toBeNull();
      expect(await rounds.countParticipants(round.id)).toBe(0);
      expect(await rounds.listAnswers(round.id)).toEqual([]);
      expect(await rounds.getRound(other.organisationId, other.id)).toEqual(other);
    });

    it('refuses a taken id or code as DUPLICATE', async () => {
      const org = uniqueId('org');
      const round = newRound(org);
      await rounds.createRound(round);
      await expectDomainError(rounds.createRound({ ...round, code: newRoundCode() }), 'DUPLICATE');
      await expectDomainError(rounds.createRound({ ...round, id: uniqueId('round') }), 'DUPLICATE');
    });

    it('closes a round once: the second close, or a close in another organisation, gets null', async () => {
      const org = uniqueId('org');
      const round = newRound(org);
      await rounds.createRound(round);
      expect(await rounds.closeRound('another-org', round.id, NOW)).toBeNull();
      const [a, b] = await Promise.all([
        rounds.closeRound(org, round.id, '2026-05-01T12:00:00.000Z'),
        rounds.closeRound(org, round.id, '2026-05-01T12:00:01.000Z'),
      ]);
      expect([a, b].filter((closed) => closed !== null)).toHaveLength(1);
      await rounds.setObservationScenario(org, round.id, 's-observed');
      const stored = await rounds.getRound(org, round.id);
      expect(stored?.closedAt).toMatch(/^2026-05-01T12:00:0[01]/);
      expect(stored?.observationScenarioId).toBe('s-observed');
    });

    it('adds participants up to the maximum, also when they join at once', async () => {
      const round = newRound(uniqueId('org'));
      await rounds.createRound(round);
      const joins = Array.from({ length: 8 }, () => participant(round.id));
      const added = await Promise.all(joins.map((p) => rounds.addParticipant(p, 5)));
      expect(added.filter(Boolean)).toHaveLength(5);
      expect(await rounds.countParticipants(round.id)).toBe(5);
      const joined = joins[added.indexOf(true)]!;
      expect(await rounds.findParticipant(joined.tokenHash)).toEqual({ participant: joined, round });
      expect(await rounds.findParticipant(joins[added.indexOf(false)]!.tokenHash)).toBeNull();
    });

    it('saves one answer per participant and link: a second replaces the first and keeps its id', async () => {
      const round = newRound(uniqueId('org'));
      await rounds.createRound(round);
      const p = participant(round.id, 'administration', 'verksamhetschef');
      await rounds.addParticipant(p, 10);
      const first = answer(p, 'l-1', { comment: 'Vi möts sällan.' });
      expect(await rounds.saveAnswer(first)).toBe(true);
      expect(
        await rounds.saveAnswer(
          answer(p, 'l-1', { targetResponds: false, distinctive: true, comment: 'Vi möts sällan.' }),
        ),
      ).toBe(true);
      expect(await rounds.saveAnswer(answer(p, 'l-2'))).toBe(true);
      const answers = await rounds.listAnswers(round.id);
      expect(answers).toHaveLength(2);
      expect(answers[0]).toEqual({
        ...first,
        targetResponds: false,
        distinctive: true,
        levelKey: 'administration',
        role: 'verksamhetschef',
      });
      expect((await rounds.participantAnswers(p.id)).map((a) => a.linkId)).toEqual(['l-1', 'l-2']);
    });

    it('releases a comment and withholds it again when the participant changes it', async () => {
      const round = newRound(uniqueId('org'));
      await rounds.createRound(round);
      const p = participant(round.id);
      await rounds.addParticipant(p, 10);
      const saved = answer(p, 'l-1', { comment: 'Första' });
      await rounds.saveAnswer(saved);
      expect(await rounds.setCommentReleased(round.id, saved.id, true)).toBe(true);
      expect(await rounds.setCommentReleased('another-round', saved.id, true)).toBe(false);
      await rounds.saveAnswer(answer(p, 'l-1', { comment: 'Första', targetResponds: null }));
      expect((await rounds.listAnswers(round.id))[0]?.isCommentReleased).toBe(true);
      await rounds.saveAnswer(answer(p, 'l-1', { comment: 'Ändrad' }));
      expect((await rounds.listAnswers(round.id))[0]).toMatchObject({ comment: 'Ändrad', isCommentReleased: false });
    });

    it('saves no answer once the round is closed', async () => {
      const org = uniqueId('org');
      const round = newRound(org);
      await rounds.createRound(round);
      const p = participant(round.id);
      await rounds.addParticipant(p, 10);
      await rounds.saveAnswer(answer(p, 'l-1'));
      await rounds.closeRound(org, round.id, NOW);
      expect(await rounds.saveAnswer(answer(p, 'l-1', { targetResponds: false }))).toBe(false);
      expect(await rounds.saveAnswer(answer(p, 'l-2'))).toBe(false);
      expect((await rounds.listAnswers(round.id)).map((a) => [a.linkId, a.targetResponds])).toEqual([['l-1', true]]);
    });
  });
}
