import pLimit from 'p-limit';
import type { Clock } from '../clock.js';
import { describeError, GenesysApiError } from '../errors.js';
import type { DataTablesApi } from '../genesys/datatables.js';
import type { CallMeta } from '../genesys/http.js';
import type { DataTable, Row, TableSchema } from '../genesys/types.js';
import type { Logger } from '../logger.js';
import type { LiveTable } from '../plan/snapshot.js';
import type { TablePlan } from '../plan/types.js';
import { DeployFailure } from './failure.js';
import type { Journal, JournalOp } from './journal.js';
import { Progress } from './progress.js';
import { createRowSafely, createTableSafely, deleteRowSafely, replaceRowSafely } from './row-writes.js';

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
   * Row operations started at once (default 8, the client's default concurrency). An abort
   * stops the others from starting; these finish.
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
 * limit). Every operation is journaled before and after it runs.
 * The first operation that fails for good stops the rest (those in flight finish) and is
 * thrown as a {@link DeployFailure}; so is an abort.
 */
export async function applyTables(
  plans: readonly TablePlan[],
  live: ReadonlyArray<LiveTable | null>,
  context: ApplyContext,
): Promise<ApplyReport> {
  const report: ApplyReport = { operations: 0, tableIds: new Map(), createdTables: [], failures: [] };
  const journaled = async <T>(
    table: string,
    op: JournalOp,
    details: { key?: string; before?: Row | null; after?: Row | null; rows?: number },
    work: (observe: (meta: CallMeta) => void) => Promise<T>,
    /** What the done line records of the result (the id of a created table). */
    recorded: (result: T) => { tableId?: string } = () => ({}),
  ): Promise<T> => {
    checkAborted(context);
    context.journal.append({ phase: context.phase, table, op, status: 'started', ...details });
    let meta: CallMeta | undefined;
    try {
      const result = await work((observed) => (meta = observed));
      context.journal.append({
        phase: context.phase,
        table,
        op,
        status: 'done',
        key: details.key,
        rows: details.rows,
        ...recorded(result),
        attempts: meta?.attempts,
        correlationId: meta?.correlationId,
      });
      report.operations += 1;
      return result;
    } catch (error) {
      const apiError = error instanceof GenesysApiError ? error : undefined;
      context.journal.append({
        phase: context.phase,
        table,
        op,
        status: 'failed',
        key: details.key,
        attempts: apiError?.attempts,
        correlationId: apiError?.correlationId,
        error: describeError(error),
      });
      throw error;
    }
  };

  // 1. Tables and columns.
  for (const [index, plan] of plans.entries()) {
    const current = live[index] ?? null;
    if (current) report.tableIds.set(plan.name, current.id);
    for (const change of plan.schemaChanges) {
      if (change.kind === 'create-table') {
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

  // 2. Rows created and updated, table by table; deletes last, except where the table would
  // pass its row limit before them (the service refuses that create): then its deletes first.
  const deletesFirst = (plan: TablePlan) => plan.liveRowCount + plan.creates.length > plan.rowLimit;
  // With keepGoing a table whose writes fail (an import job that fails) does not stop the others.
  const step = async (plan: TablePlan, work: () => Promise<string[]>): Promise<void> => {
    try {
      report.failures.push(...(await work()));
    } catch (error) {
      if (!context.keepGoing || (error instanceof DeployFailure && error.phase === 'interrupted'))
        throw error;
      report.failures.push(`${plan.name}: ${describeError(error)}`);
    }
  };
  for (const plan of plans) {
    const id = report.tableIds.get(plan.name)!;
    if (deletesFirst(plan)) await step(plan, () => deleteRows(plan, id, context, journaled));
    await step(plan, () => upsertRows(plan, id, context, journaled));
  }

  // 3. Deletes.
  for (const plan of plans)
    if (!deletesFirst(plan))
      await step(plan, () => deleteRows(plan, report.tableIds.get(plan.name)!, context, journaled));
  return report;
}

/** Journals one operation around its call (the function inside {@link applyTables}). */
type Journaled = <T>(
  table: string,
  op: JournalOp,
  details: { key?: string; before?: Row | null; after?: Row | null; rows?: number },
  work: (observe: (meta: CallMeta) => void) => Promise<T>,
  recorded?: (result: T) => { tableId?: string },
) => Promise<T>;

/** A table's creates and updates: row by row, or as one CSV import job. */
async function upsertRows(
  plan: TablePlan,
  id: string,
  context: ApplyContext,
  journaled: Journaled,
): Promise<string[]> {
  const upserts = [
    ...plan.creates.map((item) => ({
      op: 'create' as const,
      key: item.key,
      before: null,
      after: stamped(item.row, plan, context.stamp),
    })),
    ...plan.updates.map((item) => ({
      op: 'update' as const,
      key: item.key,
      before: item.before,
      after: stamped(item.after, plan, context.stamp),
    })),
  ];
  if (upserts.length === 0) return [];
  if (plan.prediction.strategy === 'import') {
    const rows = upserts.map((item) => item.after);
    const result = await journaled(plan.name, 'import', { rows: rows.length }, () =>
      context.tables.importRows({ id, name: plan.name, schema: plan.schema }, rows, 'Append'),
    );
    if (result.failed > 0 || result.updated !== rows.length) {
      throw new DeployFailure(
        'apply',
        `${plan.name}: the import job loaded ${result.updated} of ${rows.length} rows (${result.failed} failed).`,
      );
    }
    context.logger.info(`${plan.name}: imported ${rows.length} rows with one CSV import job`);
    return [];
  }
  return inParallel(upserts, `${plan.name}: rows written`, context, (item) =>
    journaled(plan.name, item.op, { key: item.key, before: item.before, after: item.after }, (observe) =>
      item.op === 'create'
        ? createRowSafely(context.tables, id, item.after, observe)
        : replaceRowSafely(context.tables, id, item.after, observe),
    ),
  );
}

/** A table's deletes, row by row (there is no bulk delete but ReplaceAll). */
async function deleteRows(
  plan: TablePlan,
  id: string,
  context: ApplyContext,
  journaled: Journaled,
): Promise<string[]> {
  if (plan.deletes.length === 0) return [];
  return inParallel(plan.deletes, `${plan.name}: rows deleted`, context, (item) =>
    journaled(plan.name, 'delete', { key: item.key, before: item.row }, (observe) =>
      deleteRowSafely(context.tables, id, item.key, observe),
    ),
  );
}

/** The row with the deploy's stamp in its managed columns. */
export function stamped(row: Row, plan: TablePlan, stamp: Stamp | undefined): Row {
  if (!stamp) return row;
  const result: Row = { ...row };
  if (plan.managed.version) result[plan.managed.version] = stamp.version;
  if (plan.managed.actor) result[plan.managed.actor] = stamp.actor;
  return result;
}

async function inParallel<T>(
  items: readonly T[],
  label: string,
  context: ApplyContext,
  work: (item: T) => Promise<unknown>,
): Promise<string[]> {
  const progress = new Progress(
    label,
    items.length,
    context.logger,
    context.clock,
    context.progressIntervalMs,
  );
  const limit = pLimit(context.maxInFlight ?? 8);
  let failure: unknown;
  const failures: string[] = [];
  await Promise.all(
    items.map((item) =>
      limit(async () => {
        if ((failure !== undefined && !context.keepGoing) || context.signal?.aborted) return;
        try {
          await work(item);
          progress.tick();
        } catch (error) {
          failure ??= error;
          failures.push(`${label.split(':')[0]}: ${describeError(error)}`);
        }
      }),
    ),
  );
  progress.finish();
  if (failure !== undefined && !context.keepGoing) {
    if (failure instanceof DeployFailure) throw failure;
    throw new DeployFailure('apply', failures[0]!);
  }
  checkAborted(context);
  return failures;
}

function checkAborted(context: ApplyContext): void {
  if (context.signal?.aborted) throw new DeployFailure('interrupted', 'The deploy was interrupted.');
}
