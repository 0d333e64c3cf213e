import pLimit, { type LimitFunction } from 'p-limit';
import { describeError, GenesysApiError } from '../errors.js';
import type { CallMeta } from '../genesys/http.js';
import type { Row } from '../genesys/types.js';
import type { TablePlan } from '../plan/types.js';
import type { ApplyContext, ApplyReport, Stamp } from './apply.js';
import { DeployFailure } from './failure.js';
import type { JournalOp } from './journal.js';
import { Progress } from './progress.js';
import { createRowSafely, deleteRowSafely, replaceRowSafely } from './row-writes.js';

/** What one operation's journal lines say besides its table and op. */
export interface JournalDetails {
  key?: string;
  before?: Row | null;
  after?: Row | null;
  rows?: number;
  tableId?: string;
}

/** Runs one operation between its `started` and its `done` or `failed` journal lines. */
export type Journaled = <T>(
  table: string,
  op: JournalOp,
  details: JournalDetails,
  work: (observe: (meta: CallMeta) => void) => Promise<T>,
  /** What the done line records of the result (the id of a created table). */
  recorded?: (result: T) => { tableId?: string },
) => Promise<T>;

/**
 * The row writes of one apply, every table's: one limit on the operations in flight for all
 * tables together (tables are written concurrently, within the client's one rate budget), and
 * one stop: once an operation fails for good (without `keepGoing`), no table starts another.
 */
export interface RowLane {
  limit: LimitFunction;
  stopped: boolean;
}

export const rowLane = (context: ApplyContext): RowLane => ({
  limit: pLimit(context.maxInFlight ?? 8),
  stopped: false,
});

/** How one apply writes rows: its context, its journal wrapper and its lane. */
export interface RowWriter {
  context: ApplyContext;
  journaled: Journaled;
  lane: RowLane;
}

/** Journals every operation before and after it runs, and counts those done in the report. */
export function journaling(context: ApplyContext, report: ApplyReport): Journaled {
  return async (table, op, details, work, recorded = () => ({})) => {
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
}

/** A table's creates and updates: row by row, or as one CSV import job. */
export async function upsertRows(plan: TablePlan, id: string, writer: RowWriter): Promise<string[]> {
  const { context, journaled, lane } = writer;
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
  return inParallel(upserts, `${plan.name}: rows written`, context, lane, (item) =>
    journaled(plan.name, item.op, { key: item.key, before: item.before, after: item.after }, (observe) =>
      item.op === 'create'
        ? createRowSafely(context.tables, id, item.after, observe)
        : replaceRowSafely(context.tables, id, item.after, observe),
    ),
  );
}

/** A table's deletes, row by row (there is no bulk delete but ReplaceAll). */
export async function deleteRows(plan: TablePlan, id: string, writer: RowWriter): Promise<string[]> {
  const { context, journaled, lane } = writer;
  if (plan.deletes.length === 0) return [];
  return inParallel(plan.deletes, `${plan.name}: rows deleted`, context, lane, (item) =>
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

/**
 * Runs one table's row operations through the lane. The first that fails for good stops the
 * lane (unless `keepGoing`) and is thrown once those in flight have finished.
 */
async function inParallel<T>(
  items: readonly T[],
  label: string,
  context: ApplyContext,
  lane: RowLane,
  work: (item: T) => Promise<unknown>,
): Promise<string[]> {
  const progress = new Progress(
    label,
    items.length,
    context.logger,
    context.clock,
    context.progressIntervalMs,
  );
  let failure: unknown;
  const failures: string[] = [];
  await Promise.all(
    items.map((item) =>
      lane.limit(async () => {
        if ((lane.stopped && !context.keepGoing) || context.signal?.aborted) return;
        try {
          await work(item);
          progress.tick();
        } catch (error) {
          failure ??= error;
          lane.stopped = true;
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

export function checkAborted(context: ApplyContext): void {
  if (context.signal?.aborted) throw new DeployFailure('interrupted', 'The deploy was interrupted.');
}
