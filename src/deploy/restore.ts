import { BackupError, describeError } from '../errors.js';
import type { DataTablesApi } from '../genesys/datatables.js';
import { readTables, type LiveTable } from '../plan/snapshot.js';
import type { ApplyStrategy, TablePlan } from '../plan/types.js';
import { applyTables, type ApplyContext } from './apply.js';
import type { Backup } from './backup.js';
import type { CreatedTables } from './journal.js';
import { settleWritten, type WrittenTable } from './read-back.js';
import { forceTouched, restoreDifferences, restorePlans } from './restore-plans.js';
import { DEFAULT_SETTLE_MS } from './settle.js';
import type { Mismatch } from './verify.js';

export interface RestoredTable {
  name: string;
  creates: number;
  updates: number;
  deletes: number;
  /** The deploy had created this table; the restore deleted it. */
  deletedTable?: boolean;
  /** The table no longer existed (a tombstone deleted it); the restore created it again. */
  recreatedTable?: boolean;
}

export interface RestoreReport {
  /** True when the live tables equal the backup again. */
  restored: boolean;
  tables: RestoredTable[];
  /**
   * What still differs after the restore, as the last read (after the settle window) showed it:
   * table, key, column, expected (the backup) and actual (live). Empty when restored.
   */
  remaining: Mismatch[];
  /** Operations that failed for good, and why (the restore went on past them). */
  failures: string[];
  /**
   * Tables the manifest says did not exist before the deploy, which exist and were not deleted
   * because no journal of this deploy shows that it created them (a manifest alone is not
   * evidence enough to delete a table).
   */
  leftInPlace: string[];
  operations: number;
}

export interface RestoreOptions {
  strategy?: ApplyStrategy | 'auto';
  /**
   * The tables this backup's deploy created, as its journal recorded them (name → id; see
   * {@link createdTablesOf} in journal.ts). Only these are deleted, and only by id. Default: none.
   */
  createdTables?: CreatedTables;
  /** How long the proof may wait for reads to show the writes (see settle.ts). */
  settleMs?: number;
  /**
   * Row keys the deploy wrote or may have written, by table. Each is written back to its
   * backup value (or deleted) whatever the read shows: right after the deploy's writes a read
   * may still show the rows as they were, and would plan (and then "prove") nothing to do.
   */
  touched?: ReadonlyMap<string, ReadonlySet<string>>;
  /**
   * What {@link previewRestore} read and planned, when the caller has shown it already (with
   * the same options): it is what the restore writes, and the tables are not read again.
   */
  preview?: RestorePreview | undefined;
}

/** Rounds of writes: a round whose operations failed is followed by another over what remains. */
const RESTORE_ROUNDS = 3;

export const LEFT_IN_PLACE = 'left in place: no journal of this deploy shows it created it';

type Context = Omit<ApplyContext, 'phase' | 'stamp'>;

/**
 * Restores a backup: plans live → backup for every table it holds (rows created, updated and
 * deleted back, managed columns included; a table that is gone created again), applies that
 * plan with the same engine as a deploy (an import job when that is cheaper), deletes the
 * tables the deploy created, then reads
 * everything again to prove live equals the backup. Columns a deploy added stay (Genesys
 * cannot remove them); restored rows hold their defaults there. Throws a {@link BackupError},
 * before any write, when a table the backup names by id now has another name.
 */
