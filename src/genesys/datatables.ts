import pLimit from 'p-limit';
import type { Clock } from '../clock.js';
import { systemClock } from '../clock.js';
import { GenesysApiError } from '../errors.js';
import type { Logger } from '../logger.js';
import { silentLogger } from '../logger.js';
import { csvToRows, rowsToCsv, type ParsedCsv } from './csv.js';
import type { CallObserver, GenesysHttp, WritesInDoubt } from './http.js';
import type {
  DataTable,
  EntityListing,
  ExportJob,
  ImportJob,
  ImportMode,
  NewDataTable,
  Row,
  TableSchema,
} from './types.js';

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

export interface ImportResult {
  job: ImportJob;
  updated: number;
  deleted: number;
  failed: number;
}

/**
 * The data-tables resource: tables, rows, import and export jobs. Thin and typed; all rate
 * limiting, retries and authentication happen in {@link GenesysHttp}.
 */
export class DataTablesApi {
  private rowPageSize: number;
  private readonly options: Required<Omit<DataTablesOptions, 'clock' | 'logger'>>;
  private readonly clock: Clock;
  private readonly logger: Logger;
  /** Jobs of ours not yet seen to end, by poll path: what they are. */
  private readonly openJobs = new Map<string, string>();

  constructor(
    private readonly http: GenesysHttp,
    options: DataTablesOptions = {},
  ) {
    this.options = {
      rowPageSize: options.rowPageSize ?? 500,
      fallbackRowPageSize: options.fallbackRowPageSize ?? 100,
      pageConcurrency: options.pageConcurrency ?? 4,
      jobPollIntervalMs: options.jobPollIntervalMs ?? 2_000,
      jobTimeoutMs: options.jobTimeoutMs ?? 15 * 60_000,
    };
    this.rowPageSize = this.options.rowPageSize;
    this.clock = options.clock ?? systemClock;
    this.logger = options.logger ?? silentLogger;
  }

  // ---- what may still change the tables ------------------------------------------------

  /**
   * What of ours may still change the tables: writes whose outcome is unknown, and import
   * jobs not seen to end. A restore must not start under either.
   */
  inDoubt(): { writes: WritesInDoubt; jobs: string[] } {
    return { writes: this.http.writesInDoubt(), jobs: [...this.openJobs.values()] };
  }

  /** Resolves once every request in flight has ended. */
  idle(): Promise<void> {
    return this.http.idle();
  }

  /**
   * Polls the jobs of ours not yet seen to end until they do, for at most `timeoutMs`;
   * returns those still running then.
   */
  async finishJobs(timeoutMs: number): Promise<string[]> {
    for (const [path, what] of [...this.openJobs]) {
      try {
        await this.pollJob(path, what, timeoutMs);
      } catch (error) {
        this.logger.warn(`${what}: ${(error as Error).message}`);
      }
    }
    return [...this.openJobs.values()];
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
    let first: EntityListing<Row>;
    try {
      first = await this.rowPage(path, 1, this.rowPageSize);
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
      first = await this.rowPage(path, 1, this.rowPageSize);
    }
    // If the service clamped the size, page by what it actually gives.
    const pageSize = first.pageSize > 0 ? first.pageSize : this.rowPageSize;
    const pageCount = first.pageCount ?? Math.ceil(first.total / pageSize);
    const rest = await pLimit(this.options.pageConcurrency).map(range(2, pageCount), (page) =>
      this.rowPage(path, page, pageSize),
    );
    return [first, ...rest].flatMap((listing) => listing.entities);
  }

  private rowPage(path: string, pageNumber: number, pageSize: number): Promise<EntityListing<Row>> {
    // showbrief defaults to true, which returns keys only.
    return this.http.json<EntityListing<Row>>({
      method: 'GET',
      path,
      query: { pageNumber, pageSize, showbrief: false },
    });
  }

