import { desiredTableSchema } from '../config/desired-schema.js';
import { compareWithLive } from '../config/evolution.js';
import type { TableConfig } from '../config/types.js';
import type { ColumnSchema, TableSchema } from '../genesys/types.js';
import { diffRows } from './diff-rows.js';
import type { LiveTable } from './snapshot.js';
import type { BlockedChange, SchemaChange, TablePlan } from './types.js';

/** The parts of a table plan that come from the diff; predictions are added by the builder. */
export type TableDiff = Omit<TablePlan, 'prediction'>;

/**
 * Diffs one table: the config's desired state against the live table (or nothing, when the
 * table does not exist). Pure and deterministic: rows come out sorted by key.
 */
export function diffTable(config: TableConfig, live: LiveTable | null): TableDiff {
  if (config.delete) return tombstoneDiff(config, live);
  const { schema, schemaChanges, blocked } = diffSchema(config, live);
  const managed = {
    version: config.columns.find((column) => column.managed === 'version')?.name,
    actor: config.columns.find((column) => column.managed === 'actor')?.name,
  };
  const managedNames = new Set(
    [managed.version, managed.actor].filter((column): column is string => column !== undefined),
  );
  const rows = diffRows(config, live?.rows ?? [], schema, managedNames);
  const liveRowCount = live?.rows.length ?? 0;
  const tooMany = rowLimitProblem(config, liveRowCount, rows);
  return {
    name: live?.name ?? config.table.name ?? config.table.id!,
    id: live?.id,
    file: config.file,
    division: config.division ?? live?.division,
    description: config.description,
    schema,
    managed,
    prune: config.prune,
    schemaChanges,
    blocked: tooMany ? [...blocked, tooMany] : blocked,
    ...rows,
    liveRowCount,
    rowLimit: config.limits.maxRows,
    liveFingerprint: live?.fingerprint ?? null,
  };
}

/**
 * A tombstone: the whole table is deleted, its rows with it (they are in the backup, not in
 * row deletes); a table that does not exist is already gone, and nothing is done.
 */
function tombstoneDiff(config: TableConfig, live: LiveTable | null): TableDiff {
  return {
    name: live?.name ?? config.table.name ?? config.table.id!,
    id: live?.id,
    file: config.file,
    division: live?.division,
    description: live?.description,
    schema: live?.schema ?? desiredTableSchema(config),
    managed: {},
    prune: false,
    schemaChanges: live ? [{ kind: 'delete-table', rows: live.rows.length }] : [],
    blocked: [],
    creates: [],
    updates: [],
    deletes: [],
    unchanged: 0,
    unmanagedRows: 0,
    liveRowCount: live?.rows.length ?? 0,
    rowLimit: config.limits.maxRows,
    liveFingerprint: live?.fingerprint ?? null,
    tombstone: true,
  };
}

/** The schema the table will have, the changes that take it there, and those refused. */
function diffSchema(
  config: TableConfig,
  live: LiveTable | null,
): { schema: TableSchema; schemaChanges: SchemaChange[]; blocked: BlockedChange[] } {
  const desiredSchema = desiredTableSchema(config);
  const blocked: BlockedChange[] = [];
  if (!live) {
    if (config.table.id !== undefined) {
      blocked.push({
        rule: 'table-not-found',
        message: `No data table has the id ${config.table.id}.`,
        hint: 'Check table_id, or give the table by name ("table:") so that it can be created.',
      });
    }
    const columns = Object.keys(desiredSchema.properties).length;
    return { schema: desiredSchema, schemaChanges: [{ kind: 'create-table', columns }], blocked };
  }
  const evolution = compareWithLive(config, live.schema);
  for (const item of evolution.findings)
    blocked.push({ rule: item.rule, column: item.field, message: item.message, hint: item.hint });
  // Existing columns keep their live definition: the service accepts only added fields.
  const properties: Record<string, ColumnSchema> = { ...live.schema.properties };
  const schemaChanges: SchemaChange[] = [];
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
  return { schema: { ...live.schema, properties }, schemaChanges, blocked };
}

/**
 * The service refuses a create past the table's row limit, so the rows the table ends with
 * must fit (unmanaged rows count too); apply orders deletes first when only they make room.
 */
function rowLimitProblem(
  config: TableConfig,
  liveRowCount: number,
  rows: { creates: readonly unknown[]; deletes: readonly unknown[]; unmanagedRows: number },
): BlockedChange | undefined {
  const finalRows = liveRowCount + rows.creates.length - rows.deletes.length;
  if (finalRows <= config.limits.maxRows) return undefined;
  const unmanaged = rows.unmanagedRows > 0 ? `, ${rows.unmanagedRows} of them not in the file` : '';
  return {
    rule: 'row-limit',
    message: `After this deploy the table would hold ${finalRows} rows (${liveRowCount} now, ${rows.creates.length} created, ${rows.deletes.length} deleted${unmanaged}); at most ${config.limits.maxRows} fit.`,
    hint: 'Remove rows from the file, set prune: true so that rows missing from it are deleted, or raise limits.maxRows if Genesys raised the limit for your org.',
  };
}
