import type { Level } from '@kopplingskartan/schema/interchange';

import type { Actor, ScenarioGraph } from '../domain/records.ts';

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

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Replaces, in a text the presenter wrote (a title, a caption, a finding's explanation), the
 * names its audience must not read: a person's name always (by the actor's map name, or by its
 * label when `labels` is given: anonymised mode), and actors' map names in anonymised mode.
 * Whole words only, longest names first, so that "Rektor Norrskolan" is replaced before a
 * shorter name inside it could be. A map name several actors share ("Arbetslag") names a role,
 * not someone, and is left as it is.
 */
export function nameReplacer(
  actors: readonly Actor[],
  labels: ReadonlyMap<string, string> | null,
): (text: string) => string {
  const byName = new Map<string, string>();
  const shared = new Set<string>();
  const byPerson = new Map<string, string>();
  for (const actor of actors) {
    const shown = labels ? labels.get(actor.id) : actor.name;
    if (!shown) continue;
    const person = actor.personName?.trim();
    if (person && person.length > 1 && !byPerson.has(person)) byPerson.set(person, shown);
    if (!labels) continue;
    const name = actor.name.trim();
    if (byName.has(name) && byName.get(name) !== shown) shared.add(name);
    byName.set(name, shown);
  }
  // A person's name is always withheld, even when it is also some actor's map name.
  const replacements = new Map([...byName].filter(([name]) => name.length > 1 && !shared.has(name)));
  for (const [person, shown] of byPerson) replacements.set(person, shown);
  if (replacements.size === 0) return (text) => text;
  const names = [...replacements.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map(escape).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  return (text) => text.replace(pattern, (name) => replacements.get(name) ?? name);
}
