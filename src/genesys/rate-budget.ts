import type { Clock } from '../clock.js';
import { systemClock } from '../clock.js';

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

/** How fast the rate climbs back after a 429 pause: a share of the configured rate per ms. */
const RECOVERY_PER_MS = 0.5 / 1_000;

/** The rate kept after a 429 pause (multiplicative decrease), and its floor. */
const DECREASE = 0.85;
const FLOOR = 0.1;

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
export class RateBudget {
  private readonly configuredPerMs: number;
  private ratePerMs: number;
  private readonly capacity: number;
  private tokens: number;
  private lastRefill: number;
  private pausedUntil = 0;
  /** Up to when the rate's recovery has been counted. */
  private recoveredTo = 0;
  private active = 0;
  private readonly waiters: Array<() => void> = [];
  private timerSet = false;
  private readonly clock: Clock;
  private readonly maxConcurrency: number;
  private granted = 0;
  private throttled = 0;

  constructor(options: RateBudgetOptions) {
    if (!(options.requestsPerMinute > 0)) throw new RangeError('requestsPerMinute must be positive');
    if (!(options.maxConcurrency >= 1)) throw new RangeError('maxConcurrency must be at least 1');
    this.clock = options.clock ?? systemClock;
    this.configuredPerMs = options.requestsPerMinute / 60_000;
    this.ratePerMs = this.configuredPerMs;
    this.capacity = Math.max(1, options.burst ?? Math.ceil(options.requestsPerMinute / 60));
    this.tokens = this.capacity;
    this.lastRefill = this.clock.now();
    this.maxConcurrency = Math.floor(options.maxConcurrency);
  }

  /** Waits for a concurrency slot and a token (first come, first served). */
  acquire(): Promise<Release> {
    return new Promise<Release>((resolve) => {
      this.waiters.push(() => {
        let released = false;
        resolve(() => {
          if (released) return;
          released = true;
          this.active -= 1;
          this.pump();
        });
      });
      this.pump();
    });
  }

  /** The service answered 429: nobody sends for `retryAfterMs`, and the rate drops. */
  penalise(retryAfterMs: number): void {
    const now = this.clock.now();
    this.throttled += 1;
    this.recover(now);
    if (now >= this.pausedUntil)
      this.ratePerMs = Math.max(this.configuredPerMs * FLOOR, this.ratePerMs * DECREASE);
    this.pausedUntil = Math.max(this.pausedUntil, now + retryAfterMs);
    this.recoveredTo = this.pausedUntil;
    this.tokens = Math.min(this.tokens, 1);
  }

  /** A request succeeded: win back a little of the rate lost to 429s. */
  reward(): void {
    if (this.ratePerMs < this.configuredPerMs) {
      this.ratePerMs = Math.min(this.configuredPerMs, this.ratePerMs + this.configuredPerMs * 0.02);
    }
  }

  stats(): RateBudgetStats {
    this.recover(this.clock.now());
    return {
      granted: this.granted,
      throttledBy429: this.throttled,
      currentRatePerMinute: this.ratePerMs * 60_000,
    };
  }

  /** Time since the last pause ended wins the rate back: half the configured rate a second. */
  private recover(now: number): void {
    const from = Math.max(this.recoveredTo, this.pausedUntil);
    if (now <= from) return;
    if (this.ratePerMs < this.configuredPerMs)
      this.ratePerMs = Math.min(
        this.configuredPerMs,
        this.ratePerMs + (now - from) * RECOVERY_PER_MS * this.configuredPerMs,
      );
    this.recoveredTo = now;
  }

  private refill(now: number): void {
    this.recover(now);
    const elapsed = Math.max(0, now - this.lastRefill);
    this.tokens = Math.min(this.capacity, this.tokens + elapsed * this.ratePerMs);
    this.lastRefill = now;
  }

  private pump(): void {
    while (this.waiters.length > 0 && this.active < this.maxConcurrency) {
      const now = this.clock.now();
      this.refill(now);
      let waitMs = 0;
      if (now < this.pausedUntil) waitMs = this.pausedUntil - now;
      else if (this.tokens < 1) waitMs = Math.ceil((1 - this.tokens) / this.ratePerMs);
      if (waitMs > 0) {
        this.schedule(waitMs);
        return;
      }
      this.tokens -= 1;
      this.active += 1;
      this.granted += 1;
      this.waiters.shift()!();
    }
  }

  /** Waits through the Clock, so that a simulated clock runs 429 storms in simulated time. */
  private schedule(ms: number): void {
    if (this.timerSet) return;
    this.timerSet = true;
    void this.clock.sleep(ms).then(() => {
      this.timerSet = false;
      this.pump();
    });
  }
}
