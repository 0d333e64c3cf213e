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
export declare class ChangeNotifier {
    private readonly timers;
    private readonly timeoutMs;
    private readonly counters;
    private readonly logger;
    private readonly listeners;
    private queue;
    private closed;
    constructor(timers: TimerSet, timeoutMs: number, counters: Counters, logger: Logger);
    add(listener: ChangeListener): () => void;
    notify(table: string, change: TableChange): void;
    /** Resolves when every listener queued so far has run (or timed out). */
    idle(): Promise<void>;
    close(): void;
    private runOne;
}
/** The keys whose rows differ between two snapshots. */
export declare function changedKeys(before: TableSnapshot | undefined, after: TableSnapshot): string[];
