import { compareKeys, sortedByKey } from '../config/keys.js';
import type { DesiredRow, TableConfig } from '../config/types.js';
import type { CellValue, ColumnSchema, Row, TableSchema } from '../genesys/types.js';
import { effectiveValue, sameCell } from './equality.js';
import type { CellChange, RowCreate, RowDelete, RowUpdate } from './types.js';

/** A column the diff compares, with what it needs to know per cell worked out once. */
interface ComparedColumn {
  name: string;
  definition: ColumnSchema;
  /** For string columns typed per row: the column that holds the kind, and its default. */
  typedBy?: { column: string; fallback: CellValue | undefined } | undefined;
}

export interface RowDiff {
  creates: RowCreate[];
  updates: RowUpdate[];
  deletes: RowDelete[];
  unchanged: number;
  /** Live rows the file does not mention and leaves alone (prune: false). */
  unmanagedRows: number;
}

/**
 * Diffs the rows: creates and updates in key order, then deletes (or unmanaged rows) in key
 * order. Allocates only for what changes: a row that is the same costs lookups, nothing more.
 */
export function diffRows(
  config: TableConfig,
  liveRows: readonly Row[],
  schema: TableSchema,
  managed: ReadonlySet<string>,
): RowDiff {
  const compared = comparedColumns(config, schema, managed);
  const live = new Map<string, Row>();
  for (const row of liveRows) live.set(String(row.key), row);
  const diff: RowDiff = { creates: [], updates: [], deletes: [], unchanged: 0, unmanagedRows: 0 };
  const desiredKeys = new Set<string>();
  for (const desired of sortedByKey(config.rows, (row) => row.key)) {
    desiredKeys.add(desired.key);
    const current = live.get(desired.key);
    if (!current) {
      diff.creates.push({ key: desired.key, row: { key: desired.key, ...desired.cells } });
      continue;
    }
    const cells = changedCells(desired, current, compared);
    if (cells === undefined) diff.unchanged += 1;
    else
      diff.updates.push({
        key: desired.key,
        cells,
        before: current,
        after: fullRow(desired, current, compared, managed),
      });
  }
  // Only the live rows the file leaves out are sorted: usually few, or none.
  for (const [key, row] of live) {
    if (desiredKeys.has(key)) continue;
    if (config.prune) diff.deletes.push({ key, row });
    else diff.unmanagedRows += 1;
  }
  diff.deletes.sort((a, b) => compareKeys(a.key, b.key));
  return diff;
}

/** The columns compared: all but the key and the managed ones, in schema order. */
function comparedColumns(
  config: TableConfig,
  schema: TableSchema,
  managed: ReadonlySet<string>,
): ComparedColumn[] {
  const specs = new Map(config.columns.map((column) => [column.name, column]));
  return Object.entries(schema.properties)
    .filter(([name]) => name !== 'key' && !managed.has(name))
    .map(([name, definition]) => {
      const by = specs.get(name)?.typedBy;
      return {
        name,
        definition,
        typedBy: by === undefined ? undefined : { column: by, fallback: specs.get(by)?.default },
      };
    });
}

/** Whether a cell holds json: its column is typed per row, and the row's kind is json. */
function holdsJson(desired: DesiredRow, column: ComparedColumn): boolean {
  if (column.typedBy === undefined) return false;
  return (desired.cells[column.typedBy.column] ?? column.typedBy.fallback) === 'json';
}

/** The cells of a row that change, in column order; undefined when none does. */
function changedCells(
  desired: DesiredRow,
  current: Row,
  compared: readonly ComparedColumn[],
): CellChange[] | undefined {
  let cells: CellChange[] | undefined;
  for (let index = 0; index < compared.length; index++) {
    const column = compared[index]!;
    const wanted = desired.cells[column.name];
    if (sameCell(wanted, current[column.name], column.definition, holdsJson(desired, column))) continue;
    cells ??= [];
    cells.push({
      column: column.name,
      before: current[column.name] ?? null,
      after: effectiveValue(wanted, column.definition),
    });
  }
  return cells;
}

/**
 * The whole row a PUT sends: every compared column (a left-out cell would revert to its default
 * anyway, so it is written as that default), plus the managed columns as they are live; the
 * deploy stamps those.
 */
function fullRow(
  desired: DesiredRow,
  current: Row,
  compared: readonly ComparedColumn[],
  managed: ReadonlySet<string>,
): Row {
  const row: Row = { key: desired.key };
  for (let index = 0; index < compared.length; index++) {
    const column = compared[index]!;
    row[column.name] = effectiveValue(desired.cells[column.name], column.definition);
  }
  for (const column of managed) if (current[column] !== undefined) row[column] = current[column]!;
  return row;
}
