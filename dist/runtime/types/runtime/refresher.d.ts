import type { AuditLog } from './audit.js';
import { type FetchContext } from './fetch-table.js';
import type { ResolvedOptions } from './options.js';
import type { TableState } from './table-state.js';
import type { TableSnapshot } from './types.js';
/** Where a newer version was heard of. */
export type VersionNews = 'purge' | 'poll' | 'catch-up';
/**
 * Loads and refreshes tables, ordered by version. The rules that keep it free of races:
 * one refresh per table at a time (single-flight); a refresh installs only while its generation
 * is still the table's (an accepted newer version or an install bumps it); a refresh must reach
 * the table's needed version, which only ever goes up.
 */
export declare class Refresher {
    private readonly context;
    private readonly options;
    private readonly audit;
    private readonly onInstalled;
    private closed;
    constructor(context: FetchContext, options: ResolvedOptions, audit: AuditLog, onInstalled: (state: TableState, before: TableSnapshot | undefined) => void);
    /** Starts a refresh, or joins the one under way for the table's current generation. */
    refresh(state: TableState): Promise<void>;
    /**
     * Takes news of `version`: accepted only when newer than everything held, accepted or being
     * fetched. Accepting it supersedes any refresh under way and starts one that must reach it.
     */
    acceptVersion(state: TableState, version: number, via: VersionNews): boolean;
    /** Drops a table's snapshot to free memory; its version high-water marks stay. */
    evict(state: TableState): void;
    close(): void;
    private supersede;
    private run;
    private install;
    private auditInstall;
    private fail;
    /** At 80–90 % of the TTL (jittered, so instances spread out), counted from when the data was read. */
    private nextRefreshDelay;
    private scheduleNext;
}
