import { describe, expect, it } from 'vitest';
import { UPLOAD_SIGNATURE_HEADER } from '../../src/emulator/routes/jobs.js';
import type { DataTable, TableSchema } from '../../src/genesys/types.js';
import { clientFor, countRequests, makeRows, SCHEMA, seedTable, useEmulator } from '../helpers/emulator.js';
import { raw, tokenFor } from '../helpers/raw-http.js';

const emulator = useEmulator();
const table = (id: string): DataTable & { schema: TableSchema } => ({ id, name: 't', schema: SCHEMA });
const jobsPath = (id: string) => `/api/v2/flows/datatables/${id}/import`;

/** Creates a CSV import job over raw HTTP and uploads `csv` with the job's headers. */
async function importCsv(token: string, id: string, csv: string, importMode: string) {
  const job = (await raw(emulator, 'POST', `${jobsPath(id)}/csv/jobs`, { token, json: { importMode } })).body;
  const upload = await raw(emulator, 'PUT', new URL(job.uploadURI).pathname, {
    body: csv,
    headers: job.uploadHeaders,
  });
  return { job, upload, done: () => waitForJob(token, `${jobsPath(id)}/jobs/${job.id}`) };
}

describe('CSV import jobs (import/csv/jobs)', () => {
  it('appends: upserts by key and leaves other rows alone', async () => {
    const id = seedTable(emulator, 't', makeRows(3));
    const result = await clientFor(emulator).tables.importRows(
      table(id),
      [
        { key: 'row-00001', value: 'changed, with "quotes"\nand a newline', count: 99 },
        { key: 'new', value: 'ünïcödé', enabled: true },
      ],
      'Append',
    );
    expect(result).toMatchObject({ updated: 2, deleted: 0, failed: 0 });
    expect(result.job.status).toBe('Succeeded');
    const rows = emulator.state.tables.get(id)!.rows;
    expect(rows.size).toBe(4);
    expect(rows.get('row-00001')).toEqual({
      key: 'row-00001',
      value: 'changed, with "quotes"\nand a newline',
      count: 99,
      ratio: 0.5,
      enabled: false,
    });
    expect(rows.get('new')).toEqual({ key: 'new', value: 'ünïcödé', count: 0, ratio: 0.5, enabled: true });
    expect(rows.get('row-00002')).toEqual(makeRows(3)[2]);
  });

  it('replaces all: deletes every row first and counts them', async () => {
    const id = seedTable(emulator, 't', makeRows(5));
    const result = await clientFor(emulator).tables.importRows(table(id), makeRows(2, 'fresh'), 'ReplaceAll');
    expect(result).toMatchObject({ updated: 2, deleted: 5, failed: 0 });
    expect([...emulator.state.tables.get(id)!.rows.keys()]).toEqual(['fresh-00000', 'fresh-00001']);
  });

  it('counts rows that break the schema or the row limit as failed and loads the rest', async () => {
    emulator.config.maxRowsPerTable = 3;
    const id = seedTable(emulator, 't', makeRows(1));
    const csv = 'key,count\nok-1,1\nbad,seven\nok-2,2\nover,3\n';
    const { job, upload, done } = await importCsv(await tokenFor(emulator), id, csv, 'Append');
    expect(job).toMatchObject({ status: 'WaitingForUpload', importMode: 'Append' });
    expect(job.uploadHeaders[UPLOAD_SIGNATURE_HEADER]).toEqual(expect.any(String));
    expect(upload.status).toBe(200);
    expect(await done()).toMatchObject({
      status: 'Succeeded',
      countRecordsUpdated: 2,
      countRecordsFailed: 2,
    });
    expect([...emulator.state.tables.get(id)!.rows.keys()]).toEqual(['row-00000', 'ok-1', 'ok-2']);
  });

  it('fails the whole job for a file without a key column or with unknown columns', async () => {
    const id = seedTable(emulator, 't', makeRows(1));
    const token = await tokenFor(emulator);
    for (const csv of ['value\nx\n', 'key,colour\nk,red\n']) {
      const done = await (await importCsv(token, id, csv, 'ReplaceAll')).done();
      expect(done.status).toBe('Failed');
      expect(done.errorInformation.message).toMatch(/key|unknown columns/);
    }
    expect(emulator.state.tables.get(id)!.rows.size).toBe(1);
  });

  it('refuses an upload without the signed headers, and a second upload', async () => {
    const id = seedTable(emulator, 't', []);
    const token = await tokenFor(emulator);
    const job = (
      await raw(emulator, 'POST', `/api/v2/flows/datatables/${id}/import/csv/jobs`, {
        token,
        json: { importMode: 'Append' },
      })
    ).body;
    const path = new URL(job.uploadURI).pathname;
    expect((await raw(emulator, 'PUT', path, { body: 'key\nk\n' })).status).toBe(403);
    expect((await raw(emulator, 'PUT', path, { body: 'key\nk\n', headers: job.uploadHeaders })).status).toBe(
      200,
    );
    expect((await raw(emulator, 'PUT', path, { body: 'key\nk\n', headers: job.uploadHeaders })).status).toBe(
      409,
    );
    expect(
      (
        await raw(emulator, 'POST', `/api/v2/flows/datatables/${id}/import/csv/jobs`, {
          token,
          json: { importMode: 'Merge' },
        })
      ).status,
    ).toBe(400);
  });

  it('lists recent import jobs newest first, without URIs', async () => {
    const id = seedTable(emulator, 't', []);
    const client = clientFor(emulator);
    await client.tables.importRows(table(id), makeRows(1), 'Append');
    await client.tables.importRows(table(id), makeRows(2), 'ReplaceAll');
    const listing = (
      await raw(emulator, 'GET', `/api/v2/flows/datatables/${id}/import/jobs`, {
        token: await tokenFor(emulator),
      })
    ).body;
    expect(listing).toMatchObject({ total: 2, pageNumber: 1, pageCount: 1 });
    expect(listing.firstUri).toBeUndefined();
    expect(listing.entities.map((job: { importMode: string }) => job.importMode)).toEqual([
      'ReplaceAll',
      'Append',
    ]);
  });
});

