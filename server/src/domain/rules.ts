import { deriveCoupling } from './coupling.ts';
import type { FieldIssue } from './errors.ts';
import type { Link, Organisation, RecordKind, RecordTypes, Scenario } from './records.ts';

/**
 * What a rule may ask about the rest of the organisation. Editing builds it from the store,
 * import builds it from the document, so both are held to the very same rules.
 */
export interface RecordContext {
  organisation: Organisation;
  find<K extends RecordKind>(kind: K, id: string): RecordTypes[K] | undefined;
  /** Every scenario of the organisation. */
  scenarios: readonly Scenario[];
  /** The id of another link with the same scenario, endpoints and kind, if there is one. */
  findParallelLink(link: Link): string | undefined;
}

/** A field that refers to another record of the same organisation. */
export interface Reference {
  field: string;
  kind: RecordKind;
  isMany?: boolean;
  /** The referenced record must belong to the same scenario. */
  isSameScenario?: boolean;
}

export const REFERENCES: { readonly [K in RecordKind]: readonly Reference[] } = {
  unit: [{ field: 'parentId', kind: 'unit' }],
  actor: [{ field: 'unitId', kind: 'unit' }],
  scenario: [{ field: 'basedOnId', kind: 'scenario' }],
  arena: [{ field: 'participantIds', kind: 'actor', isMany: true }],
  link: [
    { field: 'sourceId', kind: 'actor' },
    { field: 'targetId', kind: 'actor' },
    { field: 'arenaId', kind: 'arena', isSameScenario: true },
  ],
  perception: [
    { field: 'linkId', kind: 'link', isSameScenario: true },
    { field: 'respondentActorId', kind: 'actor' },
  ],
  // Steps refer to scenarios (checked by the presentation rule) and highlight actors and links
  // loosely: a highlighted record deleted later is simply no longer highlighted.
  presentation: [],
  initiative: [
    { field: 'ownerId', kind: 'actor' },
    { field: 'targetActorIds', kind: 'actor', isMany: true },
    { field: 'targetUnitIds', kind: 'unit', isMany: true },
  ],
};

/** The ids one reference field of a record holds: none, one, or a list. */
export function idsAt(ref: Reference, values: Record<string, unknown>): string[] {
  const value = values[ref.field];
  return ref.isMany ? ((value as string[] | undefined) ?? []) : value ? [value as string] : [];
}

/** The ids a record refers to, by kind: what editing must load before checking it. */
export function referencedIds(kind: RecordKind, record: object): Array<{ kind: RecordKind; id: string }> {
  const values = record as Record<string, unknown>;
  return REFERENCES[kind].flatMap((ref) => idsAt(ref, values).map((id) => ({ kind: ref.kind, id })));
}

function checkReferences(kind: RecordKind, record: object, ctx: RecordContext): FieldIssue[] {
  const values = record as Record<string, unknown>;
  const issues: FieldIssue[] = [];
  for (const ref of REFERENCES[kind]) {
    const ids = idsAt(ref, values);
    ids.forEach((id, index) => {
      const field = ref.isMany ? `${ref.field}[${index}]` : ref.field;
      const target = ctx.find(ref.kind, id);
      if (!target) {
        issues.push({
          field,
          reason: 'UNKNOWN_REFERENCE',
          value: id,
          message: `no ${ref.kind} "${id}" in this organisation`,
        });
      } else if (ref.isSameScenario && 'scenarioId' in target && target.scenarioId !== values.scenarioId) {
        issues.push({
          field,
          reason: 'OTHER_SCENARIO',
          value: id,
          message: `${ref.kind} "${id}" belongs to another scenario`,
        });
      }
    });
    if (ref.isMany && new Set(ids).size !== ids.length) {
      issues.push({ field: ref.field, reason: 'DUPLICATE', message: 'lists the same id twice' });
    }
  }
  return issues;
}

