import { describe, expect, it } from 'vitest';
import { budgetFraction, runStorm } from '../helpers/storm.js';

/**
 * The real client (rate budget, retries bounded by time, Retry-After) against a simulated
 * service in simulated time: storms of a minute run in milliseconds. What is asserted is the
 * behaviour — no request fails, the rate is back to the full budget soon after — the figures
 * themselves are printed by `npm run bench` (storms).
 */
const BUDGET = 300;
const budgetSamplesAfter = (run: Awaited<ReturnType<typeof runStorm>>, fromMs: number) =>
  run.rateSamples.filter((sample) => sample.at >= fromMs).map((sample) => sample.perMinute);

describe('429 storms in simulated time', () => {
  for (const seconds of [10, 30, 60])
    it(`a ${seconds} s storm slows requests down, fails none, and the rate is whole again 5 s after it`, async () => {
      const end = 20_000 + seconds * 1_000;
      const run = await runStorm({
        budgetPerMinute: BUDGET,
        storms: [{ startMs: 20_000, endMs: end }],
        durationMs: end + 20_000,
      });
      expect(run.failed).toBe(0);
      expect(run.rateLimited).toBeGreaterThan(0);
      // Nothing succeeds inside the storm; afterwards the budget is used again.
      expect(run.completions.filter((at) => at >= 20_000 + 1_000 && at < end)).toEqual([]);
      expect(Math.min(...budgetSamplesAfter(run, end + 5_000))).toBe(BUDGET);
      expect(budgetFraction(run, BUDGET, end + 5_000, end + 20_000)).toBeGreaterThan(0.9);
    });

  it('20 % random 429s: no request fails', async () => {
    const run = await runStorm({ budgetPerMinute: BUDGET, random429: 0.2, durationMs: 60_000 });
    expect(run.failed).toBe(0);
    expect(run.rateLimited).toBeGreaterThan(0);
    expect(run.completions.length).toBeGreaterThan(0);
  });

  it('a service limit far below the configured budget: no request fails, the service rate is used', async () => {
    const run = await runStorm({ budgetPerMinute: BUDGET, serviceLimitPerMinute: 60, durationMs: 180_000 });
    expect(run.failed).toBe(0);
    expect(budgetFraction(run, 60, 60_000, 180_000)).toBeGreaterThan(0.9);
  });
});