describe('legacy import jobs (import/jobs, multipart upload with the bearer token)', () => {
  it('accepts a multipart POST and needs the token', async () => {
    const id = seedTable(emulator, 't', []);
    const token = await tokenFor(emulator);
    const job = (
      await raw(emulator, 'POST', `/api/v2/flows/datatables/${id}/import/jobs`, {
        token,
        json: { importMode: 'Append' },
      })
    ).body;
    expect(job.uploadHeaders).toBeUndefined();
    const form = new FormData();
    form.append('file', new Blob(['key,value\nlegacy,yes\n'], { type: 'text/csv' }), 'rows.csv');
    expect((await fetch(job.uploadURI, { method: 'POST', body: form })).status).toBe(401);
    const uploaded = await fetch(job.uploadURI, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(uploaded.status).toBe(200);
    const done = await waitForJob(token, `/api/v2/flows/datatables/${id}/import/jobs/${job.id}`);
    expect(done).toMatchObject({ status: 'Succeeded', countRecordsUpdated: 1 });
    expect(emulator.state.tables.get(id)!.rows.get('legacy')?.value).toBe('yes');
  });
});

describe('export jobs', () => {
  it('exports every row as CSV that reads back to the same rows', async () => {
    const rows = [
      ...makeRows(250),
      { key: 'tricky, "quoted"', value: 'line\nbreak', count: -3, ratio: 1e-7, enabled: false },
    ];
    const id = seedTable(emulator, 't', rows);
    const exported = await clientFor(emulator).tables.exportRows(table(id));
    expect(exported.failures).toEqual([]);
    expect(exported.rows).toEqual(rows);
    expect(countRequests(emulator, /^GET \/downloads/)).toBe(1);
  });

  it('refuses the download without the bearer token', async () => {
    const id = seedTable(emulator, 't', makeRows(1));
    const token = await tokenFor(emulator);
    const job = (await raw(emulator, 'POST', `/api/v2/flows/datatables/${id}/export/jobs`, { token })).body;
    expect(job.status).toBe('Processing');
    const done = await waitForJob(token, `/api/v2/flows/datatables/${id}/export/jobs/${job.id}`);
    expect(done.countRecordsProcessed).toBe(1);
    expect((await raw(emulator, 'GET', new URL(done.downloadURI).pathname)).status).toBe(401);
    const download = await raw(emulator, 'GET', new URL(done.downloadURI).pathname, { token });
    expect(download.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(download.text.split('\n')[0]).toBe('key,value,count,ratio,enabled');
  });
});

async function waitForJob(token: string, path: string) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const job = (await raw(emulator, 'GET', path, { token })).body;
    if (job.status === 'Succeeded' || job.status === 'Failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`job at ${path} did not finish`);
}