/** Checks a link's or perception's coupling against its ratings (see deriveCoupling). */
export function checkCouplingRatings(record: RecordTypes['link'] | RecordTypes['perception']): FieldIssue[] {
  const derived = deriveCoupling(record);
  if (derived && record.coupling && derived !== record.coupling) {
    return [
      {
        field: 'coupling',
        reason: 'COUPLING_CONTRADICTS_RATINGS',
        value: record.coupling,
        message: `the ratings make this link ${derived}, not ${record.coupling}; change or clear the ratings`,
      },
    ];
  }
  return [];
}

type Rule<K extends RecordKind> = (record: RecordTypes[K], ctx: RecordContext) => FieldIssue[];

const RULES: { [K in RecordKind]: Rule<K> } = {
  unit: (unit, ctx) => {
    const seen = new Set([unit.id]);
    for (let parentId = unit.parentId; parentId; parentId = ctx.find('unit', parentId)?.parentId ?? null) {
      if (seen.has(parentId)) {
        return [{ field: 'parentId', reason: 'CYCLE', value: unit.parentId, message: 'a unit cannot contain itself' }];
      }
      seen.add(parentId);
    }
    return [];
  },
  actor: (actor, ctx) =>
    ctx.organisation.levels.some((level) => level.key === actor.levelKey)
      ? []
      : [
          {
            field: 'levelKey',
            reason: 'UNKNOWN_LEVEL',
            value: actor.levelKey,
            message: `"${actor.levelKey}" is not a level of this organisation (${ctx.organisation.levels.map((l) => l.key).join(', ')})`,
          },
        ],
  scenario: (scenario, ctx) => {
    const issues: FieldIssue[] = [];
    if (scenario.kind === 'OBSERVATION' && !scenario.observedAt) {
      issues.push({ field: 'observedAt', reason: 'REQUIRED', message: 'an observation needs its date' });
    }
    if (scenario.kind !== 'OBSERVATION') {
      const other = ctx.scenarios.find((s) => s.kind === scenario.kind && s.id !== scenario.id);
      if (other) {
        issues.push({
          field: 'kind',
          reason: 'SCENARIO_RULE',
          value: scenario.kind,
          message: `the organisation already has a ${scenario.kind} scenario ("${other.name}")`,
        });
      }
    }
    return issues;
  },
  arena: () => [],
  link: (link, ctx) => {
    const issues = checkCouplingRatings(link);
    if (link.sourceId === link.targetId) {
      issues.push({
        field: 'targetId',
        reason: 'SELF_LINK',
        value: link.targetId,
        message: 'a link needs two different actors',
      });
    }
    const parallel = ctx.findParallelLink(link);
    if (parallel) {
      issues.push({
        field: 'targetId',
        reason: 'DUPLICATE',
        value: link.targetId,
        message: `link "${parallel}" already joins these actors with this kind in this scenario`,
      });
    }
    return issues;
  },
  perception: (perception) => checkCouplingRatings(perception),
  initiative: () => [],
  presentation: (presentation, ctx) => {
    const ids = presentation.steps.map((step) => step.id);
    return presentation.steps.flatMap((step, index) => [
      ...(ids.indexOf(step.id) !== index
        ? [
            {
              field: `steps[${index}].id`,
              reason: 'DUPLICATE' as const,
              value: step.id,
              message: 'another step has this id',
            },
          ]
        : []),
      ...checkStep(step, index, ctx),
    ]);
  },
};

