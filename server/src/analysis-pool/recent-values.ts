/**
 * The last few values a worker thread made, by the version of the wire they were made from. A
 * version is never reused (a changed scenario is a new graph object, encoded under a new version),
 * so a kept value is never stale and needs no invalidation; only the most recently used are kept,
 * since a decoded national graph holds some 65 MB.
 */
export class RecentValues<T> {
  private readonly byVersion = new Map<number, T>();

  /** @param size values kept, least recently used leaving first (at least 1). */
  constructor(private readonly size: number) {}

  /** The value made for `version`, made now (by `make`) unless kept; a `make` that throws keeps nothing. */
  get(version: number, make: () => T): T {
    let value = this.byVersion.get(version);
    if (value === undefined) value = make();
    else this.byVersion.delete(version);
    this.byVersion.set(version, value);
    for (const oldest of this.byVersion.keys()) {
      if (this.byVersion.size <= this.size) break;
      this.byVersion.delete(oldest);
    }
    return value;
  }
}
