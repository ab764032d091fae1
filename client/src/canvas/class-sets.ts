/** Which element ids carry which emphasis class; computed by features, applied by the canvas. */
export interface ClassSets {
  hidden: ReadonlySet<string>;
  dimmed: ReadonlySet<string>;
  highlighted: ReadonlySet<string>;
  path: ReadonlySet<string>;
  match: ReadonlySet<string>;
  /** Links marked for a reason shown beside them (their perceptions disagree). */
  marked: ReadonlySet<string>;
}

export function emptyClassSets(): ClassSets {
  return {
    hidden: new Set(),
    dimmed: new Set(),
    highlighted: new Set(),
    path: new Set(),
    match: new Set(),
    marked: new Set(),
  };
}
