import type { ColumnSchema, TableSchema } from './types.js';

/**
 * A data-table schema in the form the service requires: JSON Schema draft-04, an object whose
 * only required property is the string `key`, and no other properties than those listed.
 */
export function tableSchema(properties: Record<string, ColumnSchema>): TableSchema {
  return {
    $schema: 'http://json-schema.org/draft-04/schema#',
    type: 'object',
    required: ['key'],
    additionalProperties: false,
    properties: { key: { type: 'string' }, ...properties },
  };
}
