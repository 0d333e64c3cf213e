import type { Clock } from '../../src/clock.js';
import { seededRandom } from '../../src/emulator/faults.js';
import { GenesysHttp } from '../../src/genesys/http.js';
import { RateBudget } from '../../src/genesys/rate-budget.js';
import { DEFAULT_RETRY_POLICY } from '../../src/genesys/retry.js';

/**
 * Discrete-event time: `sleep` registers a timer, and when every promise that can move has
 * moved (checked with setImmediate), time jumps to the earliest timer. A 60-second 429 storm
 * runs in milliseconds, with the client's own waits, budget and retries unchanged.
 */
export class SimulatedClock implements Clock {
  private time = 0;
  private sequence = 0;
  private timers: Array<{ at: number; sequence: number; resolve: () => void }> = [];
  private pending = false;

  now(): number {
    return this.time;
  }

  sleep(ms: number): Promise<void> {
    if (!(ms > 0)) return Promise.resolve();
    return new Promise((resolve) => {
      this.timers.push({ at: this.time + ms, sequence: this.sequence++, resolve });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.pending) return;
    this.pending = true;
    setImmediate(() => {
      this.pending = false;
      if (this.timers.length === 0) return;
      this.timers.sort((a, b) => a.at - b.at || a.sequence - b.sequence);
      const next = this.timers.shift()!;
      this.time = Math.max(this.time, next.at);
      next.resolve();
      if (this.timers.length > 0) this.schedule();
    });
  }
}

/** What the simulated service does: its own per-minute limit, 429 storms, random 429s. */
export interface StormScenario {
  /** Requests per minute the client is configured for. */
  budgetPerMinute: number;
  /** The service's own limit (a token bucket of one minute's worth, as Genesys). Default: none. */
  serviceLimitPerMinute?: number;
  /** Every request in [startMs, endMs) answers 429 with Retry-After 1. */
  storms?: Array<{ startMs: number; endMs: number }>;
  /** Each request answers 429 with this probability (seeded). */
  random429?: number;
  /** How long the workload runs (simulated ms). */
  durationMs: number;
  /** Requests in flight at once (default 8, the client's default). */
  concurrency?: number;
}

export interface StormRun {
  /** Completion times (simulated ms) of successful requests. */
  completions: number[];
  failed: number;
  rateLimited: number;
  /** The budget's rate (per minute) sampled every 250 ms. */
  rateSamples: Array<{ at: number; perMinute: number }>;
}

/**
 * Drives the real GenesysHttp (rate budget, retries by time, Retry-After) against a simulated
 * service in simulated time: `concurrency` workers send PUTs back to back until `durationMs`.
 */
export async function runStorm(scenario: StormScenario): Promise<StormRun> {
  const clock = new SimulatedClock();
  const random = seededRandom(7);
  const limit = scenario.serviceLimitPerMinute;
  const bucket = { tokens: limit ?? 0, at: 0 };
  const answer = (status: number, retryAfter?: number): Response =>
    new Response(status === 200 ? '{}' : '{"code":"too.many.requests.retry.after"}', {
      status,
      headers: retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) },
    });
  const fakeFetch = (async () => {
    const now = clock.now();
    if (scenario.storms?.some((storm) => now >= storm.startMs && now < storm.endMs)) return answer(429, 1);
    if (scenario.random429 !== undefined && random() < scenario.random429) return answer(429, 1);
    if (limit !== undefined) {
      bucket.tokens = Math.min(limit, bucket.tokens + ((now - bucket.at) * limit) / 60_000);
      bucket.at = now;
      if (bucket.tokens < 1)
        return answer(429, Math.max(1, Math.ceil(((1 - bucket.tokens) * 60_000) / limit / 1000)));
      bucket.tokens -= 1;
    }
    return answer(200);
  }) as typeof fetch;
  const concurrency = scenario.concurrency ?? 8;
  const budget = new RateBudget({
    requestsPerMinute: scenario.budgetPerMinute,
    maxConcurrency: concurrency,
    clock,
  });
  const http = new GenesysHttp({
    apiBase: 'https://api.simulated.test',
    tokens: { token: async () => 'token', invalidate: () => {} },
    budget,
    retry: { ...DEFAULT_RETRY_POLICY, random },
    timeoutMs: 30_000,
    fetch: fakeFetch,
    clock,
  });
  const run: StormRun = { completions: [], failed: 0, rateLimited: 0, rateSamples: [] };
  const sampler = (async () => {
    while (clock.now() < scenario.durationMs) {
      run.rateSamples.push({ at: clock.now(), perMinute: budget.stats().currentRatePerMinute });
      await clock.sleep(250);
    }
  })();
  const worker = async () => {
    while (clock.now() < scenario.durationMs) {
      try {
        await http.send({ method: 'PUT', path: '/api/v2/flows/datatables/t/rows/k', json: {} });
        run.completions.push(clock.now());
      } catch {
        run.failed += 1;
      }
    }
  };
  await Promise.all([sampler, ...Array.from({ length: concurrency }, worker)]);
  run.rateLimited = http.stats().rateLimited;
  return run;
}

/** Successful requests in [fromMs, toMs) as a fraction of what the budget allows in that time. */
export function budgetFraction(run: StormRun, budgetPerMinute: number, fromMs: number, toMs: number): number {
  const done = run.completions.filter((at) => at >= fromMs && at < toMs).length;
  return done / (((toMs - fromMs) / 60_000) * budgetPerMinute);
}
