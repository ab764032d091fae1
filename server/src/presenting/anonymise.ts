import type { Level } from '@kopplingskartan/schema/interchange';

import type { Actor, ScenarioGraph } from '../domain/records.ts';
import { nameRedactor, type WithheldName } from './name-redactor.ts';

/**
 * Anonymised mode of a presentation: actors are shown by role and level only. Pure functions,
 * applied by the server after `redactForAudience`, so what is withheld never leaves it.
 */

/**
 * A label per actor: its role, or its level's name when it has no role; numbered when several
 * actors share a label ("Rektor, F–6 1", "Rektor, F–6 2") so the map stays readable. Numbers
 * follow actor ids, so every step and scenario of a presentation names an actor alike.
 */
export function anonymousLabels(actors: readonly Actor[], levels: readonly Level[]): Map<string, string> {
  const levelName = new Map(levels.map((level) => [level.key, level.name]));
  const baseOf = (actor: Actor) => actor.role?.trim() || levelName.get(actor.levelKey) || actor.levelKey;
  const sorted = [...actors].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const counts = new Map<string, number>();
  for (const actor of sorted) counts.set(baseOf(actor), (counts.get(baseOf(actor)) ?? 0) + 1);
  const seen = new Map<string, number>();
  const labels = new Map<string, string>();
  for (const actor of sorted) {
    const base = baseOf(actor);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    labels.set(actor.id, counts.get(base)! > 1 ? `${base} ${n}` : base);
  }
  return labels;
}

/** Person names, tags and free-text descriptions withheld; actor names replaced by their labels. */
export function anonymiseGraph(graph: ScenarioGraph, labels: ReadonlyMap<string, string>): ScenarioGraph {
  return {
    ...graph,
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

/** Which of two names that read alike is withheld as which (see WithheldName.rank). */
const RANK = { actorName: 1, personPart: 2, personName: 3 } as const;

/** The parts of a person's name worth withholding on their own: two letters or more ("Eva", "Ek"). */
function nameParts(name: string): string[] {
  return name.split(/[^\p{L}\p{N}\p{M}]+/u).filter((part) => [...part].length >= 2);
}

/**
 * Replaces, in a text the presenter wrote (a title, a caption, a finding's explanation), the
 * names its audience must not read: a person's name always, whole or any part of it (by the
 * actor's map name, or by its label when `labels` is given: anonymised mode), and actors' map
 * names in anonymised mode. Any case, Swedish inflections ("Evas", "Lärarlaget"): see
 * name-redactor.ts. A map name several actors share ("Arbetslag") names a role, not someone,
 * and is left as it is.
 */
export function nameReplacer(
  actors: readonly Actor[],
  labels: ReadonlyMap<string, string> | null,
): (text: string) => string {
  const names: WithheldName[] = [];
  for (const actor of actors) {
    const shownAs = labels ? labels.get(actor.id) : actor.name;
    if (!shownAs) continue;
    if (labels) {
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
