import pLimit from 'p-limit';
import type { TableConfig } from '../config/types.js';
import type { DataTablesApi } from '../genesys/datatables.js';
import type { DataTable, DivisionRef, Row, TableSchema } from '../genesys/types.js';
import { compareKeys, sortedByKey } from '../config/keys.js';
import { sha256Of } from './canonical.js';

export { compareKeys };

/** A live table as read for planning. */
export interface LiveTable {
  id: string;
  name: string;
  division?: string | undefined;
  divisionRef?: DivisionRef | undefined;
  description?: string | undefined;
  schema: TableSchema;
  rows: Row[];
  /** sha256 over the canonical schema and the rows sorted by key. */
  fingerprint: string;
}

/** What exists for each config, in config order; null where the table does not exist yet. */
export type LiveSnapshot = Array<LiveTable | null>;

/**
 * The fingerprint of a live table: schema and rows, rows sorted by key, hashed canonically, so
 * that any change to any cell (or the schema) changes it, and nothing else does.
 */
export function fingerprintTable(schema: TableSchema, rows: readonly Row[]): string {
  return sha256Of({ properties: schema.properties, rows: sortedByKey(rows, (row) => String(row.key)) });
}

/** How a table is named: by id, or by its (case-insensitive) name. */
export interface TableRef {
  id?: string | undefined;
  name?: string | undefined;
}

export interface SnapshotOptions {
  tableConcurrency?: number;
  onTable?: (name: string, rows: number) => void;
}

/** The live tables the configs target (see {@link readTables}). */
export function readSnapshot(
  tables: DataTablesApi,
  configs: readonly TableConfig[],
  options: SnapshotOptions = {},
): Promise<LiveSnapshot> {
  return readTables(
    tables,
    configs.map((config) => config.table),
    options,
  );
}

/**
 * Reads tables: one paged listing of all tables (with schemas) finds them by id or name, then
 * each table's rows are read in pages, several tables at once, all within the client's shared
 * rate budget. Null where a table does not exist.
 */
export async function readTables(
  tables: DataTablesApi,
  refs: readonly TableRef[],
  options: SnapshotOptions = {},
): Promise<LiveSnapshot> {
  const all = await tables.listTables({ expandSchema: true });
  const byId = new Map(all.map((table) => [table.id, table]));
  const byName = new Map(all.map((table) => [table.name.toLowerCase(), table]));
  const limit = pLimit(options.tableConcurrency ?? 4);
  return Promise.all(
    refs.map((ref) =>
      limit(async () => {
        const found: DataTable | undefined =
          ref.id !== undefined ? byId.get(ref.id) : byName.get((ref.name ?? '').toLowerCase());
        if (!found) return null;
        // The listing's schema is enough; a table whose listing lacks it is read on its own.
        const schema = found.schema ?? (await tables.getTable(found.id)).schema!;
        const rows = await tables.listRows(found.id);
        options.onTable?.(found.name, rows.length);
        return liveTable({ ...found, schema }, rows);
      }),
    ),
  );
}

/** A table and its rows as the plan's read gives them (the deploy's guard and read-backs too). */
export function liveTable(table: DataTable & { schema: TableSchema }, rows: Row[]): LiveTable {
  return {
    id: table.id,
    name: table.name,
    division: table.division?.name,
    divisionRef: table.division
      ? { id: table.division.id, ...(table.division.name ? { name: table.division.name } : {}) }
      : undefined,
    description: table.description,
    schema: table.schema,
    rows,
    fingerprint: fingerprintTable(table.schema, rows),
  };
}
