import type { CanvasLink, Coupling, DiffMark } from '../../canvas/model.ts';

/**
 * What differs between the shown scenario and another one, link by link. Cloned scenarios get new
 * link ids, so links are matched by id first, then by (source, target, kind).
 */
export interface ScenarioDiff {
  added: CanvasLink[];
  removed: CanvasLink[];
  changed: { link: CanvasLink; before: CanvasLink }[];
  /** The shown links plus the removed ones, for drawing both on one map. */
  links: CanvasLink[];
  marks: Map<string, DiffMark>;
}

const keyOf = (l: CanvasLink) => `${l.sourceId}\u0000${l.targetId}\u0000${l.kind}`;

function isChanged(a: CanvasLink, b: CanvasLink): boolean {
  return (
    a.coupling !== b.coupling ||
    a.kind !== b.kind ||
    a.targetResponds !== b.targetResponds ||
    a.sourceResponds !== b.sourceResponds
  );
}

export function compareScenarios(shown: readonly CanvasLink[], other: readonly CanvasLink[]): ScenarioDiff {
  const otherById = new Map(other.map((l) => [l.id, l]));
  const otherByKey = new Map(other.map((l) => [keyOf(l), l]));
  const matched = new Set<string>();
  const diff: ScenarioDiff = { added: [], removed: [], changed: [], links: [...shown], marks: new Map() };
  for (const link of shown) {
    const before = otherById.get(link.id) ?? otherByKey.get(keyOf(link));
    if (!before || matched.has(before.id)) {
      diff.added.push(link);
      diff.marks.set(link.id, 'added');
      continue;
    }
    matched.add(before.id);
    if (isChanged(link, before)) {
      diff.changed.push({ link, before });
      diff.marks.set(link.id, 'changed');
    }
  }
  const shownIds = new Set(shown.map((l) => l.id));
  for (const link of other) {
    if (matched.has(link.id)) continue;
    diff.removed.push(link);
    // A removed link shares no id with the shown ones unless ids collide across scenarios.
    const id = shownIds.has(link.id) ? `removed:${link.id}` : link.id;
    diff.links.push({ ...link, id });
    diff.marks.set(id, 'removed');
  }
  return diff;
}

/** Orton & Weick's continuum, from decoupled to tight, as a rank: only which way a link moved matters. */
const TIGHTNESS: Record<Coupling, number> = { DECOUPLED: 0, LOOSE: 1, TIGHT: 2 };

/**
 * The marks of one step along the timeline: as the comparison's, except that a changed coupling
 * says which way it moved (tightened or loosened). Neither direction is better than the other.
 */
export function couplingMarks(diff: ScenarioDiff): Map<string, DiffMark> {
  const marks = new Map(diff.marks);
  for (const { link, before } of diff.changed) {
    const moved = TIGHTNESS[link.coupling] - TIGHTNESS[before.coupling];
    if (moved !== 0) marks.set(link.id, moved > 0 ? 'tightened' : 'loosened');
  }
  return marks;
}
