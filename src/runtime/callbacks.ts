import type { Logger } from '../logger.js';
import type { Counters } from './stats.js';
import type { TimerSet } from './timers.js';
import type { TableSnapshot } from './types.js';

/** What changed when a new snapshot of a table was installed. */
export interface TableChange {
  readonly before: TableSnapshot | undefined;
  readonly after: TableSnapshot;
  /** Keys added, removed or changed, in code-point order. */
  readonly changedKeys: readonly string[];
}

export type ChangeListener = (table: string, change: TableChange) => void | Promise<void>;

/**
 * Runs listeners one at a time, install after install, each bounded by a timeout. A listener that
 * throws or hangs is counted and logged; the others and the reader go on.
 */
export class ChangeNotifier {
  private readonly listeners = new Set<ChangeListener>();
  private queue: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    private readonly timers: TimerSet,
    private readonly timeoutMs: number,
    private readonly counters: Counters,
    private readonly logger: Logger,
  ) {}

  add(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  notify(table: string, change: TableChange): void {
    if (this.listeners.size === 0 || this.closed) return;
    const listeners = [...this.listeners];
    this.queue = this.queue.then(async () => {
      for (const listener of listeners) {
        if (this.closed) return;
        await this.runOne(listener, table, change);
      }
    });
  }

  /** Resolves when every listener queued so far has run (or timed out). */
  idle(): Promise<void> {
    return this.queue;
  }

  close(): void {
    this.closed = true;
  }

  private async runOne(listener: ChangeListener, table: string, change: TableChange): Promise<void> {
    let cancelTimeout = (): void => {};
    const timedOut = new Promise<'timeout'>((resolve) => {
      cancelTimeout = this.timers.schedule(this.timeoutMs, () => resolve('timeout'));
    });
    try {
      const run = Promise.resolve().then(() => listener(table, change));
      if ((await Promise.race([run.then(() => 'done' as const), timedOut])) === 'timeout') {
        this.counters.callbackFailures++;
        this.logger.warn(
          `An onChange callback for ${table} ran over ${this.timeoutMs} ms; the next one runs now.`,
        );
      }
    } catch (error) {
      this.counters.callbackFailures++;
      this.logger.warn(`An onChange callback for ${table} failed: ${(error as Error).message}`);
    } finally {
      cancelTimeout();
    }
  }
}

/** The keys whose rows differ between two snapshots. */
export function changedKeys(before: TableSnapshot | undefined, after: TableSnapshot): string[] {
  const changed: string[] = [];
  for (const [key, row] of after.rows) {
    const old = before?.rows.get(key);
    if (old === undefined || !sameRow(old, row)) changed.push(key);
  }
  for (const key of before?.rows.keys() ?? []) if (!after.rows.has(key)) changed.push(key);
  return changed.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function sameRow(left: Readonly<Record<string, unknown>>, right: Readonly<Record<string, unknown>>): boolean {
  const fields = Object.keys(left);
  if (fields.length !== Object.keys(right).length) return false;
  return fields.every((field) => Object.is(left[field], right[field]));
}