export async function restoreBackup(
  backup: Backup,
  context: Context,
  rate = 300,
  options: RestoreOptions = {},
): Promise<RestoreReport> {
  const preview = options.preview ?? (await previewRestore(backup, context.tables, rate, options));
  const { plans, deletions } = preview;
  let live = preview.live;
  let pending = plans.map((plan, index) =>
    forceTouched(plan, backup.tables[index]!, options.touched?.get(plan.name)),
  );
  const report: RestoreReport = {
    restored: false,
    tables: pending.map((plan, index) => ({
      name: plan.name,
      creates: plan.creates.length,
      updates: plan.updates.length,
      deletes: plan.deletes.length,
      ...(live[index] ? {} : { recreatedTable: true }),
    })),
    remaining: [],
    failures: [],
    leftInPlace: [...preview.leftInPlace],
    operations: 0,
  };
  for (let round = 1; ; round++) {
    // A backed-up table that is gone (a tombstone deleted it) is created again with its schema,
    // division and description, and its rows written (an import job when that is cheaper).
    const applied = await applyTables(pending, live, { ...context, phase: 'restore', keepGoing: true });
    report.operations += applied.operations;
    report.failures.push(...applied.failures);
    if (round === 1) for (const table of deletions) await deleteCreatedTable(table, context, report);
    const ids = applied.tableIds;
    const proof = await proveRestored(
      backup,
      { live, pending, deletions, ids },
      context,
      rate,
      options.settleMs,
    );
    report.remaining = proof.remaining;
    // Another round only mends what failed; what settled and still differs is reported.
    if (proof.remaining.length === 0 || applied.failures.length === 0 || round >= RESTORE_ROUNDS) break;
    context.logger.warn(
      `restore: ${applied.failures.length} operation(s) failed; ${proof.remaining.length} difference(s) remain; trying those again`,
    );
    live = proof.live;
    pending = restorePlans(backup.tables, live, rate, options.strategy);
  }
  report.restored = report.remaining.length === 0;
  return report;
}

export interface RestorePreview {
  /** The backed-up tables as they are now, in backup order; null where one no longer exists. */
  live: Array<LiveTable | null>;
  /** For each backed-up table, what the restore would write. */
  plans: TablePlan[];
  /** Tables the deploy created that the restore would delete (by id). */
  deletions: LiveTable[];
  /** Tables the manifest says did not exist, which exist and would be left alone, and why. */
  leftInPlace: string[];
}

/**
 * What a restore would do, read without writing: the backed-up tables (by id) and their
 * restore plans, and which tables the manifest says the deploy created may be deleted: those
 * the journal shows it created, by the recorded id, still under that name. Throws a
 * {@link BackupError} when a backed-up id now names another table.
 */
export async function previewRestore(
  backup: Backup,
  tables: DataTablesApi,
  rate = 300,
  options: RestoreOptions = {},
): Promise<RestorePreview> {
  const createdTables = options.createdTables ?? new Map<string, string>();
  const created = backup.manifest.tables.filter((entry) => !entry.existed);
  // Without journal evidence a table is looked up by name only to say that it is left alone.
  const found = await readTables(tables, [
    ...backup.tables.map((table) => ({ id: table.id })),
    ...created.map((entry) =>
      createdTables.has(entry.name) ? { id: createdTables.get(entry.name) } : { name: entry.name },
    ),
  ]);
  const live = found.slice(0, backup.tables.length);
  const renewed = await findRecreated(backup, live, tables);
  for (const [index, table] of backup.tables.entries()) {
    const current = live[index];
    if (current && current.name !== table.name)
      throw new BackupError(
        `The backup at ${backup.location} holds table ${table.name} (id ${table.id}), but that id is now table ${current.name}. Nothing was written.`,
        'Check that this backup belongs to this org; if the table was renamed since, rename it back before restoring.',
      );
  }
  const deletions: LiveTable[] = [];
  const leftInPlace: string[] = [];
  for (const [index, entry] of created.entries()) {
    const current = found[backup.tables.length + index];
    if (!current) continue;
    if (!createdTables.has(entry.name)) leftInPlace.push(`${entry.name}: ${LEFT_IN_PLACE}`);
    else if (current.name !== entry.name)
      leftInPlace.push(
        `${entry.name}: the id its journal entry records (${current.id}) is now table ${current.name}; left in place`,
      );
    else deletions.push(current);
  }
  return {
    live,
    plans: restorePlans(backup.tables, live, rate, options.strategy),
    deletions,
    leftInPlace: [...renewed, ...leftInPlace],
  };
}

