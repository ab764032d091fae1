/**
 * The fields a request selects from a report, nested as in the query (`true` for a leaf): the
 * worker sends back only those, so that the main thread decodes, and keeps, no more than the
 * answer needs (a whole national report is close to 100 MB; its findings' ids and kinds a few).
 */
export interface Selection {
  readonly [field: string]: Selection | true;
}

/** The selected part of a value; lists are projected item by item. */
export function project(value: unknown, selection: Selection | true): unknown {
  if (selection === true || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item: unknown) => project(item, selection));
  const source = value as Record<string, unknown>;
  const projected: Record<string, unknown> = {};
  // for…in rather than Object.entries: no array of pairs per item (a national map has some 50,000 findings).
  for (const field in selection) {
    if (field in source) projected[field] = project(source[field], selection[field]!);
  }
  return projected;
}

/** The same text for the same selection however its fields were ordered: a cache key. */
export function selectionKey(selection: Selection | true): string {
  if (selection === true) return '1';
  const fields = Object.keys(selection).sort();
  return `{${fields.map((field) => `${field}:${selectionKey(selection[field]!)}`).join(',')}}`;
}
