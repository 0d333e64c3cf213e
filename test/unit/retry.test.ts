import { describe, expect, it } from 'vitest';
import {
  backoffMs,
  decideRetry,
  DEFAULT_RETRY_POLICY,
  parseRetryAfterMs,
  type RetryPolicy,
} from '../../src/genesys/retry.js';

const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, random: () => 0.5 };
const response = (status: number, extra: { code?: string; retryAfterHeader?: string } = {}) => ({
  kind: 'response' as const,
  status,
  ...extra,
});

describe('decideRetry', () => {
  it.each([
    [429, true, true],
    [429, false, true],
    [503, false, true],
    [502, true, true],
    [502, false, false],
    [504, true, true],
    [504, false, false],
    [500, true, false],
    [400, true, false],
    [403, true, false],
    [404, true, false],
    [409, true, false],
  ])('status %i, idempotent %s → retry %s', (status, idempotent, expected) => {
    expect(decideRetry(response(status), 1, idempotent, policy).retry).toBe(expected);
  });

  it('retries any 5xx answer to a read, and no 500 to a write', () => {
    for (const status of [500, 501, 505])
      expect(decideRetry(response(status), 1, true, policy, true).retry, String(status)).toBe(true);
    expect(decideRetry(response(500), 1, true, policy, false).retry).toBe(false);
    expect(decideRetry(response(500), 1, false, policy, false).retry).toBe(false);
    expect(decideRetry(response(404), 1, true, policy, true).retry).toBe(false);
  });

  it('retries the data-tables "too busy" code whatever the status', () => {
    expect(
      decideRetry(response(500, { code: 'flows.datatables.server.too.busy' }), 1, false, policy).retry,
    ).toBe(true);
  });

  it('retries network failures only for idempotent requests', () => {
    expect(decideRetry({ kind: 'network', timeout: false }, 1, true, policy)).toMatchObject({
      retry: true,
      reason: 'connection failed',
    });
    expect(decideRetry({ kind: 'network', timeout: true }, 1, true, policy)).toMatchObject({
      retry: true,
      reason: 'timed out',
    });
    expect(decideRetry({ kind: 'network', timeout: false }, 1, false, policy).retry).toBe(false);
  });

  it('waits exactly Retry-After on a 429, scaled, and marks it rate-limited', () => {
    expect(decideRetry(response(429, { retryAfterHeader: '7' }), 1, true, policy)).toEqual({
      retry: true,
      rateLimited: true,
      delayMs: 7_000,
      reason: 'rate limited (429)',
    });
    const fast = { ...policy, timeScale: 0.001 };
    expect(decideRetry(response(429, { retryAfterHeader: '7' }), 1, true, fast)).toMatchObject({
      delayMs: 7,
    });
  });

  it('backs off exponentially on a 429 without Retry-After', () => {
    expect(decideRetry(response(429), 3, true, policy)).toMatchObject({ retry: true, delayMs: 1_500 });
  });

  it('gives up when Retry-After is longer than allowed, and after the last attempt', () => {
    const long = decideRetry(response(429, { retryAfterHeader: '600' }), 1, true, policy);
    expect(long).toMatchObject({ retry: false });
    expect((long as { reason: string }).reason).toMatch(/600 s/);
    expect(decideRetry(response(502), policy.maxAttempts, true, policy)).toMatchObject({
      retry: false,
      reason: 'gave up after 6 attempts',
    });
    // What the service did not process is bounded by time when the policy has a budget.
    const timed = { ...policy, maxRetryMs: 60_000 };
    expect(decideRetry(response(503), 60, true, timed, false, 10_000).retry).toBe(true);
    expect(
      decideRetry(response(429, { retryAfterHeader: '1' }), 200, false, timed, false, 59_500),
    ).toMatchObject({
      retry: false,
      reason: 'gave up after 200 attempts over 60 s (the retry budget is 60 s)',
    });
    expect(
      decideRetry(response(503), policy.maxAttempts, true, { ...policy, maxRetryMs: undefined }).retry,
    ).toBe(false);
  });
});

describe('backoffMs', () => {
  it('doubles per attempt, stays between half and all of the step, and is capped', () => {
    const low = { ...policy, random: () => 0 };
    const high = { ...policy, random: () => 0.999999 };
    expect(backoffMs(1, low)).toBe(250);
    expect(backoffMs(1, high)).toBeCloseTo(500, 0);
    expect(backoffMs(2, low)).toBe(500);
    expect(backoffMs(4, low)).toBe(2_000);
    expect(backoffMs(20, high)).toBeLessThanOrEqual(30_000);
    expect(backoffMs(20, low)).toBe(15_000);
  });
});

describe('parseRetryAfterMs', () => {
  it('reads seconds, fractions and HTTP dates, and ignores junk', () => {
    expect(parseRetryAfterMs('42')).toBe(42_000);
    expect(parseRetryAfterMs(' 1.5 ')).toBe(1_500);
    const now = Date.parse('2026-11-22T10:00:00Z');
    expect(parseRetryAfterMs('Sun, 22 Nov 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfterMs('Sun, 22 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfterMs('soon')).toBeUndefined();
    expect(parseRetryAfterMs(null)).toBeUndefined();
    expect(parseRetryAfterMs('')).toBeUndefined();
  });
});

describe('a host name that does not resolve', () => {
  it('is tried once more (a resolver blip), then not again', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, random: () => 0 };
    const outcome = { kind: 'network' as const, timeout: false, unresolved: true };
    expect(decideRetry(outcome, 1, true, policy).retry).toBe(true);
    const second = decideRetry(outcome, 2, true, policy);
    expect(second).toMatchObject({ retry: false });
    expect(second.reason).toContain('does not resolve');
  });
});
