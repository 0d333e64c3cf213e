/**
 * When and how long to retry a failed Genesys call. Pure functions of the response, so that the
 * HTTP layer stays a plain loop and tests can shrink every wait with `timeScale`.
 */
export interface RetryPolicy {
  /** Attempts in total, the first included (for failures the service may have acted on). */
  maxAttempts: number;
  /**
   * When set, a request the service did not process (429, 503, "too busy") is retried while its
   * waits add up to at most this (in ms, before `timeScale`), however many attempts that takes:
   * a long 429 storm must slow a deploy down, not fail it. Unset: those count against
   * `maxAttempts` too.
   */
  maxRetryMs?: number | undefined;
  /** First backoff before jitter, in ms; doubles per attempt. */
  baseDelayMs: number;
  /** Cap of one backoff, in ms. */
  maxDelayMs: number;
  /**
   * A `Retry-After` longer than this (in ms) is not waited for: the call fails and says so.
   * Genesys's own Go SDK and CLI give up above 180 s.
   */
  maxRetryAfterMs: number;
  /** Multiplies every wait, `Retry-After` included. 1 in production; e.g. 0.001 in tests. */
  timeScale: number;
  /** Source of jitter in [0, 1). */
  random: () => number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 6,
  maxRetryMs: 600_000,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 180_000,
  timeScale: 1,
  random: Math.random,
};

/** What went wrong with one attempt, as far as retrying is concerned. */
export type AttemptOutcome =
  | {
      kind: 'response';
      status: number;
      code?: string | undefined;
      retryAfterHeader?: string | null | undefined;
    }
  | {
      kind: 'network';
      timeout: boolean;
      /** The host name does not resolve (ENOTFOUND): a wrong region or URL, not a blip. */
      unresolved?: boolean;
    };

export type RetryDecision =
  { retry: false; reason: string } | { retry: true; delayMs: number; rateLimited: boolean; reason: string };

/** Codes that mean "busy, try later" whatever the status says. */
const BUSY_CODES = new Set(['flows.datatables.server.too.busy', 'service.unavailable']);

/**
 * Decides whether attempt number `attempt` (1-based) is retried; `elapsedMs` is the time already
 * spent waiting to retry this request.
 *
 * - 429 and 503 (and the data-tables "too busy" code) mean the request was not processed, so
 *   every method is retried.
 * - 502, 504, connection resets and timeouts leave it unknown whether the service acted; only
 *   idempotent requests (GET, PUT, DELETE) are retried, so a POST never creates a row twice.
 * - Other 5xx answers to a read (GET) are retried too: a read changes nothing, and one failed
 *   read (a verify, an import-job poll) must not fail a deploy.
 * - Any other status is final.
 */
export function decideRetry(
  outcome: AttemptOutcome,
  attempt: number,
  idempotent: boolean,
  policy: RetryPolicy,
  readOnly = false,
  elapsedMs = 0,
): RetryDecision {
  const decision = decideRetryByOutcome(outcome, attempt, idempotent, policy, readOnly);
  if (!decision.retry) return decision;
  const notProcessed =
    outcome.kind === 'response' &&
    (outcome.status === 429 ||
      outcome.status === 503 ||
      (outcome.code !== undefined && BUSY_CODES.has(outcome.code)));
  if (notProcessed && policy.maxRetryMs !== undefined) {
    const budget = policy.maxRetryMs * policy.timeScale;
    if (elapsedMs + decision.delayMs > budget)
      return {
        retry: false,
        reason: `gave up after ${attempt} attempts over ${Math.round(elapsedMs / policy.timeScale / 1000)} s (the retry budget is ${policy.maxRetryMs / 1000} s)`,
      };
    return decision;
  }
  if (attempt >= policy.maxAttempts) return { retry: false, reason: `gave up after ${attempt} attempts` };
  return decision;
}

function decideRetryByOutcome(
  outcome: AttemptOutcome,
  attempt: number,
  idempotent: boolean,
  policy: RetryPolicy,
  readOnly: boolean,
): RetryDecision {
  if (outcome.kind === 'network') {
    // Once more for a resolver blip; after that a name that does not resolve is a wrong address.
    if (outcome.unresolved && attempt >= 2)
      return { retry: false, reason: 'the host name does not resolve; check the region or URL' };
    if (!idempotent) return { retry: false, reason: 'the request may have been processed; not repeated' };
    return {
      retry: true,
      rateLimited: false,
      delayMs: backoffMs(attempt, policy),
      reason: outcome.timeout ? 'timed out' : 'connection failed',
    };
  }
  const { status, code } = outcome;
  if (status === 429) {
    const retryAfter = parseRetryAfterMs(outcome.retryAfterHeader);
    if (retryAfter !== undefined && retryAfter > policy.maxRetryAfterMs) {
      return {
        retry: false,
        reason: `Retry-After of ${retryAfter / 1000} s is longer than the ${policy.maxRetryAfterMs / 1000} s allowed`,
      };
    }
    const delayMs = retryAfter !== undefined ? retryAfter * policy.timeScale : backoffMs(attempt, policy);
    return { retry: true, rateLimited: true, delayMs, reason: 'rate limited (429)' };
  }
  if (status === 503 || (code !== undefined && BUSY_CODES.has(code))) {
    return {
      retry: true,
      rateLimited: false,
      delayMs: backoffMs(attempt, policy),
      reason: `service busy (${status})`,
    };
  }
  if (((status === 502 || status === 504) && idempotent) || (status >= 500 && readOnly)) {
    return {
      retry: true,
      rateLimited: false,
      delayMs: backoffMs(attempt, policy),
      reason: `gateway error (${status})`,
    };
  }
  return { retry: false, reason: `status ${status} is not retried` };
}

/** Exponential backoff with "equal jitter": half fixed, half random, capped, then scaled. */
export function backoffMs(attempt: number, policy: RetryPolicy): number {
  const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return (exponential / 2 + policy.random() * (exponential / 2)) * policy.timeScale;
}

/** `Retry-After` as delta-seconds or an HTTP date, in ms; undefined when absent or unreadable. */
export function parseRetryAfterMs(
  header: string | null | undefined,
  now: number = Date.now(),
): number | undefined {
  if (header === null || header === undefined || header.trim() === '') return undefined;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
