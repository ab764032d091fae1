/**
 * An import as a plan: the file's rows merged into the organisation, the result checked with
 * `readDocument` (every domain rule, as for any import), each problem located on its sheet,
 * row and column, and a preview of what would be created, updated and left alone. A plan with
 * issues has no contents: nothing can be written from it. The caller writes `contents` in one
 * transaction (`createOrganisation` or `replaceOrganisation`).
 */
import { type InterchangeDocument, interchangeDocumentSchema } from '@kopplingskartan/schema/interchange';

import { readDocument } from '../domain/document.ts';
import { DomainError, type FieldIssue } from '../domain/errors.ts';
import type { OrganisationContents } from '../domain/records.ts';
import { documentIssue, type ImportIssue, type ImportNote } from './import-issues.ts';
import { checkIssueCount, DEFAULT_IMPORT_LIMITS, type ImportLimits } from './import-limits.ts';
import { type ImportMode, mergeRows, type MergeResult } from './merge.ts';
import type { RecordKey } from './merge-state.ts';
import type { Collected } from './sheet-collector.ts';
import { sheetSpec, type SheetName } from './spreadsheet-layout.ts';

export type PreviewKind =
  'organisation' | 'unit' | 'actor' | 'scenario' | 'arena' | 'link' | 'perception' | 'initiative' | 'presentation';
export type ChangeAction = 'created' | 'updated' | 'deleted';

export interface KindCounts {
  created: number;
  updated: number;
  /** Written by the file exactly as they are now. */
  unchanged: number;
  /** Not in the file; kept as they are. */
  leftAlone: number;
  /** Not in the file; removed (REPLACE of that sheet). */
  deleted: number;
}

export interface ImportChange {
  kind: PreviewKind;
  action: ChangeAction;
  id: string;
  name: string | null;
  sheet: SheetName | null;
  row: number | null;
}

export interface ImportPreview {
  counts: Record<PreviewKind, KindCounts>;
  /** The first changes, for a list on screen; `changesLeftOut` says how many more there are. */
  changes: ImportChange[];
  changesLeftOut: number;
}

export interface ImportPlan {
  ok: boolean;
  mode: ImportMode;
  organisationId: string;
  /** True when the organisation does not exist yet (write with createOrganisation). */
  isNew: boolean;
  /** Data rows read per sheet. */
  rows: Partial<Record<SheetName, number>>;
  issues: ImportIssue[];
  notes: ImportNote[];
  preview: ImportPreview;
  /** What to write; null while any issue stands. */
  contents: OrganisationContents | null;
}

export interface PlanOptions {
  mode: ImportMode;
  existing: InterchangeDocument | null;
  organisationName?: string;
  /** How many changes the preview lists one by one (default 200). */
  changeListLimit?: number;
  /** The limits the import is held to (default DEFAULT_IMPORT_LIMITS). */
  limits?: ImportLimits;
  /**
   * For CREATE through the API: the new organisation's id, from its name, whatever id the file
   * gives (`newOrganisationId`); left out, the file's id is kept (tools run on the server).
   */
  newOrganisationId?: (name: string) => string;
}

const PREVIEW_KINDS: readonly PreviewKind[] = [
  'organisation',
  'unit',
  'actor',
  'scenario',
  'arena',
  'link',
  'perception',
  'initiative',
  'presentation',
];

/** CREATE refuses an organisation that exists; `advice` says which mode the format offers instead. */
function createOverExisting(options: PlanOptions, advice: string): ImportIssue[] {
  if (options.mode !== 'CREATE' || !options.existing) return [];
  const { id } = options.existing.organisation;
  return [documentIssue('organisation.id', 'DUPLICATE', `organisation "${id}" exists already; ${advice}`)];
}

export function planImport(collected: Collected, options: PlanOptions): ImportPlan {
  const merged = mergeRows(collected, options);
  if (options.mode === 'CREATE' && options.newOrganisationId) {
    // NOTE: mutates the merged document, which nothing else holds yet.
    merged.document.organisation.id = options.newOrganisationId(merged.document.organisation.name);
  }
  const issues: ImportIssue[] = [...collected.issues, ...merged.issues];
  issues.push(...createOverExisting(options, 'merge or replace instead'));
  const checked = checkMerged(merged, collected);
  issues.push(...checked.issues);
  checkIssueCount(issues, options.limits ?? DEFAULT_IMPORT_LIMITS);
  const rows: Partial<Record<SheetName, number>> = {};
  for (const [name, sheet] of collected.sheets) rows[name] = sheet.rows.length;
  const isOk = issues.length === 0 && checked.contents !== null;
  return {
    ok: isOk,
    mode: options.mode,
    organisationId: merged.document.organisation.id,
    isNew: options.existing === null,
    rows,
    issues: issues.map((issue) => ({
      ...issue,
      sheetName: issue.sheet ? (collected.sheets.get(issue.sheet)?.writtenName ?? null) : null,
    })),
    notes: collected.notes,
    preview: previewOf(
      options.existing,
      merged.document,
      {
        has: (key) => merged.state.touched.has(key as RecordKey),
        origin: (key) => merged.state.touched.get(key as RecordKey) ?? null,
      },
      options.changeListLimit ?? 200,
    ),
    contents: isOk ? checked.contents : null,
  };
}