  /** One row in full, or undefined when the key does not exist. */
  async getRow(tableId: string, key: string): Promise<Row | undefined> {
    try {
      return await this.http.json<Row>({
        method: 'GET',
        path: rowPath(tableId, key),
        query: { showbrief: false },
      });
    } catch (error) {
      if (error instanceof GenesysApiError && error.status === 404) return undefined;
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

  // ---- bulk: import and export jobs -----------------------------------------------------

  /**
   * Loads rows with a CSV import job (the `import/csv/jobs` flow): create the job, PUT the file
   * to its upload URI with the headers it names, poll until it ends. `Append` upserts by key;
   * `ReplaceAll` deletes every row first. Rows the service rejects are counted in `failed`.
   */
  async importRows(
    table: DataTable & { schema: TableSchema },
    rows: readonly Row[],
    mode: ImportMode,
  ): Promise<ImportResult> {
    const jobsPath = `${BASE}/${enc(table.id)}/import/csv/jobs`;
    const created = await this.http.json<ImportJob>({
      method: 'POST',
      path: jobsPath,
      json: { importMode: mode },
    });
    if (!created.uploadURI) throw new Error(`import job ${created.id} has no uploadURI`);
    const jobPath = `${BASE}/${enc(table.id)}/import/jobs/${enc(created.id)}`;
    const what = `import job ${created.id} of ${table.name}`;
    // From the upload on, the job may run: it counts as ours until it is seen to end.
    this.openJobs.set(jobPath, what);
    try {
      // The upload URI is presigned: the bearer token is not sent to it.
      await this.http.send({
        method: 'PUT',
        path: created.uploadURI,
        body: rowsToCsv(rows, table.schema),
        headers: { 'content-type': 'text/csv', ...created.uploadHeaders },
        authenticate: false,
      });
    } catch (error) {
      // A retried upload refused as a conflict: the first attempt arrived (its answer was lost).
      if (!(error instanceof GenesysApiError && error.status === 409 && error.attempts > 1)) {
        // Refused outright: no job runs. Without an answer (or a 502/504) the file may have arrived.
        if (error instanceof GenesysApiError && ![0, 502, 504].includes(error.status))
          this.openJobs.delete(jobPath);
        throw error;
      }
    }
    const job = await this.pollJob<ImportJob>(jobPath, what);
    if (job.status === 'Failed') {
      throw new Error(`import job ${job.id} failed: ${job.errorInformation?.message ?? 'no reason given'}`);
    }
    return {
      job,
      updated: job.countRecordsUpdated ?? 0,
      deleted: job.countRecordsDeleted ?? 0,
      failed: job.countRecordsFailed ?? 0,
    };
  }

  /** Reads all rows through an export job and its CSV download. */
  async exportRows(table: DataTable & { schema: TableSchema }): Promise<ParsedCsv> {
    const created = await this.http.json<ExportJob>({
      method: 'POST',
      path: `${BASE}/${enc(table.id)}/export/jobs`,
    });
    const job =
      created.status === 'Processing'
        ? await this.pollJob<ExportJob>(
            `${BASE}/${enc(table.id)}/export/jobs/${enc(created.id)}`,
            `export job ${created.id} of ${table.name}`,
          )
        : created;
    if (job.status !== 'Succeeded' || !job.downloadURI) {
      throw new Error(`export job ${job.id} failed: ${job.errorInformation?.message ?? 'no download URI'}`);
    }
    const download = await this.http.send({
      method: 'GET',
      path: job.downloadURI,
      headers: { accept: 'text/csv' },
      // Only the service's own hosts get the bearer token.
      authenticate: sameService(job.downloadURI, this.http.apiBase),
    });
    return csvToRows(download.text, table.schema);
  }

  /**
   * Polls a job until it ends (Succeeded or Failed) or `timeoutMs` passes. Polls come quickly at
   * first (a small job ends in well under a second) and back off to `jobPollIntervalMs`; each
   * poll is a GET, so the client retries it through 429s, 5xx and resets.
   */
  private async pollJob<T extends { id: string; status: string }>(
    path: string,
    what: string,
    timeoutMs = this.options.jobTimeoutMs,
  ): Promise<T> {
    const deadline = this.clock.now() + timeoutMs;
    let interval = Math.min(250, this.options.jobPollIntervalMs);
    for (;;) {
      const job = await this.http.json<T>({ method: 'GET', path });
      if (job.status === 'Succeeded' || job.status === 'Failed') {
        this.openJobs.delete(path);
        return job;
      }
      if (this.clock.now() >= deadline) {
        throw new Error(`${what} is still ${job.status} after ${Math.round(timeoutMs / 1000)} s`);
      }
      await this.clock.sleep(Math.min(interval, Math.max(0, deadline - this.clock.now())));
      interval = Math.min(this.options.jobPollIntervalMs, interval * 2);
    }
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

function rowPath(tableId: string, key: string): string {
  return `${BASE}/${enc(tableId)}/rows/${enc(key)}`;
}

function range(from: number, to: number): number[] {
  return to < from ? [] : Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

/** True when `uri` is on the API host or a sibling host of the same Genesys domain. */
function sameService(uri: string, apiBase: string): boolean {
  const target = new URL(uri);
  const api = new URL(apiBase);
  if (target.host === api.host) return true;
  const domain = api.hostname.replace(/^api\./, '');
  return domain !== api.hostname && (target.hostname === domain || target.hostname.endsWith(`.${domain}`));
}
