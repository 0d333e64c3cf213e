import type { TableConfig } from '../config/types.js';
import type { DataTablesApi } from '../genesys/datatables.js';
import type { DataTable, DivisionRef, Row, TableSchema } from '../genesys/types.js';
import { compareKeys } from '../config/keys.js';
export { compareKeys };
/** A live table as read for planning. */
export interface LiveTable {
    id: string;
    name: string;
    division?: string | undefined;
    divisionRef?: DivisionRef | undefined;
    description?: string | undefined;
    schema: TableSchema;
    rows: Row[];
    /** sha256 over the canonical schema and the rows sorted by key. */
    fingerprint: string;
}
/** What exists for each config, in config order; null where the table does not exist yet. */
export type LiveSnapshot = Array<LiveTable | null>;
/**
 * The fingerprint of a live table: schema and rows, rows sorted by key, hashed canonically, so
 * that any change to any cell (or the schema) changes it, and nothing else does.
 */
export declare function fingerprintTable(schema: TableSchema, rows: readonly Row[]): string;
/** How a table is named: by id, or by its (case-insensitive) name. */
export interface TableRef {
    id?: string | undefined;
    name?: string | undefined;
}
export interface SnapshotOptions {
    tableConcurrency?: number;
    onTable?: (name: string, rows: number) => void;
}
/** The live tables the configs target (see {@link readTables}). */
export declare function readSnapshot(tables: DataTablesApi, configs: readonly TableConfig[], options?: SnapshotOptions): Promise<LiveSnapshot>;
/**
 * Reads tables: one paged listing of all tables (with schemas) finds them by id or name, then
 * each table's rows are read in pages, several tables at once, all within the client's shared
 * rate budget. Null where a table does not exist.
 */
export declare function readTables(tables: DataTablesApi, refs: readonly TableRef[], options?: SnapshotOptions): Promise<LiveSnapshot>;
/** A table and its rows as the plan's read gives them (the deploy's guard and read-backs too). */
export declare function liveTable(table: DataTable & {
    schema: TableSchema;
}, rows: Row[]): LiveTable;
