/**
 * Per-token request limit. Modelled as a token bucket holding one minute's worth of requests
 * and refilling continuously: a client that keeps to N per minute on average is never refused,
 * as with the real service's per-minute limit.
 */
export class TokenRateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  setLimit(perMinute: number): void {
    this.perMinute = perMinute;
    this.buckets.clear();
  }

  /** Takes one request from the token's budget; returns the seconds to wait when none is left. */
  take(token: string): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    const now = this.now();
    const perMs = this.perMinute / 60_000;
    const bucket = this.buckets.get(token) ?? { tokens: this.perMinute, at: now };
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * perMs);
    bucket.at = now;
    this.buckets.set(token, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
  }
}
