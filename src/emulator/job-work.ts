import { CsvFormatError, csvToRows, rowsToCsv } from '../genesys/csv.js';
import type { ErrorInformation, Row } from '../genesys/types.js';
import type { RequestContext } from './context.js';
import { badRequest, ServiceError } from './http-kit.js';
import { checkRow } from './rules.js';
import type {
  EmulatedExportJob,
  EmulatedImportJob,
  ExportJobRecord,
  ImportJobRecord,
  StoredTable,
} from './state.js';

/**
 * What import and export jobs do once they run, after `jobDelayMs`: load or export the rows, or
 * misbehave as `jobOutcome` says (stay Processing for good, or fail after `jobFailAfterRows`
 * rows). Job objects only ever gain fields: like the real service, they never carry nulls.
 */

export const DOWNLOAD_PATH = '/downloads/v2/datatables';

/** Job timestamps: ISO-8601 with milliseconds, as the SDK documents them. */
export const isoNow = (): string => new Date().toISOString();

/** Starts an uploaded import: Processing now, done after the job delay (unless stuck). */
export function scheduleImport(context: RequestContext, record: ImportJobRecord, csv: string): void {
  record.job.status = 'Processing';
  const { jobOutcome, jobFailAfterRows, jobDelayMs } = context.config;
  if (jobOutcome === 'stuck') return;
  const stopAfter = jobOutcome === 'fail-partway' ? jobFailAfterRows : undefined;
  context.later(jobDelayMs, () => runImport(context, record, csv, stopAfter));
}

/** Starts an export: done after the job delay (unless stuck), from the rows visible then. */
export function scheduleExport(context: RequestContext, record: ExportJobRecord): void {
  const { jobOutcome, jobFailAfterRows, jobDelayMs } = context.config;
  if (jobOutcome === 'stuck') return;
  const stopAfter = jobOutcome === 'fail-partway' ? jobFailAfterRows : undefined;
  context.later(jobDelayMs, () => runExport(context, record, stopAfter));
}

/**
 * Applies an uploaded CSV. ReplaceAll deletes every row first; Append upserts by key. Rows that
 * break the schema or the row limit are counted as failed; the others still load. With
 * `stopAfter`, only that many rows of the file are processed before the job fails.
 */
function runImport(context: RequestContext, record: ImportJobRecord, csv: string, stopAfter?: number): void {
  const job = record.job;
  const table = context.state.tables.get(record.tableId);
  if (!table) return failJob(job, 404, 'flows.datatables.table.not.found', 'The table was deleted');
  let parsed;
  try {
    parsed = csvToRows(csv, table.schema);
  } catch (error) {
    if (!(error instanceof CsvFormatError)) throw error;
    return failJob(job, 400, 'flows.datatables.import.invalid.file', error.message);
  }
  if (job.importMode === 'ReplaceAll') {
    job.countRecordsDeleted = table.rows.size;
    for (const key of [...table.rows.keys()]) context.state.writeRow(table, key, undefined);
  }
  const candidates = stopAfter === undefined ? parsed.rows : parsed.rows.slice(0, stopAfter);
  const { updated, failed } = applyRows(context, table, candidates);
  job.countRecordsUpdated = updated;
  job.countRecordsFailed = failed + parsed.failures.length;
  if (stopAfter !== undefined) {
    return failJob(
      job,
      500,
      'internal.server.error',
      `The import stopped after ${candidates.length} of ${parsed.rows.length} rows (jobOutcome fail-partway)`,
    );
  }
  job.status = 'Succeeded';
  job.dateCompleted = isoNow();
}

function applyRows(
  context: RequestContext,
  table: StoredTable,
  candidates: readonly Row[],
): { updated: number; failed: number } {
  let updated = 0;
  let failed = 0;
  const seen = new Set<string>();
  for (const candidate of candidates) {
    try {
      const row = checkRow(table.schema, candidate, context.config);
      const key = String(row.key);
      if (seen.has(key)) throw badRequest(`duplicate key "${key}" in the file`);
      if (!table.rows.has(key) && table.rows.size >= context.config.maxRowsPerTable)
        throw badRequest('row limit reached');
      seen.add(key);
      context.state.writeRow(table, key, row);
      updated += 1;
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      failed += 1;
    }
  }
  return { updated, failed };
}

/** Exports the rows reads see now (which may lag recent writes) as a CSV download. */
function runExport(context: RequestContext, record: ExportJobRecord, stopAfter?: number): void {
  const job = record.job;
  const table = context.state.tables.get(record.tableId);
  if (!table) return failJob(job, 404, 'flows.datatables.table.not.found', 'The table was deleted');
  const rows = context.state.visibleRows(table);
  if (stopAfter !== undefined) {
    job.countRecordsProcessed = Math.min(stopAfter, rows.length);
    return failJob(
      job,
      500,
      'internal.server.error',
      `The export stopped after ${job.countRecordsProcessed} of ${rows.length} rows (jobOutcome fail-partway)`,
    );
  }
  record.csv = rowsToCsv(rows, table.schema);
  job.countRecordsProcessed = rows.length;
  job.downloadURI = `${context.origin}${DOWNLOAD_PATH}/${job.id}.csv`;
  job.status = 'Succeeded';
  job.dateCompleted = isoNow();
}

/** Ends a job as Failed with an ErrorBody-shaped errorInformation, as the SDK models it. */
function failJob(
  job: EmulatedImportJob | EmulatedExportJob,
  status: number,
  code: string,
  message: string,
): void {
  const errorInformation: ErrorInformation = { message, code, status };
  job.status = 'Failed';
  job.dateCompleted = isoNow();
  job.errorInformation = errorInformation;
}
