/**
 * The downloadable template: instructions in English or Swedish, and an invented example
 * organisation (roles and invented names only) written in the import layout.
 */
import {
  type Coupling,
  type InterchangeDocument,
  type LinkKind,
  linkSchema,
} from '@kopplingskartan/schema/interchange';

import { DEFAULT_LEVELS } from '../domain/records.ts';
import { headerOf, type Lang, SHEETS, sheetTitle } from './spreadsheet-layout.ts';

const GUIDE: Record<Lang, string[]> = {
  en: [
    'One sheet per kind of record. Sheet and column names may be English or Swedish; case, spaces and accents do not matter.',
    'Refer to actors, units, scenarios and arenas by id or by name. Leave id empty to match an existing record by name, or to add a new one.',
    'Links, arenas, perceptions, initiatives and evidence have a scenario column; empty means the current state.',
    'Sheets you leave out are left alone. Columns you leave out keep their values; an empty cell clears the value.',
    'Lists (tags, participants) are separated by ;. Yes/no columns take yes/no (or ja/nej).',
    'Every import is checked as a whole first: each problem is listed with sheet, row and column, and nothing is written until there are none.',
    "Cells starting with = + - or @ are exported with a leading ' so that no spreadsheet runs them as formulas; the import removes it again.",
  ],
  sv: [
    'Ett blad per slags uppgift. Blad- och kolumnnamn får vara på svenska eller engelska; versaler, mellanslag och accenter spelar ingen roll.',
    'Hänvisa till aktörer, enheter, scenarier och arenor med id eller namn. Lämna id tomt för att matcha en befintlig post på namn, eller lägga till en ny.',
    'Kopplingar, arenor, uppfattningar, insatser och belägg har en scenariokolumn; tom betyder nuläget.',
    'Blad du utelämnar lämnas orörda. Kolumner du utelämnar behåller sina värden; en tom cell tömmer värdet.',
    'Listor (taggar, deltagare) separeras med ;. Ja/nej-kolumner tar ja/nej (eller yes/no).',
    'Varje import kontrolleras först i sin helhet: varje problem visas med blad, rad och kolumn, och inget skrivs förrän inga återstår.',
    "Celler som börjar med = + - eller @ exporteras med ett inledande ' så att inget kalkylprogram kör dem som formler; importen tar bort det igen.",
  ],
};

/** Rows of the instructions sheet: [sheet, column, explanation]. */
export function instructionRows(lang: Lang): string[][] {
  const rows: string[][] = GUIDE[lang].map((line) => ['', '', line]);
  rows.push(['', '', '']);
  rows.push(lang === 'sv' ? ['Blad', 'Kolumn', 'Betydelse'] : ['Sheet', 'Column', 'Meaning']);
  for (const sheet of SHEETS) {
    rows.push([sheetTitle(sheet, lang), '', sheet.help[lang]]);
    for (const column of sheet.columns) rows.push(['', headerOf(column, lang), column.help[lang]]);
  }
  return rows;
}

