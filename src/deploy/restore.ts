import { configFromLive } from '../config/from-live.js';
import { describeError } from '../errors.js';
import { predict } from '../plan/build.js';
import { diffTable } from '../plan/diff.js';
import { readTables, type LiveTable } from '../plan/snapshot.js';
import type { ApplyStrategy, TablePlan } from '../plan/types.js';
import { applyTables, type ApplyContext } from './apply.js';
import type { Backup, BackupTable } from './backup.js';

export interface RestoredTable {
  name: string;
  creates: number;
  updates: number;
  deletes: number;
  /** The deploy had created this table; the restore deleted it. */
  deletedTable?: boolean;
}

export interface RestoreReport {
  /** True when the live tables equal the backup again. */
  restored: boolean;
  tables: RestoredTable[];
  /** What still differs after the restore (empty when restored). */
  remaining: string[];
  operations: number;
}

/**
 * Restores a backup: plans live → backup for every table it holds (rows created, updated and
 * deleted back, managed columns included), applies that plan with the same engine as a deploy
 * (an import job when that is cheaper), deletes tables the deploy had created, then reads
 * everything again to prove live equals the backup. Columns a deploy added stay (Genesys
 * cannot remove them); restored rows hold their defaults there.
 */
export async function restoreBackup(
  backup: Backup,
  context: Omit<ApplyContext, 'phase' | 'stamp'>,
  rate = 300,
  strategy: ApplyStrategy | 'auto' = 'auto',
): Promise<RestoreReport> {
  const report: RestoreReport = { restored: false, tables: [], remaining: [], operations: 0 };
  const live = await readTables(
    context.tables,
    backup.tables.map((table) => ({ id: table.id })),
  );
  const plans = restorePlans(backup.tables, live, rate, strategy);
  for (const [index, plan] of plans.entries()) {
    if (!live[index])
      report.remaining.push(
        `${plan.name}: the table no longer exists, so it cannot be restored in place; the backup holds its schema and rows.`,
      );
    report.tables.push({
      name: plan.name,
      creates: plan.creates.length,
      updates: plan.updates.length,
      deletes: plan.deletes.length,
    });
  }
  const present = plans.filter((_, index) => live[index]);
  const applied = await applyTables(
    present,
    live.filter((table): table is LiveTable => table !== null),
    { ...context, phase: 'restore' },
  );
  report.operations += applied.operations;

  // Tables the deploy created did not exist before it: restoring means deleting them.
  const created = backup.manifest.tables.filter((entry) => !entry.existed);
  if (created.length > 0) {
    const found = await readTables(
      context.tables,
      created.map((entry) => ({ name: entry.name })),
    );
    for (const [index, table] of found.entries()) {
      if (!table) continue;
      context.journal.append({ phase: 'restore', table: table.name, op: 'delete-table', status: 'started' });
      try {
        await context.tables.deleteTable(table.id, { force: true });
        context.journal.append({ phase: 'restore', table: table.name, op: 'delete-table', status: 'done' });
        report.tables.push({
          name: created[index]!.name,
          creates: 0,
          updates: 0,
          deletes: 0,
          deletedTable: true,
        });
        report.operations += 1;
      } catch (error) {
        context.journal.append({
          phase: 'restore',
          table: table.name,
          op: 'delete-table',
          status: 'failed',
          error: describeError(error),
        });
        report.remaining.push(
          `${table.name}: created by the deploy, and could not be deleted: ${describeError(error)}`,
        );
      }
    }
  }

  // Prove it: read again and plan once more; nothing may be left to do.
  const after = await readTables(
    context.tables,
    backup.tables.map((table) => ({ id: table.id })),
  );
  for (const plan of restorePlans(backup.tables, after, rate)) {
    for (const item of plan.creates) report.remaining.push(`${plan.name}: row "${item.key}" is missing`);
    for (const item of plan.updates)
      report.remaining.push(
        `${plan.name}: row "${item.key}" differs in ${item.cells.map((cell) => cell.column).join(', ')}`,
      );
    for (const item of plan.deletes)
      report.remaining.push(`${plan.name}: row "${item.key}" should not be there`);
  }
  if (created.length > 0) {
    const still = await readTables(
      context.tables,
      created.map((entry) => ({ name: entry.name })),
    );
    for (const table of still)
      if (table) report.remaining.push(`${table.name}: the table the deploy created still exists`);
  }
  report.restored = report.remaining.length === 0;
  return report;
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
