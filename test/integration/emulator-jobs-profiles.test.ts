/**
 * Jobs that take time and misbehave (jobOutcome), job objects shaped like the SDK's models
 * without null fields, and the realistic profile: through startEmulator, the admin route and the
 * emulator command's flags.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { parseEmulatorArgs } from '../../src/cli/emulator-command.js';
import { realisticConfig } from '../../src/emulator/config.js';
import { startEmulator } from '../../src/emulator/server.js';
import { makeRows, SCHEMA, seedTable, useEmulator } from '../helpers/emulator.js';
import { raw, tokenFor } from '../helpers/raw-http.js';
import { apiCaller, eventually, finishedJob, sleep, startImport, TABLES } from '../helpers/realism.js';

const emulator = useEmulator();
let token: string;
const call = apiCaller(emulator, () => token);

beforeEach(async () => {
  token = await tokenFor(emulator);
});

const importJobPath = (tableId: string, jobId: string) => `${TABLES}/${tableId}/import/jobs/${jobId}`;
const exportJobPath = (tableId: string, jobId: string) => `${TABLES}/${tableId}/export/jobs/${jobId}`;

describe('jobs that take time and misbehave', () => {
  it('stay Processing for jobDelayMs, then succeed', async () => {
    emulator.config.jobDelayMs = 300;
    const id = seedTable(emulator, 't', makeRows(1));
    const created = await startImport(emulator, token, id, 'key\nk\n', 'Append');
    expect((await call('GET', importJobPath(id, created.body.id))).body.status).toBe('Processing');
    expect((await finishedJob(emulator, token, importJobPath(id, created.body.id))).body.status).toBe(
      'Succeeded',
    );
    const exported = await call('POST', `${TABLES}/${id}/export/jobs`);
    expect((await call('GET', exportJobPath(id, exported.body.id))).body.status).toBe('Processing');
    expect((await finishedJob(emulator, token, exportJobPath(id, exported.body.id))).body.status).toBe(
      'Succeeded',
    );
  });

  it('stuck: stay Processing for good and change nothing', async () => {
    emulator.config.jobOutcome = 'stuck';
    const id = seedTable(emulator, 't', makeRows(1));
    const created = await startImport(emulator, token, id, 'key\nk\n', 'ReplaceAll');
    const exported = await call('POST', `${TABLES}/${id}/export/jobs`);
    // Many times the job delay (5 ms here).
    await sleep(200);
    const job = (await call('GET', importJobPath(id, created.body.id))).body;
    expect(job.status).toBe('Processing');
    expect(job.dateCompleted).toBeUndefined();
    const exportJob = (await call('GET', exportJobPath(id, exported.body.id))).body;
    expect(exportJob.status).toBe('Processing');
    expect(exportJob.downloadURI).toBeUndefined();
    expect([...emulator.state.tables.get(id)!.rows.keys()]).toEqual(['row-00000']);
  });

  it('fail-partway: apply the first jobFailAfterRows rows, then fail with errorInformation and counts', async () => {
    emulator.config.jobOutcome = 'fail-partway';
    emulator.config.jobFailAfterRows = 2;
    const id = seedTable(emulator, 't', makeRows(3));
    const csv = 'key,value\nnew-1,a\nnew-2,b\nnew-3,c\nnew-4,d\n';
    const created = await startImport(emulator, token, id, csv, 'ReplaceAll');
    const job = (await finishedJob(emulator, token, importJobPath(id, created.body.id))).body;
    expect(job).toMatchObject({
      status: 'Failed',
      countRecordsUpdated: 2,
      countRecordsDeleted: 3,
      countRecordsFailed: 0,
      errorInformation: { status: 500, code: 'internal.server.error' },
    });
    expect(job.errorInformation.message).toMatch(/stopped after 2 of 4 rows/);
    expect(job.dateCompleted).toEqual(expect.any(String));
    expect([...emulator.state.tables.get(id)!.rows.keys()]).toEqual(['new-1', 'new-2']);
    const exported = await call('POST', `${TABLES}/${id}/export/jobs`);
    const exportJob = (await finishedJob(emulator, token, exportJobPath(id, exported.body.id))).body;
    expect(exportJob).toMatchObject({ status: 'Failed', countRecordsProcessed: 2 });
    expect(exportJob.downloadURI).toBeUndefined();
  });

  it("carry the SDK models' fields and never a null, at every stage", async () => {
    const id = seedTable(emulator, 'jobs_table', makeRows(2));
    const created = await startImport(emulator, token, id, 'key\nk\n', 'Append');
    const bodies = [created.text];
    bodies.push((await finishedJob(emulator, token, importJobPath(id, created.body.id))).text);
    bodies.push((await call('GET', `${TABLES}/${id}/import/jobs`)).text);
    const exported = await call('POST', `${TABLES}/${id}/export/jobs`);
    bodies.push(
      exported.text,
      (await finishedJob(emulator, token, exportJobPath(id, exported.body.id))).text,
    );
    emulator.config.jobOutcome = 'fail-partway';
    const failing = await startImport(emulator, token, id, 'key\nk2\n', 'Append');
    bodies.push((await finishedJob(emulator, token, importJobPath(id, failing.body.id))).text);
    for (const body of bodies) expect(body).not.toMatch(/null/);
    const owner = { id: emulator.clientId, selfUri: `/api/v2/oauth/clients/${emulator.clientId}` };
    expect(created.body).toMatchObject({ name: 'jobs_table', owner, status: 'WaitingForUpload' });
    expect(Object.keys(created.body).sort()).toEqual(
      [
        'countRecordsDeleted',
        'countRecordsFailed',
        'countRecordsUpdated',
        'dateCreated',
        'id',
        'importMode',
        'name',
        'owner',
        'selfUri',
        'status',
        'uploadHeaders',
        'uploadURI',
      ].sort(),
    );
    expect(Object.keys(exported.body).sort()).toEqual(
      ['countRecordsProcessed', 'dateCreated', 'id', 'name', 'owner', 'selfUri', 'status'].sort(),
    );
  });
});

describe('the realistic profile', () => {
  it('startEmulator: sets every delay from the profile, scaled; explicit config wins', async () => {
    await using realistic = await startEmulator({
      profile: 'realistic',
      profileScale: 0.02,
      config: { jobDelayMs: 5 },
    });
    expect(realistic.config).toMatchObject({
      consistencyLagMs: 100,
      consistencyLagMode: 'random',
      tableLagMs: 200,
      processingDelayMs: 6,
      processingDelayMode: 'random',
      jobDelayMs: 5,
    });
    const config = await raw(realistic, 'GET', '/__emulator/config');
    expect(config.body).toMatchObject({ consistencyLagMs: 100, tableLagMs: 200 });
    // A table and a row written under it read back once their lags have passed.
    const realToken = await tokenFor(realistic);
    const created = await raw(realistic, 'POST', TABLES, {
      token: realToken,
      json: { name: 'slow', schema: SCHEMA },
    });
    await raw(realistic, 'POST', `${TABLES}/${created.body.id}/rows`, {
      token: realToken,
      json: { key: 'k' },
    });
    await eventually(
      () => raw(realistic, 'GET', `${TABLES}/${created.body.id}/rows/k`, { token: realToken }),
      (response) => response.status === 200,
    );
    await eventually(
      () => raw(realistic, 'GET', `${TABLES}?name=slow`, { token: realToken }),
      (response) => response.body.total === 1,
    );
  });

  it('the admin route switches profiles, shown by GET /__emulator/config', async () => {
    const set = await raw(emulator, 'PUT', '/__emulator/profile', {
      json: { name: 'realistic', scale: 0.05 },
    });
    expect(set.status).toBe(200);
    const expected = realisticConfig(0.05);
    expect(expected).toEqual({
      consistencyLagMs: 250,
      consistencyLagMode: 'random',
      tableLagMs: 500,
      processingDelayMs: 15,
      processingDelayMode: 'random',
      jobDelayMs: 200,
    });
    expect((await raw(emulator, 'GET', '/__emulator/config')).body).toMatchObject(expected);
    const back = await raw(emulator, 'PUT', '/__emulator/profile', { json: { name: 'instant' } });
    expect(back.body).toMatchObject({
      consistencyLagMs: 0,
      tableLagMs: 0,
      processingDelayMs: 0,
      jobDelayMs: 50,
    });
    for (const json of [
      { name: 'fast' },
      { name: 'realistic', scale: 0 },
      { name: 'realistic', scale: '1' },
    ]) {
      const refused = await raw(emulator, 'PUT', '/__emulator/profile', { json });
      expect(refused.status).toBe(400);
      expect(refused.body.message).toMatch(/profile must be one of|scale must be a number above 0/);
    }
    const badMode = await raw(emulator, 'PATCH', '/__emulator/config', {
      json: { consistencyLagMode: 'sometimes' },
    });
    expect(badMode.body.message).toMatch(/must be one of fixed, random/);
  });

  it('the emulator command: --realistic [--scale N]', async () => {
    const parsed = parseEmulatorArgs(['--realistic', '--scale', '0.05', '--port', '0']);
    expect(parsed.start).toMatchObject({ profile: 'realistic', profileScale: 0.05, port: 0 });
    expect(parseEmulatorArgs(['--realistic']).start).toMatchObject({ profile: 'realistic', profileScale: 1 });
    expect(parseEmulatorArgs([]).start.profile).toBeUndefined();
    expect(() => parseEmulatorArgs(['--scale', '0.5'])).toThrow(/--scale applies to --realistic only/);
    expect(() => parseEmulatorArgs(['--realistic', '--scale', 'fast'])).toThrow(
      /--scale must be a number above 0; got "fast"/,
    );
    await using started = await startEmulator(parsed.start);
    expect(started.config).toMatchObject(realisticConfig(0.05));
  });
});
