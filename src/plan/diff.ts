import { desiredTableSchema } from '../config/desired-schema.js';
import { compareWithLive } from '../config/evolution.js';
import type { DesiredRow, TableConfig } from '../config/types.js';
import type { ColumnSchema, Row, TableSchema } from '../genesys/types.js';
import { effectiveValue, sameCell } from './equality.js';
import { compareKeys, type LiveTable } from './snapshot.js';
import type {
  BlockedChange,
  CellChange,
  RowCreate,
  RowDelete,
  RowUpdate,
  SchemaChange,
  TablePlan,
} from './types.js';

/** The parts of a table plan that come from the diff; predictions are added by the builder. */
export type TableDiff = Omit<TablePlan, 'prediction'>;

/**
 * Diffs one table: the config's desired state against the live table (or nothing, when the
 * table does not exist). Pure and deterministic: rows come out sorted by key.
 */
export function diffTable(config: TableConfig, live: LiveTable | null): TableDiff {
  const desiredSchema = desiredTableSchema(config);
  const name = live?.name ?? config.table.name ?? config.table.id!;
  const blocked: BlockedChange[] = [];
  const schemaChanges: SchemaChange[] = [];
  let schema: TableSchema;

  if (!live) {
    if (config.table.id !== undefined) {
      blocked.push({
        rule: 'table-not-found',
        message: `No data table has the id ${config.table.id}.`,
        hint: 'Check table_id, or give the table by name ("table:") so that it can be created.',
      });
    }
    schema = desiredSchema;
    schemaChanges.push({ kind: 'create-table', columns: Object.keys(desiredSchema.properties).length });
  } else {
    const evolution = compareWithLive(config, live.schema);
    for (const item of evolution.findings)
      blocked.push({ rule: item.rule, column: item.field, message: item.message, hint: item.hint });
    // Existing columns keep their live definition: the service accepts only added fields.
    const properties: Record<string, ColumnSchema> = { ...live.schema.properties };
    for (const column of evolution.added) {
      const definition = desiredSchema.properties[column.name]!;
      properties[column.name] = { ...definition, displayOrder: Object.keys(properties).length };
      schemaChanges.push({
        kind: 'add-column',
        column: column.name,
        type: column.type,
        definition: properties[column.name]!,
      });
    }
    schema = { ...live.schema, properties };
  }

  const managed = {
    version: config.columns.find((column) => column.managed === 'version')?.name,
    actor: config.columns.find((column) => column.managed === 'actor')?.name,
  };
  const managedNames = new Set(
    [managed.version, managed.actor].filter((column): column is string => column !== undefined),
  );
  const compared = Object.entries(schema.properties).filter(
    ([column]) => column !== 'key' && !managedNames.has(column),
  );
  const jsonColumns = jsonCellsOf(config);

  const liveRows = new Map<string, Row>((live?.rows ?? []).map((row) => [String(row.key), row]));
  const creates: RowCreate[] = [];
  const updates: RowUpdate[] = [];
  let unchanged = 0;
  const desiredKeys = new Set<string>();
  for (const desired of [...config.rows].sort((a, b) => compareKeys(a.key, b.key))) {
    desiredKeys.add(desired.key);
    const current = liveRows.get(desired.key);
    if (!current) {
      creates.push({ key: desired.key, row: { key: desired.key, ...desired.cells } });
      continue;
    }
    const cells: CellChange[] = [];
    for (const [column, definition] of compared) {
      const json = jsonColumns(desired, column);
      if (!sameCell(desired.cells[column], current[column], definition, json)) {
        cells.push({
          column,
          before: current[column] ?? null,
          after: effectiveValue(desired.cells[column], definition),
        });
      }
    }
    if (cells.length === 0) {
      unchanged += 1;
      continue;
    }
    updates.push({
      key: desired.key,
      cells,
      before: current,
      after: fullRow(desired, current, compared, managedNames),
    });
  }

  const deletes: RowDelete[] = [];
  let unmanagedRows = 0;
  for (const [key, row] of [...liveRows].sort(([a], [b]) => compareKeys(a, b))) {
    if (desiredKeys.has(key)) continue;
    if (config.prune) deletes.push({ key, row });
    else unmanagedRows += 1;
  }

  // The service refuses a create past the table's row limit, so the rows the table ends with
  // must fit (unmanaged rows count too); apply orders deletes first when only they make room.
  const liveRowCount = live?.rows.length ?? 0;
  const finalRows = liveRowCount + creates.length - deletes.length;
  if (finalRows > config.limits.maxRows)
    blocked.push({
      rule: 'row-limit',
      message: `After this deploy the table would hold ${finalRows} rows (${liveRowCount} now, ${creates.length} created, ${deletes.length} deleted${unmanagedRows > 0 ? `, ${unmanagedRows} of them not in the file` : ''}); at most ${config.limits.maxRows} fit.`,
      hint: 'Remove rows from the file, set prune: true so that rows missing from it are deleted, or raise limits.maxRows if Genesys raised the limit for your org.',
    });

  return {
    name,
    id: live?.id,
    file: config.file,
    division: config.division ?? live?.division,
    description: config.description,
    schema,
    managed,
    prune: config.prune,
    schemaChanges,
    blocked,
    creates,
    updates,
    deletes,
    unchanged,
    unmanagedRows,
    liveRowCount,
    rowLimit: config.limits.maxRows,
    liveFingerprint: live?.fingerprint ?? null,
  };
}

/**
 * The whole row a PUT sends: every compared column (a left-out cell would revert to its default
 * anyway, so it is written as that default), plus the managed columns as they are live; the
 * deploy stamps those.
 */
function fullRow(
  desired: DesiredRow,
  current: Row,
  compared: Array<[string, ColumnSchema]>,
  managed: Set<string>,
): Row {
  const row: Row = { key: desired.key };
  for (const [column, definition] of compared)
    row[column] = effectiveValue(desired.cells[column], definition);
  for (const column of managed) if (current[column] !== undefined) row[column] = current[column]!;
  return row;
}

/** Which cells hold json: string columns typed per row whose kind in that row is json. */
function jsonCellsOf(config: TableConfig): (row: DesiredRow, column: string) => boolean {
  const typed = new Map(
    config.columns
      .filter((column) => column.typedBy !== undefined)
      .map((column) => [
        column.name,
        {
          by: column.typedBy!,
          fallback: config.columns.find((other) => other.name === column.typedBy)?.default,
        },
      ]),
  );
  return (row, column) => {
    const typing = typed.get(column);
    if (!typing) return false;
    return (row.cells[typing.by] ?? typing.fallback) === 'json';
  };
}
