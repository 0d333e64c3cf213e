import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { ParsedCsv } from './csv.js';
import type { CallObserver, GenesysHttp, WritesInDoubt } from './http.js';
import { type ImportResult } from './table-jobs.js';
import type { DataTable, ImportMode, NewDataTable, Row, TableSchema } from './types.js';
export type { ImportResult } from './table-jobs.js';
export interface DataTablesOptions {
    /** Rows asked for per page when listing rows. The service's maximum is unconfirmed; 500 is tried first. */
    rowPageSize?: number;
    /** Page size used when the service refuses `rowPageSize`. */
    fallbackRowPageSize?: number;
    /** Pages of one table fetched at once (within the shared rate budget). */
    pageConcurrency?: number;
    /** Longest wait between polls of an import or export job (the first polls come sooner). */
    jobPollIntervalMs?: number;
    /** Give up on a job that has not finished after this long. */
    jobTimeoutMs?: number;
    clock?: Clock;
    logger?: Logger;
}
/**
 * The data-tables resource: tables, rows, import and export jobs. Thin and typed; all rate
 * limiting, retries and authentication happen in {@link GenesysHttp}.
 */
export declare class DataTablesApi {
    private readonly http;
    private rowPageSize;
    private readonly options;
    private readonly logger;
    private readonly jobs;
    constructor(http: GenesysHttp, options?: DataTablesOptions);
    /** Rows per page of a row listing, as the service accepts them (for pricing reads). */
    get rowsPerPage(): number;
    /**
     * What of ours may still change the tables: writes whose outcome is unknown, and import
     * jobs not seen to end. A restore must not start under either.
     */
    inDoubt(): {
        writes: WritesInDoubt;
        jobs: string[];
    };
    /** Resolves once every request in flight has ended. */
    idle(): Promise<void>;
    /**
     * Polls the jobs of ours not yet seen to end until they do, for at most `timeoutMs`;
     * returns those still running then.
     */
    finishJobs(timeoutMs: number): Promise<string[]>;
    /** All tables (every page). `name` is the service's case-insensitive filter with `*` wildcards. */
    listTables(options?: {
        name?: string;
        expandSchema?: boolean;
        divisionIds?: string[];
    }): Promise<DataTable[]>;
    /** The table with this exact name, with its schema; undefined when there is none. */
    findTableByName(name: string): Promise<DataTable | undefined>;
    getTable(tableId: string): Promise<DataTable>;
    createTable(table: NewDataTable): Promise<DataTable>;
    /** Replaces the table definition. The service only accepts added columns. */
    updateTable(table: DataTable & {
        schema: TableSchema;
    }): Promise<DataTable>;
    deleteTable(tableId: string, options?: {
        force?: boolean;
    }): Promise<void>;
    /**
     * Every row of a table, in full. Pages are as large as the service accepts: the configured
     * size first, the fallback size if the service refuses it (its maximum is undocumented), and
     * whatever size it answers with if it clamps. After the first page the rest are fetched
     * concurrently.
     */
    listRows(tableId: string): Promise<Row[]>;
    /** The first page of rows; a page size the service refuses falls back, for good, to the smaller one. */
    private firstRowPage;
    private rowPage;
    /**
     * One row in full, or undefined when the key does not exist. A table that does not exist is
     * an error (a {@link GenesysApiError} 404 whose code names the table), not a missing row.
     */
    getRow(tableId: string, key: string): Promise<Row | undefined>;
    createRow(tableId: string, row: Row, observe?: CallObserver): Promise<Row>;
    /** Replaces a row: omitted columns revert to their defaults. */
    replaceRow(tableId: string, row: Row, observe?: CallObserver): Promise<Row>;
    deleteRow(tableId: string, key: string, observe?: CallObserver): Promise<void>;
    /** The id of a division by its exact name (case-insensitive), or undefined. */
    findDivisionId(name: string): Promise<string | undefined>;
    importRows(table: DataTable & {
        schema: TableSchema;
    }, rows: readonly Row[], mode: ImportMode): Promise<ImportResult>;
    exportRows(table: DataTable & {
        schema: TableSchema;
    }): Promise<ParsedCsv>;
    /** Every page of a Genesys listing, fetched one after another. */
    private collectPages;
}
/** A 404 that says the table itself does not exist (not one of its rows). */
export declare function tableNotFound(error: unknown): boolean;
