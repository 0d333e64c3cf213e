import type { Row } from '../genesys/types.js';
import type { Counters } from './stats.js';
import type { TableSource, VersionRecord } from './types.js';
/**
 * The source, counted: every read is an API call. Concurrent reads of the versions table share
 * one call; that is safe for the torn-read check, which only needs the versions row to have been
 * read before the rows are.
 */
export declare class CountedSource {
    private readonly source;
    private readonly counters;
    private versionsInflight;
    constructor(source: TableSource, counters: Counters);
    readVersions(): Promise<ReadonlyMap<string, VersionRecord>>;
    readRows(table: string, signal: AbortSignal): Promise<Row[]>;
    /** The source's own 429 count when it keeps one, else the 429 errors that reached the reader. */
    rateLimited(): number;
    private failed;
}
