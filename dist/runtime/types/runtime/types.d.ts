import type { CellValue, Row } from '../genesys/types.js';
/**
 * The public and internal shapes of the runtime reader (`datatable-deploy/runtime`). The unit
 * cached is an immutable snapshot of one whole table: a lookup is a Map read, and a key absent
 * from the snapshot is a definitive miss that costs no API call.
 */
/** A typed value: what the row's typing column says the text holds (integer, number, boolean, json). */
export type ConfigValue = CellValue | null | readonly unknown[] | {
    readonly [key: string]: unknown;
};
/** One table as read at one moment. Never mutated once built (deep-frozen). */
export interface TableSnapshot {
    readonly table: string;
    /** The deploy version the versions table gave for this content; 0 when the table has no versions row. */
    readonly version: number;
    /** `sha256:<hex>` of the rows' canonical JSON; compared with the versions row to catch torn reads. */
    readonly hash: string;
    /** When it was read (the Clock's milliseconds). */
    readonly fetchedAt: number;
    /** Rows by key, as stored. */
    readonly rows: ReadonlyMap<string, Readonly<Row>>;
    /** The typed value of each row's value column (typedBy kinds parsed), by key. */
    readonly values: ReadonlyMap<string, ConfigValue>;
    /** Approximate size in bytes (for the cache's byte bound). */
    readonly bytes: number;
}
/** One row of the versions table: the deploy's commit marker for one table. */
export interface VersionRecord {
    readonly table: string;
    readonly version: number;
    /** The content hash of the table's rows as deployed (same function as TableSnapshot.hash). */
    readonly hash: string;
    readonly deployedAt: string;
    readonly sha?: string | undefined;
    readonly deployId: string;
}
/** Where the reader gets tables from: Genesys directly, or through the shared (Redis) tier. */
export interface TableSource {
    /** Every row of the versions table (one API call); empty when the table does not exist. */
    readVersions(signal?: AbortSignal): Promise<ReadonlyMap<string, VersionRecord>>;
    /** Every row of a table. Throws when the table does not exist or cannot be read. */
    readRows(table: string, signal?: AbortSignal): Promise<Row[]>;
    /** How many 429 (rate-limited) answers the source has seen so far, when it counts them. */
    rateLimitedCount?(): number;
}
/** A purge: the deploy says `table` now holds `version`. */
export interface Purge {
    readonly table: string;
    readonly version: number;
    readonly deployId: string;
    /** ISO time of the deploy's webhook. */
    readonly at: string;
}
/** How purges reach a reader (Redis pub/sub through the relay, or in-process). */
export interface PurgeChannel {
    /**
     * Delivers purges as they come; `onReconnect` after the channel was down (messages may have
     * been lost: the reader catches up through `latestVersions`).
     */
    subscribe(handlers: {
        onPurge(purge: Purge): void;
        onReconnect(): void;
    }): Promise<void>;
    /** The newest version announced per table (the catch-up key). */
    latestVersions(): Promise<ReadonlyMap<string, number>>;
    readonly healthy: boolean;
    close(): Promise<void>;
}
/** A snapshot as stored in the shared tier: plain JSON, versioned. */
export interface StoredSnapshot {
    readonly table: string;
    readonly version: number;
    readonly hash: string;
    readonly fetchedAt: number;
    readonly rows: Row[];
    /** The rows disagreed with the versions row's hash twice in a row: edited by hand after the deploy. */
    readonly drifted?: boolean | undefined;
}
/** The shared tier (Redis): the latest snapshot per table, and a cluster-wide refresh lease. */
export interface SharedTier {
    get(table: string): Promise<StoredSnapshot | undefined>;
    /** Stores the snapshot only when its version is newer than the stored one (atomic). */
    putIfNewer(snapshot: StoredSnapshot, ttlMs: number): Promise<boolean>;
    /** True when this instance got the lease to read `table` from Genesys for `ms`. */
    acquireLease(table: string, ms: number): Promise<boolean>;
    readonly healthy: boolean;
    close(): Promise<void>;
}
/** Why a safe default was served instead of the live value. */
export type FallbackReason = 'environment-mismatch' | 'version-out-of-range' | 'contract-violation' | 'too-stale' | 'not-loaded' | 'unreadable';
/** The reasons a safe default can be served, for counting. */
export declare const FALLBACK_REASONS: readonly FallbackReason[];
/** One line of the audit log. */
export interface AuditEvent {
    readonly at: string;
    readonly kind: 'read' | 'fallback' | 'refresh' | 'refresh-failed' | 'purge' | 'guard';
    readonly table: string;
    readonly key?: string | undefined;
    readonly version?: number | undefined;
    readonly reason?: FallbackReason | string | undefined;
    readonly clientId: string;
    readonly environment: string;
}
