import type { CellValue } from '../genesys/types.js';
import type { ValueKind } from './types.js';

/**
 * A value as a plugin receives it: a cell's text read as its kind (json parsed). The runtime
 * reader serves these; validate checks consumer contracts against the same values, so both
 * sides share this code (src/runtime re-exports it).
 */
export type TypedValue = CellValue | null | readonly unknown[] | { readonly [key: string]: unknown };

/** Where a table keeps each row's value and the kind its text holds (examples/config/*.yaml). */
export interface ValueColumns {
  readonly valueColumn: string;
  readonly typeColumn: string;
}

export const DEFAULT_VALUE_COLUMNS: ValueColumns = { valueColumn: 'config_value', typeColumn: 'data_type' };

export type ParsedValue = { ok: true; value: TypedValue } | { ok: false; problem: string };

/** Reads a cell's text as the kind its typing column names (a missing kind is a string). */
export function parseTypedValue(cell: CellValue | undefined, kind: string | undefined): ParsedValue {
  if (cell === undefined) return { ok: false, problem: 'the row has no value' };
  const text = typeof cell === 'string' ? cell.trim() : String(cell);
  switch ((kind === undefined || kind === '' ? 'string' : kind) as ValueKind) {
    case 'string':
      return { ok: true, value: typeof cell === 'string' ? cell : String(cell) };
    case 'integer':
      if (/^[-+]?\d+$/.test(text) && Number.isSafeInteger(Number(text)))
        return { ok: true, value: Number(text) };
      return { ok: false, problem: `${JSON.stringify(cell)} is not a whole number` };
    case 'number': {
      const number = text === '' ? NaN : Number(text);
      if (Number.isFinite(number)) return { ok: true, value: number };
      return { ok: false, problem: `${JSON.stringify(cell)} is not a finite number` };
    }
    case 'boolean':
      if (text === 'true' || text === 'false') return { ok: true, value: text === 'true' };
      return { ok: false, problem: `${JSON.stringify(cell)} is not true or false` };
    case 'json':
      try {
        return { ok: true, value: deepFreeze(JSON.parse(text) as TypedValue) };
      } catch (error) {
        return { ok: false, problem: `the text is not JSON (${(error as Error).message})` };
      }
    default:
      return { ok: false, problem: `${JSON.stringify(kind)} is not a value kind` };
  }
}

/** Freezes a value and everything it holds. */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  for (const member of Object.values(value)) deepFreeze(member);
  return Object.freeze(value);
}
