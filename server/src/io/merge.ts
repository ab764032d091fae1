/**
 * Merges the typed rows of a file into an organisation: each row updates the record it names
 * (by id, else by name or natural key) or adds a new one, and references are resolved by id or
 * name. Every problem becomes an ImportIssue on its sheet, row and column; a row with a problem
 * is left out, so the document that comes out can still be checked for the rest.
 */
import {
  INTERCHANGE_FORMAT,
  INTERCHANGE_VERSION,
  type ActorData,
  type ArenaData,
  type EvidenceNote,
  type InitiativeData,
  type InterchangeDocument,
  type Level,
  type LinkData,
  type PerceptionData,
  type PresentationData,
  type ScenarioData,
  type UnitData,
} from '@kopplingskartan/schema/interchange';

import { deriveCoupling } from '../domain/coupling.ts';
import { DEFAULT_LEVELS, type RecordKind } from '../domain/records.ts';
import { REFERENCES } from '../domain/rules.ts';
import type { CellProblem, CellValue } from './cell-values.ts';
import type { ImportIssue } from './import-issues.ts';
import { slugify } from '../domain/ids.ts';
import { MergeState, type RecordKey, type Resolution, type RowOrigin } from './merge-state.ts';
import type { Collected, CollectedSheet, TypedRow } from './sheet-collector.ts';
import { type RefKind, sheetSpec, type SheetName } from './spreadsheet-layout.ts';

export type ImportMode = 'CREATE' | 'MERGE' | 'REPLACE';

export interface MergeOptions {
  mode: ImportMode;
  /** The organisation as stored now; null when creating. */
  existing: InterchangeDocument | null;
  /** For a new organisation whose file has no organisation sheet. */
  organisationName?: string;
}

export interface MergeResult {
  document: InterchangeDocument;
  state: MergeState;
  organisationOrigin: RowOrigin | null;
  issues: ImportIssue[];
}

type Values = Record<string, unknown>;

/** What one row of a record sheet is being applied to. */
interface RowWork {
  sheet: CollectedSheet;
  row: TypedRow;
  origin: RowOrigin;
  issues: ImportIssue[];
}

class Merger {
  readonly issues: ImportIssue[] = [];
  organisationOrigin: RowOrigin | null = null;

  constructor(
    readonly state: MergeState,
    readonly collected: Collected,
  ) {}

  issueAt(
    work: Pick<RowWork, 'sheet' | 'origin'>,
    key: string | null,
    problem: CellProblem,
    value?: unknown,
  ): ImportIssue {
    return {
      sheet: work.sheet.name,
      row: work.origin.row,
      column: key === null ? null : (work.sheet.headers.get(key) ?? key),
      field: key,
      reason: problem.reason,
      message: problem.message,
      ...(value === undefined ? {} : { value }),
    };
  }

  /** Each usable row of a sheet with a fresh issue list; the row's issues are kept at the end. */
  *rows(name: SheetName): Generator<RowWork> {
    const sheet = this.collected.sheets.get(name);
    if (!sheet) return;
    for (const row of sheet.rows) {
      if (row.isBroken) continue;
      const work: RowWork = { sheet, row, origin: { sheet: name, row: row.row }, issues: [] };
      yield work;
      this.issues.push(...work.issues);
    }
  }

  resolve(kind: RefKind, raw: string, scenarioId: string | null): Resolution {
    const { state } = this;
    switch (kind) {
      case 'level':
        return state.resolveLevel(raw);
      case 'unit':
      case 'actor':
      case 'scenario':
        return state.resolveByName(kind, raw);
      case 'arena':
      case 'initiative':
        return state.resolveScoped(kind, raw, scenarioId ?? '');
      case 'link':
        return state.resolveLink(raw, scenarioId ?? '');
      case 'owner':
        return { ok: false, problem: { reason: 'INVALID', message: 'not a column of this sheet' } };
    }
  }

