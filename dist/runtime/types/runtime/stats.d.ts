import type { FallbackReason } from './types.js';
/** The reader's counters, bumped in place on the hot path (plain fields, no calls). */
export declare class Counters {
    hits: number;
    misses: number;
    staleServed: number;
    readonly safeDefaults: Record<FallbackReason, number>;
    refreshes: number;
    refreshFailures: number;
    /** Refreshes whose result was dropped because a newer version was accepted meanwhile. */
    discardedRefreshes: number;
    apiCalls: number;
    rateLimited: number;
    tierReads: number;
    evictions: number;
    purgesAccepted: number;
    purgesIgnored: number;
    callbackFailures: number;
    readonly refreshLatency: LatencyWindow;
}
/** The last `capacity` latencies, for percentiles. */
export declare class LatencyWindow {
    private readonly capacity;
    private readonly samples;
    private next;
    /** Told of every sample (the OpenTelemetry histogram, when metrics are on). */
    listener: ((ms: number) => void) | undefined;
    constructor(capacity: number);
    add(ms: number): void;
    /** The nearest-rank percentile (0–100); undefined before the first sample. */
    percentile(rank: number): number | undefined;
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
    readonly refreshLatencyMs: {
        readonly p50: number | undefined;
        readonly p99: number | undefined;
    };
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
export declare function reportStats(counters: Counters, extra: {
    rateLimited: number;
    auditFailures: number;
    tables: Record<string, TableStats>;
    sharedTier: ConnectionHealth;
    purgeChannel: ConnectionHealth;
}): ReaderStats;
