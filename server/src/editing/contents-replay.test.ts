import { describe, expect, it } from 'vitest';

import type { TaggedRecord } from '../domain/records.ts';
import { ContentsReplay } from './contents-replay.ts';

// Only the fields the cascades read; the replay does not validate records.
const tagged = (kind: string, record: object) => ({ kind, record }) as unknown as TaggedRecord;
const link = (id: string, sourceId: string, targetId: string, fields: object = {}) =>
  tagged('link', { id, scenarioId: 's-1', sourceId, targetId, arenaId: null, ...fields });

function organisation(): ContentsReplay {
  return new ContentsReplay([
    tagged('unit', { id: 'u-1', parentId: null }),
    tagged('unit', { id: 'u-2', parentId: 'u-1' }),
    tagged('actor', { id: 'a', unitId: 'u-1' }),
    tagged('actor', { id: 'b', unitId: null }),
    tagged('scenario', { id: 's-1', basedOnId: null }),
    tagged('scenario', { id: 's-2', basedOnId: 's-1' }),
    tagged('arena', { id: 'r', scenarioId: 's-1', participantIds: ['a', 'b'] }),
    link('l-1', 'a', 'b'),
    link('l-2', 'b', 'b', { arenaId: 'r' }),
    tagged('perception', { id: 'p-1', scenarioId: 's-1', linkId: 'l-1', respondentActorId: 'b' }),
    tagged('initiative', {
      id: 'i',
      scenarioId: 's-1',
      ownerId: 'a',
      targetActorIds: ['a', 'b'],
      targetUnitIds: ['u-1'],
    }),
    tagged('link', { id: 'l-3', scenarioId: 's-2', sourceId: 'a', targetId: 'b', arenaId: null }),
  ]);
}

const idsOf = (replay: ContentsReplay) => replay.contents().map(({ kind, record }) => `${kind}:${record.id}`);
const recordOf = (replay: ContentsReplay, id: string) =>
  replay.contents().find(({ record }) => record.id === id)?.record as Record<string, unknown> | undefined;

describe('replaying deletes with their cascades', () => {
  it('deletes an actor’s links and their perceptions, and clears or removes the other references to it', () => {
    const replay = organisation();
    replay.delete('actor', 'a');
    expect(idsOf(replay)).toEqual([
      'unit:u-1',
      'unit:u-2',
      'actor:b',
      'scenario:s-1',
      'scenario:s-2',
      'arena:r',
      'link:l-2',
      'initiative:i',
    ]);
    expect(recordOf(replay, 'r')).toMatchObject({ participantIds: ['b'] });
    expect(recordOf(replay, 'i')).toMatchObject({ ownerId: null, targetActorIds: ['b'], targetUnitIds: ['u-1'] });
  });

  it('follows a reference moved by a later after-image, not the one the record had', () => {
    const replay = organisation();
    replay.put(link('l-1', 'b', 'b'));
    replay.delete('actor', 'a');
    expect(recordOf(replay, 'l-1')).toMatchObject({ sourceId: 'b', targetId: 'b' });
    expect(recordOf(replay, 'p-1')).toBeDefined();
    replay.delete('actor', 'b');
    expect(idsOf(replay)).toEqual(['unit:u-1', 'unit:u-2', 'scenario:s-1', 'scenario:s-2', 'arena:r', 'initiative:i']);
    // The perception named b as respondent: it went with its link, not by being cleared.
    expect(recordOf(replay, 'r')).toMatchObject({ participantIds: [] });
  });

  it('keeps a unit’s actors and child units without it, and an arena’s links without it', () => {
    const replay = organisation();
    replay.delete('unit', 'u-1');
    replay.delete('arena', 'r');
    expect(recordOf(replay, 'u-2')).toMatchObject({ parentId: null });
    expect(recordOf(replay, 'a')).toMatchObject({ unitId: null });
    expect(recordOf(replay, 'i')).toMatchObject({ targetUnitIds: [] });
    expect(recordOf(replay, 'l-2')).toMatchObject({ arenaId: null });
  });

  it('deletes everything in a scenario with it, and no scenario is based on it any more', () => {
    const replay = organisation();
    replay.delete('scenario', 's-1');
    expect(idsOf(replay)).toEqual(['unit:u-1', 'unit:u-2', 'actor:a', 'actor:b', 'scenario:s-2', 'link:l-3']);
    expect(recordOf(replay, 's-2')).toMatchObject({ basedOnId: null });
  });

  it('leaves everything as it was when the record is already gone', () => {
    const replay = organisation();
    const before = replay.contents();
    replay.delete('actor', 'nobody');
    expect(replay.contents()).toEqual(before);
  });
});
