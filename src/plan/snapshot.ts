import pLimit from 'p-limit';
import type { TableConfig } from '../config/types.js';
import type { DataTablesApi } from '../genesys/datatables.js';
import type { DataTable, Row, TableSchema } from '../genesys/types.js';
import { sha256Of } from './canonical.js';

/** A live table as read for planning. */
export interface LiveTable {
  id: string;
  name: string;
  division?: string | undefined;
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
  const sorted = [...rows].sort((a, b) => compareKeys(String(a.key), String(b.key)));
  return sha256Of({ properties: schema.properties, rows: sorted });
}

/** Key order everywhere in plans: by UTF-16 code units, independent of locale. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Reads the live tables the configs target: one paged listing of all tables (with schemas)
 * finds them by name or id, then each table's rows are read in pages, several tables at once,
 * all within the client's shared rate budget.
 */
export async function readSnapshot(
  tables: DataTablesApi,
  configs: readonly TableConfig[],
  options: { tableConcurrency?: number; onTable?: (name: string, rows: number) => void } = {},
): Promise<LiveSnapshot> {
  const all = await tables.listTables({ expandSchema: true });
  const byId = new Map(all.map((table) => [table.id, table]));
  const byName = new Map(all.map((table) => [table.name.toLowerCase(), table]));
  const limit = pLimit(options.tableConcurrency ?? 4);
  return Promise.all(
    configs.map((config) =>
      limit(async () => {
        const found: DataTable | undefined =
          config.table.id !== undefined
            ? byId.get(config.table.id)
            : byName.get(config.table.name!.toLowerCase());
        if (!found) return null;
        // The listing's schema is enough; a table whose listing lacks it is read on its own.
        const schema = found.schema ?? (await tables.getTable(found.id)).schema!;
        const rows = await tables.listRows(found.id);
        options.onTable?.(found.name, rows.length);
        return {
          id: found.id,
          name: found.name,
          division: found.division?.name,
          schema,
          rows,
          fingerprint: fingerprintTable(schema, rows),
        } satisfies LiveTable;
      }),
    ),
  );
}
