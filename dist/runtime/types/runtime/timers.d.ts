/**
 * Timers the reader can cancel. The Clock's `sleep` cannot be cancelled and holds the process
 * open, so scheduled refreshes and backoff waits go through these, and `close()` clears them all.
 */
export interface Timers {
    setTimeout(callback: () => void, ms: number): unknown;
    clearTimeout(handle: unknown): void;
}
/** Node's timers, unref'd: a reader never keeps its host process alive. */
export declare const systemTimers: Timers;
/** The timers one reader owns: every one of them is cleared, and every wait released, on `clear()`. */
export declare class TimerSet {
    private readonly timers;
    private readonly handles;
    private readonly waits;
    private cleared;
    constructor(timers: Timers);
    /** Runs `callback` after `ms`; returns a function that cancels it. */
    schedule(ms: number, callback: () => void): () => void;
    /** Resolves after `ms`, or at once when the set is cleared (callers then see that they are closed). */
    sleep(ms: number): Promise<void>;
    get size(): number;
    clear(): void;
}