  /** Sets every present column of the row on the record, resolving references. */
  applyColumns(work: RowWork, record: object, scenarioId: string | null, skip: readonly string[] = []): void {
    const target = record as Values;
    for (const column of sheetSpec(work.sheet.name).columns) {
      if (!column.field || column.type.type === 'id' || skip.includes(column.key)) continue;
      if (!(column.key in work.row.values)) continue;
      const value = work.row.values[column.key]!;
      if (column.type.type === 'ref') {
        if (value === null) {
          target[column.field] = null;
          continue;
        }
        const resolved = this.resolve(column.type.kind, value as string, scenarioId);
        if (resolved.ok) target[column.field] = resolved.id;
        else work.issues.push(this.issueAt(work, column.key, resolved.problem, value));
      } else if (column.type.type === 'refList') {
        const ids: string[] = [];
        for (const raw of value as string[]) {
          const resolved = this.resolve(column.type.kind, raw, scenarioId);
          if (resolved.ok) ids.push(resolved.id);
          else work.issues.push(this.issueAt(work, column.key, resolved.problem, raw));
        }
        target[column.field] = ids;
      } else {
        target[column.field] = value;
      }
    }
  }

  requireFields(work: RowWork, record: object, keys: readonly string[]): void {
    const values = record as Values;
    for (const key of keys) {
      const column = sheetSpec(work.sheet.name).columns.find((c) => c.key === key)!;
      const value = values[column.field!];
      // A cell that was refused already (unknown reference …) is not reported twice.
      if (work.issues.some((issue) => issue.field === key)) continue;
      if (value === null || value === undefined || value === '') {
        work.issues.push(
          this.issueAt(work, key, {
            reason: 'REQUIRED',
            message: work.sheet.headers.has(key) ? 'must not be empty' : `the sheet needs a "${key}" column`,
          }),
        );
      }
    }
  }

  /** Records that a row wrote a record, and refuses a second row writing the same one. */
  touch(work: RowWork, key: RecordKey, idColumn = 'id'): void {
    const earlier = this.state.touch(key, work.origin);
    if (earlier) {
      work.issues.push(
        this.issueAt(work, work.sheet.headers.has(idColumn) ? idColumn : 'name', {
          reason: 'DUPLICATE',
          message: `row ${earlier.row} of ${earlier.sheet} already describes ${key.replace(':', ' "')}"`,
        }),
      );
    }
  }

  /** The row's record matched by id, else by name (null when neither matches). */
  matchByIdOrName<T extends { id: string }>(
    work: RowWork,
    byId: (id: string) => T | undefined,
    byName: (name: string) => Resolution,
  ): { id: string | null; match: T | undefined } {
    const id = (work.row.values.id as string | null | undefined) ?? null;
    if (id) return { id, match: byId(id) };
    const name = work.row.values.name as string | null | undefined;
    if (!name) return { id: null, match: undefined };
    const resolved = byName(name);
    if (resolved.ok) return { id: null, match: byId(resolved.id) };
    if (resolved.problem.reason === 'AMBIGUOUS_REFERENCE')
      work.issues.push(this.issueAt(work, 'name', resolved.problem, name));
    return { id: null, match: undefined };
  }

  /** The scenario a scenario-scoped row belongs to: named, else its record's, else the current one. */
  rowScenario(work: RowWork, recordScenarioId: string | undefined): string | null {
    const named = work.row.values.scenario as string | null | undefined;
    if (named) {
      const resolved = this.state.resolveByName('scenario', named);
      if (!resolved.ok) {
        work.issues.push(this.issueAt(work, 'scenario', resolved.problem, named));
        return null;
      }
      if (recordScenarioId !== undefined && recordScenarioId !== resolved.id) {
        work.issues.push(
          this.issueAt(work, 'id', {
            reason: 'OTHER_SCENARIO',
            message: `"${String(work.row.values.id)}" belongs to scenario "${recordScenarioId}", not "${resolved.id}"`,
          }),
        );
        return null;
      }
      return resolved.id;
    }
    if (recordScenarioId !== undefined) return recordScenarioId;
    const current = this.state.currentScenarioId();
    if (!current) {
      work.issues.push(
        this.issueAt(work, 'scenario', { reason: 'REQUIRED', message: 'no current scenario to default to' }),
      );
    }
    return current;
  }
}

/** A row that found its record by name (no id) keeps the stored spelling: the name was the key. */
function keepMatchedName(work: RowWork, record: { name: string }, match: { name: string } | undefined): void {
  if (match && !work.row.values.id) record.name = match.name;
}

