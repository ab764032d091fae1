/**
 * The spreadsheet layout shared by CSV and XLSX (and by GraphML attributes): which sheets exist,
 * their columns, the words accepted for each column and enum value in English and Swedish.
 * Header and value matching ignores case, spaces, punctuation and diacritics (see `normaliseWord`),
 * so `Nivå`, `niva` and `LEVEL ` all name the same column.
 */
import type {
  CADENCES,
  COUPLINGS,
  LEARNING_DIMENSIONS,
  LINK_KINDS,
  ORGANISATION_KINDS,
  SCENARIO_KINDS,
  UNIT_KINDS,
} from '@kopplingskartan/schema/interchange';

export type Lang = 'en' | 'sv';

export const SHEET_NAMES = [
  'organisation',
  'levels',
  'scenarios',
  'units',
  'actors',
  'arenas',
  'links',
  'perceptions',
  'initiatives',
  'evidence',
] as const;
export type SheetName = (typeof SHEET_NAMES)[number];

/** Kinds a reference cell may name, by id or by name. */
export type RefKind = 'level' | 'unit' | 'actor' | 'scenario' | 'arena' | 'link' | 'initiative' | 'owner';

export type EnumName =
  | 'coupling'
  | 'linkKind'
  | 'organisationKind'
  | 'unitKind'
  | 'scenarioKind'
  | 'cadence'
  | 'learningDimension'
  | 'ownerKind';

export type ColumnType =
  | { type: 'id' }
  | { type: 'text'; isRequired?: boolean }
  | { type: 'enum'; values: EnumName }
  | { type: 'enumList'; values: EnumName }
  /** yes / no / empty (not assessed). */
  | { type: 'rating' }
  /** yes / no; empty means no. */
  | { type: 'flag' }
  | { type: 'int' }
  | { type: 'date' }
  | { type: 'list' }
  | { type: 'ref'; kind: RefKind }
  | { type: 'refList'; kind: RefKind };

export interface ColumnSpec {
  /** The canonical (English) header, also the key rows are stored under. */
  key: string;
  sv: string;
  /** Further accepted headers (document field names, common synonyms). */
  aliases?: readonly string[];
  /** The document field this column fills; absent for columns that locate a row (scenario, owner kind). */
  field?: string;
  type: ColumnType;
  /** One line for the instructions sheet. */
  help: { en: string; sv: string };
}

export interface SheetSpec {
  name: SheetName;
  sv: string;
  aliases?: readonly string[];
  columns: readonly ColumnSpec[];
  help: { en: string; sv: string };
}

/** A word per language for each enum value; `aliases` are accepted on import too. */
interface EnumWord {
  en: string;
  sv: string;
  aliases?: readonly string[];
}

