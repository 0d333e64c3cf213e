import type { CellValue, ColumnSchema, TableSchema } from './types.js';
/**
 * A data-table schema in the form the service requires: JSON Schema draft-04, an object whose
 * only required property is the string `key`, and no other properties than those listed.
 */
export declare function tableSchema(properties: Record<string, ColumnSchema>): TableSchema;
/**
 * The value the service stores for a column a row leaves out: the schema default, else
 * false / 0 / "" (Terraform's provider mirrors the same rule).
 */
export declare function defaultFor(column: ColumnSchema): CellValue;
