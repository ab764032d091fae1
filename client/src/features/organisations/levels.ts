import { foldText } from '../../lib/match-text.ts';

/** A level as the editors hold it: the key stays once made, the name and place change. */
export interface LevelDraft {
  key: string;
  name: string;
  isSide: boolean;
}

/**
 * A key for a new level from its name, unique among `taken`: lower case ASCII, words joined by
 * "-" ("Förstelärare" → "forstelarare", then "forstelarare-2"…). Keys never change afterwards, so
 * renaming a level keeps its actors.
 */
export function keyForLevel(name: string, taken: readonly string[]): string {
  const base =
    foldText(name)
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'level';
  let key = base;
  for (let n = 2; taken.includes(key); n++) key = `${base}-${n}`;
  return key;
}

/** The list with the item at `from` moved to `to` (both clamped to the list). */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const target = Math.max(0, Math.min(list.length - 1, to));
  if (from < 0 || from >= list.length || from === target) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(target, 0, item as T);
  return next;
}

/** Chain levels first in their order, then side levels: the order the API keeps and ranks. */
export function chainFirst(levels: readonly LevelDraft[]): LevelDraft[] {
  return [...levels.filter((l) => !l.isSide), ...levels.filter((l) => l.isSide)];
}
