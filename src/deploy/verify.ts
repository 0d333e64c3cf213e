import type { Row } from '../genesys/types.js';
import { effectiveValue, sameCell } from '../plan/equality.js';
import type { LiveTable } from '../plan/snapshot.js';
import type { TablePlan } from '../plan/types.js';
import { displayValue } from '../plan/display.js';
import type { Stamp } from './apply.js';
import { stamped } from './apply-rows.js';

/**
 * One way a live table differs from what it should be (after a deploy: the plan; after a
 * restore: the backup). `expected` and `actual` are cell values, or whole rows for a missing or
 * extra row; absent where they do not apply.
 */
export interface Mismatch {
  table: string;
  key?: string | undefined;
  column?: string | undefined;
  expected?: unknown;
  actual?: unknown;
  message: string;
}

/**
 * Compares tables read back after apply with what the plans wrote: every created and updated
 * row cell by cell (with the service's equality, stamps included), every deleted row gone, the
 * added columns present, and the row count as expected; a table a tombstone deleted, gone.
 */
export function verifyTables(
  plans: readonly TablePlan[],
  after: ReadonlyArray<LiveTable | null>,
  stamp?: Stamp,
): Mismatch[] {
  return plans.flatMap((plan, index) => {
    const live = after[index];
    if (plan.schemaChanges.some((change) => change.kind === 'delete-table'))
      return live
        ? [{ table: plan.name, message: `${plan.name} still exists after the deploy deleted it.` }]
        : [];
    if (!live) return [{ table: plan.name, message: `${plan.name} does not exist after the deploy.` }];
    return [
      ...missingColumns(plan, live),
      ...writtenRowMismatches(plan, live, stamp),
      ...deletedRowsLeft(plan, live),
      ...rowCountMismatch(plan, live),
    ];
  });
}

function missingColumns(plan: TablePlan, live: LiveTable): Mismatch[] {
  return Object.keys(plan.schema.properties)
    .filter((column) => !(column in live.schema.properties))
    .map((column) => ({
      table: plan.name,
      column,
      message: `${plan.name}: the column "${column}" is missing.`,
    }));
}

/** Every created and updated row, cell by cell, as the plan (and the stamp) wrote it. */
function writtenRowMismatches(plan: TablePlan, live: LiveTable, stamp: Stamp | undefined): Mismatch[] {
  const mismatches: Mismatch[] = [];
  const rows = new Map(live.rows.map((row) => [String(row.key), row]));
  const expected: Array<[string, Row]> = [
    ...plan.creates.map((item): [string, Row] => [item.key, stamped(item.row, plan, stamp)]),
    ...plan.updates.map((item): [string, Row] => [item.key, stamped(item.after, plan, stamp)]),
  ];
  for (const [key, want] of expected) {
    const got = rows.get(key);
    if (!got) {
      mismatches.push({
        table: plan.name,
        key,
        expected: want,
        actual: null,
        message: `${plan.name}: row "${key}" is missing.`,
      });
      continue;
    }
    for (const [column, definition] of Object.entries(plan.schema.properties)) {
      if (column === 'key') continue;
      if (!(column in want) && (column === plan.managed.version || column === plan.managed.actor)) continue;
      if (sameCell(want[column], got[column], definition, false)) continue;
      mismatches.push({
        table: plan.name,
        key,
        column,
        expected: effectiveValue(want[column], definition),
        actual: got[column] ?? null,
        message: `${plan.name}: row "${key}", column "${column}" is ${displayValue(got[column] ?? null)}; expected ${displayValue(effectiveValue(want[column], definition))}.`,
      });
    }
  }
  return mismatches;
}

function deletedRowsLeft(plan: TablePlan, live: LiveTable): Mismatch[] {
  const keys = new Set(live.rows.map((row) => String(row.key)));
  return plan.deletes
    .filter((item) => keys.has(item.key))
    .map((item) => ({
      table: plan.name,
      key: item.key,
      message: `${plan.name}: row "${item.key}" should be deleted but is still there.`,
    }));
}

function rowCountMismatch(plan: TablePlan, live: LiveTable): Mismatch[] {
  const count = plan.liveRowCount + plan.creates.length - plan.deletes.length;
  return live.rows.length === count
    ? []
    : [{ table: plan.name, message: `${plan.name} has ${live.rows.length} rows; expected ${count}.` }];
}
