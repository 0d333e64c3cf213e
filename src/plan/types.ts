import type { CellValue, ColumnSchema, ColumnType, Row, TableSchema } from '../genesys/types.js';

/**
 * Version of the plan's JSON form; readers refuse other versions. 2: the plan is bound to its
 * org (`apiHost`, required), environment and deployment, and names its producer.
 */
export const PLAN_FORMAT_VERSION = 2 as const;

/** The tool and version that wrote a plan or a backup. */
export interface Producer {
  name: 'datatable-deploy';
  version: string;
}

/** One cell that changes: `null` stands for "not set" (the column is new to the row). */
export interface CellChange {
  column: string;
  before: CellValue | null;
  after: CellValue | null;
}

export interface RowCreate {
  key: string;
  /** The row as it will be sent (the key included; omitted columns get the service's defaults). */
  row: Row;
}

export interface RowUpdate {
  key: string;
  /** Only the cells that change, in column order. */
  cells: CellChange[];
  /** The live row as read. */
  before: Row;
  /** The whole row as it will be sent: PUT replaces the row, so every column is given. */
  after: Row;
}

export interface RowDelete {
  key: string;
  /** The live row, for review and for the record. */
  row: Row;
}

/** A schema change the service accepts. */
export type SchemaChange =
  | { kind: 'create-table'; columns: number }
  | { kind: 'add-column'; column: string; type: ColumnType; definition: ColumnSchema };

/** A schema change the service would refuse; a plan with any is blocked. */
export interface BlockedChange {
  rule: string;
  column?: string | undefined;
  message: string;
  hint?: string | undefined;
}

export type ApplyStrategy = 'rows' | 'import';

export interface Prediction {
  strategy: ApplyStrategy;
  /** API calls apply will make: writes, the stale-plan re-read and the verify read. */
  calls: number;
  /** At the rate budget. */
  seconds: number;
}

export interface TablePlan {
  name: string;
  /** The live table's id; absent when the plan creates the table. */
  id?: string | undefined;
  file: string;
  division?: string | undefined;
  description?: string | undefined;
  /** The schema the table will have: the live one plus added columns, or the new one. */
  schema: TableSchema;
  /** Columns the deploy stamps and the diff ignores. */
  managed: { version?: string | undefined; actor?: string | undefined };
  prune: boolean;
  schemaChanges: SchemaChange[];
  blocked: BlockedChange[];
  creates: RowCreate[];
  updates: RowUpdate[];
  deletes: RowDelete[];
  unchanged: number;
  /** Live rows the file does not mention and leaves alone (prune: false). */
  unmanagedRows: number;
  liveRowCount: number;
  /** Rows the table may hold (the config's limits.maxRows): apply never goes past it mid-way. */
  rowLimit: number;
  /** sha256 of the live table as read (schema and rows); null when it does not exist yet. */
  liveFingerprint: string | null;
  prediction: Prediction;
}

export type ThresholdKind =
  'changed-rows' | 'changed-percent' | 'deleted-rows' | 'schema-change' | 'total-changed-rows';

export interface ThresholdCrossing {
  kind: ThresholdKind;
  /** The table concerned; absent for the overall total. */
  table?: string | undefined;
  limit: number;
  actual: number;
  message: string;
}

export type Verdict = 'no-changes' | 'within-threshold' | 'needs-approval' | 'blocked';

export interface PlanTotals {
  tables: number;
  creates: number;
  updates: number;
  deletes: number;
  unchanged: number;
  schemaChanges: number;
  calls: number;
  seconds: number;
}

/**
 * The plan: immutable, serialisable, identified by its digest, and bound to the org,
 * environment and deployment it was computed for.
 */
export interface Plan {
  formatVersion: typeof PLAN_FORMAT_VERSION;
  /**
   * `sha256:<hex>` over the canonical form of everything but `digest`, `signature` and
   * `createdAt`: the binding, the producer, every table and row, the live fingerprints.
   */
  digest: string;
  /**
   * `hmac-sha256:<hex>` over everything else, present in plan files written with a signing key
   * (see plan/signing.ts); never part of the digest.
   */
  signature?: string | undefined;
  createdAt: string;
  producer: Producer;
  /** The API host the live tables were read from (`api.mypurecloud.com`, `127.0.0.1:8080`). */
  apiHost: string;
  /** The environment the files were selected for; absent when no file is bound to one. */
  environment?: string | undefined;
  /** The deployment's name: given, else the environment, else "default". */
  deployment: string;
  verdict: Verdict;
  thresholds: ThresholdCrossing[];
  totals: PlanTotals;
  tables: TablePlan[];
}
