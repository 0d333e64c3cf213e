import type { CellValue, ColumnType } from '../genesys/types.js';
import type { JsonValue } from './types.js';

/** True for a string Terraform left unevaluated: a reference, a call, an interpolation. */
export function isExpression(value: JsonValue | undefined): value is string {
  return typeof value === 'string' && /[$%]\{/.test(value);
}

/** A literal string attribute; empty counts as unset (state stores unset strings as ""). */
export function literalString(value: JsonValue | undefined): string | undefined {
  return typeof value === 'string' && value !== '' && !isExpression(value) ? value : undefined;
}

// strconv.ParseBool, which the provider uses on a boolean column's default.
const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/**
 * A property default as the provider converts it: the attribute is a string ("false", "30"),
 * parsed by the column type; "" means no default. Undefined when it cannot be converted.
 */
export function convertDefault(type: ColumnType, value: JsonValue): CellValue | null | undefined {
  if (value === null || value === '') return null;
  const text =
    typeof value === 'string'
      ? value
      : typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : undefined;
  if (text === undefined) return undefined;
  if (type === 'string') return text;
  if (type === 'boolean') return TRUE.has(text) ? true : FALSE.has(text) ? false : undefined;
  if (type === 'integer')
    return /^[+-]?\d+$/.test(text) && Number.isSafeInteger(Number(text)) ? Number(text) : undefined;
  const number = Number(text);
  return text.trim() !== '' && Number.isFinite(number) ? number : undefined;
}

/**
 * A cell from properties_json, in the column's type. JSON of the right type is taken as it is;
 * text that reads back as the same value of the column's type is converted (state and older
 * exports hold some numbers and booleans as text). Undefined when neither works.
 */
export function convertCell(type: ColumnType, value: JsonValue): CellValue | undefined {
  if (type === 'string') return typeof value === 'string' ? value : undefined;
  if (type === 'boolean') {
    if (typeof value === 'boolean') return value;
    return value === 'true' ? true : value === 'false' ? false : undefined;
  }
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && String(Number(value)) === value
        ? Number(value)
        : undefined;
  if (number === undefined || !Number.isFinite(number)) return undefined;
  return type === 'integer' && !Number.isInteger(number) ? undefined : number;
}
