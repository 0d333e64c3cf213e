import pLimit from 'p-limit';
import type { Clock } from '../clock.js';
import { systemClock } from '../clock.js';
import { GenesysApiError } from '../errors.js';
import type { Logger } from '../logger.js';
import { silentLogger } from '../logger.js';
import type { ParsedCsv } from './csv.js';
import type { CallObserver, GenesysHttp, WritesInDoubt } from './http.js';
import { TableJobs, type ImportResult } from './table-jobs.js';
import type { DataTable, EntityListing, ImportMode, NewDataTable, Row, TableSchema } from './types.js';

export type { ImportResult } from './table-jobs.js';

const BASE = '/api/v2/flows/datatables';

export interface DataTablesOptions {
  /** Rows asked for per page when listing rows. The service's maximum is unconfirmed; 500 is tried first. */
  rowPageSize?: number;
  /** Page size used when the service refuses `rowPageSize`. */
  fallbackRowPageSize?: number;
  /** Pages of one table fetched at once (within the shared rate budget). */
  pageConcurrency?: number;
  /** Longest wait between polls of an import or export job (the first polls come sooner). */
  jobPollIntervalMs?: number;
  /** Give up on a job that has not finished after this long. */
  jobTimeoutMs?: number;
  clock?: Clock;
  logger?: Logger;
}

/**
 * The data-tables resource: tables, rows, import and export jobs. Thin and typed; all rate
 * limiting, retries and authentication happen in {@link GenesysHttp}.
 */
export class DataTablesApi {
  private rowPageSize: number;
  private readonly options: Required<Omit<DataTablesOptions, 'clock' | 'logger'>>;
  private readonly logger: Logger;
  private readonly jobs: TableJobs;

  constructor(
    private readonly http: GenesysHttp,
    options: DataTablesOptions = {},
  ) {
    this.options = {
      rowPageSize: options.rowPageSize ?? 500,
      fallbackRowPageSize: options.fallbackRowPageSize ?? 100,
      pageConcurrency: options.pageConcurrency ?? 4,
      jobPollIntervalMs: options.jobPollIntervalMs ?? 5_000,
      jobTimeoutMs: options.jobTimeoutMs ?? 15 * 60_000,
    };
    this.rowPageSize = this.options.rowPageSize;
    this.logger = options.logger ?? silentLogger;
    this.jobs = new TableJobs(
      http,
      BASE,
      { pollIntervalMs: this.options.jobPollIntervalMs, timeoutMs: this.options.jobTimeoutMs },
      options.clock ?? systemClock,
      this.logger,
    );
  }

  /** Rows per page of a row listing, as the service accepts them (for pricing reads). */
  get rowsPerPage(): number {
    return this.rowPageSize;
  }

  // ---- what may still change the tables ------------------------------------------------

  /**
   * What of ours may still change the tables: writes whose outcome is unknown, and import
   * jobs not seen to end. A restore must not start under either.
   */
  inDoubt(): { writes: WritesInDoubt; jobs: string[] } {
    return { writes: this.http.writesInDoubt(), jobs: this.jobs.running() };
  }

  /** Resolves once every request in flight has ended. */
  idle(): Promise<void> {
    return this.http.idle();
  }

  /**
   * Polls the jobs of ours not yet seen to end until they do, for at most `timeoutMs`;
   * returns those still running then.
   */
  finishJobs(timeoutMs: number): Promise<string[]> {
    return this.jobs.finish(timeoutMs);
  }

  // ---- tables ---------------------------------------------------------------------------

  /** All tables (every page). `name` is the service's case-insensitive filter with `*` wildcards. */
  async listTables(
    options: { name?: string; expandSchema?: boolean; divisionIds?: string[] } = {},
  ): Promise<DataTable[]> {
    const query = {
      name: options.name,
      expand: options.expandSchema ? 'schema' : undefined,
      // The SDKs send array parameters comma-joined.
      divisionId: options.divisionIds?.join(','),
      sortBy: 'name',
    };
    return this.collectPages<DataTable>(BASE, query, 100);
  }

  /** The table with this exact name, with its schema; undefined when there is none. */
  async findTableByName(name: string): Promise<DataTable | undefined> {
    // The filter is case-insensitive and treats `*` as a wildcard, so the match is checked here.
    const candidates = await this.listTables({ name: name.replace(/\*/g, ''), expandSchema: true });
    return candidates.find((table) => table.name === name);
  }

  async getTable(tableId: string): Promise<DataTable> {
    return this.http.json<DataTable>({
      method: 'GET',
      path: `${BASE}/${enc(tableId)}`,
      query: { expand: 'schema' },
    });
  }

  async createTable(table: NewDataTable): Promise<DataTable> {
    return this.http.json<DataTable>({ method: 'POST', path: BASE, json: table });
  }

  /** Replaces the table definition. The service only accepts added columns. */
  async updateTable(table: DataTable & { schema: TableSchema }): Promise<DataTable> {
    return this.http.json<DataTable>({
      method: 'PUT',
      path: `${BASE}/${enc(table.id)}`,
      query: { expand: 'schema' },
      json: table,
    });
  }

  async deleteTable(tableId: string, options: { force?: boolean } = {}): Promise<void> {
    await this.http.send({
      method: 'DELETE',
      path: `${BASE}/${enc(tableId)}`,
      query: { force: options.force },
    });
  }

