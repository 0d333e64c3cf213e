import type { CellValue, ColumnType, Row, TableSchema } from './types.js';
/**
 * The CSV form of a data table used by import and export jobs: UTF-8, a header row of field ids
 * with `key` first, booleans as `true`/`false`, an empty cell for "not set" (the service then
 * fills the column's default). Quoting and escaping follow RFC 4180 (csv-parse / csv-stringify).
 */
/** Field ids in display order: `key` first, then by `displayOrder`, then in schema order. */
export declare function columnOrder(schema: TableSchema): string[];
export declare function rowsToCsv(rows: readonly Row[], schema: TableSchema): string;
export interface CsvRowFailure {
    /** 1-based line of the record in the file (the header is line 1). */
    line: number;
    key?: string | undefined;
    message: string;
}
export interface ParsedCsv {
    rows: Row[];
    failures: CsvRowFailure[];
}
/** Thrown when the file as a whole cannot be read as a data-table CSV. */
export declare class CsvFormatError extends Error {
}
/**
 * Reads a data-table CSV against the table's schema. Cells are converted to the column types;
 * a record with a bad cell is reported in `failures` and left out, as the service does with
 * per-row import failures. Unknown columns or a missing `key` column fail the whole file.
 */
export declare function csvToRows(text: string, schema: TableSchema): ParsedCsv;
export type ParsedCell = {
    ok: true;
    value: CellValue;
} | {
    ok: false;
    message: string;
};
/** Converts CSV text to a typed cell value. */
export declare function parseCell(type: ColumnType, text: string): ParsedCell;
