import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { PurgeChannel, SharedTier } from './types.js';
/** The channel the relay publishes purges on, and readers subscribe to. */
export declare const DEFAULT_PURGE_CHANNEL = "datatable-deploy:purges";
/** Prefix of every key: snapshots, leases, and the versions hash (`datatable-deploy:versions`). */
export declare const DEFAULT_KEY_PREFIX = "datatable-deploy:";
export interface RedisOptions {
    /** redis://[[user]:password@]host[:port][/db], or rediss:// for TLS. */
    url: string;
    clock?: Clock;
    /** Pub/sub channel of purges (default `datatable-deploy:purges`; the relay's must match). */
    channel?: string;
    /** Prefix of every key (default `datatable-deploy:`; the relay's must match). */
    keyPrefix?: string;
    logger?: Logger;
    /** A command not answered within this counts as failed (default 1,000 ms). */
    commandTimeoutMs?: number;
}
/**
 * Connects the shared tier and the purge channel to Redis: two connections, one for commands
 * (snapshots, leases, the versions hash) and one subscribed to the purge channel. Loads node-redis
 * (an optional peer dependency) only now. Does not wait for Redis when it is down: both report
 * `healthy: false`, answer without throwing, and recover when Redis is back.
 *
 * Closing: each of the two holds the command connection, and the channel the subscriber too; a
 * connection is closed when the last holder closes (the reader closes both).
 *
 * Throws ConfigurationError when the URL is malformed or node-redis is not installed.
 */
export declare function connectRedis(options: RedisOptions): Promise<{
    tier: SharedTier;
    purges: PurgeChannel;
}>;