/**
 * `readDocument` stops at the first layer that fails (shapes before rules), so records with shape
 * problems are set aside and the rest checked again, up to three rounds: one upload reports all.
 */
function checkMerged(
  merged: MergeResult,
  collected: Collected,
): { issues: ImportIssue[]; contents: OrganisationContents | null } {
  const issues: ImportIssue[] = [];
  const seen = new Set<string>();
  let document = merged.document;
  for (let round = 0; round < 3; round++) {
    try {
      return { issues, contents: readDocument(document).contents };
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'DOCUMENT_INVALID') throw error;
      const fieldIssues = error.details.issues ?? [];
      const spoilt = new Set<object>();
      for (const fieldIssue of fieldIssues) {
        const located = locate(document, fieldIssue, merged, collected);
        const key = [
          located.issue.sheet,
          located.issue.row,
          located.issue.field,
          located.issue.reason,
          located.issue.message,
        ].join('|');
        if (!seen.has(key)) {
          seen.add(key);
          issues.push(located.issue);
        }
        if (located.record) spoilt.add(located.record);
      }
      // Rule problems come all at once; only shape problems hide the rules, so only they are retried.
      const isShapeRound = !interchangeDocumentSchema.safeParse(document).success;
      if (!isShapeRound || spoilt.size === 0) break;
      document = withoutRecords(document, spoilt);
    }
  }
  return { issues, contents: null };
}

function withoutRecords(document: InterchangeDocument, spoilt: ReadonlySet<object>): InterchangeDocument {
  const keep = <T extends object>(list: T[]) => list.filter((record) => !spoilt.has(record));
  return {
    ...document,
    units: keep(document.units),
    actors: keep(document.actors),
    scenarios: keep(document.scenarios).map((scenario) => ({
      ...scenario,
      arenas: keep(scenario.arenas),
      links: keep(scenario.links),
      perceptions: keep(scenario.perceptions),
      initiatives: keep(scenario.initiatives),
    })),
  };
}

const RECORD_LISTS = new Set(['units', 'actors', 'scenarios', 'arenas', 'links', 'perceptions', 'initiatives']);

/** Finds the row a document path (`scenarios[0].links[3].targetId`) came from, and its record. */
function locate(
  document: InterchangeDocument,
  issue: FieldIssue,
  merged: MergeResult,
  collected: Collected,
): { issue: ImportIssue; record: object | null } {
  const tokens = [...issue.field.matchAll(/\[(\d+)\]|([^.[\]]+)/g)].map((m) =>
    m[1] !== undefined ? Number(m[1]) : m[2]!,
  );
  let node: unknown = document;
  let found: { sheet: SheetName; row: number | null; rest: number } | null = null;
  let record: object | null = null;
  tokens.forEach((token, i) => {
    node = node && typeof node === 'object' ? (node as Record<string | number, unknown>)[token] : undefined;
    if (!node || typeof node !== 'object') return;
    if (typeof token === 'number' && RECORD_LISTS.has(String(tokens[i - 1])) && i < 5) record = node;
    const origin = i === 0 && token === 'organisation' ? merged.organisationOrigin : merged.state.origins.get(node);
    if (origin) found = { sheet: origin.sheet, row: origin.row, rest: i + 1 };
  });
  const value = isPrimitive(issue.value) ? issue.value : undefined;
  const base = { reason: issue.reason, message: issue.message, ...(value === undefined ? {} : { value }) };
  const at = found as { sheet: SheetName; row: number | null; rest: number } | null;
  if (!at) return { issue: { sheet: null, row: null, column: null, field: issue.field, ...base }, record };
  const fieldName = tokens[at.rest];
  const column = sheetSpec(at.sheet).columns.find((c) => c.field === fieldName);
  const header = column ? (collected.sheets.get(at.sheet)?.headers.get(column.key) ?? column.key) : null;
  return {
    issue: { sheet: at.sheet, row: at.row, column: header, field: column?.key ?? issue.field, ...base },
    record,
  };
}

