import type { CellValue, ColumnSchema, ColumnType, Row, TableSchema } from '../genesys/types.js';

/**
 * Version of the plan's JSON form; readers refuse other versions. 2: the plan is bound to its
 * org (`apiHost`, required), environment and deployment, and names its producer.
 */
export const PLAN_FORMAT_VERSION = 2 as const;

/**
 * A row as a plan holds it. The plan is immutable: its structure is frozen (see build.ts) and
 * its rows are read-only by type, since freezing every row of a large table costs as much as
 * diffing it.
 */
export type PlanRow = Readonly<Row>;

/** The tool and version that wrote a plan or a backup. */
export interface Producer {
  readonly name: 'datatable-deploy';
  readonly version: string;
}

/** One cell that changes: `null` stands for "not set" (the column is new to the row). */
export interface CellChange {
  readonly column: string;
  readonly before: CellValue | null;
  readonly after: CellValue | null;
}

export interface RowCreate {
  readonly key: string;
  /** The row as it will be sent (the key included; omitted columns get the service's defaults). */
  readonly row: PlanRow;
}

export interface RowUpdate {
  readonly key: string;
  /** Only the cells that change, in column order. */
  readonly cells: readonly CellChange[];
  /** The live row as read. */
  readonly before: PlanRow;
  /** The whole row as it will be sent: PUT replaces the row, so every column is given. */
  readonly after: PlanRow;
}

export interface RowDelete {
  readonly key: string;
  /** The live row, for review and for the record. */
  readonly row: PlanRow;
}

/** A schema change the service accepts; `delete-table` comes from a tombstone (`delete: true`). */
export type SchemaChange =
  | { readonly kind: 'create-table'; readonly columns: number }
  | { readonly kind: 'delete-table'; readonly rows: number }
  | {
      readonly kind: 'add-column';
      readonly column: string;
      readonly type: ColumnType;
      readonly definition: Readonly<ColumnSchema>;
    };

/** A schema change the service would refuse; a plan with any is blocked. */
export interface BlockedChange {
  readonly rule: string;
  readonly column?: string | undefined;
  readonly message: string;
  readonly hint?: string | undefined;
}

export type ApplyStrategy = 'rows' | 'import';

export interface Prediction {
  readonly strategy: ApplyStrategy;
  /** API calls apply will make: writes, the stale-plan re-read and the verify read. */
  readonly calls: number;
  /** At the rate budget. */
  readonly seconds: number;
}

export interface TablePlan {
  readonly name: string;
  /** The live table's id; absent when the plan creates the table. */
  readonly id?: string | undefined;
  readonly file: string;
  readonly division?: string | undefined;
  readonly description?: string | undefined;
  /** The schema the table will have: the live one plus added columns, or the new one. */
  readonly schema: Readonly<TableSchema>;
  /** Columns the deploy stamps and the diff ignores. */
  readonly managed: { readonly version?: string | undefined; readonly actor?: string | undefined };
  readonly prune: boolean;
  readonly schemaChanges: readonly SchemaChange[];
  readonly blocked: readonly BlockedChange[];
  readonly creates: readonly RowCreate[];
  readonly updates: readonly RowUpdate[];
  readonly deletes: readonly RowDelete[];
  readonly unchanged: number;
  /** Live rows the file does not mention and leaves alone (prune: false). */
  readonly unmanagedRows: number;
  readonly liveRowCount: number;
  /** Rows the table may hold (the config's limits.maxRows): apply never goes past it mid-way. */
  readonly rowLimit: number;
  /** sha256 of the live table as read (schema and rows); null when it does not exist yet. */
  readonly liveFingerprint: string | null;
  readonly prediction: Prediction;
  /**
   * The file is a tombstone (`delete: true`): the table is deleted (a `delete-table` change),
   * or, when it does not exist, nothing is done: it is already gone.
   */
  readonly tombstone?: true | undefined;
}

/** A table plan while it is put together row by row, before it joins a plan. */
export type TablePlanDraft = Omit<TablePlan, 'creates' | 'updates' | 'deletes'> & {
  creates: RowCreate[];
  updates: RowUpdate[];
  deletes: RowDelete[];
};

export type ThresholdKind =
  | 'changed-rows'
  | 'changed-percent'
  | 'deleted-rows'
  | 'schema-change'
  | 'table-delete'
  | 'total-changed-rows';

export interface ThresholdCrossing {
  readonly kind: ThresholdKind;
  /** The table concerned; absent for the overall total. */
  readonly table?: string | undefined;
  readonly limit: number;
  readonly actual: number;
  readonly message: string;
}

export type Verdict = 'no-changes' | 'within-threshold' | 'needs-approval' | 'blocked';

export interface PlanTotals {
  readonly tables: number;
  readonly creates: number;
  readonly updates: number;
  readonly deletes: number;
  readonly unchanged: number;
  readonly schemaChanges: number;
  readonly calls: number;
  readonly seconds: number;
}

/**
 * The plan: immutable, serialisable, identified by its digest, and bound to the org,
 * environment and deployment it was computed for.
 */
export interface Plan {
  readonly formatVersion: typeof PLAN_FORMAT_VERSION;
  /**
   * `sha256:<hex>` over the canonical form of everything but `digest`, `signature` and
   * `createdAt`: the binding, the producer, every table and row, the live fingerprints.
   */
  readonly digest: string;
  /**
   * `hmac-sha256:<hex>` over everything else, present in plan files written with a signing key
   * (see plan/signing.ts); never part of the digest.
   */
  readonly signature?: string | undefined;
  readonly createdAt: string;
  readonly producer: Producer;
  /** The API host the live tables were read from (`api.mypurecloud.com`, `127.0.0.1:8080`). */
  readonly apiHost: string;
  /** The environment the files were selected for; absent when no file is bound to one. */
  readonly environment?: string | undefined;
  /** The deployment's name: given, else the environment, else "default". */
  readonly deployment: string;
  readonly verdict: Verdict;
  readonly thresholds: readonly ThresholdCrossing[];
  readonly totals: PlanTotals;
  readonly tables: readonly TablePlan[];
}
