import type { TableConfig } from '../config/types.js';
import { VERSION } from '../version.js';
import { sha256Of } from './canonical.js';
import { diffTable, type TableDiff } from './diff.js';
import type { LiveSnapshot } from './snapshot.js';
import { DEFAULT_THRESHOLDS, evaluateThresholds, type ThresholdSettings } from './thresholds.js';
import {
  PLAN_FORMAT_VERSION,
  type ApplyStrategy,
  type Plan,
  type PlanTotals,
  type Prediction,
  type TablePlan,
  type Verdict,
} from './types.js';

export interface PlanOptions {
  /** The API host planned against, recorded so a plan is not applied to another org. */
  apiHost: string;
  environment?: string | undefined;
  /** The deployment's name (default: the environment, else "default"). */
  deployment?: string | undefined;
  thresholds?: ThresholdSettings;
  /** The rate budget apply will have, for predicted durations. */
  ratePerMinute?: number;
  /** `auto` uses CSV import jobs when a table has at least `importMinRows` creates + updates. */
  strategy?: ApplyStrategy | 'auto';
  importMinRows?: number;
  /** Rows per page when reading (for predicted calls). */
  pageSize?: number;
  now?: Date;
}

/** The calls an import job takes besides its deletes: create, upload, and about three polls. */
const IMPORT_CALLS = 5;

/**
 * Builds the plan: a pure function of the desired configs and the live snapshot (same inputs,
 * same plan, same digest). Tables are ordered by name, rows by key.
 */
export function buildPlan(
  configs: readonly TableConfig[],
  snapshot: LiveSnapshot,
  options: PlanOptions,
): Plan {
  const rate = options.ratePerMinute ?? 300;
  const tables = configs
    .map((config, index) => diffTable(config, snapshot[index] ?? null))
    .map((diff): TablePlan => ({ ...diff, prediction: predict(diff, options, rate) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const thresholds = evaluateThresholds(tables, options.thresholds ?? DEFAULT_THRESHOLDS);
  const totals = totalsOf(tables, rate);
  const verdict: Verdict = tables.some((table) => table.blocked.length > 0)
    ? 'blocked'
    : totals.creates + totals.updates + totals.deletes + totals.schemaChanges === 0
      ? 'no-changes'
      : thresholds.length > 0
        ? 'needs-approval'
        : 'within-threshold';
  const body = {
    formatVersion: PLAN_FORMAT_VERSION,
    producer: { name: 'datatable-deploy' as const, version: VERSION },
    apiHost: options.apiHost,
    environment: options.environment,
    deployment: options.deployment ?? defaultDeployment(options.environment),
    verdict,
    thresholds,
    totals,
    tables,
  };
  return freezePlan({
    ...body,
    digest: planDigest(body),
    createdAt: (options.now ?? new Date()).toISOString(),
  });
}

/** A deployment's name when none is given: the environment's, else "default" (as the action's). */
export function defaultDeployment(environment: string | undefined): string {
  return environment ?? 'default';
}

/**
 * The digest covers everything but `digest`, `signature` and `createdAt`: the binding (org,
 * environment, deployment), the producer and the tables, live fingerprints included. The time
 * is left out so that planning the same change twice gives the same digest (approvals bind to it).
 */
export function planDigest(
  plan: Omit<Plan, 'digest' | 'createdAt' | 'signature'> & {
    digest?: string;
    createdAt?: string;
    signature?: string | undefined;
  },
): string {
  const { digest: _digest, createdAt: _createdAt, signature: _signature, ...body } = plan;
  return sha256Of(body);
}

/** How apply would write a table's changes, and the calls and time that takes. */
export function predict(
  diff: TableDiff,
  options: Pick<PlanOptions, 'pageSize' | 'strategy' | 'importMinRows'>,
  rate: number,
): Prediction {
  const pageSize = options.pageSize ?? 500;
  const upserts = diff.creates.length + diff.updates.length;
  const wanted = options.strategy ?? 'auto';
  const strategy: ApplyStrategy =
    wanted === 'auto' ? (upserts >= (options.importMinRows ?? 100) ? 'import' : 'rows') : wanted;
  const schemaCalls = diff.schemaChanges.length > 0 ? 1 : 0;
  const writes = strategy === 'import' && upserts > 0 ? IMPORT_CALLS : upserts;
  const finalRows = diff.liveRowCount + diff.creates.length - diff.deletes.length;
  // The stale-plan guard re-reads the live rows; verify reads the result.
  const reads = Math.ceil(diff.liveRowCount / pageSize) + 1 + Math.max(1, Math.ceil(finalRows / pageSize));
  const changes = schemaCalls + upserts + diff.deletes.length;
  const calls = changes === 0 ? 0 : schemaCalls + writes + diff.deletes.length + reads;
  return { strategy, calls, seconds: Math.round((calls / rate) * 60 * 10) / 10 };
}

function totalsOf(tables: readonly TablePlan[], rate: number): PlanTotals {
  let [creates, updates, deletes, unchanged, schemaChanges, calls] = [0, 0, 0, 0, 0, 0];
  for (const table of tables) {
    creates += table.creates.length;
    updates += table.updates.length;
    deletes += table.deletes.length;
    unchanged += table.unchanged;
    schemaChanges += table.schemaChanges.length;
    calls += table.prediction.calls;
  }
  const seconds = Math.round((calls / rate) * 60 * 10) / 10;
  return { tables: tables.length, creates, updates, deletes, unchanged, schemaChanges, calls, seconds };
}

/**
 * Freezes a plan's structure: the plan, its tables, and every list and record in them down to
 * the lists of row changes, but not each row change and row: freezing those cost as much as
 * the diff itself. Rows are read-only by type ({@link PlanRow}); a stage that wanted to change
 * one could not compile, and could not add, drop or replace a change at run time.
 */
export function freezePlan<T extends Plan>(plan: T): T {
  for (const table of plan.tables) {
    deepFreeze(table.schema);
    deepFreeze(table.managed);
    deepFreeze(table.schemaChanges);
    deepFreeze(table.blocked);
    deepFreeze(table.prediction);
    Object.freeze(table.creates);
    Object.freeze(table.updates);
    Object.freeze(table.deletes);
    Object.freeze(table);
  }
  deepFreeze(plan.producer);
  deepFreeze(plan.thresholds);
  deepFreeze(plan.totals);
  Object.freeze(plan.tables);
  return Object.freeze(plan);
}

/** Freezes a value and everything in it (small values: a schema, a list of findings). */
function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === null || typeof item !== 'object' || Object.isFrozen(item)) continue;
    Object.freeze(item);
    for (const child of Object.values(item))
      if (child !== null && typeof child === 'object') stack.push(child);
  }
  return value;
}
