import type { ComboboxOption } from '../../ui/Combobox.tsx';

interface ActorLike {
  id: string;
  name: string;
  role?: string | null;
  levelKey: string;
  unitId?: string | null;
}

export interface RankOptions {
  /** Most recent first: actors just created or used in a link. */
  recentIds: readonly string[];
  /** The unit of the link's other end: its actors come next. */
  nearUnitId: string | null;
  /** The link's other end, which cannot be chosen again. */
  excludeId: string | null;
  levelName: (key: string) => string;
  unitName: (id: string) => string | undefined;
  locale: string;
}

/**
 * The actors for a link end, likeliest first: recently used ones (newest first), then those in
 * the same unit as the other end, then the rest by name. Each carries its role, level and unit as
 * a hint, so typing part of a role finds it too.
 */
export function rankActorOptions(actors: readonly ActorLike[], options: RankOptions): ComboboxOption[] {
  const recency = new Map(options.recentIds.map((id, i) => [id, i]));
  const group = (a: ActorLike) =>
    recency.has(a.id) ? 0 : options.nearUnitId && a.unitId === options.nearUnitId ? 1 : 2;
  const collator = new Intl.Collator(options.locale);
  return actors
    .filter((a) => a.id !== options.excludeId)
    .sort(
      (a, b) =>
        group(a) - group(b) || (recency.get(a.id) ?? 0) - (recency.get(b.id) ?? 0) || collator.compare(a.name, b.name),
    )
    .map((a) => ({
      value: a.id,
      label: a.name,
      hint: [a.role, options.levelName(a.levelKey), a.unitId ? options.unitName(a.unitId) : undefined]
        .filter(Boolean)
        .join(' · '),
    }));
}

/** Plain ranking by name with the map's level and unit names for hints (no recent or near end). */
export function actorRanking(
  map: {
    organisation: { levels: ReadonlyArray<{ key: string; name: string }> };
    units: ReadonlyArray<{ id: string; name: string }>;
  },
  locale: string,
  ranking: Partial<Pick<RankOptions, 'recentIds' | 'nearUnitId' | 'excludeId'>> = {},
): RankOptions {
  return {
    recentIds: ranking.recentIds ?? [],
    nearUnitId: ranking.nearUnitId ?? null,
    excludeId: ranking.excludeId ?? null,
    levelName: (key) => map.organisation.levels.find((l) => l.key === key)?.name ?? key,
    unitName: (id) => map.units.find((u) => u.id === id)?.name,
    locale,
  };
}
