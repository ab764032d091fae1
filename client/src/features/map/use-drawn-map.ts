import { useMemo } from 'react';

import type { ClassSets } from '../../canvas/class-sets.ts';
import { collapseClassSets, collapseUnits, elementCount, isCollapsing } from '../../canvas/collapse.ts';
import type { CanvasMap } from '../../canvas/model.ts';

/**
 * What the canvas draws: the map itself, or when units are collapsed (by the map's size or the
 * person's choice, see collapse.ts) the map with every unit the person has not opened collapsed
 * into one node, and the class sets (computed on the full map, so filters, search and findings
 * mean the same) carried over to it.
 */
export function useDrawnMap(
  canvasMap: CanvasMap,
  classSets: ClassSets,
  view: { openedUnitIds: readonly string[]; unitsAsBoxes: boolean | null },
) {
  const { openedUnitIds, unitsAsBoxes } = view;
  const collapsed = useMemo(
    () =>
      isCollapsing(elementCount(canvasMap), unitsAsBoxes) ? collapseUnits(canvasMap, new Set(openedUnitIds)) : null,
    [canvasMap, openedUnitIds, unitsAsBoxes],
  );
  const drawnSets = useMemo(
    () => (collapsed ? collapseClassSets(classSets, collapsed) : classSets),
    [collapsed, classSets],
  );
  /** The drawn element that stands for a record of the full map (itself when drawn). */
  const drawnId = (id: string) => collapsed?.alias.get(id) ?? id;
  return { drawnMap: collapsed?.map ?? canvasMap, drawnSets, collapsed, drawnId };
}
