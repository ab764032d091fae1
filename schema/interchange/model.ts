/**
 * The interchange document: one whole organisation (levels, units, actors and every scenario
 * with its links, arenas, perceptions and initiatives) as JSON. This zod schema is the single
 * definition: the TypeScript types are inferred from it and the JSON Schema is generated from it.
 *
 * Enum values are the GraphQL enum values (`TIGHT`, `STEERING`, …) so that no layer needs a
 * mapping table.
 */
import { z } from 'zod';

export const INTERCHANGE_FORMAT = 'kopplingskartan';
export const INTERCHANGE_VERSION = 1;

export const LIMITS = {
  idLength: 64,
  nameLength: 200,
  textLength: 5000,
  tagLength: 60,
  tags: 30,
  evidenceNotes: 100,
  presentationSteps: 200,
} as const;

export const COUPLINGS = ['TIGHT', 'LOOSE', 'DECOUPLED'] as const;
export const LINK_KINDS = ['STEERING', 'SUPPORT', 'DIALOGUE', 'FOLLOW_UP', 'INFORMAL', 'INTERPRETATION'] as const;
export const ORGANISATION_KINDS = ['MUNICIPAL', 'INDEPENDENT', 'OTHER'] as const;
export const UNIT_KINDS = ['SCHOOL', 'TEAM', 'AREA', 'OTHER'] as const;
export const SCENARIO_KINDS = ['CURRENT', 'DESIRED', 'OBSERVATION'] as const;
export const CADENCES = ['DAILY', 'WEEKLY', 'MONTHLY', 'TERMLY', 'YEARLY', 'AD_HOC'] as const;
/** Illeris' three dimensions of learning, used as tags on initiatives. */
export const LEARNING_DIMENSIONS = ['CONTENT', 'INCENTIVE', 'INTERACTION'] as const;
export const CAMERA_MODES = ['FIT_ALL', 'FIT_HIGHLIGHT', 'VIEWPORT'] as const;

export const idSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, 'letters, digits and _ . : - only, starting with a letter or digit')
  .max(LIMITS.idLength);
/**
 * Characters no export could write back: the C0 controls XML 1.0 forbids (all but tab, line feed
 * and carriage return; the XLSX and GraphML exports are XML), DEL (which the XLSX writer drops),
 * U+FFFE, U+FFFF and halves of surrogate pairs standing alone (not characters at all).
 */
const UNWRITABLE =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
/** Control characters of any kind, tab and line breaks included, and DEL. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Whether text can be stored and exported: multi-line text keeps tabs and line breaks. */
export function isWritableText(value: string): boolean {
  return !UNWRITABLE.test(value);
}

/** Whether a value is one line of plain text: a tab or line break in a name is a paste accident, and shows as one on the map. */
export function isOneLine(value: string): boolean {
  return !CONTROL.test(value) && isWritableText(value);
}

/** Whether `YYYY-MM-DD` names a day of the calendar (2025-02-30 does not). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const ONE_LINE = 'must be one line without control characters (no tab or line break)';
const WRITABLE = 'must not hold control characters other than tab and line break';
/** A single line of text (roles, person names, places, sources), kept as written. */
const line = z.string().refine(isOneLine, ONE_LINE);
/** A name or title: one line, trimmed, not empty. */
const name = z.string().trim().min(1, 'must not be empty').max(LIMITS.nameLength).refine(isOneLine, ONE_LINE);
/**
 * Multi-line text. Line breaks are stored as LF: a CR (alone or before LF) would not survive a
 * spreadsheet or XML export, whose readers turn it into LF.
 */
const text = z
  .string()
  .max(LIMITS.textLength)
  .refine(isWritableText, WRITABLE)
  .overwrite((value) => value.replace(/\r\n?/g, '\n'));
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine(isCalendarDate, 'not a day of the calendar');
const rating = z.boolean().nullable();

export const levelSchema = z.object({
  key: z
    .string()
    .regex(/^[a-z][a-z0-9_-]*$/, 'lower-case letters, digits, _ and - only')
    .max(40),
  name,
  /** Side levels (support) stand beside the chain, outside its order. */
  isSide: z.boolean(),
});

