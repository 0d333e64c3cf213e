/**
 * Wire types of the Genesys Cloud data-tables API (see the reference notes in the README).
 * Only the fields this project reads or writes are typed; everything else passes through.
 */
/** The four value types a data-table column can have. There are no date, array or object types. */
export type ColumnType = 'string' | 'integer' | 'number' | 'boolean';
export declare const COLUMN_TYPES: readonly ColumnType[];
/** A cell value as stored by the service. */
export type CellValue = string | number | boolean;
/** A row is a flat map of field id → value; the key lives in the field `key`. No id, no version. */
export type Row = Record<string, CellValue>;
export interface ColumnSchema {
    title?: string;
    type: ColumnType;
    $id?: string;
    displayOrder?: number;
    default?: CellValue;
    minLength?: number;
    maxLength?: number;
    minimum?: number;
    maximum?: number;
    [extra: string]: unknown;
}
export interface TableSchema {
    $schema?: string;
    id?: string;
    title?: string;
    description?: string;
    type: 'object';
    required: string[];
    properties: Record<string, ColumnSchema>;
    additionalProperties: boolean;
}
export interface DivisionRef {
    id: string;
    name?: string;
    selfUri?: string;
}
export interface DataTable {
    id: string;
    name: string;
    description?: string;
    division?: DivisionRef;
    /** Present only when the table was read with `expand=schema`. */
    schema?: TableSchema;
    selfUri?: string;
}
/** What a create call sends: the service assigns the id. */
export interface NewDataTable {
    name: string;
    description?: string;
    division?: {
        id: string;
    };
    schema: TableSchema;
}
/** The page envelope Genesys uses for every listing. */
export interface EntityListing<T> {
    entities: T[];
    pageSize: number;
    pageNumber: number;
    total: number;
    pageCount: number;
    firstUri?: string | null;
    nextUri?: string | null;
    previousUri?: string | null;
    lastUri?: string | null;
    selfUri?: string | null;
}
export type ImportMode = 'Append' | 'ReplaceAll';
export type JobStatus = 'WaitingForUpload' | 'Processing' | 'Failed' | 'Succeeded';
export interface ErrorInformation {
    message?: string;
    code?: string;
    [extra: string]: unknown;
}
export interface ImportJob {
    id: string;
    status: JobStatus;
    importMode?: ImportMode;
    uploadURI?: string;
    uploadHeaders?: Record<string, string>;
    dateCreated?: string;
    dateCompleted?: string | null;
    errorInformation?: ErrorInformation | null;
    countRecordsUpdated?: number;
    countRecordsDeleted?: number;
    countRecordsFailed?: number;
    selfUri?: string;
}
export interface ExportJob {
    id: string;
    status: Exclude<JobStatus, 'WaitingForUpload'>;
    downloadURI?: string | null;
    dateCreated?: string;
    dateCompleted?: string | null;
    errorInformation?: ErrorInformation | null;
    countRecordsProcessed?: number;
    selfUri?: string;
}
/** Genesys's error body (ErrorBody in the SDKs). `contextId` equals the correlation id. */
export interface ErrorBody {
    message: string;
    code: string;
    status: number;
    contextId?: string;
    messageWithParams?: string;
    messageParams?: Record<string, string>;
    entityId?: string;
    entityName?: string;
    details?: Array<{
        errorCode?: string;
        fieldName?: string;
        entityId?: string;
        entityName?: string;
    }>;
    errors?: ErrorBody[];
    limit?: {
        key?: string;
        namespace?: string;
        value?: number;
    };
}
