import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { RateBudget } from '../../src/genesys/rate-budget.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Acquires `count` slots, releasing each at once, and records when each was granted. */
function grantTimes(budget: RateBudget, count: number): number[] {
  const start = Date.now();
  const times: number[] = [];
  for (let index = 0; index < count; index++) {
    void budget.acquire().then((release) => {
      times.push(Date.now() - start);
      release();
    });
  }
  return times;
}

describe('RateBudget', () => {
  it('lets a burst through, then one request per 1/rate', async () => {
    const budget = new RateBudget({ requestsPerMinute: 60, burst: 2, maxConcurrency: 10 });
    const times = grantTimes(budget, 5);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(times).toEqual([0, 0, 1_000, 2_000, 3_000]);
  });

  it('defaults the burst to one second of the rate', async () => {
    const budget = new RateBudget({ requestsPerMinute: 300, maxConcurrency: 10 });
    const times = grantTimes(budget, 7);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(times.filter((time) => time === 0)).toHaveLength(5);
    expect(times.slice(5)).toEqual([200, 400]);
  });

  it('never has more than maxConcurrency requests in flight', async () => {
    const budget = new RateBudget({ requestsPerMinute: 60_000, burst: 100, maxConcurrency: 3 });
    let active = 0;
    let peak = 0;
    const work = Array.from({ length: 12 }, async () => {
      const release = await budget.acquire();
      active += 1;
      peak = Math.max(peak, active);
      await new Promise((resolve) => setTimeout(resolve, 50));
      active -= 1;
      release();
    });
    await vi.advanceTimersByTimeAsync(1_000);
    await Promise.all(work);
    expect(peak).toBe(3);
    expect(budget.stats().granted).toBe(12);
  });

  it('serves waiters first come, first served', async () => {
    const budget = new RateBudget({ requestsPerMinute: 600, burst: 1, maxConcurrency: 1 });
    const order: number[] = [];
    for (let index = 0; index < 4; index++)
      void budget.acquire().then((release) => (order.push(index), release()));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(order).toEqual([0, 1, 2, 3]);
  });

  it('pauses everyone for Retry-After after a 429 and lowers the rate; successes win it back', async () => {
    const budget = new RateBudget({ requestsPerMinute: 600, burst: 10, maxConcurrency: 10 });
    budget.penalise(2_000);
    expect(budget.stats().throttledBy429).toBe(1);
    expect(budget.stats().currentRatePerMinute).toBeCloseTo(510, 5);
    const times = grantTimes(budget, 2);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(times).toEqual([]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(times[0]).toBe(2_000);
    // 0.85 per 429, floored at a tenth of the configured rate.
    for (let index = 0; index < 20; index++) budget.penalise(0);
    expect(budget.stats().currentRatePerMinute).toBeCloseTo(60, 5);
    for (let index = 0; index < 100; index++) budget.reward();
    expect(budget.stats().currentRatePerMinute).toBeCloseTo(600, 5);
  });

  it('cuts the rate once for the 429s of one pause, not once per request in flight', () => {
    const budget = new RateBudget({ requestsPerMinute: 600, maxConcurrency: 10 });
    for (let index = 0; index < 8; index++) budget.penalise(1_000);
    expect(budget.stats()).toMatchObject({ throttledBy429: 8 });
    expect(budget.stats().currentRatePerMinute).toBeCloseTo(510, 5);
  });

  it('wins the rate back with time after a pause: half the budget a second', async () => {
    const budget = new RateBudget({ requestsPerMinute: 600, maxConcurrency: 10 });
    for (let index = 0; index < 3; index++) {
      budget.penalise(1_000);
      await vi.advanceTimersByTimeAsync(1_000);
    }
    // 600 × 0.85³
    expect(budget.stats().currentRatePerMinute).toBeCloseTo(368.475, 3);
    await vi.advanceTimersByTimeAsync(200);
    expect(budget.stats().currentRatePerMinute).toBeCloseTo(428.475, 3);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(budget.stats().currentRatePerMinute).toBeCloseTo(600, 5);
  });

  it('is back above 90 % of the budget within 5 s of the end of a 30 s storm', async () => {
    const budget = new RateBudget({ requestsPerMinute: 300, maxConcurrency: 10 });
    for (let second = 0; second < 30; second++) {
      budget.penalise(1_000);
      await vi.advanceTimersByTimeAsync(1_000);
    }
    expect(budget.stats().currentRatePerMinute).toBeCloseTo(30, 5);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(budget.stats().currentRatePerMinute).toBeGreaterThanOrEqual(270);
  });

  it('refuses nonsense settings', () => {
    expect(() => new RateBudget({ requestsPerMinute: 0, maxConcurrency: 1 })).toThrow(RangeError);
    expect(() => new RateBudget({ requestsPerMinute: 10, maxConcurrency: 0 })).toThrow(RangeError);
  });
});
