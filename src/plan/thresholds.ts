import type { ThresholdCrossing, TablePlan } from './types.js';

/**
 * The blast-radius limits above which a plan needs an approval. Per table: changed rows as a
 * count and as a share of the live table, deleted rows, any schema change; overall: changed
 * rows across all tables. Deleting a table (a tombstone) needs an approval whatever they are.
 */
export interface ThresholdSettings {
  /** Created + updated + deleted rows in one table. Default 50. */
  maxChangedRows: number;
  /** The same as a percentage of the live table's rows. Default 20. */
  maxChangedPercent: number;
  /** Deleted rows in one table. Default 0: any delete needs approval. */
  maxDeletedRows: number;
  /** Changed rows across all tables. Default 200. */
  maxTotalChangedRows: number;
  /** Whether creating a table or adding a column needs approval. Default true. */
  schemaChangesNeedApproval: boolean;
}

export const DEFAULT_THRESHOLDS: ThresholdSettings = {
  maxChangedRows: 50,
  maxChangedPercent: 20,
  maxDeletedRows: 0,
  maxTotalChangedRows: 200,
  schemaChangesNeedApproval: true,
};

type Countable = Pick<
  TablePlan,
  'name' | 'creates' | 'updates' | 'deletes' | 'schemaChanges' | 'liveRowCount'
>;

/** Every threshold the tables cross, with the limit and the actual figure. */
export function evaluateThresholds(
  tables: readonly Countable[],
  settings: ThresholdSettings = DEFAULT_THRESHOLDS,
): ThresholdCrossing[] {
  const crossings: ThresholdCrossing[] = [];
  let total = 0;
  for (const table of tables) {
    const changed = table.creates.length + table.updates.length + table.deletes.length;
    total += changed;
    if (changed > settings.maxChangedRows) {
      crossings.push({
        kind: 'changed-rows',
        table: table.name,
        limit: settings.maxChangedRows,
        actual: changed,
        message: `${table.name}: ${rows(changed)} change; the limit is ${settings.maxChangedRows}.`,
      });
    }
    // A share of an empty or new table means nothing; the count and the schema rule cover it.
    // Compared exactly: 500 of 2,495 rows (20.04 %) crosses a 20 % limit; rounding is for display.
    if (table.liveRowCount > 0 && changed * 100 > settings.maxChangedPercent * table.liveRowCount) {
      const percent = shownAbove((changed / table.liveRowCount) * 100, settings.maxChangedPercent);
      crossings.push({
        kind: 'changed-percent',
        table: table.name,
        limit: settings.maxChangedPercent,
        actual: percent,
        message: `${table.name}: ${percent}% of its ${table.liveRowCount} rows change; the limit is ${settings.maxChangedPercent}%.`,
      });
    }
    if (table.deletes.length > settings.maxDeletedRows) {
      crossings.push({
        kind: 'deleted-rows',
        table: table.name,
        limit: settings.maxDeletedRows,
        actual: table.deletes.length,
        message: `${table.name}: ${rows(table.deletes.length)} ${table.deletes.length === 1 ? 'is' : 'are'} deleted; the limit is ${settings.maxDeletedRows}.`,
      });
    }
    const deleted = table.schemaChanges.find((change) => change.kind === 'delete-table');
    // Deleting a table always needs an approval, whatever the settings.
    if (deleted) {
      crossings.push({
        kind: 'table-delete',
        table: table.name,
        limit: 0,
        actual: deleted.rows,
        message: `${table.name}: the table is deleted with its ${rows(deleted.rows)}; deleting a table always needs approval.`,
      });
    } else if (settings.schemaChangesNeedApproval && table.schemaChanges.length > 0) {
      const what = table.schemaChanges.some((change) => change.kind === 'create-table')
        ? 'the table is created'
        : `${table.schemaChanges.length} column${table.schemaChanges.length === 1 ? ' is' : 's are'} added`;
      crossings.push({
        kind: 'schema-change',
        table: table.name,
        limit: 0,
        actual: table.schemaChanges.length,
        message: `${table.name}: ${what}; schema changes need approval.`,
      });
    }
  }
  if (total > settings.maxTotalChangedRows) {
    crossings.push({
      kind: 'total-changed-rows',
      limit: settings.maxTotalChangedRows,
      actual: total,
      message: `${rows(total)} change across all tables; the limit is ${settings.maxTotalChangedRows}.`,
    });
  }
  return crossings;
}

/** A percentage with as few decimals as still show it above the limit (20.04, not 20.0). */
function shownAbove(percent: number, limit: number): number {
  for (const decimals of [1, 2, 3, 4, 6]) {
    const shown = Math.round(percent * 10 ** decimals) / 10 ** decimals;
    if (shown > limit) return shown;
  }
  return percent;
}

const rows = (count: number): string => `${count} row${count === 1 ? '' : 's'}`;