function startDocument(options: MergeOptions, present: ReadonlySet<SheetName>): InterchangeDocument {
  if (options.mode === 'CREATE' || !options.existing) {
    return {
      format: INTERCHANGE_FORMAT,
      version: INTERCHANGE_VERSION,
      organisation: {
        id: '',
        name: options.organisationName ?? '',
        kind: 'OTHER',
        description: null,
        levels: present.has('levels') ? [] : DEFAULT_LEVELS.map((level) => ({ ...level })),
      },
      units: [],
      actors: [],
      scenarios: [],
      presentations: [],
    };
  }
  const existing = options.existing;
  if (options.mode === 'MERGE') return existing;
  // REPLACE: each sheet in the file replaces that kind's records; the others are kept.
  const keep = <T>(sheet: SheetName, list: T[]): T[] => (present.has(sheet) ? [] : list);
  return {
    ...existing,
    organisation: { ...existing.organisation, levels: keep('levels', existing.organisation.levels) },
    units: keep('units', existing.units),
    actors: keep('actors', existing.actors),
    scenarios: keep('scenarios', existing.scenarios).map((scenario) => ({
      ...scenario,
      arenas: keep('arenas', scenario.arenas),
      links: keep('links', scenario.links).map((link) => (present.has('evidence') ? { ...link, evidence: [] } : link)),
      perceptions: keep('perceptions', scenario.perceptions),
      initiatives: keep('initiatives', scenario.initiatives).map((initiative) =>
        present.has('evidence') ? { ...initiative, evidence: [] } : initiative,
      ),
    })),
  };
}

function mergeOrganisation(m: Merger, options: MergeOptions): void {
  const { state } = m;
  let isFirst = true;
  for (const work of m.rows('organisation')) {
    if (!isFirst) {
      work.issues.push(
        m.issueAt(work, null, { reason: 'DUPLICATE', message: 'the organisation sheet has one row only' }),
      );
      continue;
    }
    isFirst = false;
    const id = work.row.values.id as string | null | undefined;
    if (id && options.existing && id !== options.existing.organisation.id) {
      work.issues.push(
        m.issueAt(work, 'id', {
          reason: 'INVALID',
          message: `the file describes organisation "${id}", not "${options.existing.organisation.id}"`,
        }),
      );
      continue;
    }
    const organisation = { ...state.organisation, ...(id ? { id } : {}) };
    m.applyColumns(work, organisation, null);
    if ((organisation.kind as string | null) === null) organisation.kind = 'OTHER';
    m.requireFields(work, organisation, ['name']);
    if (work.issues.length === 0) {
      state.organisation = organisation;
      m.organisationOrigin = work.origin;
      state.touch('organisation:', work.origin);
    }
  }
  if (!state.organisation.id) state.organisation.id = slugify(state.organisation.name) || 'organisation';
  if (!state.organisation.name) {
    m.issues.push({
      sheet: 'organisation',
      row: null,
      column: 'name',
      field: 'name',
      reason: 'REQUIRED',
      message: 'a new organisation needs a name (an organisation sheet, or the name parameter)',
    });
  }
}

function mergeLevels(m: Merger): void {
  const { state } = m;
  if (!m.collected.sheets.has('levels')) return;
  const listed: Level[] = [];
  for (const work of m.rows('levels')) {
    const values = work.row.values;
    const key = (values.key as string | null | undefined) || slugify(String(values.name ?? '')).replace(/-/g, '_');
    if (!key) {
      m.requireFields(work, { key: null }, ['key']);
      continue;
    }
    if (listed.some((level) => level.key === key)) {
      work.issues.push(m.issueAt(work, 'key', { reason: 'DUPLICATE', message: `level "${key}" is listed twice` }, key));
      continue;
    }
    const existing = state.levels.find((level) => level.key === key);
    const level: Level = existing ? { ...existing } : { key, name: '', isSide: false };
    m.applyColumns(work, level, null);
    level.key = key;
    m.requireFields(work, level, ['name']);
    if (work.issues.length > 0) continue;
    listed.push(level);
    state.origins.set(level, work.origin);
  }
  state.levels = [...listed, ...state.levels.filter((level) => !listed.some((l) => l.key === level.key))];
}

