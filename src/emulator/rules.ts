import type { CellValue, ColumnSchema, Row, TableSchema } from '../genesys/types.js';
import { defaultFor } from '../genesys/schema.js';
import { COLUMN_TYPES } from '../genesys/types.js';
import type { EmulatorConfig } from './config.js';
import { badRequest, ServiceError } from './http-kit.js';

/**
 * The service's rules for table schemas and rows, as far as the reference documents them.
 * Each refusal is a {@link ServiceError} with the status and code the client will see.
 */

const DRAFT_04 = 'http://json-schema.org/draft-04/schema#';
const SCHEMA_ERROR = 'flows.datatables.schema.exception';
const ROW_ERROR = 'flows.datatables.syntax.error';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks a schema given on table create or update and returns it as stored. */
export function checkSchema(schema: unknown, config: EmulatorConfig): TableSchema {
  if (!isObject(schema)) throw badRequest('The data table needs a schema object', SCHEMA_ERROR);
  if (schema.$schema !== undefined && schema.$schema !== DRAFT_04) {
    throw badRequest(`The schema must be JSON Schema draft-04 ("${DRAFT_04}")`, SCHEMA_ERROR);
  }
  if (schema.type !== 'object') throw badRequest('The schema type must be "object"', SCHEMA_ERROR);
  if (schema.additionalProperties !== false) {
    throw badRequest('The schema must set additionalProperties to false', SCHEMA_ERROR);
  }
  const required = schema.required;
  if (!Array.isArray(required) || required.length !== 1 || required[0] !== 'key') {
    throw badRequest('The schema\'s required list must be exactly ["key"]', SCHEMA_ERROR);
  }
  if (!isObject(schema.properties)) throw badRequest('The schema needs a properties object', SCHEMA_ERROR);
  const properties = schema.properties;
  const key = properties.key;
  if (!isObject(key) || key.type !== 'string') {
    throw badRequest('The schema needs a property "key" of type string', SCHEMA_ERROR);
  }
  const names = Object.keys(properties);
  if (names.length > config.maxColumns) {
    throw badRequest(
      `A data table may have at most ${config.maxColumns} fields; this schema has ${names.length}`,
      SCHEMA_ERROR,
      {
        limit: { key: 'datatable.fields.max', namespace: 'flows.datatables', value: config.maxColumns },
      },
    );
  }
  for (const name of names) {
    const column = properties[name];
    if (name.trim() === '') throw badRequest('A field name may not be empty', SCHEMA_ERROR);
    if (!isObject(column) || !COLUMN_TYPES.includes(column.type as never)) {
      throw badRequest(`Field "${name}" must have type string, integer, number or boolean`, SCHEMA_ERROR, {
        details: [{ fieldName: name }],
      });
    }
    if (column.default !== undefined && !valueFits(column as ColumnSchema, column.default)) {
      throw badRequest(`The default of field "${name}" is not a ${String(column.type)}`, SCHEMA_ERROR, {
        details: [{ fieldName: name }],
      });
    }
  }
  return structuredClone(schema) as unknown as TableSchema;
}

/**
 * Table updates may only add fields: no field may disappear or change type (the SDK's own
 * description of PUT; Terraform issue #402).
 */
export function checkSchemaUpdate(before: TableSchema, after: TableSchema): void {
  for (const [name, column] of Object.entries(before.properties)) {
    const next = after.properties[name];
    if (!next) {
      throw badRequest(
        `Field "${name}" cannot be removed from a data table; only new fields may be added`,
        SCHEMA_ERROR,
        {
          details: [{ fieldName: name }],
        },
      );
    }
    if (next.type !== column.type) {
      throw badRequest(
        `Field "${name}" cannot change type from ${column.type} to ${next.type}`,
        SCHEMA_ERROR,
        {
          details: [{ fieldName: name }],
        },
      );
    }
  }
}

function valueFits(column: ColumnSchema, value: unknown): value is CellValue {
  switch (column.type) {
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
  }
}

/**
 * Checks a row body against the schema and returns the row as stored: all fields present,
 * omitted ones filled with their defaults. `pathKey` is the key from the URL of a PUT.
 */
export function checkRow(schema: TableSchema, body: unknown, config: EmulatorConfig, pathKey?: string): Row {
  if (!isObject(body)) throw badRequest('The row must be a JSON object', ROW_ERROR);
  const key = pathKey ?? body.key;
  if (pathKey !== undefined && body.key !== undefined && body.key !== pathKey) {
    throw badRequest(
      `The row's key "${String(body.key)}" does not match the key in the path "${pathKey}"`,
      ROW_ERROR,
    );
  }
  if (typeof key !== 'string' || key === '')
    throw badRequest('The row needs a non-empty string "key"', ROW_ERROR);
  if (key.length > config.maxKeyLength) {
    throw badRequest(
      `The key is ${key.length} characters long; at most ${config.maxKeyLength} are allowed`,
      ROW_ERROR,
      {
        limit: { key: 'datatable.key.length.max', namespace: 'flows.datatables', value: config.maxKeyLength },
      },
    );
  }
  const row: Row = { key };
  for (const [name, value] of Object.entries(body)) {
    if (name === 'key') continue;
    const column = schema.properties[name];
    if (!column) {
      throw badRequest(`Field "${name}" is not in the table's schema`, ROW_ERROR, {
        details: [{ fieldName: name }],
      });
    }
    if (!valueFits(column, value)) {
      throw badRequest(`Field "${name}" must be a ${column.type}; got ${JSON.stringify(value)}`, ROW_ERROR, {
        details: [{ fieldName: name }],
      });
    }
    checkConstraints(name, column, value);
    row[name] = value;
  }
  for (const [name, column] of Object.entries(schema.properties)) {
    if (!(name in row)) row[name] = defaultFor(column);
  }
  return row;
}

function checkConstraints(name: string, column: ColumnSchema, value: CellValue): void {
  const fail = (what: string): never => {
    throw new ServiceError(400, ROW_ERROR, `Field "${name}" ${what}`, { details: [{ fieldName: name }] });
  };
  if (typeof value === 'string') {
    if (column.minLength !== undefined && value.length < column.minLength)
      fail(`is shorter than ${column.minLength}`);
    if (column.maxLength !== undefined && value.length > column.maxLength)
      fail(`is longer than ${column.maxLength}`);
  }
  if (typeof value === 'number') {
    if (column.minimum !== undefined && value < column.minimum)
      fail(`is below the minimum ${column.minimum}`);
    if (column.maximum !== undefined && value > column.maximum)
      fail(`is above the maximum ${column.maximum}`);
  }
}
