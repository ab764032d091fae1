import type { Level, UnitKind } from '@kopplingskartan/schema/interchange';

import type { Actor, Unit } from '../domain/records.ts';

/** A stand-in name in each language the product speaks. */
export interface StandIn {
  sv: string;
  en: string;
}

export type Language = keyof StandIn;

const UNIT_WORDS: { readonly [K in UnitKind]: StandIn } = {
  SCHOOL: { sv: 'Skola', en: 'School' },
  TEAM: { sv: 'Arbetslag', en: 'Team' },
  AREA: { sv: 'Område', en: 'Area' },
  OTHER: { sv: 'Enhet', en: 'Unit' },
};

/** What an actor is called when anonymised, before numbering: its role, else its level's name. */
export function roleOf(actor: Actor, levelName: ReadonlyMap<string, string>): string {
  return actor.role?.trim() || levelName.get(actor.levelKey) || actor.levelKey;
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The units whose name would point at one person on an anonymised map: a unit in which some
 * role (or level, for actors without a role) has a single holder among the unit's own actors.
 * "Rektor" in a box named "Norrskolan" is the principal of Norrskolan, whoever reads the map.
 * Each such unit gets a stand-in numbered per kind in id order ("Skola 1", "Skola 2"), so that
 * every step and scenario of a presentation names it alike.
 */
export function unitStandIns(
  units: readonly Unit[],
  actors: readonly Actor[],
  levels: readonly Level[],
): Map<string, StandIn> {
  const levelName = new Map(levels.map((level) => [level.key, level.name]));
  const holders = new Map<string, Map<string, number>>();
  for (const actor of actors) {
    if (!actor.unitId) continue;
    const roles = holders.get(actor.unitId) ?? new Map<string, number>();
    const role = roleOf(actor, levelName);
    roles.set(role, (roles.get(role) ?? 0) + 1);
    holders.set(actor.unitId, roles);
  }
  const numbers = new Map<UnitKind, number>();
  const standIns = new Map<string, StandIn>();
  for (const unit of [...units].sort(byId)) {
    const counts = [...(holders.get(unit.id)?.values() ?? [])];
    if (!counts.includes(1)) continue;
    const n = (numbers.get(unit.kind) ?? 0) + 1;
    numbers.set(unit.kind, n);
    const word = UNIT_WORDS[unit.kind];
    standIns.set(unit.id, { sv: `${word.sv} ${n}`, en: `${word.en} ${n}` });
  }
  return standIns;
}
