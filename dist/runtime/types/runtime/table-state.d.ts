import type { ContractChecker } from './contract.js';
import type { GuardedTable } from './guards.js';
import type { ResolvedTable } from './options.js';
/** A refresh under way. Its result is installed only if `generation` is still the table's. */
export interface InflightRefresh {
    readonly generation: number;
    readonly promise: Promise<void>;
    readonly abort: AbortController;
}
/**
 * Everything the reader knows about one table. Versions only go up: `installedVersion` and
 * `acceptedVersion` are high-water marks kept even when the snapshot is evicted, so a table
 * loaded again can never come back older than what was once accepted.
 */
export declare class TableState {
    readonly options: ResolvedTable;
    readonly contract: ContractChecker;
    /** What `get` serves; undefined before the first load, after eviction, or when it never loaded. */
    installed: GuardedTable | undefined;
    /** When the served data was read from Genesys (the Clock's ms); its age is measured from here. */
    confirmedAt: number;
    installedVersion: number;
    /** The highest version announced by a purge or the versions table. */
    acceptedVersion: number;
    /** Bumped by every accepted version and every install: older refreshes are then discarded. */
    generation: number;
    inflight: InflightRefresh | undefined;
    /** The last (version, rows hash) that disagreed with its versions row: seen again later, it is drift. */
    lastMismatch: {
        version: number;
        hash: string;
        firstSeenAt: number;
    } | undefined;
    /** Consecutive failed refreshes (for the retry delay). */
    failures: number;
    lastError: string | undefined;
    /** Set when the first load failed: safe defaults are served with reason `unreadable`. */
    failed: boolean;
    evicted: boolean;
    /** Usage order for LRU eviction: the reader's tick at the last `get`. */
    lastUsed: number;
    cancelTimer: (() => void) | undefined;
    readonly settled: Promise<void>;
    private settle;
    constructor(options: ResolvedTable, contract: ContractChecker);
    get name(): string;
    /** The version a refresh must reach: never below anything installed or accepted. */
    get neededVersion(): number;
    /** Marks the first load as over (loaded, or failed to safe defaults): `ready()` waits for this. */
    markSettled(): void;
}
