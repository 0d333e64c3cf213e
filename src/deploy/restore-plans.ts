import { configFromLive } from '../config/from-live.js';
import { predict } from '../plan/build.js';
import { diffTable } from '../plan/diff.js';
import { displayValue } from '../plan/display.js';
import type { LiveTable } from '../plan/snapshot.js';
import type { ApplyStrategy, TablePlan } from '../plan/types.js';
import type { Backup, BackupTable } from './backup.js';
import type { Mismatch } from './verify.js';

/** What a restore plans: live → backup, table by table, and what still differs after it. */

/** Adds a write back to the backup value for each touched key the plan has no operation for. */
export function forceTouched(
  plan: TablePlan,
  table: BackupTable,
  keys: ReadonlySet<string> | undefined,
): TablePlan {
  if (!keys || keys.size === 0) return plan;
  const planned = new Set([...plan.creates, ...plan.updates, ...plan.deletes].map((item) => item.key));
  const backupRows = new Map(table.rows.map((row) => [String(row.key), row]));
  const updates = [...plan.updates];
  const deletes = [...plan.deletes];
  for (const key of keys) {
    if (planned.has(key)) continue;
    const row = backupRows.get(key);
    // A PUT of a row that is not there creates it (see row-writes.ts); a DELETE of one gone is done.
    if (row) updates.push({ key, cells: [], before: row, after: row });
    else deletes.push({ key, row: { key } });
  }
  return { ...plan, updates, deletes };
}

/** What differs between the backup and the tables read (backup tables first, then created ones). */
export function restoreDifferences(
  backup: Backup,
  after: ReadonlyArray<LiveTable | null>,
  rate: number,
): Mismatch[] {
  const remaining: Mismatch[] = [];
  const live = after.slice(0, backup.tables.length);
  for (const [index, plan] of restorePlans(backup.tables, live, rate).entries()) {
    const table = plan.name;
    if (!live[index]) {
      remaining.push({
        table,
        message: `${table}: the table does not exist; the backup holds its schema and rows, and a restore creates it again.`,
      });
      continue;
    }
    for (const item of plan.creates)
      remaining.push({
        table,
        key: item.key,
        expected: item.row,
        actual: null,
        message: `${table}: row "${item.key}" is missing`,
      });
    for (const item of plan.updates)
      for (const cell of item.cells)
        remaining.push({
          table,
          key: item.key,
          column: cell.column,
          expected: cell.after,
          actual: cell.before,
          message: `${table}: row "${item.key}", column "${cell.column}" is ${displayValue(cell.before)}; the backup has ${displayValue(cell.after)}`,
        });
    for (const item of plan.deletes)
      remaining.push({
        table,
        key: item.key,
        expected: null,
        actual: item.row,
        message: `${table}: row "${item.key}" should not be there`,
      });
  }
  for (const table of after.slice(backup.tables.length))
    if (table)
      remaining.push({
        table: table.name,
        message: `${table.name}: the table the deploy created still exists`,
      });
  return remaining;
}

/** For each backed-up table, the plan that turns the live table back into the backup. */
export function restorePlans(
  tables: readonly BackupTable[],
  live: ReadonlyArray<LiveTable | null>,
  rate: number,
  strategy: ApplyStrategy | 'auto' = 'auto',
): TablePlan[] {
  return tables.map((table, index) => {
    const config = configFromLive(table, table.rows, { file: `backup of ${table.name}` });
    const diff = diffTable(config, live[index] ?? null);
    // A column the deploy added cannot be removed: that is expected here, not a reason to stop.
    const restorable = { ...diff, blocked: [], schemaChanges: live[index] ? [] : diff.schemaChanges };
    return { ...restorable, prediction: predict(restorable, { strategy }, rate) };
  });
}