  // ---- rows -----------------------------------------------------------------------------

  /**
   * Every row of a table, in full. Pages are as large as the service accepts: the configured
   * size first, the fallback size if the service refuses it (its maximum is undocumented), and
   * whatever size it answers with if it clamps. After the first page the rest are fetched
   * concurrently.
   */
  async listRows(tableId: string): Promise<Row[]> {
    const path = `${BASE}/${enc(tableId)}/rows`;
    const first = await this.firstRowPage(path);
    // If the service clamped the size, page by what it actually gives.
    const pageSize = first.pageSize > 0 ? first.pageSize : this.rowPageSize;
    const pageCount = first.pageCount ?? Math.ceil(first.total / pageSize);
    const rest = await pLimit(this.options.pageConcurrency).map(range(2, pageCount), (page) =>
      this.rowPage(path, page, pageSize),
    );
    return [first, ...rest].flatMap((listing) => listing.entities);
  }

  /** The first page of rows; a page size the service refuses falls back, for good, to the smaller one. */
  private async firstRowPage(path: string): Promise<EntityListing<Row>> {
    try {
      return await this.rowPage(path, 1, this.rowPageSize);
    } catch (error) {
      if (
        !(error instanceof GenesysApiError) ||
        error.status !== 400 ||
        this.rowPageSize <= this.options.fallbackRowPageSize
      ) {
        throw error;
      }
      this.logger.info(
        `the service refused pageSize=${this.rowPageSize} for rows; using ${this.options.fallbackRowPageSize} from now on`,
      );
      this.rowPageSize = this.options.fallbackRowPageSize;
      return this.rowPage(path, 1, this.rowPageSize);
    }
  }

  private rowPage(path: string, pageNumber: number, pageSize: number): Promise<EntityListing<Row>> {
    // showbrief defaults to true, which returns keys only.
    return this.http.json<EntityListing<Row>>({
      method: 'GET',
      path,
      query: { pageNumber, pageSize, showbrief: false },
    });
  }

  /**
   * One row in full, or undefined when the key does not exist. A table that does not exist is
   * an error (a {@link GenesysApiError} 404 whose code names the table), not a missing row.
   */
  async getRow(tableId: string, key: string): Promise<Row | undefined> {
    try {
      return await this.http.json<Row>({
        method: 'GET',
        path: rowPath(tableId, key),
        query: { showbrief: false },
      });
    } catch (error) {
      if (error instanceof GenesysApiError && error.status === 404 && !tableNotFound(error)) return undefined;
      throw error;
    }
  }

  async createRow(tableId: string, row: Row, observe?: CallObserver): Promise<Row> {
    return this.http.json<Row>({ method: 'POST', path: `${BASE}/${enc(tableId)}/rows`, json: row }, observe);
  }

  /** Replaces a row: omitted columns revert to their defaults. */
  async replaceRow(tableId: string, row: Row, observe?: CallObserver): Promise<Row> {
    const key = String(row.key);
    return this.http.json<Row>(
      { method: 'PUT', path: rowPath(tableId, key), json: { ...row, key } },
      observe,
    );
  }

  async deleteRow(tableId: string, key: string, observe?: CallObserver): Promise<void> {
    await this.http.json<void>({ method: 'DELETE', path: rowPath(tableId, key) }, observe);
  }

  /** The id of a division by its exact name (case-insensitive), or undefined. */
  async findDivisionId(name: string): Promise<string | undefined> {
    const divisions = await this.collectPages<{ id: string; name: string }>(
      '/api/v2/authorization/divisions',
      { name },
      100,
    );
    return divisions.find((division) => division.name.toLowerCase() === name.toLowerCase())?.id;
  }

  // ---- bulk: import and export jobs (see table-jobs.ts) ----------------------------------

  importRows(
    table: DataTable & { schema: TableSchema },
    rows: readonly Row[],
    mode: ImportMode,
  ): Promise<ImportResult> {
    return this.jobs.importRows(table, rows, mode);
  }

  exportRows(table: DataTable & { schema: TableSchema }): Promise<ParsedCsv> {
    return this.jobs.exportRows(table);
  }

  /** Every page of a Genesys listing, fetched one after another. */
  private async collectPages<T>(
    path: string,
    query: Record<string, string | undefined>,
    pageSize: number,
  ): Promise<T[]> {
    const all: T[] = [];
    for (let pageNumber = 1; ; pageNumber++) {
      const page = await this.http.json<EntityListing<T>>({
        method: 'GET',
        path,
        query: { ...query, pageNumber, pageSize },
      });
      all.push(...page.entities);
      if (pageNumber >= (page.pageCount ?? 0) || page.entities.length === 0) return all;
    }
  }
}

/** Path parameters are percent-encoded, as the official SDKs do. */
const enc = encodeURIComponent;

/** A 404 that says the table itself does not exist (not one of its rows). */
export function tableNotFound(error: unknown): boolean {
  return error instanceof GenesysApiError && error.status === 404 && /table\.not\.found/.test(error.code);
}

function rowPath(tableId: string, key: string): string {
  return `${BASE}/${enc(tableId)}/rows/${enc(key)}`;
}

function range(from: number, to: number): number[] {
  return to < from ? [] : Array.from({ length: to - from + 1 }, (_, index) => from + index);
}