function mergeScenarios(m: Merger): void {
  const { state } = m;
  const written: Array<{ work: RowWork; record: ScenarioData }> = [];
  for (const work of m.rows('scenarios')) {
    const { id, match } = m.matchByIdOrName(
      work,
      (key) => state.scenarios.get(key)?.data,
      (name) => state.resolveByName('scenario', name),
    );
    const record: ScenarioData = match
      ? { ...match }
      : {
          id: id ?? state.freshId('scenario', (key) => state.scenarios.has(key), work.row.values.name as string),
          name: '',
          kind: null as never,
          observedAt: null,
          description: null,
          basedOnId: null,
        };
    m.touch(work, `scenario:${record.id}`);
    m.applyColumns(work, record, null, ['basedOn']);
    keepMatchedName(work, record, match);
    m.requireFields(work, record, ['name', 'kind']);
    if (work.issues.length > 0) continue;
    state.putScenario(record);
    state.origins.set(record, work.origin);
    written.push({ work, record });
  }
  // A second pass, so that a scenario may be based on one listed further down.
  for (const { work, record } of written) {
    m.applyColumns(work, record, null, ['id', 'name', 'kind', 'observedAt', 'description']);
    m.issues.push(...work.issues);
  }
  if (state.scenarios.size === 0) {
    state.putScenario({
      id: state.freshId('scenario', () => false, 'Nuläge'),
      name: 'Nuläge',
      kind: 'CURRENT',
      observedAt: null,
      description: null,
      basedOnId: null,
    });
  }
}

function mergeUnits(m: Merger): void {
  const { state } = m;
  const written: Array<{ work: RowWork; record: UnitData }> = [];
  for (const work of m.rows('units')) {
    const { id, match } = m.matchByIdOrName(
      work,
      (key) => state.units.get(key),
      (name) => state.resolveByName('unit', name),
    );
    const record: UnitData = match
      ? { ...match }
      : {
          id: id ?? state.freshId('unit', (key) => state.units.has(key), work.row.values.name as string),
          name: '',
          kind: 'OTHER',
          parentId: null,
          place: null,
        };
    m.touch(work, `unit:${record.id}`);
    m.applyColumns(work, record, null, ['parent']);
    keepMatchedName(work, record, match);
    if ((record.kind as string | null) === null) record.kind = 'OTHER';
    m.requireFields(work, record, ['name']);
    if (work.issues.length > 0) continue;
    state.putUnit(record);
    state.origins.set(record, work.origin);
    written.push({ work, record });
  }
  for (const { work, record } of written) {
    m.applyColumns(work, record, null, ['name', 'kind', 'place']);
    m.issues.push(...work.issues);
  }
}

function mergeActors(m: Merger): void {
  const { state } = m;
  for (const work of m.rows('actors')) {
    const { id, match } = m.matchByIdOrName(
      work,
      (key) => state.actors.get(key),
      (name) => state.resolveByName('actor', name),
    );
    const record: ActorData = match
      ? { ...match }
      : {
          id: id ?? state.freshId('actor', (key) => state.actors.has(key), work.row.values.name as string),
          name: '',
          personName: null,
          levelKey: '',
          role: null,
          unitId: null,
          tags: [],
          notes: null,
        };
    m.touch(work, `actor:${record.id}`);
    m.applyColumns(work, record, null);
    keepMatchedName(work, record, match);
    m.requireFields(work, record, ['name', 'level']);
    if (work.issues.length > 0) continue;
    state.putActor(record);
    state.origins.set(record, work.origin);
  }
}

function mergeArenas(m: Merger): void {
  const { state } = m;
  for (const work of m.rows('arenas')) {
    const id = (work.row.values.id as string | null | undefined) ?? null;
    const scenarioId = m.rowScenario(work, id ? state.scenarioOf.arena.get(id) : undefined);
    if (scenarioId === null) continue;
    const name = work.row.values.name as string | null | undefined;
    let match = id ? state.getScoped('arena', id) : undefined;
    if (!id && name) {
      const resolved = state.resolveScoped('arena', name, scenarioId);
      if (resolved.ok) match = state.getScoped('arena', resolved.id);
      else if (resolved.problem.reason === 'AMBIGUOUS_REFERENCE')
        work.issues.push(m.issueAt(work, 'name', resolved.problem));
    }
    const record: ArenaData = match
      ? { ...match }
      : {
          id: id ?? state.freshId('arena', (key) => state.scenarioOf.arena.has(key), name),
          name: '',
          cadence: null,
          description: null,
          participantIds: [],
        };
    m.touch(work, `arena:${record.id}`);
    m.applyColumns(work, record, scenarioId);
    keepMatchedName(work, record, match);
    m.requireFields(work, record, ['name']);
    if (work.issues.length > 0) continue;
    state.putScoped('arena', scenarioId, record);
    state.origins.set(record, work.origin);
  }
}

