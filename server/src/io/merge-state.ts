/**
 * The organisation being merged: records by id, name indices for "by id or name" references,
 * natural keys for rows without ids, and fresh-id generation. Pure data, no I/O.
 */
import type {
  ActorData,
  ArenaData,
  EvidenceNote,
  InitiativeData,
  InterchangeDocument,
  Level,
  LinkData,
  OrganisationData,
  PerceptionData,
  PresentationData,
  ScenarioData,
  UnitData,
} from '@kopplingskartan/schema/interchange';

import { slugify } from '../domain/ids.ts';
import type { CellProblem } from './cell-values.ts';
import { normaliseWord, type SheetName } from './spreadsheet-layout.ts';

export interface RowOrigin {
  sheet: SheetName;
  row: number;
}

export interface ScenarioState {
  data: ScenarioData;
  arenas: Map<string, ArenaData>;
  links: Map<string, LinkData>;
  perceptions: Map<string, PerceptionData>;
  initiatives: Map<string, InitiativeData>;
}

export type ScopedKind = 'arena' | 'link' | 'perception' | 'initiative';
export type RecordKey = `${'organisation' | 'unit' | 'actor' | 'scenario' | ScopedKind}:${string}`;

const SCOPED_LISTS = { arena: 'arenas', link: 'links', perception: 'perceptions', initiative: 'initiatives' } as const;

/** Names compared the way people type them: case and surrounding spaces ignored, diacritics kept. */
export function nameKey(name: string): string {
  return name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv');
}

class NameIndex {
  private readonly ids = new Map<string, string[]>();
  add(scope: string, name: string, id: string): void {
    const key = `${scope}\u0000${nameKey(name)}`;
    const list = this.ids.get(key);
    if (list) list.push(id);
    else this.ids.set(key, [id]);
  }
  remove(scope: string, name: string, id: string): void {
    const key = `${scope}\u0000${nameKey(name)}`;
    const list = this.ids.get(key)?.filter((other) => other !== id);
    if (list && list.length > 0) this.ids.set(key, list);
    else this.ids.delete(key);
  }
  find(scope: string, name: string): readonly string[] {
    return this.ids.get(`${scope}\u0000${nameKey(name)}`) ?? [];
  }
}

export type Resolution = { ok: true; id: string } | { ok: false; problem: CellProblem };

export class MergeState {
  organisation: OrganisationData;
  levels: Level[];
  readonly units = new Map<string, UnitData>();
  readonly actors = new Map<string, ActorData>();
  readonly scenarios = new Map<string, ScenarioState>();
  /** Kept as they are: no sheet writes presentations. */
  readonly presentations: PresentationData[];
  /** Scenario-scoped ids are unique across the organisation: the scenario each one is in. */
  readonly scenarioOf: { [K in ScopedKind]: Map<string, string> } = {
    arena: new Map(),
    link: new Map(),
    perception: new Map(),
    initiative: new Map(),
  };
  /** Where each record (or level, evidence note) the file wrote came from. */
  readonly origins = new Map<object, RowOrigin>();
  /** Records written by a row of the file, for the preview and to catch a record written twice. */
  readonly touched = new Map<RecordKey, RowOrigin>();
  private readonly names = new NameIndex();
  private readonly linkKeys = new Map<string, string>();
  private readonly nextNumber = new Map<string, number>();

  constructor(start: InterchangeDocument) {
    const { levels, ...organisation } = start.organisation;
    this.organisation = { ...organisation, levels: [] };
    this.levels = levels.map((level) => ({ ...level }));
    for (const unit of start.units) this.putUnit({ ...unit });
    for (const actor of start.actors) this.putActor({ ...actor });
    this.presentations = start.presentations;
    for (const scenario of start.scenarios) {
      const { arenas, links, perceptions, initiatives, ...data } = scenario;
      this.putScenario({ ...data });
      for (const arena of arenas) this.putScoped('arena', data.id, { ...arena });
      for (const link of links) this.putScoped('link', data.id, { ...link, evidence: [...link.evidence] });
      for (const perception of perceptions) this.putScoped('perception', data.id, { ...perception });
      for (const initiative of initiatives) {
        this.putScoped('initiative', data.id, { ...initiative, evidence: [...initiative.evidence] });
      }
    }
  }

  putUnit(unit: UnitData): void {
    const old = this.units.get(unit.id);
    if (old) this.names.remove('unit', old.name, old.id);
    this.units.set(unit.id, unit);
    this.names.add('unit', unit.name, unit.id);
  }

  putActor(actor: ActorData): void {
    const old = this.actors.get(actor.id);
    if (old) this.names.remove('actor', old.name, old.id);
    this.actors.set(actor.id, actor);
    this.names.add('actor', actor.name, actor.id);
  }

  putScenario(data: ScenarioData): void {
    const state = this.scenarios.get(data.id);
    if (state) {
      this.names.remove('scenario', state.data.name, data.id);
      state.data = data;
    } else {
      this.scenarios.set(data.id, {
        data,
        arenas: new Map(),
        links: new Map(),
        perceptions: new Map(),
        initiatives: new Map(),
      });
    }
    this.names.add('scenario', data.name, data.id);
  }

  getScoped<K extends ScopedKind>(kind: K, id: string): ScopedData[K] | undefined {
    const scenarioId = this.scenarioOf[kind].get(id);
    if (scenarioId === undefined) return undefined;
    return this.scenarios.get(scenarioId)![SCOPED_LISTS[kind]].get(id) as ScopedData[K] | undefined;
  }