export const ENUMS: { readonly [E in EnumName]: Readonly<Record<string, EnumWord>> } = {
  coupling: {
    TIGHT: { en: 'tight', sv: 'tät', aliases: ['hård', 'strong'] },
    LOOSE: { en: 'loose', sv: 'lös' },
    DECOUPLED: { en: 'decoupled', sv: 'frikopplad', aliases: ['okopplad', 'isär'] },
  } satisfies Record<(typeof COUPLINGS)[number], EnumWord>,
  linkKind: {
    STEERING: { en: 'steering', sv: 'styrning' },
    SUPPORT: { en: 'support', sv: 'stöd' },
    DIALOGUE: { en: 'dialogue', sv: 'dialog', aliases: ['dialog'] },
    FOLLOW_UP: { en: 'follow-up', sv: 'uppföljning', aliases: ['reporting', 'återrapportering', 'rapportering'] },
    INFORMAL: { en: 'informal', sv: 'informell' },
    INTERPRETATION: { en: 'interpretation', sv: 'tolkning' },
  } satisfies Record<(typeof LINK_KINDS)[number], EnumWord>,
  organisationKind: {
    MUNICIPAL: { en: 'municipal', sv: 'kommunal', aliases: ['kommun'] },
    INDEPENDENT: { en: 'independent', sv: 'enskild', aliases: ['fristående'] },
    OTHER: { en: 'other', sv: 'annan', aliases: ['annat'] },
  } satisfies Record<(typeof ORGANISATION_KINDS)[number], EnumWord>,
  unitKind: {
    SCHOOL: { en: 'school', sv: 'skola' },
    TEAM: { en: 'team', sv: 'arbetslag', aliases: ['lag'] },
    AREA: { en: 'area', sv: 'område' },
    OTHER: { en: 'other', sv: 'annan', aliases: ['annat'] },
  } satisfies Record<(typeof UNIT_KINDS)[number], EnumWord>,
  scenarioKind: {
    CURRENT: { en: 'current', sv: 'nuläge' },
    DESIRED: { en: 'desired', sv: 'önskat läge', aliases: ['önskat'] },
    OBSERVATION: { en: 'observation', sv: 'observation', aliases: ['iakttagelse'] },
  } satisfies Record<(typeof SCENARIO_KINDS)[number], EnumWord>,
  cadence: {
    DAILY: { en: 'daily', sv: 'dagligen' },
    WEEKLY: { en: 'weekly', sv: 'veckovis' },
    MONTHLY: { en: 'monthly', sv: 'månadsvis' },
    TERMLY: { en: 'termly', sv: 'terminsvis', aliases: ['per termin'] },
    YEARLY: { en: 'yearly', sv: 'årligen', aliases: ['årsvis'] },
    AD_HOC: { en: 'ad hoc', sv: 'vid behov' },
  } satisfies Record<(typeof CADENCES)[number], EnumWord>,
  learningDimension: {
    CONTENT: { en: 'content', sv: 'innehåll' },
    INCENTIVE: { en: 'incentive', sv: 'drivkraft' },
    INTERACTION: { en: 'interaction', sv: 'samspel' },
  } satisfies Record<(typeof LEARNING_DIMENSIONS)[number], EnumWord>,
  ownerKind: {
    link: { en: 'link', sv: 'koppling' },
    initiative: { en: 'initiative', sv: 'insats' },
  },
};

export const BOOLEAN_WORDS = {
  true: { en: 'yes', sv: 'ja', aliases: ['true', 'sant', '1', 'x', 'y', 'j'] },
  false: { en: 'no', sv: 'nej', aliases: ['false', 'falskt', '0', 'n'] },
} as const;

const t = (en: string, sv: string) => ({ en, sv });
const id: ColumnSpec = {
  key: 'id',
  sv: 'id',
  field: 'id',
  type: { type: 'id' },
  help: t(
    'Stable id; leave empty to match by name or create a new one',
    'Fast id; lämna tomt för att matcha på namn eller skapa ny',
  ),
};
const name: ColumnSpec = {
  key: 'name',
  sv: 'namn',
  aliases: ['label', 'benämning'],
  field: 'name',
  type: { type: 'text', isRequired: true },
  help: t('Name (required)', 'Namn (krävs)'),
};
const description: ColumnSpec = {
  key: 'description',
  sv: 'beskrivning',
  field: 'description',
  type: { type: 'text' },
  help: t('Free text', 'Fritext'),
};
const scenario: ColumnSpec = {
  key: 'scenario',
  sv: 'scenario',
  aliases: ['scenarioId', 'läge'],
  type: { type: 'ref', kind: 'scenario' },
  help: t('Scenario id or name; empty = the current state', 'Scenariots id eller namn; tomt = nuläget'),
};
const ratingColumns: readonly ColumnSpec[] = [
  {
    key: 'targetResponds',
    sv: 'målet svarar',
    aliases: ['target responsive', 'mottagaren svarar'],
    field: 'targetResponds',
    type: { type: 'rating' },
    help: t('Does the target respond to the source? yes/no/empty', 'Svarar målet på källan? ja/nej/tomt'),
  },
  {
    key: 'sourceResponds',
    sv: 'källan svarar',
    aliases: ['source responsive', 'avsändaren svarar'],
    field: 'sourceResponds',
    type: { type: 'rating' },
    help: t('Does the source respond to the target? yes/no/empty', 'Svarar källan på målet? ja/nej/tomt'),
  },
  {
    key: 'distinctive',
    sv: 'särskiljande',
    aliases: ['distinctiveness', 'egenart'],
    field: 'distinctive',
    type: { type: 'rating' },
    help: t('Do both keep their own judgement? yes/no/empty', 'Behåller båda sitt eget omdöme? ja/nej/tomt'),
  },
];
const coupling = (isLink: boolean): ColumnSpec => ({
  key: 'coupling',
  sv: 'koppling',
  aliases: ['coupling type', 'kopplingstyp'],
  field: 'coupling',
  type: { type: 'enum', values: 'coupling' },
  help: isLink
    ? t(
        'tight / loose / decoupled; empty = derived from the ratings',
        'tät / lös / frikopplad; tomt = härleds ur bedömningarna',
      )
    : t('tight / loose / decoupled or empty', 'tät / lös / frikopplad eller tomt'),
});
const confidential: ColumnSpec = {
  key: 'confidential',
  sv: 'konfidentiell',
  aliases: ['förtroligt', 'konfidentiellt'],
  field: 'confidential',
  type: { type: 'flag' },
  help: t('yes = left out of presentations', 'ja = utelämnas i presentationer'),
};
const cadence: ColumnSpec = {
  key: 'cadence',
  sv: 'frekvens',
  aliases: ['intervall'],
  field: 'cadence',
  type: { type: 'enum', values: 'cadence' },
  help: t(
    'daily / weekly / monthly / termly / yearly / ad hoc',
    'dagligen / veckovis / månadsvis / terminsvis / årligen / vid behov',
  ),
};