function freshLink(id: string): LinkData {
  return {
    id,
    sourceId: '',
    targetId: '',
    kind: 'DIALOGUE',
    coupling: null as never,
    targetResponds: null,
    sourceResponds: null,
    distinctive: null,
    arenaId: null,
    cadence: null,
    evidence: [],
    notes: null,
    confidential: false,
    partnershipStage: null,
  };
}

function mergeLinks(m: Merger): void {
  const { state } = m;
  for (const work of m.rows('links')) {
    const values = work.row.values;
    const id = (values.id as string | null | undefined) ?? null;
    const scenarioId = m.rowScenario(work, id ? state.scenarioOf.link.get(id) : undefined);
    if (scenarioId === null) continue;
    let match = id ? state.getScoped('link', id) : undefined;
    if (!id) {
      // Without an id a link is named by its scenario, endpoints and kind.
      const probe = freshLink('');
      m.applyColumns({ ...work, issues: [] }, probe, scenarioId);
      const matchedId = probe.sourceId && probe.targetId ? state.findLink(scenarioId, probe) : undefined;
      if (matchedId) match = state.getScoped('link', matchedId);
    }
    const record: LinkData = match
      ? { ...match }
      : freshLink(id ?? state.freshId('link', (key) => state.scenarioOf.link.has(key)));
    m.touch(work, `link:${record.id}`, id ? 'id' : 'target');
    m.applyColumns(work, record, scenarioId);
    if ((record.kind as string | null) === null) record.kind = 'DIALOGUE';
    if ((record.confidential as boolean | null) === null) record.confidential = false;
    m.requireFields(work, record, ['source', 'target']);
    if ((record.coupling as string | null) === null) {
      const derived = deriveCoupling(record);
      if (derived) record.coupling = derived;
      else {
        work.issues.push(
          m.issueAt(work, 'coupling', {
            reason: 'COUPLING_REQUIRED',
            message: 'give the coupling (tight/loose/decoupled) or all three ratings',
          }),
        );
      }
    }
    if (work.issues.length > 0) continue;
    state.putScoped('link', scenarioId, record);
    state.origins.set(record, work.origin);
  }
}

function perceptionKey(scenarioId: string, p: Pick<PerceptionData, 'linkId' | 'respondent' | 'observedAt'>): string {
  return [scenarioId, p.linkId, p.respondent.trim().toLocaleLowerCase('sv'), p.observedAt ?? ''].join('\u0000');
}

function mergePerceptions(m: Merger): void {
  const { state } = m;
  if (!m.collected.sheets.has('perceptions')) return;
  const byKey = new Map<string, string>();
  for (const [scenarioId, scenario] of state.scenarios) {
    for (const p of scenario.perceptions.values()) byKey.set(perceptionKey(scenarioId, p), p.id);
  }
  for (const work of m.rows('perceptions')) {
    const id = (work.row.values.id as string | null | undefined) ?? null;
    const scenarioId = m.rowScenario(work, id ? state.scenarioOf.perception.get(id) : undefined);
    if (scenarioId === null) continue;
    const fresh: PerceptionData = {
      id: '',
      linkId: '',
      respondent: '',
      respondentActorId: null,
      observedAt: null,
      coupling: null,
      targetResponds: null,
      sourceResponds: null,
      distinctive: null,
      comment: null,
      confidential: false,
    };
    let match = id ? state.getScoped('perception', id) : undefined;
    if (!id) {
      const probe = { ...fresh };
      m.applyColumns({ ...work, issues: [] }, probe, scenarioId);
      const matchedId = probe.linkId && probe.respondent ? byKey.get(perceptionKey(scenarioId, probe)) : undefined;
      if (matchedId) match = state.getScoped('perception', matchedId);
    }
    const record: PerceptionData = match
      ? { ...match }
      : { ...fresh, id: id ?? state.freshId('perception', (key) => state.scenarioOf.perception.has(key)) };
    m.touch(work, `perception:${record.id}`, id ? 'id' : 'link');
    m.applyColumns(work, record, scenarioId);
    if ((record.confidential as boolean | null) === null) record.confidential = false;
    m.requireFields(work, record, ['link', 'respondent']);
    if (work.issues.length > 0) continue;
    state.putScoped('perception', scenarioId, record);
    byKey.set(perceptionKey(scenarioId, record), record.id);
    state.origins.set(record, work.origin);
  }
}

