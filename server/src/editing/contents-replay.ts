import { byRecordKind, isScenarioRecordKind, type RecordKind, type TaggedRecord } from '../domain/records.ts';
import { cascadesOf, idsAt, REFERENCES } from '../domain/rules.ts';

const keyOf = (kind: string, id: string) => `${kind}\u0000${id}`;

/** The records a record refers to (and, in a scenario, its scenario), as keys. */
function targetsOf({ kind, record }: TaggedRecord): string[] {
  const values = record as unknown as Record<string, unknown>;
  const targets = REFERENCES[kind].flatMap((ref) => idsAt(ref, values).map((id) => keyOf(ref.kind, id)));
  if (isScenarioRecordKind(kind)) targets.push(keyOf('scenario', (record as { scenarioId: string }).scenarioId));
  return targets;
}

/**
 * An organisation's records replayed from history entries: after-images set one record each,
 * and a delete takes what the stores' delete takes with it (GraphStore.deleteRecord, derived
 * from `cascadesOf` as both adapters' are). So a delete's entry needs no snapshot of the whole
 * organisation: the cascade follows from the state before it, which the replay holds.
 * Who refers to whom is indexed at the first delete replayed (a replay without deletes costs no
 * index: 170,000 records take about 0.7 s to index), so a delete costs what it touches.
 */
export class ContentsReplay {
  private readonly records = new Map<string, TaggedRecord>();
  /** For each record's key, the keys of the records that refer to it (or are in it, for a scenario); null until a delete needs it. */
  private referrers: Map<string, Set<string>> | null = null;

  constructor(records: readonly TaggedRecord[]) {
    for (const tagged of records) this.put(tagged);
  }

  put(tagged: TaggedRecord): void {
    const key = keyOf(tagged.kind, tagged.record.id);
    this.unindex(key);
    this.records.set(key, tagged);
    this.index(key, tagged);
  }

  private index(key: string, tagged: TaggedRecord): void {
    if (!this.referrers) return;
    for (const target of targetsOf(tagged)) {
      let set = this.referrers.get(target);
      if (!set) this.referrers.set(target, (set = new Set()));
      set.add(key);
    }
  }

  private referrersOf(key: string): Set<string> | undefined {
    if (!this.referrers) {
      this.referrers = new Map();
      for (const [recordKey, tagged] of this.records) this.index(recordKey, tagged);
    }
    return this.referrers.get(key);
  }

  /** Deletes a record with its cascades: referrers deleted, their reference cleared, or the id removed from their list. */
  delete(kind: RecordKind, id: string): void {
    const pending: Array<[RecordKind, string]> = [[kind, id]];
    for (let next = pending.pop(); next; next = pending.pop()) {
      const [doomedKind, doomedId] = next;
      const key = keyOf(doomedKind, doomedId);
      if (!this.records.has(key)) continue;
      for (const referrerKey of [...(this.referrersOf(key) ?? [])]) {
        const referrer = this.records.get(referrerKey);
        if (!referrer) continue;
        if (doomedKind === 'scenario' && isScenarioRecordKind(referrer.kind)) {
          if ((referrer.record as { scenarioId: string }).scenarioId === doomedId) {
            pending.push([referrer.kind, referrer.record.id]);
            continue;
          }
        }
        this.cascade(referrer, doomedKind, doomedId, pending);
      }
      this.unindex(key);
      this.records.delete(key);
      this.referrers?.delete(key);
    }
  }

  /** What deleting `doomedId` does to one record that refers to it (see `cascadesOf`). */
  private cascade(
    referrer: TaggedRecord,
    doomedKind: RecordKind,
    doomedId: string,
    pending: Array<[RecordKind, string]>,
  ): void {
    const values = referrer.record as unknown as Record<string, unknown>;
    let changed: Record<string, unknown> | null = null;
    for (const cascade of cascadesOf(doomedKind)) {
      if (cascade.kind !== referrer.kind) continue;
      const ref = REFERENCES[referrer.kind].find((candidate) => candidate.field === cascade.field)!;
      if (!idsAt(ref, changed ?? values).includes(doomedId)) continue;
      if (cascade.action === 'delete') {
        pending.push([referrer.kind, referrer.record.id]);
        return;
      }
      changed ??= { ...values };
      changed[cascade.field] =
        cascade.action === 'clear' ? null : (changed[cascade.field] as string[]).filter((id) => id !== doomedId);
    }
    if (changed) this.put({ kind: referrer.kind, record: changed } as unknown as TaggedRecord);
  }

  private unindex(key: string): void {
    const old = this.records.get(key);
    if (!old || !this.referrers) return;
    for (const target of targetsOf(old)) this.referrers.get(target)?.delete(key);
  }

  /** The records, ordered by kind as the stores list them (RECORD_KINDS), each kind in replay order. */
  contents(): TaggedRecord[] {
    return [...this.records.values()].sort(byRecordKind);
  }
}
