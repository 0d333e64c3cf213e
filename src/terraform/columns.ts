import { COLUMN_TYPES, type ColumnType } from '../genesys/types.js';
import type { ColumnSpec } from '../config/types.js';
import { shorten } from './jsonencode.js';
import { isObject, type JsonObject, type JsonValue } from './types.js';
import { convertDefault, isExpression, literalString } from './values.js';

const NOWHERE = { line: 0, column: 0 };

export interface ImportedColumns {
  keyTitle: string;
  /** Columns other than the key, in `properties` order (the provider's displayOrder). */
  columns: ColumnSpec[];
}

/**
 * A table's `properties` blocks as config columns, in the shape export gives a live table:
 * title left out where it is the field id, the default converted from the provider's string to
 * the column type. Returns the reason instead when any part needs Terraform to evaluate it.
 */
export function columnsFrom(attributes: JsonObject): ImportedColumns | { problem: string } {
  if (attributes.dynamic !== undefined)
    return { problem: 'its properties are made by a dynamic block, which only Terraform can expand' };
  const raw = attributes.properties;
  if (isExpression(raw)) return { problem: `properties = ${shorten(raw)} needs Terraform to evaluate it` };
  const blocks: JsonValue[] = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
  let keyTitle = 'key';
  let hasKey = false;
  const columns: ColumnSpec[] = [];
  for (const [index, block] of blocks.entries()) {
    const column = columnFrom(block, index);
    if ('problem' in column) return column;
    if (column.name === 'key') {
      if (column.type !== 'string') return { problem: 'its "key" property is not of type string' };
      hasKey = true;
      keyTitle = column.title ?? 'key';
      continue;
    }
    columns.push(column);
  }
  if (!hasKey)
    return { problem: 'it has no "key" property (the provider requires a string property named key)' };
  return { keyTitle, columns };
}

function columnFrom(block: JsonValue, index: number): ColumnSpec | { problem: string } {
  if (!isObject(block)) return { problem: `properties block ${index + 1} is not a block` };
  for (const [field, value] of Object.entries(block))
    if (isExpression(value))
      return {
        problem: `properties block ${index + 1}: ${field} = ${shorten(value)} needs Terraform to evaluate it`,
      };
  const name = literalString(block.name);
  const type = literalString(block.type);
  if (!name) return { problem: `properties block ${index + 1} has no name` };
  if (!type || !(COLUMN_TYPES as readonly string[]).includes(type))
    return {
      problem: `property "${name}" has type ${JSON.stringify(block.type ?? null)}; it must be one of ${COLUMN_TYPES.join(', ')}`,
    };
  const title = literalString(block.title);
  const converted = block.default === undefined ? null : convertDefault(type as ColumnType, block.default);
  if (converted === undefined)
    return {
      problem: `property "${name}" has default ${JSON.stringify(block.default)}, which is not a ${type}`,
    };
  return {
    name,
    type: type as ColumnType,
    title: title !== undefined && title !== name ? title : undefined,
    required: false,
    default: converted ?? undefined,
    allow: [],
    position: NOWHERE,
  };
}