/**
 * A backed-up table gone by its id may have been created again under its name (by an earlier
 * restore of this backup, which gives it a new id; Genesys cannot create a table with a given
 * id). That table is the one to restore into: creating another would be refused (names are
 * unique). Fills `live` in place; returns a note per table found so.
 */
async function findRecreated(
  backup: Backup,
  live: Array<LiveTable | null>,
  tables: DataTablesApi,
): Promise<string[]> {
  const gone = backup.tables.flatMap((table, index) => (live[index] ? [] : [index]));
  if (gone.length === 0) return [];
  const byName = await readTables(
    tables,
    gone.map((index) => ({ name: backup.tables[index]!.name })),
  );
  return gone.flatMap((index, position) => {
    const current = byName[position];
    if (!current) return [];
    live[index] = current;
    const table = backup.tables[index]!;
    return [
      `${table.name}: the backed-up table (id ${table.id}) is gone; restoring into the table of that name created since (id ${current.id})`,
    ];
  });
}

/** Tables the deploy created did not exist before it: restoring means deleting them, by id. */
async function deleteCreatedTable(table: LiveTable, context: Context, report: RestoreReport): Promise<void> {
  context.journal.append({
    phase: 'restore',
    table: table.name,
    op: 'delete-table',
    status: 'started',
    tableId: table.id,
  });
  try {
    await context.tables.deleteTable(table.id, { force: true });
    context.journal.append({
      phase: 'restore',
      table: table.name,
      op: 'delete-table',
      status: 'done',
      tableId: table.id,
    });
    report.tables.push({ name: table.name, creates: 0, updates: 0, deletes: 0, deletedTable: true });
    report.operations += 1;
  } catch (error) {
    context.journal.append({
      phase: 'restore',
      table: table.name,
      op: 'delete-table',
      status: 'failed',
      tableId: table.id,
      error: describeError(error),
    });
    report.failures.push(
      `${table.name}: created by the deploy, and could not be deleted: ${describeError(error)}`,
    );
  }
}

/**
 * Proves the restore: reads back what it wrote (and that the deleted tables are gone) and
 * plans once more: nothing may be left to do. The rows it did not write are as the restore's
 * own read found them, equal to the backup. The reads are repeated (with backoff) until they
 * show nothing left or the settle window is over, since a read right after the writes may not
 * show them yet.
 */
async function proveRestored(
  backup: Backup,
  round: {
    live: ReadonlyArray<LiveTable | null>;
    pending: readonly TablePlan[];
    deletions: readonly LiveTable[];
    /** The tables' ids now, by name: a table created again has a new one. */
    ids: ReadonlyMap<string, string>;
  },
  context: Context,
  rate: number,
  settleMs = DEFAULT_SETTLE_MS,
): Promise<{ live: Array<LiveTable | null>; remaining: Mismatch[] }> {
  const written: WrittenTable[] = [
    ...backup.tables.map((table, index) => {
      const plan = round.pending[index]!;
      return {
        name: table.name,
        id: round.live[index]?.id ?? round.ids.get(table.name),
        before: round.live[index] ?? null,
        keys: [...plan.creates, ...plan.updates, ...plan.deletes].map((item) => item.key),
        expectedRows: table.rows.length,
        definitionChanged: !round.live[index],
      };
    }),
    ...round.deletions.map((table) => ({
      name: table.name,
      id: table.id,
      before: table,
      keys: [],
      expectedRows: 0,
      definitionChanged: true,
    })),
  ];
  const settled = await settleWritten(
    context.tables,
    written,
    (after) => restoreDifferences(backup, after, rate),
    { clock: context.clock, logger: context.logger, windowMs: settleMs, what: 'restore proof' },
  );
  return { live: settled.value.slice(0, backup.tables.length), remaining: settled.differences };
}
