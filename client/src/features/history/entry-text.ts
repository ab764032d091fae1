import type { TFunction } from 'i18next';

import type { HistoryEntryFieldsFragment } from '../../api/generated/graphql.ts';
import type { MapData } from '../../state/map-store.ts';

type Entry = Pick<HistoryEntryFieldsFragment, 'kind' | 'recordId' | 'before' | 'after'>;

/** Names for ids in the map now (actors, units, arenas, scenarios, levels), for showing old values. */
export function namesFrom(map: MapData | null): (id: string) => string | undefined {
  const names = new Map<string, string>();
  if (map) {
    for (const list of [map.actors, map.units, map.arenas, map.organisation.scenarios]) {
      for (const item of list) names.set(item.id, item.name);
    }
    for (const level of map.organisation.levels) names.set(level.key, level.name);
  }
  return (id) => names.get(id);
}

/**
 * What a change is about, as people call it: a record's name, a link's two ends, a perception's
 * respondent; its id when none of that is known (the record and its ends may be long gone).
 */
export function recordLabel(entry: Entry, nameOf: (id: string) => string | undefined): string {
  const image = (entry.after ?? entry.before ?? {}) as Record<string, unknown>;
  if (typeof image.name === 'string') return image.name;
  if (typeof image.sourceId === 'string' && typeof image.targetId === 'string') {
    return `${nameOf(image.sourceId) ?? image.sourceId} → ${nameOf(image.targetId) ?? image.targetId}`;
  }
  if (typeof image.respondent === 'string') return image.respondent;
  return entry.recordId;
}

/** "Rektor Ekskolan (actor) created", in the user's language. */
export function changeSummary(t: TFunction, entry: HistoryEntryFieldsFragment, label: string): string {
  return t(`historyPage.actions.${entry.action}`, {
    kind: t(`recordKind.${entry.kind}` as 'recordKind.actor'),
    name: label,
  });
}

/** Who made a change: their name or email, or the server itself (seeding, a command-line import). */
export function authorOf(t: TFunction, entry: HistoryEntryFieldsFragment): string {
  return entry.user ? (entry.user.displayName ?? entry.user.email) : t('historyPage.byServer');
}