export const SHEETS: readonly SheetSpec[] = [
  {
    name: 'organisation',
    sv: 'organisation',
    aliases: ['organization', 'huvudman'],
    help: t('One row: the organisation itself', 'En rad: organisationen själv'),
    columns: [
      id,
      name,
      {
        key: 'kind',
        sv: 'typ',
        field: 'kind',
        type: { type: 'enum', values: 'organisationKind' },
        help: t('municipal / independent / other', 'kommunal / enskild / annan'),
      },
      description,
    ],
  },
  {
    name: 'levels',
    sv: 'nivåer',
    help: t('The chain top to bottom, then side levels', 'Kedjan uppifrån och ned, sedan sidonivåer'),
    columns: [
      {
        key: 'key',
        sv: 'nyckel',
        aliases: ['levelKey'],
        field: 'key',
        type: { type: 'text', isRequired: true },
        help: t('Short key: lower-case letters, digits, - and _', 'Kort nyckel: gemener, siffror, - och _'),
      },
      name,
      {
        key: 'side',
        sv: 'sidonivå',
        aliases: ['isSide', 'beside the chain', 'vid sidan'],
        field: 'isSide',
        type: { type: 'flag' },
        help: t('yes = beside the chain (support)', 'ja = vid sidan av kedjan (stöd)'),
      },
    ],
  },
  {
    name: 'scenarios',
    sv: 'scenarier',
    help: t('Current state, desired state and dated observations', 'Nuläge, önskat läge och daterade observationer'),
    columns: [
      id,
      name,
      {
        key: 'kind',
        sv: 'typ',
        field: 'kind',
        type: { type: 'enum', values: 'scenarioKind' },
        help: t('current / desired / observation', 'nuläge / önskat läge / observation'),
      },
      {
        key: 'observedAt',
        sv: 'datum',
        aliases: ['date', 'observed'],
        field: 'observedAt',
        type: { type: 'date' },
        help: t('YYYY-MM-DD (required for observations)', 'ÅÅÅÅ-MM-DD (krävs för observationer)'),
      },
      description,
      {
        key: 'basedOn',
        sv: 'bygger på',
        aliases: ['basedOnId'],
        field: 'basedOnId',
        type: { type: 'ref', kind: 'scenario' },
        help: t('The scenario it was copied from', 'Scenariot det kopierades från'),
      },
    ],
  },
  {
    name: 'units',
    sv: 'enheter',
    help: t('Schools, teams and areas', 'Skolor, arbetslag och områden'),
    columns: [
      id,
      name,
      {
        key: 'kind',
        sv: 'typ',
        field: 'kind',
        type: { type: 'enum', values: 'unitKind' },
        help: t('school / team / area / other (default other)', 'skola / arbetslag / område / annan (standard annan)'),
      },
      {
        key: 'parent',
        sv: 'överordnad',
        aliases: ['parentId', 'del av', 'part of'],
        field: 'parentId',
        type: { type: 'ref', kind: 'unit' },
        help: t('The unit it belongs to (id or name)', 'Enheten den ingår i (id eller namn)'),
      },
      {
        key: 'place',
        sv: 'plats',
        aliases: ['ort'],
        field: 'place',
        type: { type: 'text' },
        help: t('Place', 'Ort'),
      },
    ],
  },
  {
    name: 'actors',
    sv: 'aktörer',
    aliases: ['nodes', 'noder'],
    help: t('Everyone on the map, as roles', 'Alla på kartan, som roller'),
    columns: [
      id,
      name,
      {
        key: 'level',
        sv: 'nivå',
        aliases: ['levelKey'],
        field: 'levelKey',
        type: { type: 'ref', kind: 'level' },
        help: t('Level key or name (required)', 'Nivåns nyckel eller namn (krävs)'),
      },
      {
        key: 'unit',
        sv: 'enhet',
        aliases: ['unitId'],
        field: 'unitId',
        type: { type: 'ref', kind: 'unit' },
        help: t('Unit id or name', 'Enhetens id eller namn'),
      },
      {
        key: 'personName',
        sv: 'personnamn',
        aliases: ['person'],
        field: 'personName',
        type: { type: 'text' },
        help: t('Optional; hidden in role-only presentations', 'Valfritt; döljs i presentationer med bara roller'),
      },
      {
        key: 'role',
        sv: 'roll',
        field: 'role',
        type: { type: 'text' },
        help: t('Role description', 'Rollbeskrivning'),
      },
      {
        key: 'tags',
        sv: 'taggar',
        field: 'tags',
        type: { type: 'list' },
        help: t('Separated by ;', 'Separerade med ;'),
      },
      {
        key: 'notes',
        sv: 'anteckningar',
        field: 'notes',
        type: { type: 'text' },
        help: t('Free text', 'Fritext'),
      },
    ],
  },
  {
    name: 'arenas',
    sv: 'arenor',
    aliases: ['forums', 'forum'],
    help: t('Forums where actors meet', 'Forum där aktörer möts'),
    columns: [
      scenario,
      id,
      name,
      cadence,
      description,
      {
        key: 'participants',
        sv: 'deltagare',
        aliases: ['participantIds'],
        field: 'participantIds',
        type: { type: 'refList', kind: 'actor' },
        help: t('Actors (ids or names) separated by ;', 'Aktörer (id eller namn) separerade med ;'),
      },
    ],
  },
  {
    name: 'links',
    sv: 'kopplingar',
    aliases: ['länkar', 'edges', 'relations', 'relationer'],
    help: t('One row per link between two actors', 'En rad per koppling mellan två aktörer'),
    columns: [
      scenario,
      id,
      {
        key: 'source',
        sv: 'källa',
        aliases: ['sourceId', 'from', 'från'],
        field: 'sourceId',
        type: { type: 'ref', kind: 'actor' },
        help: t('Actor id or name (required)', 'Aktörens id eller namn (krävs)'),
      },
      {
        key: 'target',
        sv: 'mål',
        aliases: ['targetId', 'to', 'till'],
        field: 'targetId',
        type: { type: 'ref', kind: 'actor' },
        help: t('Actor id or name (required)', 'Aktörens id eller namn (krävs)'),
      },
      {
        key: 'kind',
        sv: 'slag',
        aliases: ['link kind', 'typ', 'art'],
        field: 'kind',
        type: { type: 'enum', values: 'linkKind' },
        help: t(
          'steering / support / dialogue / follow-up / informal / interpretation (default dialogue)',
          'styrning / stöd / dialog / uppföljning / informell / tolkning (standard dialog)',
        ),
      },
      coupling(true),
      ...ratingColumns,
      {
        key: 'arena',
        sv: 'arena',
        aliases: ['arenaId', 'forum'],
        field: 'arenaId',
        type: { type: 'ref', kind: 'arena' },
        help: t('Arena id or name in the same scenario', 'Arenans id eller namn i samma scenario'),
      },
      cadence,
      {
        key: 'notes',
        sv: 'anteckningar',
        field: 'notes',
        type: { type: 'text' },
        help: t('Free text', 'Fritext'),
      },
      confidential,
      {
        key: 'partnershipStage',
        sv: 'partnerskapssteg',
        aliases: ['stage', 'steg'],
        field: 'partnershipStage',
        type: { type: 'int' },
        help: t('Partnership ladder 1–5', 'Partnerskapsstegen 1–5'),
      },
    ],
  },
  {
    name: 'perceptions',
    sv: 'uppfattningar',
    aliases: ['bedömningar'],
    help: t('One respondent’s view of one link', 'En respondents syn på en koppling'),
    columns: [
      scenario,
      id,
      {
        key: 'link',
        sv: 'länk',
        aliases: ['linkId', 'kopplings-id'],
        field: 'linkId',
        type: { type: 'ref', kind: 'link' },
        help: t('Link id, or "source → target"', 'Kopplingens id, eller "källa → mål"'),
      },
      {
        key: 'respondent',
        sv: 'respondent',
        aliases: ['svarande'],
        field: 'respondent',
        type: { type: 'text', isRequired: true },
        help: t('Who answered, as a role (required)', 'Vem som svarade, som roll (krävs)'),
      },
      {
        key: 'respondentActor',
        sv: 'respondentens aktör',
        aliases: ['respondentActorId'],
        field: 'respondentActorId',
        type: { type: 'ref', kind: 'actor' },
        help: t('The respondent’s actor (id or name)', 'Respondentens aktör (id eller namn)'),
      },
      {
        key: 'observedAt',
        sv: 'datum',
        aliases: ['date'],
        field: 'observedAt',
        type: { type: 'date' },
        help: t('YYYY-MM-DD', 'ÅÅÅÅ-MM-DD'),
      },
      coupling(false),
      ...ratingColumns,
      {
        key: 'comment',
        sv: 'kommentar',
        field: 'comment',
        type: { type: 'text' },
        help: t('Free text', 'Fritext'),
      },
      confidential,
    ],
  },
  {
    name: 'initiatives',
    sv: 'insatser',
    help: t('Improvement efforts and whom they target', 'Förbättringsinsatser och vilka de riktar sig till'),
    columns: [
      scenario,
      id,
      name,
      description,
      {
        key: 'owner',
        sv: 'ägare',
        aliases: ['ownerId'],
        field: 'ownerId',
        type: { type: 'ref', kind: 'actor' },
        help: t('Owning actor (id or name)', 'Ägande aktör (id eller namn)'),
      },
      {
        key: 'targetActors',
        sv: 'målaktörer',
        aliases: ['targetActorIds'],
        field: 'targetActorIds',
        type: { type: 'refList', kind: 'actor' },
        help: t('Actors separated by ;', 'Aktörer separerade med ;'),
      },
      {
        key: 'targetUnits',
        sv: 'målenheter',
        aliases: ['targetUnitIds'],
        field: 'targetUnitIds',
        type: { type: 'refList', kind: 'unit' },
        help: t('Units separated by ;', 'Enheter separerade med ;'),
      },
      {
        key: 'learningDimensions',
        sv: 'lärdimensioner',
        aliases: ['dimensions'],
        field: 'learningDimensions',
        type: { type: 'enumList', values: 'learningDimension' },
        help: t('content; incentive; interaction', 'innehåll; drivkraft; samspel'),
      },
    ],
  },
  {
    name: 'evidence',
    sv: 'belägg',
    aliases: ['evidens', 'spår'],
    help: t(
      'Traces and evidence for links and initiatives, in order',
      'Spår och belägg för kopplingar och insatser, i ordning',
    ),
    columns: [
      scenario,
      {
        key: 'ownerKind',
        sv: 'gäller',
        aliases: ['for', 'avser'],
        type: { type: 'enum', values: 'ownerKind' },
        help: t('link / initiative', 'koppling / insats'),
      },
      {
        key: 'owner',
        sv: 'tillhör',
        aliases: ['ownerId'],
        type: { type: 'ref', kind: 'owner' },
        help: t('Link id, or initiative id or name', 'Kopplingens id, eller insatsens id eller namn'),
      },
      {
        key: 'text',
        sv: 'text',
        field: 'text',
        type: { type: 'text', isRequired: true },
        help: t('What was seen (required)', 'Vad som syntes (krävs)'),
      },
      {
        key: 'date',
        sv: 'datum',
        field: 'date',
        type: { type: 'date' },
        help: t('YYYY-MM-DD', 'ÅÅÅÅ-MM-DD'),
      },
      {
        key: 'source',
        sv: 'källa',
        field: 'source',
        type: { type: 'text' },
        help: t('Where it comes from', 'Varifrån det kommer'),
      },
    ],
  },
];

