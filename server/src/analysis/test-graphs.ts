/**
 * Small named graphs for the analysis tests, built from short tuples so that every expected
 * value in a test can be worked out by hand from the drawing below.
 */
import type { Coupling, LinkKind } from '@kopplingskartan/schema/interchange';

import type { ChainGraph, ChainLink } from './chain-graph.ts';

export const LEVELS: ChainGraph['levels'] = [
  { key: 'politics', name: 'Politik', isSide: false },
  { key: 'administration', name: 'Förvaltning', isSide: false },
  { key: 'principal', name: 'Rektor', isSide: false },
  { key: 'teacher', name: 'Lärare', isSide: false },
  { key: 'support', name: 'Stöd', isSide: true },
];

type ActorSpec = [id: string, levelKey: string, unitId?: string];
type LinkSpec = [
  id: string,
  sourceId: string,
  targetId: string,
  coupling: Coupling,
  kind?: LinkKind,
  extra?: Partial<ChainLink>,
];

export function makeGraph(actors: ActorSpec[], links: LinkSpec[], rest: Partial<ChainGraph> = {}): ChainGraph {
  return {
    levels: LEVELS,
    units: [],
    arenas: [],
    perceptions: [],
    initiatives: [],
    ...rest,
    actors: actors.map(([id, levelKey, unitId]) => ({ id, name: id, levelKey, unitId: unitId ?? null })),
    links: links.map(([id, sourceId, targetId, coupling, kind, extra]) => ({
      id,
      sourceId,
      targetId,
      coupling,
      kind: kind ?? 'STEERING',
      targetResponds: null,
      sourceResponds: null,
      arenaId: null,
      ...extra,
    })),
  };
}

/**
 * The main test chain ("chain A"):
 *
 * ```
 *            pol                      politics
 *             | L1 tight
 *            sup ───────── L9 loose ──────┐       administration   (L9 skips principal; arena A3)
 *     L2 loose |   \ L3 decoupled         │
 *            r1     r2 ── L8 loose ── uni │       principal        (uni: support)
 *   L4 tight / \L5   | L7 tight  \ L10 decoupled
 *          t1 ─ t2   t3 ──────────┘  t4     t5   teacher          (L6 t1–t2 tight)
 * ```
 * L5 r1→t2 is loose and one-way: r1 responds to t2, t2 does not respond to r1.
 * Units: area ⊃ {s1, s2}; s1 = {r1, t1, t2}, s2 = {r2, t3, t4}, s3 = {t5}.
 */
export function chainA(): ChainGraph {
  return makeGraph(
    [
      ['pol', 'politics'],
      ['sup', 'administration'],
      ['r1', 'principal', 's1'],
      ['r2', 'principal', 's2'],
      ['t1', 'teacher', 's1'],
      ['t2', 'teacher', 's1'],
      ['t3', 'teacher', 's2'],
      ['t4', 'teacher', 's2'],
      ['t5', 'teacher', 's3'],
      ['uni', 'support'],
    ],
    [
      ['L1', 'pol', 'sup', 'TIGHT'],
      ['L2', 'sup', 'r1', 'LOOSE'],
      ['L3', 'sup', 'r2', 'DECOUPLED'],
      ['L4', 'r1', 't1', 'TIGHT'],
      ['L5', 'r1', 't2', 'LOOSE', 'STEERING', { targetResponds: false, sourceResponds: true }],
      ['L6', 't1', 't2', 'TIGHT', 'DIALOGUE'],
      ['L7', 'r2', 't3', 'TIGHT'],
      ['L8', 'uni', 'r2', 'LOOSE', 'SUPPORT'],
      ['L9', 'sup', 't3', 'LOOSE', 'STEERING', { arenaId: 'A3' }],
      ['L10', 'r2', 't4', 'DECOUPLED'],
    ],
    {
      units: [
        { id: 'area', name: 'Område', parentId: null },
        { id: 's1', name: 'Skola 1', parentId: 'area' },
        { id: 's2', name: 'Skola 2', parentId: 'area' },
        { id: 's3', name: 'Skola 3', parentId: null },
      ],
      arenas: [
        { id: 'A1', name: 'Ledningsgrupp', participantIds: ['sup', 'r1', 'r2'] },
        { id: 'A2', name: 'Lärforum', participantIds: ['r1', 't1'] },
        { id: 'A3', name: 'Kvalitetsdialog', participantIds: ['pol'] },
      ],
      perceptions: [
        {
          id: 'P1',
          linkId: 'L2',
          respondent: 'rektor',
          respondentActorId: 'r1',
          coupling: 'LOOSE',
          targetResponds: null,
          sourceResponds: null,
          distinctive: null,
        },
        {
          id: 'P2',
          linkId: 'L2',
          respondent: 'skolchef',
          respondentActorId: 'sup',
          coupling: 'TIGHT',
          targetResponds: null,
          sourceResponds: null,
          distinctive: null,
        },
        {
          id: 'P3',
          linkId: 'L4',
          respondent: 'rektor',
          respondentActorId: 'r1',
          coupling: 'TIGHT',
          targetResponds: null,
          sourceResponds: null,
          distinctive: null,
        },
        {
          id: 'P4',
          linkId: 'L4',
          respondent: 'lärare',
          respondentActorId: 't1',
          coupling: null,
          targetResponds: true,
          sourceResponds: true,
          distinctive: false,
        },
      ],
      initiatives: [
        { id: 'I1', name: 'Läslyft', ownerId: 'uni', targetActorIds: ['t1'], targetUnitIds: ['s2'], evidenceCount: 1 },
        {
          id: 'I2',
          name: 'Matematiklyft',
          ownerId: null,
          targetActorIds: [],
          targetUnitIds: ['area'],
          evidenceCount: 0,
        },
      ],
    },
  );
}
