import { randomUUID } from 'node:crypto';
import type { DivisionRef, ExportJob, ImportJob, Row, TableSchema } from '../genesys/types.js';
import { RowMap } from './row-map.js';
import { pageOfRows, type RowPage } from './row-pages.js';
import { LaggingView } from './visibility.js';

export const HOME_DIVISION: DivisionRef = { id: '4c2c7a8e-0f4f-4c5b-9a3e-000000000001', name: 'Home' };

/** What table GET and listings show of a table: everything but its rows. */
export interface TableMeta {
  id: string;
  name: string;
  description?: string | undefined;
  division: DivisionRef;
  schema: TableSchema;
}

export interface StoredTable extends TableMeta {
  /** Rows by key, in insertion order and by key order: the true state, which writes change at once. */
  rows: RowMap;
}

/** Who started a job (the SDK's AddressableEntityRef): here the OAuth client of the token. */
export interface JobOwner {
  id: string;
  selfUri: string;
}

/** The SDK's DataTableImportJob: the client's ImportJob plus the fields the client does not read. */
export interface EmulatedImportJob extends ImportJob {
  name: string;
  owner?: JobOwner;
}

/** The SDK's DataTableExportJob. */
export interface EmulatedExportJob extends ExportJob {
  name: string;
  owner?: JobOwner;
}

export interface ImportJobRecord {
  job: EmulatedImportJob;
  tableId: string;
  /** The deprecated flow uploads by multipart POST with a bearer token; the new one by PUT. */
  legacy: boolean;
  uploadSignature: string;
}

export interface ExportJobRecord {
  job: EmulatedExportJob;
  tableId: string;
  csv?: string;
}

/** When writes become visible to reads: now, and a lag drawn per written row or table change. */
export interface LagSource {
  now(): number;
  rowLagMs(): number;
  tableLagMs(): number;
}

const NO_LAG: LagSource = { now: () => Date.now(), rowLagMs: () => 0, tableLagMs: () => 0 };

/** The JSON form of the whole state: what `GET /__emulator/state` returns and `PUT` loads. */
export interface StateDump {
  divisions?: DivisionRef[];
  tables: Array<{
    id?: string;
    name: string;
    description?: string;
    division?: DivisionRef;
    schema: TableSchema;
    rows: Row[];
  }>;
}

/**
 * Everything the emulated org holds. Handlers change it only through the write methods, which
 * keep the true state and the lagging read view (see visibility.ts) in step; reads that a client
 * makes go through the `visible…` methods. Write-side checks (duplicate key, missing row, limits)
 * read the true state.
 */
export class EmulatorState {
  readonly tables = new Map<string, StoredTable>();
  readonly importJobs = new Map<string, ImportJobRecord>();
  readonly exportJobs = new Map<string, ExportJobRecord>();
  divisions: DivisionRef[] = [HOME_DIVISION];
  private readonly tableView = new LaggingView<TableMeta>();
  private readonly rowViews = new Map<string, LaggingView<Row>>();

  constructor(private readonly lag: LagSource = NO_LAG) {}

  findTableByName(name: string): StoredTable | undefined {
    const lowered = name.toLowerCase();
    for (const table of this.tables.values()) if (table.name.toLowerCase() === lowered) return table;
    return undefined;
  }

  division(id: string): DivisionRef | undefined {
    return this.divisions.find((division) => division.id === id);
  }

  /** Writes a row, or deletes it when `row` is undefined; reads see it once its lag has passed. */
  writeRow(table: StoredTable, key: string, row: Row | undefined): void {
    const before = table.rows.get(key);
    if (row === undefined) table.rows.delete(key);
    else table.rows.set(key, row);
    const now = this.lag.now();
    const visibleAt = now + this.lag.rowLagMs();
    let view = this.rowViews.get(table.id);
    if (!view) {
      if (visibleAt <= now) return; // nothing of this table lags: reads follow the truth
      view = new LaggingView<Row>();
      this.rowViews.set(table.id, view);
    }
    view.record(key, before, row, visibleAt, now);
  }

