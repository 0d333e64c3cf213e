/**
 * The official Genesys Cloud JavaScript SDK (purecloud-platform-client-v2) against the emulator:
 * every one of the 18 data-table operations, through the SDK's gateway setting, as a real
 * integration would call them. If the emulator drifted from the service's wire format, the
 * SDK's own serialisation and parsing would notice here.
 */
import { createRequire } from 'node:module';
import { expect, it } from 'vitest';
import { SCHEMA, useEmulator } from '../helpers/emulator.js';

// The SDK is CommonJS with ambient types; it is loaded as such.
const platformClient = createRequire(import.meta.url)('purecloud-platform-client-v2');
const emulator = useEmulator();

interface Job {
  status?: string;
  countRecordsUpdated?: number;
  countRecordsProcessed?: number;
  downloadURI?: string;
}

async function waitFor(poll: () => Promise<Job>): Promise<Job> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const job = await poll();
    if (job.status === 'Succeeded' || job.status === 'Failed') return job;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('job did not finish');
}

it('serves all 18 data-table operations to the official SDK', async () => {
  const apiClient = platformClient.ApiClient.instance;
  apiClient.setGateway({ host: '127.0.0.1', protocol: 'http', port: emulator.port });
  await apiClient.loginClientCredentialsGrant(emulator.clientId, emulator.clientSecret);
  const api = new platformClient.ArchitectApi();

  // Tables: create, list, get, division views, update.
  const created = await api.postFlowsDatatables({
    name: 'sdk_table',
    description: 'made by the SDK',
    schema: SCHEMA,
  });
  expect(created).toMatchObject({ name: 'sdk_table', schema: { title: 'sdk_table' } });
  const listing = await api.getFlowsDatatables({ expand: 'schema', pageSize: 10, name: 'sdk*' });
  expect(listing).toMatchObject({ total: 1, pageCount: 1, entities: [{ id: created.id }] });
  expect((await api.getFlowsDatatable(created.id, { expand: 'schema' })).schema.properties.count.type).toBe(
    'integer',
  );
  expect((await api.getFlowsDatatablesDivisionviews({ name: 'sdk_table' })).total).toBe(1);
  expect((await api.getFlowsDatatablesDivisionview(created.id, {})).name).toBe('sdk_table');
  const widened = structuredClone(created);
  widened.schema.properties.note = { type: 'string', title: 'note' };
  expect(
    Object.keys((await api.putFlowsDatatable(created.id, widened, { expand: 'schema' })).schema.properties),
  ).toContain('note');

  // Rows: create, list, get, replace, delete (keys with a slash and a space, as the SDK encodes them).
  const row = await api.postFlowsDatatableRows(created.id, { key: 'a/b c', value: 'v', count: 2 });
  expect(row).toEqual({ key: 'a/b c', value: 'v', count: 2, ratio: 0.5, enabled: false, note: '' });
  expect((await api.getFlowsDatatableRows(created.id, {})).entities).toEqual([{ key: 'a/b c' }]);
  expect(
    (await api.getFlowsDatatableRows(created.id, { showbrief: false, pageSize: 500 })).entities[0].value,
  ).toBe('v');
  expect((await api.getFlowsDatatableRow(created.id, 'a/b c', { showbrief: false })).count).toBe(2);
  expect(
    await api.putFlowsDatatableRow(created.id, 'a/b c', { body: { key: 'a/b c', count: 3 } }),
  ).toMatchObject({ value: '', count: 3 });

  // Import jobs: the new CSV flow and the legacy one (listing and getting them too).
  const csvJob = await api.postFlowsDatatableImportCsvJobs(created.id, { importMode: 'Append' });
  const upload = await fetch(csvJob.uploadURI, {
    method: 'PUT',
    headers: csvJob.uploadHeaders,
    body: 'key,value\nimported,yes\n',
  });
  expect(upload.status).toBe(200);
  expect(await waitFor(() => api.getFlowsDatatableImportJob(created.id, csvJob.id))).toMatchObject({
    status: 'Succeeded',
    countRecordsUpdated: 1,
  });
  const legacyJob = await api.postFlowsDatatableImportJobs(created.id, { importMode: 'Append' });
  expect(legacyJob.status).toBe('WaitingForUpload');
  expect((await api.getFlowsDatatableImportJobs(created.id, {})).total).toBe(2);

  // Export job, then its CSV with the SDK's token.
  const exportJob = await api.postFlowsDatatableExportJobs(created.id);
  const exported = await waitFor(() => api.getFlowsDatatableExportJob(created.id, exportJob.id));
  expect(exported.countRecordsProcessed).toBe(2);
  const csv = await fetch(exported.downloadURI!, {
    headers: { authorization: `Bearer ${apiClient.authData.accessToken}` },
  });
  expect(await csv.text()).toContain('imported,yes');

  // Deletes, and an error as the SDK reports it.
  await api.deleteFlowsDatatableRow(created.id, 'a/b c');
  const failure = await api.getFlowsDatatableRow(created.id, 'a/b c', {}).catch((error: unknown) => error);
  expect(failure).toMatchObject({ status: 404, code: 'flows.datatables.row.not.found' });
  await api.deleteFlowsDatatable(created.id, { force: true });
  expect((await api.getFlowsDatatables({})).total).toBe(0);

  expect(
    Object.keys(emulator.log.snapshot().byRoute).filter((route) =>
      route.includes('/api/v2/flows/datatables'),
    ),
  ).toHaveLength(18);
});
