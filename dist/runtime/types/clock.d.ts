/** Time, behind an interface so that tests and benchmarks can observe or shrink it. */
export interface Clock {
    /** Milliseconds since the epoch. */
    now(): number;
    /** Resolves after `ms` milliseconds (at once for 0 or less). */
    sleep(ms: number): Promise<void>;
}
export declare const systemClock: Clock;
