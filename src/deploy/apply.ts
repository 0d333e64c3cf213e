import type { Clock } from '../clock.js';
import { describeError, GenesysApiError } from '../errors.js';
import type { DataTablesApi } from '../genesys/datatables.js';
import type { DataTable, TableSchema } from '../genesys/types.js';
import type { Logger } from '../logger.js';
import type { LiveTable } from '../plan/snapshot.js';
import type { TablePlan } from '../plan/types.js';
import {
  deleteRows,
  journaling,
  rowLane,
  upsertRows,
  type Journaled,
  type RowLane,
  type RowWriter,
} from './apply-rows.js';
import { DeployFailure } from './failure.js';
import type { Journal } from './journal.js';
import { createTableSafely } from './row-writes.js';

export { stamped } from './apply-rows.js';

/** Values a deploy writes into the managed columns of every row it creates or updates. */
export interface Stamp {
  version: number;
  actor: string;
}

export interface ApplyContext {
  tables: DataTablesApi;
  journal: Journal;
  logger: Logger;
  clock: Clock;
  /** `deploy` or `restore`, recorded in the journal. */
  phase: 'deploy' | 'restore';
  signal?: AbortSignal | undefined;
  stamp?: Stamp | undefined;
  /**
   * Row operations started at once, all tables together (default 8, the client's default
   * concurrency). An abort stops the others from starting; these finish.
   */
  maxInFlight?: number;
  /** How often progress lines are written. */
  progressIntervalMs?: number;
  /**
   * Go on past failed operations, collecting them in {@link ApplyReport.failures}, instead of
   * stopping at the first (a restore puts back all it can).
   */
  keepGoing?: boolean;
}

export interface ApplyReport {
  /** Row and table operations done. */
  operations: number;
  /** Ids of the tables, the ones created by this apply included, by table name. */
  tableIds: Map<string, string>;
  /** Tables this apply created (a restore deletes them). */
  createdTables: Array<{ name: string; id: string }>;
  /** Operations that failed for good (only with `keepGoing`; otherwise the first is thrown). */
  failures: string[];
}

/**
 * Applies table plans in the order the service needs: tables and columns first, then rows
 * created and updated, deletes last (first, for a table that would otherwise pass its row
 * limit). Independent tables are written concurrently, within the client's one rate budget and
 * one limit on the operations in flight; the deletes start once every table's upserts are done.
 * Every operation is journaled before and after it runs.
 * The first operation that fails for good stops the rest (those in flight finish) and is
 * thrown as a {@link DeployFailure}; so is an abort.
 */
export async function applyTables(
  plans: readonly TablePlan[],
  live: ReadonlyArray<LiveTable | null>,
  context: ApplyContext,
): Promise<ApplyReport> {
  const report: ApplyReport = { operations: 0, tableIds: new Map(), createdTables: [], failures: [] };
  const journaled = journaling(context, report);

  // 1. Tables and columns.
  for (const [index, plan] of plans.entries()) {
    const current = live[index] ?? null;
    if (current) report.tableIds.set(plan.name, current.id);
    await applySchema(plan, current, context, journaled, report);
  }

  // 2. Rows created and updated; deletes last, except where the table would pass its row limit
  // before them (the service refuses that create): then its deletes first.
  const deletesFirst = (plan: TablePlan) => plan.liveRowCount + plan.creates.length > plan.rowLimit;
  const writer: RowWriter = { context, journaled, lane: rowLane(context) };
  const step = tableStep(context, report, writer.lane);
  const idOf = (plan: TablePlan) => report.tableIds.get(plan.name)!;
  await eachTable(plans, async (plan) => {
    if (deletesFirst(plan)) await step(plan, () => deleteRows(plan, idOf(plan), writer));
    await step(plan, () => upsertRows(plan, idOf(plan), writer));
  });

  // 3. Deletes.
  await eachTable(
    plans.filter((plan) => !deletesFirst(plan)),
    (plan) => step(plan, () => deleteRows(plan, idOf(plan), writer)),
  );

  // 4. Tables deleted by a tombstone, once every other write is done (the backup holds them).
  for (const plan of plans.filter(deletesTable))
    await step(plan, () => deleteTable(plan, idOf(plan), context, journaled));
  return report;
}

