import type { CellValue, ColumnType } from '../genesys/types.js';
/** A place in a config file: 1-based line and column. */
export interface SourcePosition {
    line: number;
    column: number;
}
/** What a string column holds when it is typed per row by another column (`typedBy`). */
export type ValueKind = 'string' | 'integer' | 'number' | 'boolean' | 'json';
export declare const VALUE_KINDS: readonly ValueKind[];
/** Rule ids of the secret and personal-data guard; these are what `allow` lists name. */
export type GuardRule = 'secret-name' | 'secret-private-key' | 'secret-jwt' | 'secret-cloud-key' | 'secret-high-entropy' | 'pii-card-number' | 'pii-email' | 'pii-phone';
export interface ColumnSpec {
    /** Field id (the API's property name). */
    name: string;
    type: ColumnType;
    title?: string | undefined;
    description?: string | undefined;
    required: boolean;
    enum?: CellValue[] | undefined;
    minLength?: number | undefined;
    maxLength?: number | undefined;
    minimum?: number | undefined;
    maximum?: number | undefined;
    pattern?: string | undefined;
    default?: CellValue | undefined;
    typedBy?: string | undefined;
    managed?: 'version' | 'actor' | undefined;
    allow: GuardRule[];
    position: SourcePosition;
}
export interface DesiredRow {
    key: string;
    /** Cells as they will be stored, the key excluded; managed columns are absent. */
    cells: Record<string, CellValue>;
    position: SourcePosition;
    /** Where each cell was written (cells filled from the file's environment have none). */
    cellPositions: Record<string, SourcePosition>;
}
export interface Limits {
    maxRows: number;
    maxColumns: number;
    maxRowBytes: number;
    maxKeyLength: number;
}
export declare const DEFAULT_LIMITS: Limits;
export interface Allowance {
    key: string;
    column?: string | undefined;
    rules: GuardRule[];
}
/** One config file, loaded and normalised: the desired state of one data table. */
export interface TableConfig {
    /** Path as given (relative to the working directory when discovered by glob). */
    file: string;
    table: {
        name?: string | undefined;
        id?: string | undefined;
    };
    description?: string | undefined;
    division?: string | undefined;
    environment?: string | undefined;
    keyTitle: string;
    keyDescription?: string | undefined;
    prune: boolean;
    limits: Limits;
    /** Columns other than the key, in file order. */
    columns: ColumnSpec[];
    valueSchemas: Record<string, unknown>;
    allow: Allowance[];
    /** Rows in file order. */
    rows: DesiredRow[];
    /** Where the table identity was written, for findings about the file as a whole. */
    position: SourcePosition;
    /**
     * A tombstone (`delete: true`): the deploy deletes the table. Its columns and rows are empty.
     * Never implied by a file that disappears.
     */
    delete?: boolean | undefined;
}
/** A human-readable name of the table a config targets. */
export declare function tableLabel(config: Pick<TableConfig, 'table'>): string;
