import type { Coupling } from '@kopplingskartan/schema/interchange';

/** The ratings a link or perception may carry; null means "not assessed". */
export interface CouplingRatings {
  targetResponds: boolean | null;
  sourceResponds: boolean | null;
  distinctive: boolean | null;
}

/**
 * Derives the coupling type from responsiveness and distinctiveness (Orton & Weick 1990,
 * "Loosely coupled systems: a reconceptualization", table 1):
 * responsive and not distinctive → TIGHT; responsive and distinctive → LOOSE;
 * not responsive and distinctive → DECOUPLED. A link counts as responsive when at least one
 * end responds to the other: one-way responsiveness ("order-giving") still couples, and is
 * reported separately as an asymmetry. Neither responsive nor distinctive is what Orton & Weick
 * call a non-system; for a map it means the parts do not respond, so it is DECOUPLED.
 *
 * @returns the coupling, or null when any rating is missing (then the coupling must be set).
 */
export function deriveCoupling(ratings: CouplingRatings): Coupling | null {
  const { targetResponds, sourceResponds, distinctive } = ratings;
  if (targetResponds === null || sourceResponds === null || distinctive === null) return null;
  const isResponsive = targetResponds || sourceResponds;
  if (!isResponsive) return 'DECOUPLED';
  return distinctive ? 'LOOSE' : 'TIGHT';
}

/** Strength order used by the analyses: tight > loose > decoupled. Not a grade. */
export const COUPLING_STRENGTH: Readonly<Record<Coupling, number>> = { TIGHT: 2, LOOSE: 1, DECOUPLED: 0 };

export function isResponsiveCoupling(coupling: Coupling): boolean {
  return coupling !== 'DECOUPLED';
}
