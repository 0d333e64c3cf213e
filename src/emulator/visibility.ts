/**
 * The eventually consistent read view. Writes change the true state at once; each also records a
 * version of the entry it wrote (a value, or `undefined` for "absent") with the time it becomes
 * visible. A read at time t sees, per key, the last-written version whose visibleAt <= t, or the
 * value from before the window when none is visible yet. So a later write that happens to become
 * visible first hides an earlier one for good, as a replica that applied it would.
 *
 * Only keys written within the window are held; everything else reads the true state directly,
 * and versions that are visible and superseded are dropped as soon as a read meets them.
 */
interface Version<V> {
  value: V | undefined;
  visibleAt: number;
}

interface Pending<V> {
  /** What reads see until the first version becomes visible. */
  base: V | undefined;
  /** In write order. */
  versions: Version<V>[];
}

export class LaggingView<V> {
  private readonly pending = new Map<string, Pending<V>>();
  /** The latest visibleAt recorded: from then on every key reads the true state. */
  private settledAt = -Infinity;

  /**
   * Records a write of `key` made at `now`. `before` is the value the write replaced (the base
   * when the key has no pending versions yet); `after` the value it wrote.
   */
  record(key: string, before: V | undefined, after: V | undefined, visibleAt: number, now: number): void {
    if (visibleAt <= now) {
      // Visible at once and written last: it supersedes every pending version of the key.
      this.pending.delete(key);
      return;
    }
    const entry = this.pending.get(key);
    if (entry) entry.versions.push({ value: after, visibleAt });
    else this.pending.set(key, { base: before, versions: [{ value: after, visibleAt }] });
    this.settledAt = Math.max(this.settledAt, visibleAt);
  }

  /** What a read of `key` at `now` sees; `truth` is its current true value. */
  read(key: string, truth: V | undefined, now: number): V | undefined {
    this.dropIfSettled(now);
    const entry = this.pending.get(key);
    return entry ? this.settle(key, entry, now) : truth;
  }

  /**
   * Everything a read at `now` sees: the true entries in their order (each as the view has it),
   * then entries the truth no longer has but the view still shows.
   */
  values(truth: ReadonlyMap<string, V>, now: number): V[] {
    this.dropIfSettled(now);
    if (this.pending.size === 0) return [...truth.values()];
    const seen: V[] = [];
    for (const [key, value] of truth) {
      const entry = this.pending.get(key);
      const visible = entry ? this.settle(key, entry, now) : value;
      if (visible !== undefined) seen.push(visible);
    }
    for (const [key, entry] of [...this.pending]) {
      if (truth.has(key)) continue;
      const visible = this.settle(key, entry, now);
      if (visible !== undefined) seen.push(visible);
    }
    return seen;
  }

  /** What a read at `now` sees of each key with pending versions; every other key reads the truth. */
  overrides(now: number): Map<string, V | undefined> {
    this.dropIfSettled(now);
    const seen = new Map<string, V | undefined>();
    for (const [key, entry] of [...this.pending]) seen.set(key, this.settle(key, entry, now));
    return seen;
  }

  /** Forgets a key's pending versions (its reads follow the truth again). */
  forget(key: string): void {
    this.pending.delete(key);
  }

  clear(): void {
    this.pending.clear();
    this.settledAt = -Infinity;
  }

  /** Keys with versions not yet visible or not yet pruned (for tests and the admin view). */
  get pendingCount(): number {
    return this.pending.size;
  }

  /** Resolves a key at `now`, pruning versions that no read can see any more. */
  private settle(key: string, entry: Pending<V>, now: number): V | undefined {
    let latest = -1;
    for (let index = entry.versions.length - 1; index >= 0; index--) {
      if (entry.versions[index]!.visibleAt <= now) {
        latest = index;
        break;
      }
    }
    if (latest === -1) return entry.base;
    const visible = entry.versions[latest]!.value;
    if (latest === entry.versions.length - 1) this.pending.delete(key);
    else {
      entry.base = visible;
      entry.versions.splice(0, latest + 1);
    }
    return visible;
  }

  private dropIfSettled(now: number): void {
    if (this.pending.size > 0 && now >= this.settledAt) this.pending.clear();
  }
}
