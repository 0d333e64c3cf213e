import type { Clock } from '../clock.js';
import { GenesysApiError } from '../errors.js';
import { tableNotFound, type DataTablesApi } from '../genesys/datatables.js';
import type { CallMeta } from '../genesys/http.js';
import type { DataTable, NewDataTable, Row } from '../genesys/types.js';

type Observe = (meta: CallMeta) => void;

/**
 * No answer (timeout, reset) or a gateway error: the service may have applied the request, or
 * may still apply it. Only a read can tell what happened.
 */
export function outcomeUnknown(error: unknown): boolean {
  return (
    error instanceof GenesysApiError && (error.status === 0 || error.status === 502 || error.status === 504)
  );
}

const isStatus = (error: unknown, status: number): boolean =>
  error instanceof GenesysApiError && error.status === status;

/** The key exists already (409, or 400 with a duplicate code: the status is unconfirmed). */
const isDuplicate = (error: unknown): boolean =>
  error instanceof GenesysApiError &&
  (error.status === 409 || (error.status === 400 && /duplicate/i.test(error.code)));

/** 404 for the row, not for its table (a table gone is not something a row write can mend). */
const rowNotFound = (error: unknown): boolean => isStatus(error, 404) && !tableNotFound(error);

/** True when the row read back holds every value that was sent. */
function holds(found: Row | undefined, row: Row): boolean {
  return found !== undefined && Object.entries(row).every(([column, value]) => found[column] === value);
}

/**
 * Creates a row so that it ends up as `row`, whatever happened before:
 * - a POST whose outcome is unknown is resolved by reading the row: there with what was sent →
 *   done; there with other values → replaced; absent → posted again (a POST is never repeated
 *   blindly, but one the read shows absent may be, and if the first then lands after all the
 *   second is refused as a duplicate, which is resolved the same way);
 * - a duplicate key (the row appeared since the plan was read, or a read lagged behind) →
 *   replaced with what the plan wants.
 */
export async function createRowSafely(
  tables: DataTablesApi,
  tableId: string,
  row: Row,
  observe: Observe,
): Promise<void> {
  const key = String(row.key);
  for (let attempt = 1; ; attempt++) {
    try {
      await tables.createRow(tableId, row, observe);
      return;
    } catch (error) {
      const duplicate = isDuplicate(error);
      if (!duplicate && !outcomeUnknown(error)) throw error;
      if (attempt >= 3) throw error;
      const found = await tables.getRow(tableId, key);
      if (holds(found, row)) return;
      if (found) {
        await tables.replaceRow(tableId, row, observe);
        return;
      }
      if (duplicate) {
        // Refused as a duplicate, so the key exists, though the (lagging) read does not show it yet.
        await tables.replaceRow(tableId, row, observe);
        return;
      }
    }
  }
}

/** Replaces a row; one that has gone since the plan was read is created again. */
export async function replaceRowSafely(
  tables: DataTablesApi,
  tableId: string,
  row: Row,
  observe: Observe,
): Promise<void> {
  try {
    await tables.replaceRow(tableId, row, observe);
  } catch (error) {
    if (!rowNotFound(error)) throw error;
    await createRowSafely(tables, tableId, row, observe);
  }
}

/** Deletes a row; one already gone (a re-run after a crash, a retried DELETE) is the goal reached. */
export async function deleteRowSafely(
  tables: DataTablesApi,
  tableId: string,
  key: string,
  observe: Observe,
): Promise<void> {
  try {
    await tables.deleteRow(tableId, key, observe);
  } catch (error) {
    if (!rowNotFound(error)) throw error;
  }
}

/**
 * Creates a table. When the answer is lost, the table may exist anyway (the service applies a
 * request whose client gave up), and only its id lets a restore delete it: look it up by name
 * (the name search lags writes too, so for up to about 15 s) before giving up.
 */
export async function createTableSafely(
  tables: DataTablesApi,
  clock: Clock,
  table: NewDataTable,
): Promise<DataTable> {
  try {
    return await tables.createTable(table);
  } catch (error) {
    if (!outcomeUnknown(error)) throw error;
    for (let attempt = 0; attempt < 15; attempt++) {
      const found = await tables.findTableByName(table.name);
      if (found) return found;
      await clock.sleep(1_000);
    }
    throw error;
  }
}
