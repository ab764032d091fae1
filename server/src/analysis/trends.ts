import type { ScenarioKind } from '@kopplingskartan/schema/interchange';

import type { ChainGraph } from './chain-graph.ts';

/** A scenario as the timeline places it. */
export interface TimelineScenario {
  id: string;
  name: string;
  kind: ScenarioKind;
  observedAt: string | null;
}

/**
 * The scenarios a timeline follows, in time order: the current state and the dated observations,
 * by date (ties by id); a current state without a date comes first, as the state the process
 * starts from. The desired state is not a point in time and is left out.
 */
export function timeline<T extends TimelineScenario>(scenarios: readonly T[]): T[] {
  const key = (scenario: T): string => scenario.observedAt ?? '';
  return scenarios
    .filter((scenario) => scenario.kind !== 'DESIRED')
    .sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** What the trends read of one scenario's analyses. */
export interface TrendPoint {
  /** The level matrix's cells (levelKeys in level order). */
  cells: ReadonlyArray<{ levelKeys: readonly string[]; total: number; responsive: number }>;
  /** Actors cut off from the top level (broken chains). */
  cutOffCount: number;
  /** Links that differ from the desired state, or null without one (desired distance). */
  distance: number | null;
}

export interface LevelPairTrend {
  /** Two adjacent chain levels, upper first. */
  levelKeys: [string, string];
  responsive: number[];
  total: number[];
  /** responsive / total per point; null where the pair has no links. */
  share: Array<number | null>;
}

export interface Trends {
  levelPairs: LevelPairTrend[];
  cutOff: number[];
  distance: Array<number | null>;
}

/**
 * Trends over a timeline's points (each list is in the points' order): for each pair of adjacent
 * chain levels, the share of its links that are responsive (lyhörda: tight or loose); the number
 * of actors cut off from the top level; the distance to the desired state. Numbers only, never
 * grades: a rising share is not "better".
 */
export function trends(levels: ChainGraph['levels'], points: readonly TrendPoint[]): Trends {
  const chain = levels.filter((level) => !level.isSide).map((level) => level.key);
  const levelPairs = chain.slice(1).map((lower, i): LevelPairTrend => {
    const upper = chain[i]!;
    const cells = points.map((point) =>
      point.cells.find(({ levelKeys: [a, b] }) => (a === upper && b === lower) || (a === lower && b === upper)),
    );
    const responsive = cells.map((cell) => cell?.responsive ?? 0);
    const total = cells.map((cell) => cell?.total ?? 0);
    return {
      levelKeys: [upper, lower],
      responsive,
      total,
      share: total.map((t, k) => (t === 0 ? null : responsive[k]! / t)),
    };
  });
  return {
    levelPairs,
    cutOff: points.map((point) => point.cutOffCount),
    distance: points.map((point) => point.distance),
  };
}
