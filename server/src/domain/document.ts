import {
  INTERCHANGE_FORMAT,
  INTERCHANGE_VERSION,
  type InterchangeDocument,
  interchangeDocumentSchema,
  type ScenarioDocument,
} from '@kopplingskartan/schema/interchange';

import { DomainError, type FieldIssue } from './errors.ts';
import { zodFieldIssues } from './field-issues.ts';
import {
  type Link,
  type OrganisationContents,
  RECORD_KINDS,
  type RecordKind,
  type RecordTypes,
  type Scenario,
  type ScenarioRecordKind,
  type TaggedRecord,
} from './records.ts';
import { checkRecord, type RecordContext } from './rules.ts';

/** Where each record kind sits in a document, for issue paths and for writing documents. */
const SCENARIO_LISTS = {
  arena: 'arenas',
  link: 'links',
  perception: 'perceptions',
  initiative: 'initiatives',
} as const;
const ORGANISATION_LISTS = { unit: 'units', actor: 'actors' } as const;

/** A record tagged with its kind, and where it sits in the document (`list[index]`) for issue paths. */
type PlacedRecord = TaggedRecord & { list: string; index: number };

function pathOf({ list, index }: PlacedRecord): string {
  return `${list}[${index}]`;
}

/**
 * The data with the storage fields added, built with `Object.assign` rather than a spread: V8
 * gives each object made by `{ ...data, more }` a hidden class of its own when new properties
 * follow the spread, which made checking a 100,000-link document take seconds and hundreds of
 * MiB. The data is parsed (unknown keys, `__proto__` among them, are stripped), so the two agree.
 */
function withStorage<T extends object, S extends object>(data: T, storage: S): T & S {
  return Object.assign({}, data, storage);
}

/** The document's records, tagged with their organisation, scenario and version 1, each with its place. */
function recordsOf(document: InterchangeDocument): PlacedRecord[] {
  const organisationId = document.organisation.id;
  const stored = { organisationId, version: 1 };
  const out: PlacedRecord[] = [];
  for (const kind of ['unit', 'actor'] as const) {
    const list = ORGANISATION_LISTS[kind];
    document[list].forEach((data, index) =>
      out.push({ kind, record: withStorage(data, stored), list, index } as PlacedRecord),
    );
  }
  document.scenarios.forEach((scenarioDoc, s) => {
    const { links, arenas, perceptions, initiatives, ...scenario } = scenarioDoc;
    out.push({ kind: 'scenario', record: withStorage(scenario, stored), list: 'scenarios', index: s });
    const lists: { [K in ScenarioRecordKind]: ScenarioDocument[(typeof SCENARIO_LISTS)[K]] } = {
      arena: arenas,
      link: links,
      perception: perceptions,
      initiative: initiatives,
    };
    const inScenario = { ...stored, scenarioId: scenario.id };
    for (const kind of ['arena', 'link', 'perception', 'initiative'] as const) {
      const list = `scenarios[${s}].${SCENARIO_LISTS[kind]}`;
      lists[kind].forEach((data, index) =>
        out.push({ kind, record: withStorage(data, inScenario), list, index } as PlacedRecord),
      );
    }
  });
  document.presentations.forEach((data, index) =>
    out.push({ kind: 'presentation', record: withStorage(data, stored), list: 'presentations', index }),
  );
  return out;
}

/** Links with the same key are parallel: same scenario, endpoints and kind. */
function parallelKey(link: Link): string {
  return `${link.scenarioId}\u0000${link.sourceId}\u0000${link.targetId}\u0000${link.kind}`;
}

function prefixed(issues: FieldIssue[], path: string): FieldIssue[] {
  return issues.map((issue) => ({ ...issue, field: `${path}.${issue.field}` }));
}

/**
 * Every domain rule over a whole document, with the same `checkRecord` that editing uses, plus
 * id uniqueness per kind and exactly one current scenario.
 * @returns the issues, each located by its path in the document; empty when the document is sound.
 */
export function checkDocument(document: InterchangeDocument): FieldIssue[] {
  return checkRecords(document, recordsOf(document));
}

