import { describe, expect, it } from 'vitest';

import { DEFAULT_LEVELS, type Link, type ScenarioGraph } from './records.ts';
import {
  answerIssues,
  isRoundOpen,
  linksAsked,
  newRoundCode,
  normaliseRoundCode,
  roundSettingIssues,
} from './round-rules.ts';
import { testActor } from './test-records.ts';

function link(id: string, sourceId: string, targetId: string, fields: Partial<Link> = {}): Link {
  return {
    id,
    scenarioId: 's',
    sourceId,
    targetId,
    kind: 'STEERING',
    coupling: 'LOOSE',
    targetResponds: null,
    sourceResponds: null,
    distinctive: null,
    arenaId: null,
    cadence: null,
    evidence: [],
    notes: null,
    confidential: false,
    partnershipStage: null,
    organisationId: 'org',
    version: 1,
    ...fields,
  };
}

const graph: ScenarioGraph = {
  organisation: { id: 'org', name: 'O', kind: 'MUNICIPAL', description: null, levels: [...DEFAULT_LEVELS], version: 1 },
  scenario: {
    id: 's',
    name: 'Nu',
    kind: 'CURRENT',
    observedAt: null,
    description: null,
    basedOnId: null,
    organisationId: 'org',
    version: 1,
  },
  units: [
    { id: 'u-area', name: 'Område', kind: 'AREA', parentId: null, place: null, organisationId: 'org', version: 1 },
    {
      id: 'u-school',
      name: 'Skola',
      kind: 'SCHOOL',
      parentId: 'u-area',
      place: null,
      organisationId: 'org',
      version: 1,
    },
  ],
  actors: [
    testActor('a-chief', { levelKey: 'administration' }),
    testActor('a-principal', { levelKey: 'principal', unitId: 'u-school' }),
    testActor('a-teacher', { levelKey: 'teacher', unitId: 'u-school' }),
    testActor('a-board', { levelKey: 'politics' }),
  ],
  links: [
    link('l-1', 'a-chief', 'a-principal'),
    link('l-2', 'a-principal', 'a-chief', { kind: 'DIALOGUE' }),
    link('l-3', 'a-principal', 'a-teacher', { kind: 'SUPPORT' }),
    link('l-4', 'a-board', 'a-chief'),
    link('l-secret', 'a-chief', 'a-principal', { confidential: true, kind: 'INFORMAL' }),
  ],
  arenas: [],
  perceptions: [],
  initiatives: [],
};

const ids = (result: { links: Link[] }) => result.links.map((l) => l.id);

describe('linksAsked', () => {
  it('between two levels: both directions, never a confidential link', () => {
    expect(ids(linksAsked(graph, { kind: 'BETWEEN_LEVELS', levelKeys: ['principal', 'administration'] }))).toEqual([
      'l-1',
      'l-2',
    ]);
  });

  it('around a unit: links with an end in it or a unit below it', () => {
    expect(ids(linksAsked(graph, { kind: 'AROUND_UNIT', unitId: 'u-area' }))).toEqual(['l-1', 'l-2', 'l-3']);
  });

  it('of a kind, and hand-picked in the scenario’s order', () => {
    expect(ids(linksAsked(graph, { kind: 'LINK_KIND', linkKind: 'STEERING' }))).toEqual(['l-1', 'l-4']);
    expect(ids(linksAsked(graph, { kind: 'LINKS', linkIds: ['l-4', 'l-1'] }))).toEqual(['l-1', 'l-4']);
  });

  it('names what is wrong: an unknown level, unit or link, a confidential link, an empty selection', () => {
    expect(linksAsked(graph, { kind: 'BETWEEN_LEVELS', levelKeys: ['principal', 'pupils'] }).issues).toEqual([
      expect.objectContaining({ field: 'selection.levelKeys[1]', reason: 'UNKNOWN_LEVEL', value: 'pupils' }),
    ]);
    expect(linksAsked(graph, { kind: 'AROUND_UNIT', unitId: 'u-none' }).issues[0]).toMatchObject({
      field: 'selection.unitId',
    });
    expect(linksAsked(graph, { kind: 'LINKS', linkIds: ['l-1', 'l-none', 'l-secret'] }).issues).toEqual([
      expect.objectContaining({ field: 'selection.linkIds[1]', reason: 'UNKNOWN_REFERENCE' }),
      expect.objectContaining({ field: 'selection.linkIds[2]', reason: 'INVALID' }),
    ]);
    expect(linksAsked(graph, { kind: 'LINK_KIND', linkKind: 'INFORMAL' }).issues).toEqual([
      expect.objectContaining({ field: 'selection', reason: 'INVALID' }),
    ]);
  });
});

