import { defaultFor } from '../genesys/schema.js';
import type { CellValue } from '../genesys/types.js';
import type { ColumnSpec } from '../config/types.js';
import { isObject, type JsonValue } from './types.js';
import { convertCell } from './values.js';

/**
 * A row's properties_json as config cells: each value in its column's type, cells that hold the
 * column's default left out (the service fills them; the provider does the same at plan time,
 * which is why rows in state are complete), as export leaves them out. Cells the file could not
 * hold are returned as problems, each naming the field.
 */
export function cellsFrom(
  json: string | undefined,
  columns: readonly ColumnSpec[],
): { cells: Record<string, CellValue>; problems: string[] } {
  const cells: Record<string, CellValue> = {};
  const problems: string[] = [];
  if (json === undefined || json === '') return { cells, problems };
  let parsed: JsonValue;
  try {
    parsed = JSON.parse(json) as JsonValue;
  } catch (error) {
    return { cells, problems: [`properties_json is not valid JSON (${(error as Error).message})`] };
  }
  if (!isObject(parsed)) return { cells, problems: ['properties_json is not a JSON object'] };
  const byName = new Map(columns.map((column) => [column.name, column]));
  for (const [field, value] of Object.entries(parsed)) {
    // The provider sends the key from key_value; a "key" field in the body is the same value.
    if (field === 'key' || value === null) continue;
    const column = byName.get(field);
    if (!column) {
      problems.push(`field "${field}" is not a property of the table`);
      continue;
    }
    const cell = convertCell(column.type, value);
    if (cell === undefined) {
      problems.push(`field "${field}" holds ${JSON.stringify(value)}, which is not a ${column.type}`);
      continue;
    }
    if (
      cell !==
      defaultFor({ type: column.type, ...(column.default !== undefined ? { default: column.default } : {}) })
    )
      cells[field] = cell;
  }
  return { cells, problems };
}
