/**
 * Versions of a whole organisation, for the writes that replace it (an applied import, a
 * restore): such a write is planned from the organisation as it was read, and must neither undo
 * an edit saved since (it is refused instead) nor hand out a version a stale `expectedVersion`
 * could match (every version it writes is above every version the organisation holds).
 */
import { DomainError } from './errors.ts';
import type { OrganisationContents, RecordKind } from './records.ts';

/** The organisation's own version and each record's, by `kind:id`. */
export interface ContentVersions {
  organisation: number;
  records: ReadonlyMap<string, number>;
}

export interface ContentChange {
  kind: RecordKind | 'organisation';
  id: string;
  change: 'CREATED' | 'UPDATED' | 'DELETED';
}

/** How many changes a conflict lists one by one; `changeCount` tells them all. */
const CHANGES_LISTED = 100;

export function recordKey(kind: RecordKind, id: string): string {
  return `${kind}:${id}`;
}

export function versionsOf(contents: OrganisationContents): ContentVersions {
  return {
    organisation: contents.organisation.version,
    records: new Map(contents.records.map(({ kind, record }) => [recordKey(kind, record.id), record.version])),
  };
}

/** What was created, updated or deleted between two readings of one organisation. */
export function changesBetween(
  organisationId: string,
  before: ContentVersions,
  after: ContentVersions,
): ContentChange[] {
  const changes: ContentChange[] = [];
  if (before.organisation !== after.organisation) {
    changes.push({ kind: 'organisation', id: organisationId, change: 'UPDATED' });
  }
  const split = (key: string) => {
    const at = key.indexOf(':');
    return { kind: key.slice(0, at) as RecordKind, id: key.slice(at + 1) };
  };
  for (const [key, version] of after.records) {
    const was = before.records.get(key);
    if (was === undefined) changes.push({ ...split(key), change: 'CREATED' });
    else if (was !== version) changes.push({ ...split(key), change: 'UPDATED' });
  }
  for (const key of before.records.keys()) {
    if (!after.records.has(key)) changes.push({ ...split(key), change: 'DELETED' });
  }
  return changes;
}

/**
 * The version every record of a replaced organisation gets: one above every version it holds,
 * so that no `expectedVersion` read before the replace matches a record after it.
 */
export function versionAfterReplace(current: ContentVersions): number {
  let highest = current.organisation;
  for (const version of current.records.values()) highest = Math.max(highest, version);
  return highest + 1;
}

/**
 * Refuses to replace an organisation that changed since `expected` was read (VERSION_CONFLICT,
 * listing what changed); the stores call this inside the replacing transaction.
 */
export function checkUnchangedSince(organisationId: string, expected: ContentVersions, current: ContentVersions): void {
  const changes = changesBetween(organisationId, expected, current);
  if (changes.length === 0) return;
  const listed = changes.slice(0, CHANGES_LISTED);
  throw new DomainError(
    'VERSION_CONFLICT',
    `The organisation "${organisationId}" changed after this was planned (${changes.length} change${
      changes.length === 1 ? '' : 's'
    }: ${listed
      .slice(0, 5)
      .map((c) => `${c.kind} "${c.id}" ${c.change.toLowerCase()}`)
      .join(', ')}${changes.length > 5 ? ', …' : ''}); nothing was written: plan it again.`,
    { kind: 'organisation', id: organisationId, changes: listed, changeCount: changes.length },
  );
}