/** A small invented school authority that shows every sheet in use. */
export function exampleDocument(): InterchangeDocument {
  // The schema fills every optional field with its default.
  const link = (id: string, sourceId: string, targetId: string, kind: LinkKind, coupling: Coupling) =>
    linkSchema.parse({ id, sourceId, targetId, kind, coupling });
  return {
    format: 'kopplingskartan',
    version: 1,
    organisation: {
      id: 'exempelkommun',
      name: 'Exempelkommun',
      kind: 'MUNICIPAL',
      description: 'Ett påhittat exempel',
      levels: DEFAULT_LEVELS.map((level) => ({ ...level })),
    },
    units: [
      { id: 'ekskolan', name: 'Ekskolan', kind: 'SCHOOL', parentId: null, place: 'Exempelby' },
      { id: 'lag-4-6', name: 'Arbetslag 4–6', kind: 'TEAM', parentId: 'ekskolan', place: null },
    ],
    actors: [
      {
        id: 'namnd',
        name: 'Barn- och utbildningsnämnden',
        personName: null,
        levelKey: 'politics',
        role: null,
        unitId: null,
        tags: [],
        notes: null,
      },
      {
        id: 'skolchef',
        name: 'Skolchef',
        personName: null,
        levelKey: 'administration',
        role: 'Huvudmannens företrädare',
        unitId: null,
        tags: ['ledning'],
        notes: null,
      },
      {
        id: 'rektor-ekskolan',
        name: 'Rektor Ekskolan',
        personName: null,
        levelKey: 'principal',
        role: null,
        unitId: 'ekskolan',
        tags: [],
        notes: null,
      },
      {
        id: 'larare-4-6',
        name: 'Lärarlag 4–6',
        personName: null,
        levelKey: 'teacher',
        role: null,
        unitId: 'lag-4-6',
        tags: ['matematik', 'svenska'],
        notes: null,
      },
      {
        id: 'larosate',
        name: 'Lärosätets stödteam',
        personName: null,
        levelKey: 'support',
        role: null,
        unitId: null,
        tags: [],
        notes: null,
      },
    ],
    scenarios: [
      {
        id: 'nulage',
        name: 'Nuläge',
        kind: 'CURRENT',
        observedAt: null,
        description: null,
        basedOnId: null,
        arenas: [
          {
            id: 'kvalitetsdialog',
            name: 'Kvalitetsdialog',
            cadence: 'TERMLY',
            description: null,
            participantIds: ['skolchef', 'rektor-ekskolan'],
          },
        ],
        links: [
          link('l1', 'namnd', 'skolchef', 'STEERING', 'TIGHT'),
          {
            ...link('l2', 'skolchef', 'rektor-ekskolan', 'FOLLOW_UP', 'LOOSE'),
            targetResponds: true,
            sourceResponds: true,
            distinctive: true,
            arenaId: 'kvalitetsdialog',
            cadence: 'TERMLY',
            evidence: [{ text: 'Protokoll från kvalitetsdialogen', date: '2026-03-01', source: null }],
          },
          {
            ...link('l3', 'rektor-ekskolan', 'larare-4-6', 'DIALOGUE', 'DECOUPLED'),
            notes: 'Sagt i förtroende',
            confidential: true,
          },
          { ...link('l4', 'larosate', 'rektor-ekskolan', 'SUPPORT', 'LOOSE'), partnershipStage: 2 },
        ],
        perceptions: [
          {
            id: 'p1',
            linkId: 'l2',
            respondent: 'skolchef',
            respondentActorId: 'skolchef',
            observedAt: '2026-03-01',
            coupling: 'TIGHT',
            targetResponds: null,
            sourceResponds: null,
            distinctive: null,
            comment: null,
            confidential: false,
          },
          {
            id: 'p2',
            linkId: 'l2',
            respondent: 'rektor',
            respondentActorId: 'rektor-ekskolan',
            observedAt: '2026-03-01',
            coupling: 'DECOUPLED',
            targetResponds: null,
            sourceResponds: null,
            distinctive: null,
            comment: 'Vi hörs sällan',
            confidential: true,
          },
        ],
        initiatives: [
          {
            id: 'kollegialt-larande',
            name: 'Kollegialt lärande',
            description: null,
            ownerId: 'larosate',
            targetActorIds: ['rektor-ekskolan', 'larare-4-6'],
            targetUnitIds: ['ekskolan'],
            learningDimensions: ['CONTENT', 'INTERACTION'],
            evidence: [],
          },
        ],
      },
      {
        id: 'onskat-lage',
        name: 'Önskat läge',
        kind: 'DESIRED',
        observedAt: null,
        description: null,
        basedOnId: 'nulage',
        arenas: [],
        links: [link('d1', 'rektor-ekskolan', 'larare-4-6', 'DIALOGUE', 'LOOSE')],
        perceptions: [],
        initiatives: [],
      },
    ],
    presentations: [],
  };
}
