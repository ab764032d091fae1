import { ApiError } from '../../api/client.ts';

/**
 * A refused update: the record changed since the form or panel read it (VERSION_CONFLICT, see
 * server/src/domain/errors.ts). The API sends the record as stored now in `details.current`, so
 * the person can see what changed before choosing to reload or to reapply their change.
 */
export interface VersionConflict {
  /** The record as stored now; null when the API did not send it (deleted meanwhile). */
  current: Readonly<Record<string, unknown>> | null;
  /** The stored version the refused change was not based on. */
  actualVersion: number | null;
}

export function asVersionConflict(error: unknown): VersionConflict | null {
  if (!(error instanceof ApiError) || error.code !== 'VERSION_CONFLICT') return null;
  const { current, actualVersion } = error.details;
  return {
    current: typeof current === 'object' && current !== null ? (current as Record<string, unknown>) : null,
    actualVersion: typeof actualVersion === 'number' ? actualVersion : null,
  };
}

/** Bookkeeping fields that never count as a change someone made. */
const IGNORED = new Set(['id', 'version', 'expectedVersion', 'organisationId', 'scenarioId']);

/** Equality of plain field values (strings, numbers, lists, evidence notes); null equals missing. */
export function isSameValue(a: unknown, b: unknown): boolean {
  if (a === undefined || a === null) return b === undefined || b === null;
  if (b === undefined || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => isSameValue(item, b[i]));
  }
  if (typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => isSameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return a === b;
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/**
 * What someone else changed: the fields of `base` (the record the form was opened on) whose value
 * differs in `current` (the record as stored now). Fields only one side knows are left out.
 */
export function changedFields(base: object, current: object): FieldChange[] {
  const stored = current as Record<string, unknown>;
  return Object.entries(base)
    .filter(([field, before]) => !IGNORED.has(field) && field in stored && !isSameValue(before, stored[field]))
    .map(([field, before]) => ({ field, before, after: stored[field] }));
}

/**
 * My change as a patch: the fields of `mine` that differ from `base`. Sent on top of the stored
 * version it keeps what others changed in fields I did not touch (the API applies only the fields
 * present in an update).
 */
export function patchOf<T extends object>(base: object, mine: T): Partial<T> {
  const before = base as Record<string, unknown>;
  return Object.fromEntries(
    Object.entries(mine).filter(([field, value]) => !IGNORED.has(field) && !isSameValue(value, before[field])),
  ) as Partial<T>;
}