  visibleRow(table: StoredTable, key: string): Row | undefined {
    const view = this.rowViews.get(table.id);
    return view ? view.read(key, table.rows.get(key), this.lag.now()) : table.rows.get(key);
  }

  /** One page of the rows a read sees now, in key order; costs the page, not the table. */
  visibleRowPage(table: StoredTable, start: number, count: number, descending = false): RowPage {
    const view = this.rowViews.get(table.id);
    const overrides = view ? view.overrides(this.lag.now()) : new Map<string, Row | undefined>();
    return pageOfRows(table.rows, overrides, start, count, descending);
  }

  /** Every row a read sees now, in insertion order. */
  visibleRows(table: StoredTable): Row[] {
    const view = this.rowViews.get(table.id);
    return view ? view.values(table.rows, this.lag.now()) : [...table.rows.values()];
  }

  addTable(table: StoredTable): void {
    this.tables.set(table.id, table);
    this.recordTable(table.id, undefined, table);
  }

  /** Runs `change` on the table (name, description, division, schema) and records the change. */
  updateTable(table: StoredTable, change: () => void): void {
    const before = metaOf(table);
    change();
    this.recordTable(table.id, before, table);
  }

  /** Deletes a table with its rows; table reads may still show it for the table lag. */
  deleteTable(table: StoredTable): void {
    this.tables.delete(table.id);
    this.rowViews.delete(table.id);
    this.recordTable(table.id, metaOf(table), undefined);
  }

  visibleTable(id: string): TableMeta | undefined {
    return this.tableView.read(id, this.tables.get(id), this.lag.now());
  }

  visibleTables(): TableMeta[] {
    return this.tableView.values(this.tables, this.lag.now());
  }

  dump(): StateDump {
    return {
      divisions: this.divisions.map((division) => ({ ...division })),
      tables: [...this.tables.values()].map((table) => ({
        id: table.id,
        name: table.name,
        ...(table.description !== undefined ? { description: table.description } : {}),
        division: { ...table.division },
        schema: structuredClone(table.schema),
        rows: [...table.rows.values()].map((row) => ({ ...row })),
      })),
    };
  }

  /** Replaces everything with the dump, visible at once. Rows are stored as given: the dump is trusted. */
  load(dump: StateDump): void {
    if (!dump || !Array.isArray(dump.tables)) throw new TypeError('a state dump needs a "tables" array');
    this.tables.clear();
    this.importJobs.clear();
    this.exportJobs.clear();
    this.rowViews.clear();
    this.tableView.clear();
    this.divisions = dump.divisions?.length
      ? dump.divisions.map((division) => ({ ...division }))
      : [HOME_DIVISION];
    for (const table of dump.tables) {
      if (typeof table.name !== 'string' || !table.schema || !Array.isArray(table.rows)) {
        throw new TypeError('each table in a state dump needs name, schema and rows');
      }
      const id = table.id ?? randomUUID();
      this.tables.set(id, {
        id,
        name: table.name,
        description: table.description,
        division: table.division ?? this.divisions[0]!,
        schema: structuredClone(table.schema),
        rows: new RowMap(table.rows.map((row) => [String(row.key), { ...row }])),
      });
    }
  }

  private recordTable(id: string, before: TableMeta | undefined, after: StoredTable | undefined): void {
    const now = this.lag.now();
    const visibleAt = now + this.lag.tableLagMs();
    // Snapshots only when the change lags: the stored table is changed in place by later updates.
    if (visibleAt <= now) this.tableView.forget(id);
    else this.tableView.record(id, before, after && metaOf(after), visibleAt, now);
  }
}

/** A copy of what a table read shows, safe from later in-place updates. */
function metaOf(table: TableMeta): TableMeta {
  return {
    id: table.id,
    name: table.name,
    description: table.description,
    division: { ...table.division },
    schema: structuredClone(table.schema),
  };
}
