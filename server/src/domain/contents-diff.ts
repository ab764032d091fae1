import type { OrganisationContents, RecordKind, TaggedRecord } from './records.ts';
import { RECORD_KINDS } from './records.ts';

/** How many records of one kind a change from one state to another adds, removes and changes. */
export interface KindDiff {
  kind: RecordKind;
  added: number;
  removed: number;
  changed: number;
}

export interface ContentsDiff {
  /** Whether the organisation's own fields (name, kind, description, levels) differ. */
  isOrganisationChanged: boolean;
  /** Kinds with at least one difference, in `RECORD_KINDS` order. */
  kinds: KindDiff[];
}

/** JSON with object keys sorted at every depth, so that equal contents give equal text. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${stableJson(field)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** A record's fields without its version, which any save bumps without changing the content. */
function contentOf(record: object): string {
  const { version: _version, ...fields } = record as { version?: number };
  return stableJson(fields);
}

/**
 * What turning `from` into `to` would do, per record kind: records only in `to` are added, those
 * only in `from` removed, those in both with other fields (the version aside) changed. A restore
 * preview says this about the current state and the state being restored. O(n) in the records.
 */
export function diffContents(from: OrganisationContents, to: OrganisationContents): ContentsDiff {
  const keyOf = (tagged: TaggedRecord) => `${tagged.kind}\u0000${tagged.record.id}`;
  const before = new Map(from.records.map((tagged) => [keyOf(tagged), tagged]));
  const counts = new Map<RecordKind, KindDiff>(
    RECORD_KINDS.map((kind) => [kind, { kind, added: 0, removed: 0, changed: 0 }]),
  );
  for (const tagged of to.records) {
    const count = counts.get(tagged.kind)!;
    const old = before.get(keyOf(tagged));
    if (!old) count.added += 1;
    else if (contentOf(old.record) !== contentOf(tagged.record)) count.changed += 1;
    before.delete(keyOf(tagged));
  }
  for (const gone of before.values()) counts.get(gone.kind)!.removed += 1;
  return {
    isOrganisationChanged: contentOf(from.organisation) !== contentOf(to.organisation),
    kinds: [...counts.values()].filter((c) => c.added + c.removed + c.changed > 0),
  };
}
