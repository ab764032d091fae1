/** One field of a record before and after a change, as shown in the history. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** Bookkeeping fields every record has: not what anyone changed. */
const HIDDEN = new Set(['version', 'organisationId', 'id']);

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The fields that differ between a record's before- and after-image (one of them null for a
 * creation or deletion: then every field that has a value), in the order the record lists them.
 */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const a = (before ?? {}) as Record<string, unknown>;
  const b = (after ?? {}) as Record<string, unknown>;
  const fields = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((f) => !HIDDEN.has(f));
  return fields
    .filter((field) => !same(a[field], b[field]))
    .map((field) => ({ field, before: a[field] ?? null, after: b[field] ?? null }));
}

/**
 * A value as short text: lists joined, objects as their text or name, yes and no in the user's
 * words, ids as names (`nameOf`), nothing as "—".
 */
export function showValue(
  value: unknown,
  words: { yes: string; no: string; nameOf: (id: string) => string | undefined },
): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (Array.isArray(value)) return value.length === 0 ? '—' : value.map((v) => showValue(v, words)).join(', ');
  if (typeof value === 'object') {
    const named = value as { text?: unknown; name?: unknown };
    return String(named.text ?? named.name ?? JSON.stringify(value));
  }
  return words.nameOf(String(value)) ?? String(value);
}
