import pLimit from 'p-limit';
import { GenesysApiError } from '../errors.js';
import type { DataTablesApi } from '../genesys/datatables.js';
import type { DataTable, Row, TableSchema } from '../genesys/types.js';
import { liveTable, type LiveTable } from '../plan/snapshot.js';
import { settle, type SettleOptions, type Settled } from './settle.js';
import type { Mismatch } from './verify.js';

/**
 * Reading back what a deploy or a restore wrote, and only that. The table as read before the
 * writes (the read that guarded them and was backed up) stands for every row not written; the
 * written rows are read again, by row GETs when there are fewer of them than pages of the
 * table, else by reading the table's pages. Either way the result is the whole table as it
 * now reads, so the checks that compare whole tables (verify, the restore proof) stay as they
 * are; they just cost no more calls than the writes did.
 */

/** A table written to, and what was written. */
export interface WrittenTable {
  name: string;
  /** Its id now (one the writes created included); undefined when it does not exist. */
  id: string | undefined;
  /** The table as read before the writes; null when the writes created it. */
  before: LiveTable | null;
  /** Keys of the rows written: created, replaced or deleted. */
  keys: readonly string[];
  /** Rows it should hold once the writes show (prices a read by pages). */
  expectedRows: number;
  /** Columns were added, or the table created (or deleted): its definition is read back too. */
  definitionChanged: boolean;
}

/** Row GETs at once (the client's rate budget and concurrency limit still apply). */
const ROW_READS_IN_FLIGHT = 8;

/**
 * Reads the written tables back until the differences settle (see settle.ts). The first read
 * covers every written row; each later one only what the last one still showed different: the
 * rows named by a difference, or the whole written part of a table for a difference that names
 * no row of it (a missing column, the row count, a missing table).
 */
export function settleWritten(
  api: DataTablesApi,
  written: readonly WrittenTable[],
  differences: (after: Array<LiveTable | null>) => Mismatch[],
  options: SettleOptions,
): Promise<Settled<Array<LiveTable | null>, Mismatch>> {
  let views: Array<LiveTable | null> | undefined;
  let pending: Mismatch[] | undefined;
  return settle(
    async () => {
      const again = pending;
      const next = await Promise.all(
        written.map((table, index) => {
          const doubt = again === undefined ? 'all' : doubtsOf(table, again);
          return doubt === 'none'
            ? (views![index] ?? null)
            : readWritten(api, table, views?.[index] ?? null, doubt);
        }),
      );
      views = next;
      return next;
    },
    (after) => (pending = differences(after)),
    options,
  );
}

/** Which of a table's written rows a difference puts in doubt again. */
function doubtsOf(table: WrittenTable, differences: readonly Mismatch[]): 'none' | 'all' | Set<string> {
  const written = new Set(table.keys);
  const keys = new Set<string>();
  for (const item of differences) {
    if (item.table !== table.name) continue;
    if (item.key === undefined || !written.has(item.key)) return 'all';
    keys.add(item.key);
  }
  return keys.size === 0 ? 'none' : keys;
}

/**
 * One table as it reads now. By pages: the table itself. By row GETs: `last` (the previous
 * read back, else the table before the writes) with the rows in doubt read again.
 */
async function readWritten(
  api: DataTablesApi,
  table: WrittenTable,
  last: LiveTable | null,
  doubt: 'all' | Set<string>,
): Promise<LiveTable | null> {
  if (table.id === undefined) return null;
  const pages = Math.max(1, Math.ceil(table.expectedRows / api.rowsPerPage));
  const keys = doubt === 'all' ? table.keys : [...doubt];
  try {
    const definition = table.definitionChanged ? await api.getTable(table.id) : undefined;
    const base = last ?? table.before;
    if (keys.length >= pages || !base) {
      const rows = await api.listRows(table.id);
      return liveTable(definitionOf(table, definition, base), rows);
    }
    return liveTable(
      definitionOf(table, definition, base),
      await withRowsRead(api, table.id, base.rows, keys),
    );
  } catch (error) {
    // Rows that are not there read as absent (getRow), so a 404 here is the table's own.
    if (error instanceof GenesysApiError && error.status === 404) return null;
    throw error;
  }
}

/** `rows` with the rows of these keys as they read now (gone where a GET finds none). */
async function withRowsRead(
  api: DataTablesApi,
  tableId: string,
  rows: readonly Row[],
  keys: readonly string[],
): Promise<Row[]> {
  const limit = pLimit(ROW_READS_IN_FLIGHT);
  const read = await Promise.all(keys.map((key) => limit(() => api.getRow(tableId, key))));
  const byKey = new Map(rows.map((row) => [String(row.key), row]));
  keys.forEach((key, index) => {
    const row = read[index];
    if (row) byKey.set(key, row);
    else byKey.delete(key);
  });
  return [...byKey.values()];
}

function definitionOf(
  table: WrittenTable,
  read: DataTable | undefined,
  base: LiveTable | null,
): DataTable & { schema: TableSchema } {
  if (read?.schema) return { ...read, schema: read.schema };
  if (base) return { ...tableOf(base), ...(read ?? {}) };
  throw new Error(`${table.name}: the table's definition could not be read back`);
}

const tableOf = (live: LiveTable): DataTable & { schema: TableSchema } => ({
  id: live.id,
  name: live.name,
  ...(live.description === undefined ? {} : { description: live.description }),
  ...(live.divisionRef ? { division: live.divisionRef } : {}),
  schema: live.schema,
});
