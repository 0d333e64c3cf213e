import type { Clock } from '../clock.js';
import { DatatableDeployError } from '../errors.js';
import { type ConnectionSettings } from '../genesys/client.js';
import type { RetryPolicy } from '../genesys/retry.js';
import type { Logger } from '../logger.js';
import type { TableSource } from './types.js';
/** A table the reader was asked for does not exist (any more) under that name. */
export declare class TableNotFoundError extends DatatableDeployError {
}
/** What a source has cost so far: requests sent to Genesys (retries included) and 429s among them. */
export interface SourceStats {
    apiCalls: number;
    rateLimited: number;
}
export interface GenesysTableSource extends TableSource {
    stats(): SourceStats;
    /** The 429 answers seen so far (the reader's stats show them). */
    rateLimitedCount(): number;
}
export interface GenesysSourceOptions {
    clock?: Clock;
    logger?: Logger;
    /** The versions table the deploy writes (default `datatable_deploy_versions`). */
    versionsTable?: string;
    fetch?: typeof fetch;
    /**
     * How long a table's name → id lookup is trusted (default 5 min). The rows endpoint takes an
     * id and says nothing of the name, so a table renamed since is noticed only when its name is
     * looked up again; a deleted one is noticed at once (404).
     */
    lookupTtlMs?: number;
    /** Retry timing (tests shrink it); the defaults are the deploy's. */
    retry?: Partial<RetryPolicy>;
}
/**
 * Reads tables straight from Genesys Cloud through the project's client (OAuth, regions, rate
 * budget, retries, paging). Each read is whole: the versions table in one call (its rows fit one
 * page), a table in as many pages as it has; ids are looked up by name once and cached.
 */
export declare function createGenesysTableSource(connection: ConnectionSettings, options?: GenesysSourceOptions): GenesysTableSource;
