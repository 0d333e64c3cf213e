import { defaultFor } from '../genesys/schema.js';
import type { CellValue, DataTable, Row, TableSchema } from '../genesys/types.js';
import { compareKeys } from './keys.js';
import { DEFAULT_LIMITS, type ColumnSpec, type DesiredRow, type TableConfig } from './types.js';

const NOWHERE = { line: 0, column: 0 };

/**
 * A config that describes a live table exactly: its columns in display order with their stored
 * attributes, and every row, leaving out cells that hold the column's default (the service
 * fills those, so a plan of the result shows no changes).
 */
export function configFromLive(
  table: DataTable & { schema: TableSchema },
  rows: readonly Row[],
  options: { environment?: string; file?: string } = {},
): TableConfig {
  const entries = Object.entries(table.schema.properties)
    .filter(([name]) => name !== 'key')
    .sort(([, a], [, b]) => (a.displayOrder ?? Infinity) - (b.displayOrder ?? Infinity) || 0);
  const columns: ColumnSpec[] = entries.map(([name, property]) => ({
    name,
    type: property.type,
    title: property.title !== undefined && property.title !== name ? property.title : undefined,
    description: typeof property.description === 'string' ? property.description : undefined,
    required: false,
    minLength: property.type === 'string' ? property.minLength : undefined,
    maxLength: property.type === 'string' ? property.maxLength : undefined,
    minimum: property.type === 'integer' || property.type === 'number' ? property.minimum : undefined,
    maximum: property.type === 'integer' || property.type === 'number' ? property.maximum : undefined,
    default: property.default,
    allow: [],
    position: NOWHERE,
  }));
  const desired: DesiredRow[] = [...rows]
    .sort((a, b) => compareKeys(String(a.key), String(b.key)))
    .map((row) => {
      const cells: Record<string, CellValue> = {};
      for (const [name, property] of entries) {
        const value = row[name];
        if (value !== undefined && value !== defaultFor(property)) cells[name] = value;
      }
      return { key: String(row.key), cells, position: NOWHERE, cellPositions: {} };
    });
  const key = table.schema.properties.key;
  return {
    file: options.file ?? `${table.name}.yaml`,
    table: { name: table.name },
    description: table.description,
    division: table.division?.name,
    environment: options.environment,
    keyTitle: key?.title ?? 'key',
    keyDescription: typeof key?.description === 'string' ? key.description : undefined,
    prune: true,
    limits: {
      ...DEFAULT_LIMITS,
      maxRows: Math.max(DEFAULT_LIMITS.maxRows, rows.length),
      maxColumns: Math.max(DEFAULT_LIMITS.maxColumns, entries.length + 1),
    },
    columns,
    valueSchemas: {},
    allow: [],
    rows: desired,
    position: NOWHERE,
  };
}
