import { defaultFor } from '../genesys/schema.js';
import type { CellValue, ColumnSchema } from '../genesys/types.js';
import { canonicalJson } from './canonical.js';

/**
 * Cell equality as the service sees it: a missing cell is the default the service fills; numbers
 * compare by value (1 and 1.0 are one number); json text compares by parsed value, so that
 * re-serialising (spacing, key order) is not a change.
 */
export function effectiveValue(value: CellValue | undefined, column: ColumnSchema): CellValue {
  return value === undefined ? defaultFor(column) : value;
}

export function sameCell(
  desired: CellValue | undefined,
  live: CellValue | undefined,
  column: ColumnSchema,
  json: boolean,
): boolean {
  const a = effectiveValue(desired, column);
  const b = effectiveValue(live, column);
  if (a === b) return true;
  if (column.type === 'integer' || column.type === 'number') return Number(a) === Number(b);
  if (json && typeof a === 'string' && typeof b === 'string') return sameJson(a, b);
  return false;
}

function sameJson(a: string, b: string): boolean {
  try {
    return canonicalJson(JSON.parse(a)) === canonicalJson(JSON.parse(b));
  } catch {
    return false;
  }
}
