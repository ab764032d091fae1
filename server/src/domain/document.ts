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

/** The document's records, tagged with their organisation, scenario and version 1, each with its path. */
function recordsOf(document: InterchangeDocument): Array<TaggedRecord & { path: string }> {
  const organisationId = document.organisation.id;
  const stored = { organisationId, version: 1 };
  const out: Array<TaggedRecord & { path: string }> = [];
  for (const kind of ['unit', 'actor'] as const) {
    document[ORGANISATION_LISTS[kind]].forEach((data, i) =>
      out.push({ kind, record: { ...data, ...stored }, path: `${ORGANISATION_LISTS[kind]}[${i}]` } as TaggedRecord & {
        path: string;
      }),
    );
  }
  document.scenarios.forEach((scenarioDoc, s) => {
    const { links, arenas, perceptions, initiatives, ...scenario } = scenarioDoc;
    out.push({ kind: 'scenario', record: { ...scenario, ...stored }, path: `scenarios[${s}]` });
    const lists: { [K in ScenarioRecordKind]: ScenarioDocument[(typeof SCENARIO_LISTS)[K]] } = {
      arena: arenas,
      link: links,
      perception: perceptions,
      initiative: initiatives,
    };
    for (const kind of ['arena', 'link', 'perception', 'initiative'] as const) {
      lists[kind].forEach((data, i) =>
        out.push({
          kind,
          record: { ...data, ...stored, scenarioId: scenario.id },
          path: `scenarios[${s}].${SCENARIO_LISTS[kind]}[${i}]`,
        } as TaggedRecord & { path: string }),
      );
    }
  });
  document.presentations.forEach((data, i) =>
    out.push({ kind: 'presentation', record: { ...data, ...stored }, path: `presentations[${i}]` }),
  );
  return out;
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
  const tagged = recordsOf(document);
  const byKind = new Map<RecordKind, Map<string, RecordTypes[RecordKind]>>(
    RECORD_KINDS.map((kind) => [kind, new Map()]),
  );
  const issues: FieldIssue[] = [];
  for (const { kind, record, path } of tagged) {
    const index = byKind.get(kind)!;
    if (index.has(record.id)) {
      issues.push({
        field: `${path}.id`,
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
    const key = [link.scenarioId, link.sourceId, link.targetId, link.kind].join('\u0000');
    if (!linkKeys.has(key)) linkKeys.set(key, link.id);
  }
  const ctx: RecordContext = {
    organisation: { ...document.organisation, version: 1 },
    find: (kind, id) => byKind.get(kind)!.get(id) as RecordTypes[typeof kind] | undefined,
    scenarios,
    findParallelLink: (link) => {
      const other = linkKeys.get([link.scenarioId, link.sourceId, link.targetId, link.kind].join('\u0000'));
      return other !== link.id ? other : undefined;
    },
  };
  for (const { kind, record, path } of tagged) {
    issues.push(...prefixed(checkRecord(kind, record as never, ctx), path));
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
  const issues = checkDocument(parsed.data);
  if (issues.length > 0) throw documentInvalid(issues);
  return { document: parsed.data, contents: documentToContents(parsed.data) };
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
  return {
    organisation: { ...document.organisation, version: 1 },
    records: recordsOf(document).map(({ kind, record }) => ({ kind, record }) as TaggedRecord),
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