  putScoped<K extends ScopedKind>(kind: K, scenarioId: string, record: ScopedData[K]): void {
    const list = this.scenarios.get(scenarioId)![SCOPED_LISTS[kind]] as Map<string, ScopedData[K]>;
    const old = list.get(record.id);
    if (old && 'name' in old) this.names.remove(`${kind}\u0000${scenarioId}`, old.name, old.id);
    if (old && kind === 'link') this.linkKeys.delete(linkKey(scenarioId, old as LinkData));
    list.set(record.id, record);
    this.scenarioOf[kind].set(record.id, scenarioId);
    if ('name' in record) this.names.add(`${kind}\u0000${scenarioId}`, record.name, record.id);
    if (kind === 'link') {
      const key = linkKey(scenarioId, record as LinkData);
      if (!this.linkKeys.has(key)) this.linkKeys.set(key, record.id);
    }
  }

  /** The link with the same scenario, endpoints and kind (links have no name to match by). */
  findLink(scenarioId: string, link: Pick<LinkData, 'sourceId' | 'targetId' | 'kind'>): string | undefined {
    return this.linkKeys.get(linkKey(scenarioId, link));
  }

  /** The links between two actors in a scenario, any kind (for `source → target` references). */
  linksBetween(scenarioId: string, sourceId: string, targetId: string): string[] {
    const state = this.scenarios.get(scenarioId);
    if (!state) return [];
    const kinds = ['STEERING', 'SUPPORT', 'DIALOGUE', 'FOLLOW_UP', 'INFORMAL', 'INTERPRETATION'] as const;
    return kinds
      .map((kind) => this.linkKeys.get(linkKey(scenarioId, { sourceId, targetId, kind })))
      .filter((id): id is string => id !== undefined);
  }

  currentScenarioId(): string | null {
    for (const [id, state] of this.scenarios) if (state.data.kind === 'CURRENT') return id;
    return null;
  }

  /** A fresh id for a kind: from the name when there is one, else `<kind>-<n>`. */
  freshId(kind: string, isTaken: (id: string) => boolean, name?: string | null): string {
    const base = (name && slugify(name)) || kind;
    if (name && base && !isTaken(base)) return base;
    let n = this.nextNumber.get(base) ?? 1;
    while (isTaken(`${base}-${n}`)) n++;
    this.nextNumber.set(base, n + 1);
    return `${base}-${n}`;
  }

  resolveByName(kind: 'unit' | 'actor' | 'scenario', raw: string): Resolution {
    const ids = kind === 'unit' ? this.units : kind === 'actor' ? this.actors : this.scenarios;
    if (ids.has(raw)) return { ok: true, id: raw };
    return pickOne(kind, raw, this.names.find(kind, raw));
  }

  resolveScoped(kind: 'arena' | 'initiative', raw: string, scenarioId: string): Resolution {
    if (this.scenarioOf[kind].has(raw)) return { ok: true, id: raw };
    return pickOne(kind, raw, this.names.find(`${kind}\u0000${scenarioId}`, raw));
  }

  resolveLevel(raw: string): Resolution {
    const word = normaliseWord(raw);
    const level =
      this.levels.find((l) => l.key === raw) ??
      this.levels.find((l) => normaliseWord(l.key) === word) ??
      this.levels.find((l) => nameKey(l.name) === nameKey(raw));
    return level
      ? { ok: true, id: level.key }
      : {
          ok: false,
          problem: {
            reason: 'UNKNOWN_LEVEL',
            message: `"${raw}" is not a level of this organisation (${this.levels.map((l) => l.key).join(', ')})`,
          },
        };
  }

  resolveLink(raw: string, scenarioId: string): Resolution {
    if (this.scenarioOf.link.has(raw)) return { ok: true, id: raw };
    const ends = raw.split(/\s*(?:→|->)\s*/);
    if (ends.length !== 2) {
      return { ok: false, problem: { reason: 'UNKNOWN_REFERENCE', message: `no link "${raw}"` } };
    }
    const source = this.resolveByName('actor', ends[0]!);
    const target = this.resolveByName('actor', ends[1]!);
    if (!source.ok) return source;
    if (!target.ok) return target;
    return pickOne('link', raw, this.linksBetween(scenarioId, source.id, target.id));
  }

  /** Marks a record as written by a row; the origin of an earlier row when one wrote it already. */
  touch(key: RecordKey, origin: RowOrigin): RowOrigin | undefined {
    const earlier = this.touched.get(key);
    if (!earlier) this.touched.set(key, origin);
    return earlier;
  }
}

export interface ScopedData {
  arena: ArenaData;
  link: LinkData;
  perception: PerceptionData;
  initiative: InitiativeData;
}

export type EvidenceOwner = LinkData | InitiativeData;
export type { EvidenceNote };

function linkKey(scenarioId: string, link: Pick<LinkData, 'sourceId' | 'targetId' | 'kind'>): string {
  return `${scenarioId}\u0000${link.sourceId}\u0000${link.targetId}\u0000${link.kind}`;
}

function pickOne(kind: string, raw: string, ids: readonly string[]): Resolution {
  if (ids.length === 1) return { ok: true, id: ids[0]! };
  if (ids.length === 0) return { ok: false, problem: { reason: 'UNKNOWN_REFERENCE', message: `no ${kind} "${raw}"` } };
  return {
    ok: false,
    problem: {
      reason: 'AMBIGUOUS_REFERENCE',
      message: `${ids.length} ${kind}s are called "${raw}" (${ids.slice(0, 5).join(', ')}); use the id`,
    },
  };
}
