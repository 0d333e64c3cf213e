import type { Clock } from '../clock.js';
import { GenesysApiError } from '../errors.js';
import type { Logger } from '../logger.js';
import { csvToRows, rowsToCsv, type ParsedCsv } from './csv.js';
import type { GenesysHttp } from './http.js';
import type { DataTable, ExportJob, ImportJob, ImportMode, Row, TableSchema } from './types.js';

export interface ImportResult {
  job: ImportJob;
  updated: number;
  deleted: number;
  failed: number;
}

export interface JobTiming {
  /** Longest wait between polls of a job (the first polls come sooner). */
  pollIntervalMs: number;
  /** Give up on a job that has not finished after this long. */
  timeoutMs: number;
}

/** The first poll of a job comes this soon: a small job ends in well under a second. */
const FIRST_POLL_MS = 200;
/** Each wait between polls is this much longer than the one before, up to the longest. */
const POLL_BACKOFF = 1.5;

/**
 * The data-tables bulk jobs (CSV import and export): started, uploaded or downloaded, and polled
 * to their end. Remembers the import jobs of ours not yet seen to end: they may still change
 * the tables, so a restore must not start under them.
 */
export class TableJobs {
  /** Jobs of ours not yet seen to end, by poll path: what they are. */
  private readonly open = new Map<string, string>();

  constructor(
    private readonly http: GenesysHttp,
    private readonly base: string,
    private readonly timing: JobTiming,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /** What the jobs of ours not yet seen to end are. */
  running(): string[] {
    return [...this.open.values()];
  }

  /**
   * Polls the jobs of ours not yet seen to end until they do, for at most `timeoutMs`;
   * returns those still running then.
   */
  async finish(timeoutMs: number): Promise<string[]> {
    for (const [path, what] of [...this.open]) {
      try {
        await this.poll(path, what, timeoutMs);
      } catch (error) {
        this.logger.warn(`${what}: ${(error as Error).message}`);
      }
    }
    return this.running();
  }

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
    const tablePath = `${this.base}/${encodeURIComponent(table.id)}`;
    const created = await this.http.json<ImportJob>({
      method: 'POST',
      path: `${tablePath}/import/csv/jobs`,
      json: { importMode: mode },
    });
    if (!created.uploadURI) throw new Error(`import job ${created.id} has no uploadURI`);
    const jobPath = `${tablePath}/import/jobs/${encodeURIComponent(created.id)}`;
    const what = `import job ${created.id} of ${table.name}`;
    // From the upload on, the job may run: it counts as ours until it is seen to end.
    this.open.set(jobPath, what);
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
          this.open.delete(jobPath);
        throw error;
      }
    }
    const job = await this.poll<ImportJob>(jobPath, what);
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
    const jobsPath = `${this.base}/${encodeURIComponent(table.id)}/export/jobs`;
    const created = await this.http.json<ExportJob>({ method: 'POST', path: jobsPath });
    const job =
      created.status === 'Processing'
        ? await this.poll<ExportJob>(
            `${jobsPath}/${encodeURIComponent(created.id)}`,
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
   * Polls a job until it ends (Succeeded or Failed) or `timeoutMs` passes, at an adaptive
   * interval: the first poll after {@link FIRST_POLL_MS}, each wait then {@link POLL_BACKOFF}
   * times the one before, up to `pollIntervalMs`. A small job is seen to end within a few
   * hundred ms; a long one costs few polls of the rate budget. Waits go through the Clock, and
   * each poll is a GET, so the client retries it through 429s, 5xx and resets.
   */
  private async poll<T extends { id: string; status: string }>(
    path: string,
    what: string,
    timeoutMs = this.timing.timeoutMs,
  ): Promise<T> {
    const deadline = this.clock.now() + timeoutMs;
    let interval = Math.min(FIRST_POLL_MS, this.timing.pollIntervalMs);
    for (;;) {
      const job = await this.http.json<T>({ method: 'GET', path });
      if (job.status === 'Succeeded' || job.status === 'Failed') {
        this.open.delete(path);
        return job;
      }
      if (this.clock.now() >= deadline) {
        throw new Error(`${what} is still ${job.status} after ${Math.round(timeoutMs / 1000)} s`);
      }
      await this.clock.sleep(Math.min(interval, Math.max(0, deadline - this.clock.now())));
      interval = Math.min(this.timing.pollIntervalMs, interval * POLL_BACKOFF);
    }
  }
}

/** True when `uri` is on the API host or a sibling host of the same Genesys domain. */
function sameService(uri: string, apiBase: string): boolean {
  const target = new URL(uri);
  const api = new URL(apiBase);
  if (target.host === api.host) return true;
  const domain = api.hostname.replace(/^api\./, '');
  return domain !== api.hostname && (target.hostname === domain || target.hostname.endsWith(`.${domain}`));
}