function mergeInitiatives(m: Merger): void {
  const { state } = m;
  for (const work of m.rows('initiatives')) {
    const id = (work.row.values.id as string | null | undefined) ?? null;
    const scenarioId = m.rowScenario(work, id ? state.scenarioOf.initiative.get(id) : undefined);
    if (scenarioId === null) continue;
    const name = work.row.values.name as string | null | undefined;
    let match = id ? state.getScoped('initiative', id) : undefined;
    if (!id && name) {
      const resolved = state.resolveScoped('initiative', name, scenarioId);
      if (resolved.ok) match = state.getScoped('initiative', resolved.id);
      else if (resolved.problem.reason === 'AMBIGUOUS_REFERENCE')
        work.issues.push(m.issueAt(work, 'name', resolved.problem));
    }
    const record: InitiativeData = match
      ? { ...match }
      : {
          id: id ?? state.freshId('initiative', (key) => state.scenarioOf.initiative.has(key), name),
          name: '',
          description: null,
          ownerId: null,
          targetActorIds: [],
          targetUnitIds: [],
          learningDimensions: [],
          evidence: [],
        };
    m.touch(work, `initiative:${record.id}`);
    m.applyColumns(work, record, scenarioId);
    keepMatchedName(work, record, match);
    m.requireFields(work, record, ['name']);
    if (work.issues.length > 0) continue;
    state.putScoped('initiative', scenarioId, record);
    state.origins.set(record, work.origin);
  }
}

/** Evidence rows replace the evidence of each link or initiative they name, in row order. */
function mergeEvidence(m: Merger): void {
  const { state } = m;
  const lists = new Map<LinkData | InitiativeData, EvidenceNote[]>();
  for (const work of m.rows('evidence')) {
    const values = work.row.values as Record<string, CellValue | undefined>;
    const raw = values.owner as string | null | undefined;
    const ownerKind = values.ownerKind as 'link' | 'initiative' | null | undefined;
    if (!raw) {
      m.requireFields(work, { owner: null }, ['owner']);
      continue;
    }
    let owner: LinkData | InitiativeData | undefined;
    let ownerScenario: string | undefined;
    if (ownerKind !== 'initiative' && state.scenarioOf.link.has(raw)) {
      owner = state.getScoped('link', raw);
      ownerScenario = state.scenarioOf.link.get(raw);
    } else if (ownerKind !== 'link') {
      const byId = state.scenarioOf.initiative.get(raw);
      const scenarioId = m.rowScenario(work, byId);
      if (scenarioId === null) continue;
      const resolved = state.resolveScoped('initiative', raw, scenarioId);
      if (resolved.ok) {
        owner = state.getScoped('initiative', resolved.id);
        ownerScenario = scenarioId;
      } else if (resolved.problem.reason === 'AMBIGUOUS_REFERENCE') {
        work.issues.push(m.issueAt(work, 'owner', resolved.problem, raw));
        continue;
      }
    }
    if (!owner) {
      work.issues.push(
        m.issueAt(
          work,
          'owner',
          { reason: 'UNKNOWN_REFERENCE', message: `no ${ownerKind ?? 'link or initiative'} "${raw}"` },
          raw,
        ),
      );
      continue;
    }
    if (values.scenario && m.rowScenario(work, ownerScenario) === null) continue;
    const note: EvidenceNote = {
      text: (values.text as string | null | undefined) ?? '',
      date: (values.date as string | null | undefined) ?? null,
      source: (values.source as string | null | undefined) ?? null,
    };
    m.requireFields(work, note, ['text']);
    if (work.issues.length > 0) continue;
    state.origins.set(note, work.origin);
    const list = lists.get(owner);
    if (list) list.push(note);
    else lists.set(owner, [note]);
  }
  for (const [owner, notes] of lists) owner.evidence = notes;
}

