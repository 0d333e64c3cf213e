import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import { type ParsedCsv } from './csv.js';
import type { GenesysHttp } from './http.js';
import type { DataTable, ImportJob, ImportMode, Row, TableSchema } from './types.js';
export interface ImportResult {
    job: ImportJob;
    updated: number;
    deleted: number;
    failed: number;
}
export interface JobTiming {
    /** Longest wait between polls of a job (the first polls come sooner). */
    pollIntervalMs: number;
    /** Give up on a job that has not finished after this long. */
    timeoutMs: number;
}
/**
 * The data-tables bulk jobs (CSV import and export): started, uploaded or downloaded, and polled
 * to their end. Remembers the import jobs of ours not yet seen to end: they may still change
 * the tables, so a restore must not start under them.
 */
export declare class TableJobs {
    private readonly http;
    private readonly base;
    private readonly timing;
    private readonly clock;
    private readonly logger;
    /** Jobs of ours not yet seen to end, by poll path: what they are. */
    private readonly open;
    constructor(http: GenesysHttp, base: string, timing: JobTiming, clock: Clock, logger: Logger);
    /** What the jobs of ours not yet seen to end are. */
    running(): string[];
    /**
     * Polls the jobs of ours not yet seen to end until they do, for at most `timeoutMs`;
     * returns those still running then.
     */
    finish(timeoutMs: number): Promise<string[]>;
    /**
     * Loads rows with a CSV import job (the `import/csv/jobs` flow): create the job, PUT the file
     * to its upload URI with the headers it names, poll until it ends. `Append` upserts by key;
     * `ReplaceAll` deletes every row first. Rows the service rejects are counted in `failed`.
     */
    importRows(table: DataTable & {
        schema: TableSchema;
    }, rows: readonly Row[], mode: ImportMode): Promise<ImportResult>;
    /** Reads all rows through an export job and its CSV download. */
    exportRows(table: DataTable & {
        schema: TableSchema;
    }): Promise<ParsedCsv>;
    /**
     * Polls a job until it ends (Succeeded or Failed) or `timeoutMs` passes, at an adaptive
     * interval: the first poll after {@link FIRST_POLL_MS}, each wait then {@link POLL_BACKOFF}
     * times the one before, up to `pollIntervalMs`. A small job is seen to end within a few
     * hundred ms; a long one costs few polls of the rate budget. Waits go through the Clock, and
     * each poll is a GET, so the client retries it through 429s, 5xx and resets.
     */
    private poll;
}