const deletesTable = (plan: TablePlan): boolean =>
  plan.schemaChanges.some((change) => change.kind === 'delete-table');

/**
 * Deletes a table a tombstone names, by id, journaled with it. Not forced: the service refuses
 * to delete a table a flow still uses, and that refusal is the deploy's failure.
 */
async function deleteTable(
  plan: TablePlan,
  id: string,
  context: ApplyContext,
  journaled: Journaled,
): Promise<string[]> {
  await journaled(
    plan.name,
    'delete-table',
    { tableId: id, rows: plan.liveRowCount },
    () =>
      context.tables.deleteTable(id).catch((error: unknown) => {
        // A retried DELETE whose first attempt landed finds the table gone: that is done.
        if (error instanceof GenesysApiError && error.status === 404) return;
        throw error;
      }),
    () => ({ tableId: id }),
  );
  context.logger.info(`${plan.name}: deleted the table (${plan.liveRowCount} rows, kept in the backup)`);
  return [];
}

/** A table created, or its added columns, as the plan says. */
async function applySchema(
  plan: TablePlan,
  current: LiveTable | null,
  context: ApplyContext,
  journaled: Journaled,
  report: ApplyReport,
): Promise<void> {
  if (plan.schemaChanges.some((change) => change.kind === 'create-table')) {
    const division = plan.division ? await context.tables.findDivisionId(plan.division) : undefined;
    if (plan.division && !division)
      throw new DeployFailure(
        'apply',
        `The division "${plan.division}" does not exist; table ${plan.name} cannot be created in it.`,
      );
    // The done line records the new id: it is what allows a restore to delete this table
    // (by id) and nothing else.
    const created = await journaled(
      plan.name,
      'create-table',
      {},
      () =>
        createTableSafely(context.tables, context.clock, {
          name: plan.name,
          ...(plan.description ? { description: plan.description } : {}),
          ...(division ? { division: { id: division } } : {}),
          schema: plan.schema,
        }),
      (table) => ({ tableId: table.id }),
    );
    report.tableIds.set(plan.name, created.id);
    report.createdTables.push({ name: plan.name, id: created.id });
    context.logger.info(`${plan.name}: created the table`);
  }
  const added = plan.schemaChanges.filter((change) => change.kind === 'add-column');
  if (added.length > 0 && current) {
    const table: DataTable & { schema: TableSchema } = {
      id: current.id,
      name: current.name,
      ...(current.description ? { description: current.description } : {}),
      ...(current.divisionRef ? { division: current.divisionRef } : {}),
      schema: plan.schema,
    };
    await journaled(plan.name, 'add-columns', {}, () => context.tables.updateTable(table));
    context.logger.info(`${plan.name}: added ${added.length} column${added.length === 1 ? '' : 's'}`);
  }
}

/**
 * One table's writes of one kind. With keepGoing a table whose writes fail (an import job that
 * fails) does not stop the others; without, it stops the lane, so no other table starts more.
 */
function tableStep(context: ApplyContext, report: ApplyReport, lane: RowLane) {
  return async (plan: TablePlan, work: () => Promise<string[]>): Promise<void> => {
    try {
      report.failures.push(...(await work()));
    } catch (error) {
      if (!context.keepGoing || (error instanceof DeployFailure && error.phase === 'interrupted')) {
        lane.stopped = true;
        throw error;
      }
      report.failures.push(`${plan.name}: ${describeError(error)}`);
    }
  };
}

/**
 * Runs the work of every table at once and waits for all of it to end (a table still writing
 * must not be left running under the rollback); then throws the first table's error, if any.
 */
async function eachTable(
  plans: readonly TablePlan[],
  work: (plan: TablePlan) => Promise<void>,
): Promise<void> {
  const outcomes = await Promise.allSettled(plans.map(work));
  const failed = outcomes.find((outcome) => outcome.status === 'rejected');
  if (failed) throw failed.reason;
}
