/**
 * Per-token request limit. Modelled as a token bucket holding one minute's worth of requests
 * and refilling continuously: a client that keeps to N per minute on average is never refused,
 * as with the real service's per-minute limit. The limit is read on every request, so a
 * configuration change applies at once.
 */
export class TokenRateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perMinute: () => number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one request from the token's budget; returns the seconds to wait when none is left. */
  take(token: string): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    const limit = this.perMinute();
    const now = this.now();
    const perMs = limit / 60_000;
    const bucket = this.buckets.get(token) ?? { tokens: limit, at: now };
    bucket.tokens = Math.min(limit, bucket.tokens + (now - bucket.at) * perMs);
    bucket.at = now;
    this.buckets.set(token, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
  }
}