function isPrimitive(value: unknown): value is string | number | boolean | null {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

/** JSON with sorted keys, so that two records compare equal whatever order their fields were set in. */
function stable(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

/** A value JSON leaves out of an object (and writes as null in a list). */
function isLeftOut(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/**
 * Whether two records would be written as the same JSON, whatever order their fields were set
 * in: `stable(a) === stable(b)` without building either string, so that comparing 100,000
 * records before and after an import stays cheap. Anything unusual (a `toJSON`, a leaf of
 * another type) is left to `stable` itself.
 */
function isSameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return stable(a) === stable(b);
  if ('toJSON' in a || 'toJSON' in b) return stable(a) === stable(b);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => isSameJson(isLeftOut(item) ? null : item, isLeftOut(b[i]) ? null : b[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  let count = 0;
  for (const key of Object.keys(left)) {
    if (isLeftOut(left[key])) continue;
    count++;
    if (!Object.hasOwn(right, key) || isLeftOut(right[key]) || !isSameJson(left[key], right[key])) return false;
  }
  for (const key of Object.keys(right)) if (!isLeftOut(right[key])) count--;
  return count === 0;
}

type Flat = Map<string, { kind: PreviewKind; record: { id: string; name?: string } }>;

function flatten(document: InterchangeDocument): Flat {
  const out: Flat = new Map();
  const put = (kind: PreviewKind, record: { id: string; name?: string }) =>
    out.set(`${kind}:${record.id}`, { kind, record });
  put('organisation', { ...document.organisation, id: '' });
  for (const unit of document.units) put('unit', unit);
  for (const actor of document.actors) put('actor', actor);
  for (const { arenas, links, perceptions, initiatives, ...scenario } of document.scenarios) {
    put('scenario', scenario);
    for (const arena of arenas) put('arena', arena);
    for (const link of links) put('link', link);
    for (const perception of perceptions) put('perception', perception);
    for (const initiative of initiatives) put('initiative', initiative);
  }
  for (const presentation of document.presentations) put('presentation', presentation);
  return out;
}

/**
 * Plans the import of an interchange document as it is (CREATE or REPLACE): `readDocument`
 * checks it, and issues keep their document paths (`field`), since there are no sheets.
 */
export function planDocument(given: unknown, options: PlanOptions): ImportPlan {
  const value =
    options.mode === 'CREATE' && options.newOrganisationId ? withNewId(given, options.newOrganisationId) : given;
  const issues: ImportIssue[] = [];
  let contents: OrganisationContents | null = null;
  let document: InterchangeDocument | null = null;
  try {
    ({ document, contents } = readDocument(value));
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== 'DOCUMENT_INVALID') throw error;
    for (const issue of error.details.issues ?? []) {
      issues.push(
        documentIssue(issue.field, issue.reason, issue.message, isPrimitive(issue.value) ? issue.value : undefined),
      );
    }
  }
  const organisationId =
    document?.organisation.id ?? String((value as { organisation?: { id?: unknown } } | null)?.organisation?.id ?? '');
  if (options.existing && options.existing.organisation.id !== organisationId && document) {
    issues.push(
      documentIssue(
        'organisation.id',
        'INVALID',
        `the document describes organisation "${organisationId}", not "${options.existing.organisation.id}"`,
      ),
    );
  }
  issues.push(...createOverExisting(options, 'replace it instead'));
  checkIssueCount(issues, options.limits ?? DEFAULT_IMPORT_LIMITS);
  const preview = document
    ? previewOf(options.existing, document, { has: () => true, origin: () => null }, options.changeListLimit ?? 200)
    : previewOf(null, null, { has: () => false, origin: () => null }, 0);
  const isOk = issues.length === 0 && contents !== null;
  return {
    ok: isOk,
    mode: options.mode,
    organisationId,
    isNew: options.existing === null,
    rows: {},
    issues,
    notes: [],
    preview,
    contents: isOk ? contents : null,
  };
}

/** The document with its organisation's id chosen anew from its name (when it has an organisation at all). */
function withNewId(value: unknown, newOrganisationId: (name: string) => string): unknown {
  const organisation = (value as { organisation?: unknown } | null)?.organisation;
  if (!organisation || typeof organisation !== 'object') return value;
  const { name } = organisation as { name?: unknown };
  return {
    ...(value as object),
    organisation: { ...organisation, id: newOrganisationId(typeof name === 'string' ? name : '') },
  };
}

interface Touches {
  has(key: string): boolean;
  origin(key: string): { sheet: SheetName; row: number } | null;
}

function previewOf(
  existing: InterchangeDocument | null,
  document: InterchangeDocument | null,
  touches: Touches,
  limit: number,
): ImportPreview {
  const counts = Object.fromEntries(
    PREVIEW_KINDS.map((kind) => [kind, { created: 0, updated: 0, unchanged: 0, leftAlone: 0, deleted: 0 }]),
  ) as Record<PreviewKind, KindCounts>;
  const before: Flat = existing ? flatten(existing) : new Map();
  const after: Flat = document ? flatten(document) : new Map();
  const changes: ImportChange[] = [];
  let changesLeftOut = 0;
  const note = (kind: PreviewKind, action: ChangeAction, key: string, record: { id: string; name?: string }) => {
    counts[kind][action]++;
    if (changes.length >= limit) {
      changesLeftOut++;
      return;
    }
    const origin = touches.origin(key);
    changes.push({
      kind,
      action,
      id: record.id,
      name: record.name ?? null,
      sheet: origin?.sheet ?? null,
      row: origin?.row ?? null,
    });
  };
  for (const [key, { kind, record }] of after) {
    const old = before.get(key);
    if (!old) note(kind, 'created', key, record);
    else if (!isSameJson(old.record, record)) note(kind, 'updated', key, record);
    else if (touches.has(key)) counts[kind].unchanged++;
    else counts[kind].leftAlone++;
  }
  for (const [key, { kind, record }] of before) if (!after.has(key)) note(kind, 'deleted', key, record);
  return { counts, changes, changesLeftOut };
}