export const evidenceNoteSchema = z.object({
  text: text.min(1, 'must not be empty'),
  date: isoDate.nullable().default(null),
  source: line.max(LIMITS.nameLength).nullable().default(null),
});

export const organisationSchema = z.object({
  id: idSchema,
  name,
  kind: z.enum(ORGANISATION_KINDS),
  description: text.nullable().default(null),
  /** Chain levels top to bottom in array order; side levels anywhere (their order is display order). */
  levels: z.array(levelSchema).min(1, 'an organisation needs at least one level').max(20),
});

export const unitSchema = z.object({
  id: idSchema,
  name,
  kind: z.enum(UNIT_KINDS),
  parentId: idSchema.nullable().default(null),
  place: line.max(LIMITS.nameLength).nullable().default(null),
});

export const actorSchema = z.object({
  id: idSchema,
  /** The role label shown on the map ("Rektor Norrskolan"); never needs a person's name. */
  name,
  personName: line.max(LIMITS.nameLength).nullable().default(null),
  levelKey: line.max(40),
  role: line.max(LIMITS.nameLength).nullable().default(null),
  unitId: idSchema.nullable().default(null),
  tags: z
    .array(z.string().trim().min(1).max(LIMITS.tagLength).refine(isOneLine, ONE_LINE))
    .max(LIMITS.tags)
    .default([]),
  notes: text.nullable().default(null),
});

/** Responsiveness each way and distinctiveness (Orton & Weick 1990); null when not assessed. */
const ratings = {
  /** Does the target respond to the source? */
  targetResponds: rating.default(null),
  /** Does the source respond to the target? */
  sourceResponds: rating.default(null),
  /** Do both ends keep their own identity and judgement? */
  distinctive: rating.default(null),
};

export const linkSchema = z.object({
  id: idSchema,
  sourceId: idSchema,
  targetId: idSchema,
  kind: z.enum(LINK_KINDS),
  coupling: z.enum(COUPLINGS),
  ...ratings,
  arenaId: idSchema.nullable().default(null),
  cadence: z.enum(CADENCES).nullable().default(null),
  evidence: z.array(evidenceNoteSchema).max(LIMITS.evidenceNotes).default([]),
  notes: text.nullable().default(null),
  confidential: z.boolean().default(false),
  /** Glasbergen's partnership ladder, 1 (build trust) to 5 (change political steering). */
  partnershipStage: z.number().int().min(1).max(5).nullable().default(null),
});

export const arenaSchema = z.object({
  id: idSchema,
  name,
  cadence: z.enum(CADENCES).nullable().default(null),
  description: text.nullable().default(null),
  participantIds: z.array(idSchema).max(10_000).default([]),
});

export const perceptionSchema = z.object({
  id: idSchema,
  linkId: idSchema,
  /** Who answered, as a role ("rektor, skola B"); never a person's name. */
  respondent: name,
  respondentActorId: idSchema.nullable().default(null),
  observedAt: isoDate.nullable().default(null),
  coupling: z.enum(COUPLINGS).nullable().default(null),
  ...ratings,
  comment: text.nullable().default(null),
  confidential: z.boolean().default(false),
});

export const initiativeSchema = z.object({
  id: idSchema,
  name,
  description: text.nullable().default(null),
  ownerId: idSchema.nullable().default(null),
  targetActorIds: z.array(idSchema).max(10_000).default([]),
  targetUnitIds: z.array(idSchema).max(10_000).default([]),
  learningDimensions: z.array(z.enum(LEARNING_DIMENSIONS)).max(3).default([]),
  evidence: z.array(evidenceNoteSchema).max(LIMITS.evidenceNotes).default([]),
});

export const scenarioSchema = z.object({
  id: idSchema,
  name,
  kind: z.enum(SCENARIO_KINDS),
  observedAt: isoDate.nullable().default(null),
  description: text.nullable().default(null),
  basedOnId: idSchema.nullable().default(null),
});

const explanationSchema = z.object({ sv: text, en: text });