function checkRecords(document: InterchangeDocument, tagged: readonly PlacedRecord[]): FieldIssue[] {
  const byKind = new Map<RecordKind, Map<string, RecordTypes[RecordKind]>>(
    RECORD_KINDS.map((kind) => [kind, new Map()]),
  );
  const issues: FieldIssue[] = [];
  for (const placed of tagged) {
    const { kind, record } = placed;
    const index = byKind.get(kind)!;
    if (index.has(record.id)) {
      issues.push({
        field: `${pathOf(placed)}.id`,
        reason: 'DUPLICATE',
        value: record.id,
        message: `another ${kind} already has id "${record.id}"`,
      });
    } else {
      index.set(record.id, record);
    }
  }
  const scenarios = [...byKind.get('scenario')!.values()] as Scenario[];
  const linkKeys = new Map<string, string>();
  for (const link of byKind.get('link')!.values() as Iterable<Link>) {
    const key = parallelKey(link);
    if (!linkKeys.has(key)) linkKeys.set(key, link.id);
  }
  const ctx: RecordContext = {
    organisation: { ...document.organisation, version: 1 },
    find: (kind, id) => byKind.get(kind)!.get(id) as RecordTypes[typeof kind] | undefined,
    scenarios,
    findParallelLink: (link) => {
      const other = linkKeys.get(parallelKey(link));
      return other !== link.id ? other : undefined;
    },
  };
  for (const placed of tagged) {
    const found = checkRecord(placed.kind, placed.record as never, ctx);
    if (found.length > 0) issues.push(...prefixed(found, pathOf(placed)));
  }
  if (!scenarios.some((scenario) => scenario.kind === 'CURRENT')) {
    issues.push({ field: 'scenarios', reason: 'SCENARIO_RULE', message: 'a map needs exactly one CURRENT scenario' });
  }
  const levelKeys = document.organisation.levels.map((level) => level.key);
  levelKeys.forEach((key, i) => {
    if (levelKeys.indexOf(key) !== i) {
      issues.push({
        field: `organisation.levels[${i}].key`,
        reason: 'DUPLICATE',
        value: key,
        message: `level "${key}" is listed twice`,
      });
    }
  });
  return issues;
}

/**
 * Parses and checks an interchange document as import does.
 * @throws DomainError DOCUMENT_INVALID listing every issue (nothing is written by the caller then).
 */
export function readDocument(value: unknown): { document: InterchangeDocument; contents: OrganisationContents } {
  const parsed = interchangeDocumentSchema.safeParse(value);
  if (!parsed.success) throw documentInvalid(zodFieldIssues(parsed.error));
  // The tagged records are built once: checked here, then handed on as the contents.
  const tagged = recordsOf(parsed.data);
  const issues = checkRecords(parsed.data, tagged);
  if (issues.length > 0) throw documentInvalid(issues);
  return { document: parsed.data, contents: contentsOf(parsed.data, tagged) };
}

function documentInvalid(issues: FieldIssue[]): DomainError {
  const shown = issues.slice(0, 3).map((issue) => `${issue.field}: ${issue.message}`);
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
  return new DomainError(
    'DOCUMENT_INVALID',
    `The document has ${issues.length} problem(s): ${shown.join('; ')}${more}`,
    {
      field: issues[0]?.field,
      reason: issues[0]?.reason,
      issues,
    },
  );
}

/** The document in canonical order (every list sorted by id), as an export writes it. */
export function canonicalDocument(document: InterchangeDocument): InterchangeDocument {
  return contentsToDocument(documentToContents(document));
}

export function documentToContents(document: InterchangeDocument): OrganisationContents {
  return contentsOf(document, recordsOf(document));
}

function contentsOf(document: InterchangeDocument, tagged: readonly PlacedRecord[]): OrganisationContents {
  return {
    organisation: { ...document.organisation, version: 1 },
    records: tagged.map(({ kind, record }) => ({ kind, record }) as TaggedRecord),
  };
}

/** Drops the storage fields (organisation, scenario, version) that a document leaves implicit. */
function dataOf<T extends object>(record: T): Omit<T, 'organisationId' | 'version' | 'scenarioId'> {
  const {
    organisationId: _o,
    version: _v,
    scenarioId: _s,
    ...data
  } = record as T & {
    organisationId?: string;
    version?: number;
    scenarioId?: string;
  };
  return data;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The inverse of `documentToContents`. Every list is sorted by id, so that an export is the
 * same whichever store it comes from and a round trip compares equal.
 */
export function contentsToDocument({ organisation, records }: OrganisationContents): InterchangeDocument {
  const { version: _version, ...organisationData } = organisation;
  const ofKind = <K extends RecordKind>(kind: K): Array<RecordTypes[K]> =>
    records
      .filter((tagged) => tagged.kind === kind)
      .map((tagged) => tagged.record as RecordTypes[K])
      .sort(byId);
  const inScenario = <K extends ScenarioRecordKind>(kind: K, scenarioId: string) =>
    ofKind(kind)
      .filter((record) => record.scenarioId === scenarioId)
      .map((record) => dataOf(record));
  return {
    format: INTERCHANGE_FORMAT,
    version: INTERCHANGE_VERSION,
    organisation: organisationData,
    units: ofKind('unit').map((unit) => dataOf(unit)),
    actors: ofKind('actor').map((actor) => dataOf(actor)),
    scenarios: ofKind('scenario').map((scenario) => ({
      ...dataOf(scenario),
      links: inScenario('link', scenario.id),
      arenas: inScenario('arena', scenario.id),
      perceptions: inScenario('perception', scenario.id),
      initiatives: inScenario('initiative', scenario.id),
    })) as InterchangeDocument['scenarios'],
    presentations: ofKind('presentation').map((presentation) => dataOf(presentation)),
  };
}