/** References whose loss deletes the referring record, as the store's cascades do. */
const DELETING = new Set(['link.sourceId', 'link.targetId', 'perception.linkId']);

/**
 * After a REPLACE, records the file did not write may point at records it removed: they follow
 * the store's delete cascades (a link without its actor goes, a unit reference is cleared).
 */
function cascadeRemovals(state: MergeState): void {
  const exists = (kind: RecordKind, id: string): boolean => {
    switch (kind) {
      case 'unit':
        return state.units.has(id);
      case 'actor':
        return state.actors.has(id);
      case 'scenario':
        return state.scenarios.has(id);
      case 'presentation':
        return state.presentations.some((presentation) => presentation.id === id);
      default:
        return state.scenarioOf[kind].has(id);
    }
  };
  const follow = (kind: RecordKind, record: Values): boolean => {
    if (state.touched.has(`${kind}:${String(record.id)}` as RecordKey)) return true;
    for (const ref of REFERENCES[kind]) {
      const value = record[ref.field];
      if (ref.isMany) {
        record[ref.field] = (value as string[]).filter((id) => exists(ref.kind, id));
      } else if (typeof value === 'string' && value !== '' && !exists(ref.kind, value)) {
        if (DELETING.has(`${kind}.${ref.field}`)) return false;
        record[ref.field] = null;
      }
    }
    return true;
  };
  for (const unit of state.units.values()) follow('unit', unit as unknown as Values);
  for (const actor of state.actors.values()) follow('actor', actor as unknown as Values);
  for (const scenario of state.scenarios.values()) {
    follow('scenario', scenario.data as unknown as Values);
    for (const [kind, list] of [
      ['arena', scenario.arenas],
      ['link', scenario.links],
      ['perception', scenario.perceptions],
      ['initiative', scenario.initiatives],
    ] as const) {
      for (const [id, record] of list) {
        if (!follow(kind, record as unknown as Values)) {
          list.delete(id);
          state.scenarioOf[kind].delete(id);
        }
      }
    }
  }
}

function buildDocument(state: MergeState): InterchangeDocument {
  return {
    format: INTERCHANGE_FORMAT,
    version: INTERCHANGE_VERSION,
    organisation: { ...state.organisation, levels: state.levels },
    units: [...state.units.values()],
    actors: [...state.actors.values()],
    scenarios: [...state.scenarios.values()].map((scenario) => {
      const document = {
        ...scenario.data,
        arenas: [...scenario.arenas.values()],
        links: [...scenario.links.values()],
        perceptions: [...scenario.perceptions.values()],
        initiatives: [...scenario.initiatives.values()],
      };
      const origin = state.origins.get(scenario.data);
      if (origin) state.origins.set(document, origin);
      return document;
    }),
    presentations: state.presentations.map((presentation) => keptPresentation(presentation, state)),
  };
}

/**
 * Spreadsheets carry no presentations, so an import keeps the stored ones; a step whose scenario
 * or level the file removed falls back to the current scenario and all levels, as the store's
 * cascades would leave it, rather than failing the import.
 */
function keptPresentation(presentation: PresentationData, state: MergeState): PresentationData {
  const levelKeys = new Set(state.levels.map((level) => level.key));
  return {
    ...presentation,
    steps: presentation.steps.map((step) => ({
      ...step,
      scenarioId: step.scenarioId && state.scenarios.has(step.scenarioId) ? step.scenarioId : null,
      levelKeys: step.levelKeys.filter((key) => levelKeys.has(key)),
    })),
  };
}

/** Merges the file's rows into the organisation (or a new one); never throws for bad data. */
export function mergeRows(collected: Collected, options: MergeOptions): MergeResult {
  const present = new Set(collected.sheets.keys());
  const state = new MergeState(startDocument(options, present));
  const m = new Merger(state, collected);
  mergeOrganisation(m, options);
  mergeLevels(m);
  mergeScenarios(m);
  mergeUnits(m);
  mergeActors(m);
  mergeArenas(m);
  mergeLinks(m);
  mergePerceptions(m);
  mergeInitiatives(m);
  mergeEvidence(m);
  if (options.mode === 'REPLACE') cascadeRemovals(state);
  return { document: buildDocument(state), state, organisationOrigin: m.organisationOrigin, issues: m.issues };
}