describe('round settings and answers', () => {
  const now = new Date('2026-12-04T10:00:00Z');
  const questions = { targetResponds: true, sourceResponds: true, distinctive: false, comment: false };

  it('needs a question, a threshold of 1–100, a future date for UNTIL and none for LIVE, and few enough links', () => {
    const ok = { questions, threshold: 3, mode: 'LIVE' as const, closesAt: null, linkCount: 6 };
    expect(roundSettingIssues(ok, { maxLinks: 6 }, now)).toEqual([]);
    const fields = (settings: Partial<typeof ok> | Record<string, unknown>, maxLinks = 6) =>
      roundSettingIssues({ ...ok, ...settings } as typeof ok, { maxLinks }, now).map((i) => i.field);
    expect(fields({ questions: { ...questions, targetResponds: false, sourceResponds: false } })).toEqual([
      'questions',
    ]);
    expect(fields({ threshold: 0 })).toEqual(['threshold']);
    expect(fields({ threshold: 2.5 })).toEqual(['threshold']);
    expect(fields({ mode: 'UNTIL' })).toEqual(['closesAt']);
    expect(fields({ mode: 'UNTIL', closesAt: '2026-12-03T10:00:00Z' })).toEqual(['closesAt']);
    expect(fields({ mode: 'UNTIL', closesAt: '2026-12-11' })).toEqual([]);
    expect(fields({ closesAt: '2026-12-11' })).toEqual(['closesAt']);
    expect(fields({}, 5)).toEqual(['selection']);
  });

  it('refuses an answer to a question not asked, and a comment not asked for or too long', () => {
    const answer = { targetResponds: true, sourceResponds: null, distinctive: null, comment: null };
    expect(answerIssues(answer, questions)).toEqual([]);
    expect(answerIssues({ ...answer, distinctive: false }, questions).map((i) => i.field)).toEqual(['distinctive']);
    expect(answerIssues({ ...answer, comment: 'x' }, questions).map((i) => i.field)).toEqual(['comment']);
    const withComment = { ...questions, comment: true };
    expect(answerIssues({ ...answer, comment: 'x'.repeat(1001) }, withComment)[0]).toMatchObject({
      reason: 'TOO_LONG',
    });
    expect(answerIssues({ ...answer, comment: 'a\u0000b' }, withComment)[0]).toMatchObject({ reason: 'INVALID' });
  });

  it('is open until closed, and until its date', () => {
    expect(isRoundOpen({ closedAt: null, closesAt: null }, now)).toBe(true);
    expect(isRoundOpen({ closedAt: '2026-12-04T09:00:00Z', closesAt: null }, now)).toBe(false);
    expect(isRoundOpen({ closedAt: null, closesAt: '2026-12-04T10:00:00Z' }, now)).toBe(false);
    expect(isRoundOpen({ closedAt: null, closesAt: '2026-12-04T10:00:01Z' }, now)).toBe(true);
  });

  it('makes short codes of unambiguous characters and reads them back as typed', () => {
    expect(newRoundCode(() => new Uint8Array([0, 1, 30, 31, 62, 8]))).toBe('23Z22A');
    expect(newRoundCode()).toMatch(/^[2-9A-HJKMNP-Z]{6}$/);
    expect(normaliseRoundCode(' k7m-q2x ')).toBe('K7MQ2X');
  });
});