/** Sheets that hold no data: skipped silently on import. */
export const IGNORED_SHEETS = ['instructions', 'instruktioner', 'readme', 'läsmig'];

/**
 * The form used to compare headers, sheet names and words: diacritics, case, spaces and
 * punctuation removed (`Målet svarar` → `maletsvarar`).
 */
export function normaliseWord(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

export function sheetSpec(name: SheetName): SheetSpec {
  return SHEETS.find((sheet) => sheet.name === name)!;
}

const SHEET_BY_WORD = new Map<string, SheetName>(
  SHEETS.flatMap((sheet) =>
    [sheet.name, sheet.sv, ...(sheet.aliases ?? [])].map((word) => [normaliseWord(word), sheet.name] as const),
  ),
);

/** The sheet a sheet name or CSV file name (without extension) stands for. */
export function resolveSheetName(raw: string): SheetName | null {
  return SHEET_BY_WORD.get(normaliseWord(raw)) ?? null;
}

const columnWords = (column: ColumnSpec) => [column.key, column.sv, column.field ?? '', ...(column.aliases ?? [])];

const COLUMN_INDEX = new Map<SheetName, Map<string, ColumnSpec>>(
  SHEETS.map((sheet) => [
    sheet.name,
    new Map(
      sheet.columns.flatMap((column) =>
        columnWords(column)
          .filter((word) => word !== '')
          .map((word) => [normaliseWord(word), column] as const),
      ),
    ),
  ]),
);

export function resolveColumn(sheet: SheetName, header: string): ColumnSpec | null {
  return COLUMN_INDEX.get(sheet)!.get(normaliseWord(header)) ?? null;
}

/** The header a column is written with in a language. */
export function headerOf(column: ColumnSpec, lang: Lang): string {
  return lang === 'sv' ? column.sv : column.key;
}

export function sheetTitle(sheet: SheetSpec, lang: Lang): string {
  return lang === 'sv' ? sheet.sv : sheet.name;
}

const ENUM_INDEX = new Map<EnumName, Map<string, string>>(
  (Object.keys(ENUMS) as EnumName[]).map((enumName) => [
    enumName,
    new Map(
      Object.entries(ENUMS[enumName]).flatMap(([value, word]) =>
        [value, word.en, word.sv, ...(word.aliases ?? [])].map((w) => [normaliseWord(w), value] as const),
      ),
    ),
  ]),
);

/** The enum value (`TIGHT`) a word (`tät`, `Tight`, `TIGHT`) stands for, or null. */
export function resolveEnumWord(enumName: EnumName, raw: string): string | null {
  return ENUM_INDEX.get(enumName)!.get(normaliseWord(raw)) ?? null;
}

export function enumWord(enumName: EnumName, value: string, lang: Lang): string {
  const word = ENUMS[enumName][value];
  return word ? word[lang] : value;
}

/** The words accepted for an enum, for messages ("tight, loose, decoupled"). */
export function enumWords(enumName: EnumName, lang: Lang = 'en'): string {
  return Object.values(ENUMS[enumName])
    .map((word) => word[lang])
    .join(', ');
}
