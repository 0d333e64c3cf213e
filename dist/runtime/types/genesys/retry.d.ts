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
export declare const DEFAULT_RETRY_POLICY: RetryPolicy;
/** What went wrong with one attempt, as far as retrying is concerned. */
export type AttemptOutcome = {
    kind: 'response';
    status: number;
    code?: string | undefined;
    retryAfterHeader?: string | null | undefined;
} | {
    kind: 'network';
    timeout: boolean;
    /** The host name does not resolve (ENOTFOUND): a wrong region or URL, not a blip. */
    unresolved?: boolean;
};
export type RetryDecision = {
    retry: false;
    reason: string;
} | {
    retry: true;
    delayMs: number;
    rateLimited: boolean;
    reason: string;
};
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
export declare function decideRetry(outcome: AttemptOutcome, attempt: number, idempotent: boolean, policy: RetryPolicy, readOnly?: boolean, elapsedMs?: number): RetryDecision;
/** Exponential backoff with "equal jitter": half fixed, half random, capped, then scaled. */
export declare function backoffMs(attempt: number, policy: RetryPolicy): number;
/** `Retry-After` as delta-seconds or an HTTP date, in ms; undefined when absent or unreadable. */
export declare function parseRetryAfterMs(header: string | null | undefined, now?: number): number | undefined;
