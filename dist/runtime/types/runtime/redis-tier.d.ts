import type { Logger } from '../logger.js';
import { type RedisLink } from './redis-client.js';
import type { SharedTier, StoredSnapshot } from './types.js';
/** Where things live in Redis, under one prefix (default `datatable-deploy:`). */
export interface RedisKeys {
    snapshot(table: string): string;
    lease(table: string): string;
    /** The hash of table → newest announced version (the purge channel's catch-up key). */
    readonly versions: string;
}
export declare const redisKeys: (prefix: string) => RedisKeys;
/**
 * The shared tier on one Redis connection. Every call answers even while Redis is down
 * (undefined or false, logged at debug): the reader then reads Genesys directly, and the tier
 * is used again as soon as the connection is back.
 */
export declare class RedisTier implements SharedTier {
    private readonly link;
    private readonly keys;
    private readonly logger;
    private readonly release;
    private readonly timeoutMs;
    private readonly token;
    constructor(link: RedisLink, keys: RedisKeys, logger: Logger, release: () => Promise<void>, timeoutMs: number);
    get healthy(): boolean;
    get(table: string): Promise<StoredSnapshot | undefined>;
    putIfNewer(snapshot: StoredSnapshot, ttlMs: number): Promise<boolean>;
    acquireLease(table: string, ms: number): Promise<boolean>;
    close(): Promise<void>;
    /** The command's answer, or undefined when Redis is down, failed it, or did not answer in time. */
    private attempt;
}
