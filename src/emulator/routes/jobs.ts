import { randomUUID } from 'node:crypto';
import type { ImportMode } from '../../genesys/types.js';
import type { RequestContext, Route } from '../context.js';
import { badRequest, notFound, parseJson, ServiceError } from '../http-kit.js';
import { DOWNLOAD_PATH, isoNow, scheduleExport, scheduleImport } from '../job-work.js';
import { envelope, pageParams } from '../listing.js';
import type {
  EmulatedExportJob,
  EmulatedImportJob,
  ExportJobRecord,
  ImportJobRecord,
  JobOwner,
} from '../state.js';
import { requireTable, TABLES_PATH } from './tables.js';

const JOBS = `${TABLES_PATH}/{datatableId}`;
export const UPLOAD_PATH = '/uploads/v2/datatables';
export { DOWNLOAD_PATH };
/** The presigned-URL stand-in: the upload must carry this header from `uploadHeaders`. */
export const UPLOAD_SIGNATURE_HEADER = 'x-emulator-upload-signature';

/** The OAuth client of the token stands in for the user the SDK documents as `owner`. */
function ownerOf(context: RequestContext): { owner?: JobOwner } {
  return context.clientId
    ? { owner: { id: context.clientId, selfUri: `/api/v2/oauth/clients/${context.clientId}` } }
    : {};
}

function importMode(body: unknown): ImportMode {
  const mode = (body as { importMode?: unknown } | undefined)?.importMode;
  if (mode !== 'Append' && mode !== 'ReplaceAll')
    throw badRequest('importMode must be Append or ReplaceAll', 'invalid.value');
  return mode;
}

async function createImportJob(context: RequestContext, legacy: boolean) {
  const table = requireTable(context);
  const mode = importMode(parseJson(await context.body()));
  const id = randomUUID();
  const signature = randomUUID();
  // No null fields: dateCompleted and errorInformation appear when the job ends.
  const job: EmulatedImportJob = {
    id,
    // The real service's job names are undocumented; the table's name is as good as any.
    name: table.name,
    ...ownerOf(context),
    status: 'WaitingForUpload',
    importMode: mode,
    dateCreated: isoNow(),
    uploadURI: legacy
      ? `${context.origin}${UPLOAD_PATH}/legacy/${id}`
      : `${context.origin}${UPLOAD_PATH}/${id}`,
    countRecordsUpdated: 0,
    countRecordsDeleted: 0,
    countRecordsFailed: 0,
    selfUri: `${TABLES_PATH}/${table.id}/import/jobs/${id}`,
  };
  // Only the new flow names upload headers; the legacy flow authenticates with the bearer token.
  if (!legacy) job.uploadHeaders = { 'Content-Type': 'text/csv', [UPLOAD_SIGNATURE_HEADER]: signature };
  context.state.importJobs.set(id, { job, tableId: table.id, legacy, uploadSignature: signature });
  return { status: 200, body: job };
}

function listImportJobs(context: RequestContext) {
  const table = requireTable(context);
  const jobs = [...context.state.importJobs.values()]
    .filter((record) => record.tableId === table.id)
    .map((record) => record.job)
    .reverse();
  // This listing has no URIs in the real service.
  return {
    status: 200,
    body: envelope(jobs, pageParams(context.query, context.config), context.path, context.query, false),
  };
}

function getImportJob(context: RequestContext) {
  const table = requireTable(context);
  const record = context.state.importJobs.get(context.params.jobId!);
  if (!record || record.tableId !== table.id) throw notFound('not.found', 'No such import job');
  return { status: 200, body: record.job };
}

function startImport(context: RequestContext, record: ImportJobRecord, csv: string) {
  if (record.job.status !== 'WaitingForUpload') {
    throw new ServiceError(
      409,
      'conflict',
      `The import job is ${record.job.status}, not waiting for an upload`,
    );
  }
  scheduleImport(context, record, csv);
  return { status: 200 };
}

