import type { Level } from '@kopplingskartan/schema/interchange';

import type { Actor, ScenarioGraph, Unit } from '../domain/records.ts';
import { nameRedactor, type WithheldName } from './name-redactor.ts';
import { type Language, roleOf, type StandIn, unitStandIns } from './unit-stand-ins.ts';

/**
 * Anonymised mode of a presentation: actors are shown by role and level only, and units whose
 * name would point at one person by a stand-in. Pure functions, applied by the server after
 * `redactForAudience`, so what is withheld never leaves it.
 */

/**
 * A label per actor: its role, or its level's name when it has no role; numbered when several
 * actors share a label ("Rektor, F–6 1", "Rektor, F–6 2") so the map stays readable. Numbers
 * follow actor ids, so every step and scenario of a presentation names an actor alike.
 */
export function anonymousLabels(actors: readonly Actor[], levels: readonly Level[]): Map<string, string> {
  const levelName = new Map(levels.map((level) => [level.key, level.name]));
  const sorted = [...actors].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const counts = new Map<string, number>();
  for (const actor of sorted) counts.set(roleOf(actor, levelName), (counts.get(roleOf(actor, levelName)) ?? 0) + 1);
  const seen = new Map<string, number>();
  const labels = new Map<string, string>();
  for (const actor of sorted) {
    const base = roleOf(actor, levelName);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    labels.set(actor.id, counts.get(base)! > 1 ? `${base} ${n}` : base);
  }
  return labels;
}

/** How an anonymised presentation names actors and units. */
export interface Anonymity {
  /** Actor id → label (`anonymousLabels`). */
  labels: ReadonlyMap<string, string>;
  /** Unit id → stand-in, for the units whose names are withheld (none when they are kept). */
  units: ReadonlyMap<string, StandIn>;
}

/** Which of two names that read alike is withheld as which (see WithheldName.rank). */
const RANK = { actorName: 1, unitName: 2, personPart: 3, personName: 4 } as const;

/** The withheld units' names, each standing for its stand-in in `language`. */
function unitNames(units: readonly Unit[], standIns: ReadonlyMap<string, StandIn>, language: Language): WithheldName[] {
  return units.flatMap((unit) => {
    const standIn = standIns.get(unit.id);
    return standIn ? [{ name: unit.name, shownAs: standIn[language], inflection: 'noun', rank: RANK.unitName }] : [];
  });
}

/**
 * The anonymity of an organisation's presentations: labels for its actors and, unless unit names
 * are kept, stand-ins for units that point at one person. A role that names such a unit ("Rektor
 * Norrskolan") loses the unit's name in the label too.
 */
export function anonymity(
  actors: readonly Actor[],
  units: readonly Unit[],
  levels: readonly Level[],
  keepUnitNames: boolean,
): Anonymity {
  const labels = anonymousLabels(actors, levels);
  if (keepUnitNames) return { labels, units: new Map() };
  const standIns = unitStandIns(units, actors, levels);
  const withoutUnitNames = nameRedactor(unitNames(units, standIns, 'sv'));
  return {
    labels: new Map([...labels].map(([id, label]) => [id, withoutUnitNames(label)])),
    units: standIns,
  };
}

/** A unit of an anonymised map: its stand-in (Swedish in `name`, both in `anonymisedName`), or its own name. */
export type AnonymisedUnit = Unit & { anonymisedName?: StandIn };

/**
 * Person names, tags and free-text descriptions withheld; actor names replaced by their labels,
 * and withheld units by their stand-ins (a kept unit's name loses any withheld name inside it:
 * "Arbetslag F–3, Norrskolan").
 */
export function anonymiseGraph(
  graph: ScenarioGraph,
  { labels, units }: Anonymity,
): Omit<ScenarioGraph, 'units'> & { units: AnonymisedUnit[] } {
  const withoutUnitNames = nameRedactor(unitNames(graph.units, units, 'sv'));
  return {
    ...graph,
    units: graph.units.map((unit) => {
      const standIn = units.get(unit.id);
      return standIn
        ? { ...unit, name: standIn.sv, place: null, anonymisedName: standIn }
        : { ...unit, name: withoutUnitNames(unit.name) };
    }),
    actors: graph.actors.map((actor) => ({
      ...actor,
      name: labels.get(actor.id) ?? actor.levelKey,
      personName: null,
      notes: null,
      tags: [],
    })),
    links: graph.links.map((link) => ({ ...link, notes: null, evidence: [] })),
    arenas: graph.arenas.map((arena) => ({ ...arena, description: null })),
    initiatives: graph.initiatives.map((initiative) => ({ ...initiative, description: null, evidence: [] })),
    perceptions: [],
  };
}

/** The parts of a person's name worth withholding on their own: two letters or more ("Eva", "Ek"). */
function nameParts(name: string): string[] {
  return name.split(/[^\p{L}\p{N}\p{M}]+/u).filter((part) => [...part].length >= 2);
}

/**
 * Replaces, in a text the presenter wrote (a title, a caption, a finding's explanation), the
 * names its audience must not read: a person's name always, whole or any part of it (by the
 * actor's map name, or by its label when anonymised), and when anonymised the actors' map names
 * and the withheld units' names (by their stand-ins in `language`, the text's language). Any
 * case, Swedish inflections ("Evas", "Norrskolans"): see name-redactor.ts. A map name several
 * actors share ("Arbetslag") names a role, not someone, and is left as it is.
 */
export function nameReplacer(
  actors: readonly Actor[],
  units: readonly Unit[],
  anonymous: Anonymity | null,
  language: Language,
): (text: string) => string {
  const names: WithheldName[] = anonymous ? unitNames(units, anonymous.units, language) : [];
  for (const actor of actors) {
    const shownAs = anonymous ? anonymous.labels.get(actor.id) : actor.name;
    if (!shownAs) continue;
    if (anonymous) {
      names.push({ name: actor.name, shownAs, inflection: 'noun', rank: RANK.actorName, isKeptWhenShared: true });
    }
    const person = actor.personName?.trim();
    if (!person) continue;
    names.push({ name: person, shownAs, inflection: 'person', rank: RANK.personName });
    for (const part of nameParts(person)) {
      names.push({ name: part, shownAs, inflection: 'person', rank: RANK.personPart });
    }
  }
  return nameRedactor(names);
}
