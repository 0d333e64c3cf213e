import { compareKeys, sortedByKey } from '../config/keys.js';
import type { DesiredRow, TableConfig } from '../config/types.js';
import { defaultFor } from '../genesys/schema.js';
import type { CellValue, ColumnSchema, Row, TableSchema } from '../genesys/types.js';
import { sameCell } from './equality.js';
import type { CellChange, RowCreate, RowDelete, RowUpdate } from './types.js';

/** A column the diff compares, with what it needs to know per cell worked out once. */
interface ComparedColumn {
  name: string;
  definition: ColumnSchema;
  /** The value the service fills in for a missing cell. */
  fallback: CellValue;
  /** For string columns typed per row: the column that holds the kind, and its default. */
  typedBy?: { column: string; fallback: CellValue | undefined } | undefined;
}

/** A member of the row an update sends, where its value comes from. */
type AfterMember =
  | { name: string; from: 'key' }
  | { name: string; from: 'desired'; column: ComparedColumn }
  | { name: string; from: 'live' };

/** The columns of a table as the diff sees them. */
interface DiffColumns {
  compared: readonly ComparedColumn[];
  /**
   * The members of an update's whole row in the order the row is sent: the key, the compared
   * columns in schema order, the managed ones (the order rows are read back in, which callers
   * may compare as text).
   */
  after: readonly AfterMember[];
  /**
   * A row with every member of {@link after} (when each row has them all: no managed column),
   * copied to start each row: one allocation of the right size instead of a row grown member
   * by member.
   */
  template: Row | undefined;
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
  const columns = diffColumns(config, schema, managed);
  const diff: RowDiff = { creates: [], updates: [], deletes: [], unchanged: 0, unmanagedRows: 0 };
  const pairs = {
    desired: (desired: DesiredRow, current: Row | undefined) => diffRow(diff, desired, current, columns),
    liveOnly: (key: string, row: Row) => {
      if (config.prune) diff.deletes.push({ key, row });
      else diff.unmanagedRows += 1;
    },
  };
  // Both sides usually come in key order (files are kept sorted, the service pages by key):
  // then one walk pairs them, with no index of the live rows and no sort of the deletes.
  if (strictlyOrdered(config.rows, liveRows)) mergeRows(config.rows, liveRows, pairs);
  else {
    indexRows(config.rows, liveRows, pairs);
    diff.deletes.sort((a, b) => compareKeys(a.key, b.key));
  }
  return diff;
}

interface Pairing {
  /** A desired row, with the live row of its key if there is one. */
  desired(desired: DesiredRow, current: Row | undefined): void;
  /** A live row no desired row has the key of. */
  liveOnly(key: string, row: Row): void;
}

/** Whether both lists are in key order with no key twice. */
function strictlyOrdered(desired: readonly DesiredRow[], live: readonly Row[]): boolean {
  for (let index = 1; index < desired.length; index++)
    if (!(desired[index - 1]!.key < desired[index]!.key)) return false;
  for (let index = 1; index < live.length; index++)
    if (!(String(live[index - 1]!.key) < String(live[index]!.key))) return false;
  return true;
}

/** Pairs two lists in strict key order in one walk. */
function mergeRows(desired: readonly DesiredRow[], live: readonly Row[], pairing: Pairing): void {
  let next = 0;
  for (const row of desired) {
    while (next < live.length && String(live[next]!.key) < row.key) {
      pairing.liveOnly(String(live[next]!.key), live[next]!);
      next += 1;
    }
    if (next < live.length && String(live[next]!.key) === row.key) {
      pairing.desired(row, live[next]!);
      next += 1;
    } else pairing.desired(row, undefined);
  }
  for (; next < live.length; next++) pairing.liveOnly(String(live[next]!.key), live[next]!);
}

/** Pairs lists in any order (a repeated live key: the last one counts) through an index. */
function indexRows(desiredRows: readonly DesiredRow[], liveRows: readonly Row[], pairing: Pairing): void {
  const live = new Map<string, Row>();
  for (const row of liveRows) live.set(String(row.key), row);
  const desiredKeys = new Set<string>();
  for (const desired of sortedByKey(desiredRows, (row) => row.key)) {
    desiredKeys.add(desired.key);
    pairing.desired(desired, live.get(desired.key));
  }
  for (const [key, row] of live) if (!desiredKeys.has(key)) pairing.liveOnly(key, row);
}

function diffRow(diff: RowDiff, desired: DesiredRow, current: Row | undefined, columns: DiffColumns): void {
  if (!current) {
    diff.creates.push({ key: desired.key, row: { key: desired.key, ...desired.cells } });
    return;
  }
  const cells = changedCells(desired, current, columns.compared);
  if (cells === undefined) diff.unchanged += 1;
  else
    diff.updates.push({
      key: desired.key,
      cells,
      before: current,
      after: fullRow(desired, current, columns),
    });
}

/** The columns compared (all but the key and the managed ones, in schema order), and the row order. */
function diffColumns(config: TableConfig, schema: TableSchema, managed: ReadonlySet<string>): DiffColumns {
  const specs = new Map(config.columns.map((column) => [column.name, column]));
  const compared = Object.entries(schema.properties)
    .filter(([name]) => name !== 'key' && !managed.has(name))
    .map(([name, definition]): ComparedColumn => {
      const by = specs.get(name)?.typedBy;
      return {
        name,
        definition,
        fallback: defaultFor(definition),
        typedBy: by === undefined ? undefined : { column: by, fallback: specs.get(by)?.default },
      };
    });
  const after: AfterMember[] = [
    { name: 'key', from: 'key' },
    ...compared.map((column) => ({ name: column.name, from: 'desired' as const, column })),
    ...[...managed].filter((name) => name !== 'key').map((name) => ({ name, from: 'live' as const })),
  ];
  const template = after.every((member) => member.from !== 'live')
    ? Object.fromEntries(after.map((member) => [member.name, '']))
    : undefined;
  return { compared, after, template };
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
    const live = current[column.name];
    // The same value (or both missing) is the same cell whatever the column: no lookups.
    if (wanted === live) continue;
    if (sameCell(wanted, live, column.definition, holdsJson(desired, column))) continue;
    cells ??= [];
    // Members in sorted (canonical) order: the digest writes the change as it is, without a copy.
    cells.push({
      after: wanted === undefined ? column.fallback : wanted,
      before: live ?? null,
      column: column.name,
    });
  }
  return cells;
}

/**
 * The whole row a PUT sends: every compared column (a left-out cell would revert to its default
 * anyway, so it is written as that default), plus the managed columns as they are live; the
 * deploy stamps those.
 */
function fullRow(desired: DesiredRow, current: Row, columns: DiffColumns): Row {
  const row: Row = columns.template ? { ...columns.template } : {};
  for (const member of columns.after) {
    if (member.from === 'desired') {
      const value = desired.cells[member.name];
      row[member.name] = value === undefined ? member.column.fallback : value;
    } else if (member.from === 'key') row.key = desired.key;
    else if (current[member.name] !== undefined) row[member.name] = current[member.name]!;
  }
  return row;
}