/** A step of a presentation: what is shown (scenario, filters), what is emphasised, and the camera. */
export const presentationStepSchema = z.object({
  id: idSchema,
  title: name,
  caption: text.nullable().default(null),
  /** null: the current scenario. */
  scenarioId: idSchema.nullable().default(null),
  /** A perception round whose result the step shows on its scenario's map; null for a plain map step. */
  roundId: idSchema.nullable().default(null),
  levelKeys: z.array(line.max(40)).max(20).default([]),
  linkKinds: z.array(z.enum(LINK_KINDS)).max(LINK_KINDS.length).default([]),
  couplings: z.array(z.enum(COUPLINGS)).max(COUPLINGS.length).default([]),
  highlight: z
    .object({
      actorIds: z.array(idSchema).max(10_000).default([]),
      linkIds: z.array(idSchema).max(10_000).default([]),
      pathFromId: idSchema.nullable().default(null),
      pathToId: idSchema.nullable().default(null),
      findingId: line.max(LIMITS.nameLength).nullable().default(null),
      findingText: explanationSchema.nullable().default(null),
    })
    .default({ actorIds: [], linkIds: [], pathFromId: null, pathToId: null, findingId: null, findingText: null }),
  camera: z
    .object({
      mode: z.enum(CAMERA_MODES),
      zoom: z.number().positive().max(100).nullable().default(null),
      panX: z.number().finite().nullable().default(null),
      panY: z.number().finite().nullable().default(null),
    })
    .default({ mode: 'FIT_ALL', zoom: null, panX: null, panY: null }),
});

export const presentationSchema = z.object({
  id: idSchema,
  name,
  description: text.nullable().default(null),
  /** Actors by role and level only; on unless turned off. */
  anonymised: z.boolean().default(true),
  /**
   * Anonymised presentations replace the name of a unit that points at one person (a school
   * with one principal) by "Skola 3" / "School 3"; this keeps every unit's name instead.
   */
  keepUnitNames: z.boolean().default(false),
  steps: z.array(presentationStepSchema).max(LIMITS.presentationSteps).default([]),
});

export const scenarioDocumentSchema = scenarioSchema.extend({
  links: z.array(linkSchema).default([]),
  arenas: z.array(arenaSchema).default([]),
  perceptions: z.array(perceptionSchema).default([]),
  initiatives: z.array(initiativeSchema).default([]),
});

export const interchangeDocumentSchema = z.object({
  format: z.literal(INTERCHANGE_FORMAT),
  version: z.literal(INTERCHANGE_VERSION),
  organisation: organisationSchema,
  units: z.array(unitSchema).default([]),
  actors: z.array(actorSchema).default([]),
  scenarios: z.array(scenarioDocumentSchema).min(1, 'a map needs at least its current scenario'),
  presentations: z.array(presentationSchema).default([]),
});

export type Coupling = (typeof COUPLINGS)[number];
export type LinkKind = (typeof LINK_KINDS)[number];
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export type UnitKind = (typeof UNIT_KINDS)[number];
export type ScenarioKind = (typeof SCENARIO_KINDS)[number];
export type Cadence = (typeof CADENCES)[number];
export type LearningDimension = (typeof LEARNING_DIMENSIONS)[number];

export type Level = z.infer<typeof levelSchema>;
export type EvidenceNote = z.infer<typeof evidenceNoteSchema>;
export type OrganisationData = z.infer<typeof organisationSchema>;
export type UnitData = z.infer<typeof unitSchema>;
export type ActorData = z.infer<typeof actorSchema>;
export type LinkData = z.infer<typeof linkSchema>;
export type ArenaData = z.infer<typeof arenaSchema>;
export type PerceptionData = z.infer<typeof perceptionSchema>;
export type InitiativeData = z.infer<typeof initiativeSchema>;
export type ScenarioData = z.infer<typeof scenarioSchema>;
export type PresentationStep = z.infer<typeof presentationStepSchema>;
export type PresentationData = z.infer<typeof presentationSchema>;
export type CameraMode = (typeof CAMERA_MODES)[number];
export type ScenarioDocument = z.infer<typeof scenarioDocumentSchema>;
export type InterchangeDocument = z.infer<typeof interchangeDocumentSchema>;
/** The document as written by hand: every defaulted field may be left out. */
export type InterchangeDocumentInput = z.input<typeof interchangeDocumentSchema>;
