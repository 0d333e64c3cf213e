import type { Clock } from '../clock.js';
export interface RateBudgetOptions {
    /** Requests allowed per minute for this process (Genesys's default per token is 300). */
    requestsPerMinute: number;
    /** How many requests may start back to back after an idle spell. Default: one second's worth. */
    burst?: number;
    /** Requests in flight at once. */
    maxConcurrency: number;
    clock?: Clock;
}
export interface RateBudgetStats {
    granted: number;
    throttledBy429: number;
    /** The rate currently allowed, per minute (lower than configured after 429s). */
    currentRatePerMinute: number;
}
/** Returned by {@link RateBudget.acquire}; call it once the response has arrived. */
export type Release = () => void;
/**
 * One token bucket and one concurrency limit shared by every request of a process.
 *
 * Genesys limits requests per OAuth token and per minute, and the limit is shared with every
 * other integration using the same client, so the budget is configurable below the service's
 * limit. When the service still answers 429, {@link penalise} stops every request until
 * `Retry-After` has passed and lowers the rate (multiplicative decrease, once per pause: the
 * 429s of requests that were in flight together are one signal, not many); once the pause is
 * over the rate climbs back with time (additive increase, half the configured rate per second,
 * so it is back to full within about 2 s of a storm's end), and successes speed that up.
 * A steady 429 storm therefore slows the whole process down instead of each request retrying on
 * its own schedule, and the budget is not lost for long after it.
 */
export declare class RateBudget {
    private readonly configuredPerMs;
    private ratePerMs;
    private readonly capacity;
    private tokens;
    private lastRefill;
    private pausedUntil;
    /** Up to when the rate's recovery has been counted. */
    private recoveredTo;
    private active;
    private readonly waiters;
    private timerSet;
    private readonly clock;
    private readonly maxConcurrency;
    private granted;
    private throttled;
    constructor(options: RateBudgetOptions);
    /** Waits for a concurrency slot and a token (first come, first served). */
    acquire(): Promise<Release>;
    /** The service answered 429: nobody sends for `retryAfterMs`, and the rate drops. */
    penalise(retryAfterMs: number): void;
    /** A request succeeded: win back a little of the rate lost to 429s. */
    reward(): void;
    stats(): RateBudgetStats;
    /** Time since the last pause ended wins the rate back: half the configured rate a second. */
    private recover;
    private refill;
    private pump;
    /** Waits through the Clock, so that a simulated clock runs 429 storms in simulated time. */
    private schedule;
}