async function uploadCsv(context: RequestContext) {
  const record = context.state.importJobs.get(context.params.jobId!);
  if (!record || record.legacy) throw notFound('not.found', 'No such upload');
  // A presigned URL fails without its signed headers; so does this one.
  if (context.req.headers[UPLOAD_SIGNATURE_HEADER] !== record.uploadSignature) {
    throw new ServiceError(
      403,
      'signature.does.not.match',
      `The upload must carry the ${UPLOAD_SIGNATURE_HEADER} header from uploadHeaders`,
    );
  }
  return startImport(context, record, (await context.body()).toString('utf8'));
}

/** The deprecated flow: multipart/form-data POST with the CSV in the field `file`. */
async function uploadLegacy(context: RequestContext) {
  const record = context.state.importJobs.get(context.params.jobId!);
  if (!record || !record.legacy) throw notFound('not.found', 'No such upload');
  const body = await context.body();
  let form: FormData;
  try {
    form = await new Request('http://upload.local/', {
      method: 'POST',
      headers: { 'content-type': String(context.req.headers['content-type'] ?? '') },
      body,
    }).formData();
  } catch {
    throw badRequest('The upload must be multipart/form-data with a "file" field');
  }
  const file = form.get('file');
  if (file === null) throw badRequest('The upload has no "file" field');
  return startImport(context, record, typeof file === 'string' ? file : await file.text());
}

function createExportJob(context: RequestContext) {
  const table = requireTable(context);
  const id = randomUUID();
  // No null fields: downloadURI and dateCompleted appear when the job ends.
  const job: EmulatedExportJob = {
    id,
    name: table.name,
    ...ownerOf(context),
    status: 'Processing',
    dateCreated: isoNow(),
    countRecordsProcessed: 0,
    selfUri: `${TABLES_PATH}/${table.id}/export/jobs/${id}`,
  };
  const record: ExportJobRecord = { job, tableId: table.id };
  context.state.exportJobs.set(id, record);
  scheduleExport(context, record);
  return { status: 200, body: job };
}

function getExportJob(context: RequestContext) {
  const table = requireTable(context);
  const record = context.state.exportJobs.get(context.params.jobId!);
  if (!record || record.tableId !== table.id) throw notFound('not.found', 'No such export job');
  return { status: 200, body: record.job };
}

function download(context: RequestContext) {
  const id = context.params.file!.replace(/\.csv$/, '');
  const record = context.state.exportJobs.get(id);
  if (!record?.csv) throw notFound('not.found', 'No such export file');
  return { status: 200, text: record.csv, headers: { 'content-type': 'text/csv; charset=utf-8' } };
}

export const jobRoutes: Route[] = [
  {
    method: 'POST',
    template: `${JOBS}/import/jobs`,
    handler: (c) => createImportJob(c, true),
    access: 'api',
  },
  { method: 'GET', template: `${JOBS}/import/jobs`, handler: listImportJobs, access: 'api' },
  {
    method: 'POST',
    template: `${JOBS}/import/csv/jobs`,
    handler: (c) => createImportJob(c, false),
    access: 'api',
  },
  { method: 'GET', template: `${JOBS}/import/jobs/{jobId}`, handler: getImportJob, access: 'api' },
  { method: 'POST', template: `${JOBS}/export/jobs`, handler: createExportJob, access: 'api' },
  { method: 'GET', template: `${JOBS}/export/jobs/{jobId}`, handler: getExportJob, access: 'api' },
  { method: 'PUT', template: `${UPLOAD_PATH}/{jobId}`, handler: uploadCsv, access: 'upload' },
  { method: 'POST', template: `${UPLOAD_PATH}/legacy/{jobId}`, handler: uploadLegacy, access: 'api' },
  { method: 'GET', template: `${DOWNLOAD_PATH}/{file}`, handler: download, access: 'api' },
];
