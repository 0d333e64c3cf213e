import type { Logger } from '../logger.js';
import type { CountedSource } from './counted-source.js';
import type { VersionNews } from './refresher.js';
import type { TimerSet } from './timers.js';
import type { PurgeChannel, SharedTier } from './types.js';
/** The lease name for polling the versions table (not a table name: those cannot hold a slash). */
export declare const VERSIONS_POLL_LEASE = "datatable-deploy/versions-poll";
export interface PollerContext {
    readonly source: CountedSource;
    readonly tier: SharedTier | undefined;
    readonly purges: PurgeChannel | undefined;
    readonly timers: TimerSet;
    readonly pollMs: number;
    readonly logger: Logger;
    readonly onVersion: (table: string, version: number, via: VersionNews) => void;
}
/**
 * Watches the versions table: one call tells which tables changed. When the purge channel and
 * the tier are healthy, one instance per cluster polls (it holds the lease) and the others read
 * the channel's catch-up key; when the channel is down, every instance polls, and more often,
 * since the cache is trusted only while invalidations can reach it.
 */
export declare class VersionsPoller {
    private readonly context;
    private stopped;
    constructor(context: PollerContext);
    start(): void;
    stop(): void;
    /** One poll; errors are logged, and the next poll is scheduled either way. */
    poll(): Promise<void>;
    /** After the purge channel reconnects: what was announced while it was down. */
    catchUp(): Promise<void>;
    /** How long until the next poll: shorter while the purge channel is down. */
    get intervalMs(): number;
    private scheduleNext;
    private latestVersions;
    private holdsLease;
}
