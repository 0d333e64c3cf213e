import type { FallbackReason } from './types.js';
import { FALLBACK_REASONS } from './types.js';

/** The reader's counters, bumped in place on the hot path (plain fields, no calls). */
export class Counters {
  hits = 0;
  misses = 0;
  staleServed = 0;
  readonly safeDefaults: Record<FallbackReason, number> = Object.fromEntries(
    FALLBACK_REASONS.map((reason) => [reason, 0]),
  ) as Record<FallbackReason, number>;
  refreshes = 0;
  refreshFailures = 0;
  /** Refreshes whose result was dropped because a newer version was accepted meanwhile. */
  discardedRefreshes = 0;
  apiCalls = 0;
  rateLimited = 0;
  tierReads = 0;
  evictions = 0;
  purgesAccepted = 0;
  purgesIgnored = 0;
  callbackFailures = 0;
  readonly refreshLatency = new LatencyWindow(1024);
}

/** The last `capacity` latencies, for percentiles. */
export class LatencyWindow {
  private readonly samples: number[] = [];
  private next = 0;
  /** Told of every sample (the OpenTelemetry histogram, when metrics are on). */
  listener: ((ms: number) => void) | undefined;

  constructor(private readonly capacity: number) {}

  add(ms: number): void {
    this.listener?.(ms);
    if (this.samples.length < this.capacity) this.samples.push(ms);
    else this.samples[this.next] = ms;
    this.next = (this.next + 1) % this.capacity;
  }

  /** The nearest-rank percentile (0–100); undefined before the first sample. */
  percentile(rank: number): number | undefined {
    if (this.samples.length === 0) return undefined;
    const sorted = [...this.samples].sort((a, b) => a - b);
    const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((rank / 100) * sorted.length) - 1));
    return sorted[index];
  }
}

export interface TableStats {
  readonly loaded: boolean;
  readonly version: number | undefined;
  readonly hash: string | undefined;
  /** Seconds since the served data was read from its source. */
  readonly ageSeconds: number | undefined;
  readonly bytes: number;
  readonly drifted: boolean;
  /** The newest version announced (purge or versions table) and not installed yet. */
  readonly pendingVersion: number | undefined;
  readonly lastError: string | undefined;
}

export interface ReaderStats {
  readonly hits: number;
  readonly misses: number;
  readonly hitRatio: number | undefined;
  readonly staleServed: number;
  readonly safeDefaults: Readonly<Record<FallbackReason, number>>;
  readonly refreshes: number;
  readonly refreshFailures: number;
  readonly discardedRefreshes: number;
  readonly refreshLatencyMs: { readonly p50: number | undefined; readonly p99: number | undefined };
  readonly apiCalls: number;
  readonly rateLimited: number;
  readonly tierReads: number;
  readonly evictions: number;
  readonly purgesAccepted: number;
  readonly purgesIgnored: number;
  readonly callbackFailures: number;
  readonly auditFailures: number;
  readonly tables: Readonly<Record<string, TableStats>>;
  /** The Redis tier and the purge channel: up, down (reads go to Genesys, polling is faster), or none. */
  readonly sharedTier: ConnectionHealth;
  readonly purgeChannel: ConnectionHealth;
}

export type ConnectionHealth = 'up' | 'down' | 'none';

export function reportStats(
  counters: Counters,
  extra: {
    rateLimited: number;
    auditFailures: number;
    tables: Record<string, TableStats>;
    sharedTier: ConnectionHealth;
    purgeChannel: ConnectionHealth;
  },
): ReaderStats {
  const reads = counters.hits + counters.misses;
  return {
    hits: counters.hits,
    misses: counters.misses,
    hitRatio: reads === 0 ? undefined : counters.hits / reads,
    staleServed: counters.staleServed,
    safeDefaults: { ...counters.safeDefaults },
    refreshes: counters.refreshes,
    refreshFailures: counters.refreshFailures,
    discardedRefreshes: counters.discardedRefreshes,
    refreshLatencyMs: {
      p50: counters.refreshLatency.percentile(50),
      p99: counters.refreshLatency.percentile(99),
    },
    apiCalls: counters.apiCalls,
    rateLimited: extra.rateLimited,
    tierReads: counters.tierReads,
    evictions: counters.evictions,
    purgesAccepted: counters.purgesAccepted,
    purgesIgnored: counters.purgesIgnored,
    callbackFailures: counters.callbackFailures,
    auditFailures: extra.auditFailures,
    tables: extra.tables,
    sharedTier: extra.sharedTier,
    purgeChannel: extra.purgeChannel,
  };
}