function checkStep(
  step: RecordTypes['presentation']['steps'][number],
  index: number,
  ctx: RecordContext,
): FieldIssue[] {
  const at = `steps[${index}]`;
  const issues: FieldIssue[] = [];
  if (step.scenarioId && !ctx.scenarios.some((scenario) => scenario.id === step.scenarioId)) {
    issues.push({
      field: `${at}.scenarioId`,
      reason: 'UNKNOWN_REFERENCE',
      value: step.scenarioId,
      message: `no scenario "${step.scenarioId}" in this organisation`,
    });
  }
  step.levelKeys.forEach((key, k) => {
    if (!ctx.organisation.levels.some((level) => level.key === key)) {
      issues.push({
        field: `${at}.levelKeys[${k}]`,
        reason: 'UNKNOWN_LEVEL',
        value: key,
        message: `"${key}" is not a level of this organisation`,
      });
    }
  });
  const { camera, highlight } = step;
  if (camera.mode === 'VIEWPORT' && (camera.zoom === null || camera.panX === null || camera.panY === null)) {
    issues.push({
      field: `${at}.camera`,
      reason: 'REQUIRED',
      message: 'a VIEWPORT camera needs zoom, panX and panY',
    });
  }
  if ((highlight.pathFromId === null) !== (highlight.pathToId === null)) {
    issues.push({
      field: `${at}.highlight.pathToId`,
      reason: 'REQUIRED',
      message: 'a path needs both its ends (pathFromId and pathToId)',
    });
  }
  return issues;
}

/**
 * The kinds whose rules read `RecordContext.scenarios`: editing lists the organisation's
 * scenarios only for these (on Neo4j two statements an edit).
 */
export const KINDS_READING_SCENARIOS: ReadonlySet<RecordKind> = new Set<RecordKind>(['scenario', 'presentation']);

/**
 * Every rule a record of this kind must meet besides its field shapes: references to existing
 * records of the same organisation (and scenario), and the kind's own rules.
 * @returns the issues; an empty list means the record may be stored.
 */
export function checkRecord<K extends RecordKind>(kind: K, record: RecordTypes[K], ctx: RecordContext): FieldIssue[] {
  return [...checkReferences(kind, record, ctx), ...RULES[kind](record, ctx)];
}

/** Level changes must keep every actor's level, and level keys unique. */
export function checkLevels(organisation: Organisation, levelsInUse: ReadonlySet<string>): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const keys = organisation.levels.map((level) => level.key);
  keys.forEach((key, index) => {
    if (keys.indexOf(key) !== index) {
      issues.push({
        field: `levels[${index}].key`,
        reason: 'DUPLICATE',
        value: key,
        message: `level "${key}" is listed twice`,
      });
    }
  });
  if (!organisation.levels.some((level) => !level.isSide)) {
    issues.push({
      field: 'levels',
      reason: 'INVALID',
      message: 'the chain needs at least one level that is not a side level',
    });
  }
  for (const key of levelsInUse) {
    if (!keys.includes(key)) {
      issues.push({
        field: 'levels',
        reason: 'LEVEL_IN_USE',
        value: key,
        message: `level "${key}" still has actors; move them first`,
      });
    }
  }
  return issues;
}

/** The levels of the chain in order (side levels left out), each with its rank from the top. */
export function chainLevels(organisation: Organisation): Array<{ key: string; rank: number }> {
  return organisation.levels.filter((level) => !level.isSide).map((level, rank) => ({ key: level.key, rank }));
}

/** What deleting a record does to a record that refers to it. */
export interface Cascade {
  kind: RecordKind;
  field: string;
  /** `delete` the referring record, `clear` the field, or `remove` the id from the list. */
  action: 'delete' | 'clear' | 'remove';
}

/** Required references whose loss deletes the referring record; every other reference is cleared. */
const DELETING_REFERENCES = new Set(['link.sourceId', 'link.targetId', 'perception.linkId']);

/**
 * The consequences of deleting a record of `kind`, derived from REFERENCES so that a new
 * reference gets its cascade for free. (A scenario's own records go with it besides these.)
 */
export function cascadesOf(kind: RecordKind): Cascade[] {
  return (Object.keys(REFERENCES) as RecordKind[]).flatMap((referring) =>
    REFERENCES[referring]
      .filter((ref) => ref.kind === kind)
      .map((ref): Cascade => ({
        kind: referring,
        field: ref.field,
        action: ref.isMany ? 'remove' : DELETING_REFERENCES.has(`${referring}.${ref.field}`) ? 'delete' : 'clear',
      })),
  );
}
