/**
 * Timers the reader can cancel. The Clock's `sleep` cannot be cancelled and holds the process
 * open, so scheduled refreshes and backoff waits go through these, and `close()` clears them all.
 */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Node's timers, unref'd: a reader never keeps its host process alive. */
export const systemTimers: Timers = {
  setTimeout(callback, ms) {
    const handle = setTimeout(callback, Math.max(0, ms));
    handle.unref();
    return handle;
  },
  clearTimeout(handle) {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};

/** The timers one reader owns: every one of them is cleared, and every wait released, on `clear()`. */
export class TimerSet {
  private readonly handles = new Set<unknown>();
  private readonly waits = new Set<() => void>();
  private cleared = false;

  constructor(private readonly timers: Timers) {}

  /** Runs `callback` after `ms`; returns a function that cancels it. */
  schedule(ms: number, callback: () => void): () => void {
    if (this.cleared) return () => {};
    const handle = this.timers.setTimeout(() => {
      this.handles.delete(handle);
      callback();
    }, ms);
    this.handles.add(handle);
    return () => {
      if (this.handles.delete(handle)) this.timers.clearTimeout(handle);
    };
  }

  /** Resolves after `ms`, or at once when the set is cleared (callers then see that they are closed). */
  sleep(ms: number): Promise<void> {
    if (this.cleared) return Promise.resolve();
    return new Promise((resolve) => {
      const release = (): void => {
        this.waits.delete(release);
        cancel();
        resolve();
      };
      const cancel = this.schedule(ms, release);
      this.waits.add(release);
    });
  }

  get size(): number {
    return this.handles.size;
  }

  clear(): void {
    this.cleared = true;
    for (const release of [...this.waits]) release();
    for (const handle of this.handles) this.timers.clearTimeout(handle);
    this.handles.clear();
  }
}
