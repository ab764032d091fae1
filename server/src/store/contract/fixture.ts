import type { InterchangeDocumentInput } from '@kopplingskartan/schema/interchange';

/**
 * A small organisation for the contract suite: a chain of four levels, a support actor, two
 * units, and a current scenario with an arena, three links, two perceptions and an initiative.
 * `id` lets each run use its own organisation ids (shared Neo4j databases).
 */
export function contractDocument(id: string, name = 'Provkommun'): InterchangeDocumentInput {
  return {
    format: 'kopplingskartan',
    version: 1,
    organisation: {
      id,
      name,
      kind: 'MUNICIPAL',
      description: 'Contract suite fixture',
      levels: [
        { key: 'politics', name: 'Politik', isSide: false },
        { key: 'administration', name: 'Förvaltning', isSide: false },
        { key: 'principal', name: 'Rektor', isSide: false },
        { key: 'teacher', name: 'Lärare', isSide: false },
        { key: 'support', name: 'Stöd', isSide: true },
      ],
    },
    units: [
      { id: 'u-school', name: 'Ekskolan', kind: 'SCHOOL', place: 'Provby' },
      { id: 'u-team', name: 'Arbetslag 4–6', kind: 'TEAM', parentId: 'u-school' },
    ],
    actors: [
      { id: 'a-committee', name: 'Barn- och utbildningsnämnden', levelKey: 'politics' },
      { id: 'a-chief', name: 'Skolchef', levelKey: 'administration', personName: 'Eva Exempel', tags: ['ledning'] },
      { id: 'a-principal', name: 'Rektor Ekskolan', levelKey: 'principal', unitId: 'u-school' },
      { id: 'a-teachers', name: 'Lärarlag 4–6', levelKey: 'teacher', unitId: 'u-team', notes: 'Nytt lag i höst' },
      { id: 'a-university', name: 'Lärosätets stödteam', levelKey: 'support' },
    ],
    scenarios: [
      {
        id: 's-current',
        name: 'Nuläge',
        kind: 'CURRENT',
        arenas: [
          { id: 'ar-quality', name: 'Kvalitetsdialog', cadence: 'TERMLY', participantIds: ['a-chief', 'a-principal'] },
        ],
        links: [
          { id: 'l-1', sourceId: 'a-committee', targetId: 'a-chief', kind: 'STEERING', coupling: 'TIGHT' },
          {
            id: 'l-2',
            sourceId: 'a-chief',
            targetId: 'a-principal',
            kind: 'FOLLOW_UP',
            coupling: 'LOOSE',
            targetResponds: true,
            sourceResponds: true,
            distinctive: true,
            arenaId: 'ar-quality',
            cadence: 'TERMLY',
            evidence: [{ text: 'Protokoll från kvalitetsdialog', date: '2026-03-01' }],
          },
          {
            id: 'l-3',
            sourceId: 'a-principal',
            targetId: 'a-teachers',
            kind: 'DIALOGUE',
            coupling: 'DECOUPLED',
            notes: 'Sagt i förtroende',
            confidential: true,
          },
          {
            id: 'l-4',
            sourceId: 'a-university',
            targetId: 'a-principal',
            kind: 'SUPPORT',
            coupling: 'LOOSE',
            partnershipStage: 2,
          },
        ],
        perceptions: [
          { id: 'p-1', linkId: 'l-2', respondent: 'skolchef', coupling: 'TIGHT' },
          {
            id: 'p-2',
            linkId: 'l-2',
            respondent: 'rektor',
            respondentActorId: 'a-principal',
            coupling: 'DECOUPLED',
            confidential: true,
          },
        ],
        initiatives: [
          {
            id: 'i-1',
            name: 'Kollegialt lärande',
            ownerId: 'a-university',
            targetActorIds: ['a-principal', 'a-teachers'],
            targetUnitIds: ['u-school'],
            learningDimensions: ['CONTENT', 'INTERACTION'],
          },
        ],
      },
    ],
    presentations: [
      {
        id: 'pres-1',
        name: 'Glappet mellan nivåerna',
        steps: [
          { id: 'step-1', title: 'Hela kedjan', camera: { mode: 'FIT_ALL' } },
          {
            id: 'step-2',
            title: 'Rektor och lärarna',
            caption: 'Här svarar ingen på någon.',
            scenarioId: 's-current',
            levelKeys: ['principal', 'teacher'],
            couplings: ['DECOUPLED'],
            highlight: { actorIds: ['a-principal', 'a-teachers'], linkIds: ['l-2'] },
            camera: { mode: 'VIEWPORT', zoom: 1.5, panX: -20, panY: 40 },
          },
        ],
      },
    ],
  };
}
