import type { Row, TableSchema } from '../genesys/types.js';
import type { VersionRecord } from './types.js';
/**
 * The versions table: one row per deployed table, written by the deploy as that table's commit
 * marker once its rows are applied and verified. Data tables have no ETag and no row version;
 * this table is the change token the runtime reader polls (one call tells which tables changed).
 */
export declare const DEFAULT_VERSIONS_TABLE = "datatable_deploy_versions";
/** Its columns. The key is the deployed table's name. */
export declare const VERSIONS_SCHEMA: TableSchema;
export declare const VERSIONS_DESCRIPTION = "Written by datatable-deploy: one row per deployed table (its version and content hash). Do not edit.";
/** The versions row of a record. */
export declare function versionRow(record: VersionRecord): Row;
/**
 * The record of a versions row; undefined for a row that is not one (a hand-made row without
 * a version or hash): such a row tells a reader nothing, so it counts as absent.
 */
export declare function versionRecord(row: Row): VersionRecord | undefined;
/** The columns of the versions table that a live table lacks or types differently. */
export declare function versionsSchemaProblems(schema: TableSchema): string[];
