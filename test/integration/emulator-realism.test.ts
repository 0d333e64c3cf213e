/**
 * The emulator as the real service behaves: reads lag writes (rows and tables, fixed or random
 * lags), and requests outlive the clients that sent them. Real sockets throughout; lags are a few
 * hundred milliseconds, and every "later" is awaited by polling, never by a timing threshold.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { makeRows, SCHEMA, seedTable, useEmulator } from '../helpers/emulator.js';
import { raw, tokenFor } from '../helpers/raw-http.js';
import { apiCaller, eventually, finishedJob, startImport, TABLES } from '../helpers/realism.js';

const emulator = useEmulator();
let token: string;
const call = apiCaller(emulator, () => token);

beforeEach(async () => {
  token = await tokenFor(emulator);
});

/** Row keys a full listing shows. */
async function listedKeys(tableId: string): Promise<string[]> {
  const listing = await call('GET', `${TABLES}/${tableId}/rows?pageSize=500`);
  return listing.body.entities.map((row: { key: string }) => row.key);
}

describe('consistency window for rows', () => {
  it('hides a new row from GET and the listing until its lag has passed, then shows it', async () => {
    emulator.config.consistencyLagMs = 400;
    emulator.config.consistencyLagMode = 'fixed';
    const id = seedTable(emulator, 't', makeRows(3));
    expect((await call('POST', `${TABLES}/${id}/rows`, { key: 'new', value: 'v' })).status).toBe(200);
    expect((await call('GET', `${TABLES}/${id}/rows/new`)).status).toBe(404);
    const page = await call('GET', `${TABLES}/${id}/rows?pageSize=2`);
    expect(page.body).toMatchObject({ total: 3, pageCount: 2 });
    // Writes act on the true state: the row exists for a PUT and a second POST.
    expect((await call('PUT', `${TABLES}/${id}/rows/new`, { key: 'new', value: 'w' })).status).toBe(200);
    expect((await call('POST', `${TABLES}/${id}/rows`, { key: 'new' })).status).toBe(409);
    // Each write becomes visible in turn: the POST's value first, then the PUT's.
    const seen = await eventually(
      () => call('GET', `${TABLES}/${id}/rows/new?showbrief=false`),
      (response) => response.status === 200,
    );
    expect(['v', 'w']).toContain(seen.body.value);
    await eventually(
      () => call('GET', `${TABLES}/${id}/rows/new?showbrief=false`),
      (response) => response.body.value === 'w',
    );
    expect((await call('GET', `${TABLES}/${id}/rows?pageSize=2`)).body).toMatchObject({
      total: 4,
      pageCount: 2,
    });
  });

  it('still reads a deleted row back during the window, then answers 404', async () => {
    emulator.config.consistencyLagMs = 400;
    emulator.config.consistencyLagMode = 'fixed';
    const id = seedTable(emulator, 't', makeRows(2));
    expect((await call('DELETE', `${TABLES}/${id}/rows/row-00001`)).status).toBe(204);
    const during = await call('GET', `${TABLES}/${id}/rows/row-00001?showbrief=false`);
    expect(during.status).toBe(200);
    expect(during.body).toEqual(makeRows(2)[1]);
    expect(await listedKeys(id)).toEqual(['row-00000', 'row-00001']);
    expect((await call('DELETE', `${TABLES}/${id}/rows/row-00001`)).status).toBe(404);
    await eventually(
      () => call('GET', `${TABLES}/${id}/rows/row-00001`),
      (response) => response.status === 404,
    );
    expect(await listedKeys(id)).toEqual(['row-00000']);
  });

  it('fixed mode: rows written together all stay hidden for the lag, then appear', async () => {
    emulator.config.consistencyLagMs = 400;
    emulator.config.consistencyLagMode = 'fixed';
    const id = seedTable(emulator, 't', []);
    const csv = ['key', ...makeRows(40).map((row) => row.key)].join('\n');
    const created = await startImport(emulator, token, id, csv, 'Append');
    const job = await finishedJob(emulator, token, `${TABLES}/${id}/import/jobs/${created.body.id}`);
    expect(job.body.status).toBe('Succeeded');
    expect(await listedKeys(id)).toEqual([]);
    await eventually(
      () => listedKeys(id),
      (keys) => keys.length === 40,
    );
  });

  it('random mode: rows written together appear one by one, each after its own lag', async () => {
    emulator.config.consistencyLagMs = 300;
    emulator.config.consistencyLagMode = 'random';
    const id = seedTable(emulator, 't', []);
    const csv = ['key', ...makeRows(40).map((row) => row.key)].join('\n');
    await startImport(emulator, token, id, csv, 'Append');
    const counts = new Set<number>();
    await eventually(
      () => listedKeys(id),
      (keys) => counts.add(keys.length) && keys.length === 40,
    );
    expect([...counts].some((count) => count > 0 && count < 40)).toBe(true);
  });

  it('export jobs export what reads see when they run', async () => {
    emulator.config.consistencyLagMs = 400;
    emulator.config.consistencyLagMode = 'fixed';
    const id = seedTable(emulator, 't', makeRows(2));
    await call('POST', `${TABLES}/${id}/rows`, { key: 'late' });
    await call('DELETE', `${TABLES}/${id}/rows/row-00000`);
    const created = await call('POST', `${TABLES}/${id}/export/jobs`);
    const job = await finishedJob(emulator, token, `${TABLES}/${id}/export/jobs/${created.body.id}`);
    expect(job.body.countRecordsProcessed).toBe(2);
    const csv = await raw(emulator, 'GET', new URL(job.body.downloadURI).pathname, { token });
    const keys = csv.text
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',')[0]);
    expect(keys.sort()).toEqual(['row-00000', 'row-00001']);
  });

  it('a ReplaceAll import lags too: the old rows read until its deletes are visible', async () => {
    emulator.config.consistencyLagMs = 400;
    emulator.config.consistencyLagMode = 'fixed';
    const id = seedTable(emulator, 't', makeRows(3));
    const created = await startImport(emulator, token, id, 'key\nfresh-1\nfresh-2\n', 'ReplaceAll');
    const job = await finishedJob(emulator, token, `${TABLES}/${id}/import/jobs/${created.body.id}`);
    expect(job.body).toMatchObject({ countRecordsDeleted: 3, countRecordsUpdated: 2 });
    expect(await listedKeys(id)).toEqual(['row-00000', 'row-00001', 'row-00002']);
    await eventually(
      () => listedKeys(id),
      (keys) => keys.join() === 'fresh-1,fresh-2',
    );
  });
});

describe('consistency window for tables', () => {
  beforeEach(() => {
    emulator.config.tableLagMs = 400;
    emulator.config.consistencyLagMode = 'fixed';
  });

  const names = async (query = ''): Promise<string[]> =>
    (await call('GET', `${TABLES}${query}`)).body.entities.map((table: { name: string }) => table.name);

  it('hides a new table from GET, the listing and the name search, but writes reach it', async () => {
    const created = await call('POST', TABLES, { name: 'fresh_table', schema: SCHEMA });
    expect(created.status).toBe(200);
    const id = created.body.id;
    expect((await call('GET', `${TABLES}/${id}`)).status).toBe(404);
    expect((await call('GET', `${TABLES}/divisionviews/${id}`)).status).toBe(404);
    expect(await names()).toEqual([]);
    expect(await names('?name=fresh*')).toEqual([]);
    expect((await call('POST', `${TABLES}/${id}/rows`, { key: 'k' })).status).toBe(200);
    expect((await call('POST', TABLES, { name: 'FRESH_TABLE', schema: SCHEMA })).status).toBe(409);
    await eventually(
      () => call('GET', `${TABLES}/${id}`),
      (response) => response.status === 200,
    );
    expect(await names('?name=fresh*')).toEqual(['fresh_table']);
  });

  it('still lists and reads a deleted table for a while', async () => {
    const id = seedTable(emulator, 'doomed', makeRows(1));
    expect((await call('DELETE', `${TABLES}/${id}`)).status).toBe(204);
    expect((await call('GET', `${TABLES}/${id}`)).body.name).toBe('doomed');
    expect(await names('?name=doomed')).toEqual(['doomed']);
    // Rows and further writes act on the true state: the table is gone.
    expect((await call('GET', `${TABLES}/${id}/rows`)).status).toBe(404);
    expect((await call('DELETE', `${TABLES}/${id}`)).status).toBe(404);
    await eventually(
      () => call('GET', `${TABLES}/${id}`),
      (response) => response.status === 404,
    );
    expect(await names()).toEqual([]);
  });

  it('shows the old name and schema after an update until the lag has passed', async () => {
    const id = seedTable(emulator, 'before', []);
    const table = (await call('GET', `${TABLES}/${id}?expand=schema`)).body;
    table.name = 'after';
    table.schema.properties.extra = { type: 'boolean' };
    expect((await call('PUT', `${TABLES}/${id}`, table)).status).toBe(200);
    const stale = await call('GET', `${TABLES}/${id}?expand=schema`);
    expect(stale.body.name).toBe('before');
    expect(stale.body.schema.properties.extra).toBeUndefined();
    expect(await names('?name=after')).toEqual([]);
    // The new field is there for writes already.
    expect((await call('POST', `${TABLES}/${id}/rows`, { key: 'k', extra: true })).status).toBe(200);
    await eventually(
      () => names('?name=after'),
      (found) => found.length === 1,
    );
  });
});

describe('requests outlive their clients', () => {
  it('applies a write whose client timed out during a delay fault (a ghost write)', async () => {
    const id = seedTable(emulator, 't', []);
    await raw(emulator, 'POST', '/__emulator/faults', {
      json: { method: 'POST', path: '/rows$', delayMs: 300, count: 1 },
    });
    const attempt = fetch(`${emulator.url}${TABLES}/${id}/rows`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ key: 'ghost', value: 'landed anyway' }),
      signal: AbortSignal.timeout(50),
    });
    await expect(attempt).rejects.toThrow(/abort|timeout/i);
    await emulator.idle();
    expect(emulator.state.tables.get(id)!.rows.get('ghost')!.value).toBe('landed anyway');
    const logged = emulator.log.snapshot().recent.filter((entry) => entry.route.endsWith('/rows'));
    expect(logged).toMatchObject([{ status: 200, clientGone: true }]);
  });

  it('applies a write whose client gave up during the processing delay', async () => {
    emulator.config.processingDelayMs = 300;
    emulator.config.processingDelayMode = 'fixed';
    const id = seedTable(emulator, 't', makeRows(1));
    const attempt = fetch(`${emulator.url}${TABLES}/${id}/rows/row-00000`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(50),
    });
    await expect(attempt).rejects.toThrow(/abort|timeout/i);
    await emulator.idle();
    expect(emulator.state.tables.get(id)!.rows.size).toBe(0);
  });

  it('resetAfterApply applies the write, then drops the connection; reset drops it unapplied', async () => {
    const id = seedTable(emulator, 't', makeRows(1));
    const put = (value: string) =>
      fetch(`${emulator.url}${TABLES}/${id}/rows/row-00000`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ key: 'row-00000', value }),
      });
    await raw(emulator, 'POST', '/__emulator/faults', {
      json: { faults: [{ method: 'PUT', resetAfterApply: true, count: 1 }] },
    });
    await expect(put('applied')).rejects.toThrow(/fetch failed/);
    expect(emulator.state.tables.get(id)!.rows.get('row-00000')!.value).toBe('applied');
    await raw(emulator, 'DELETE', '/__emulator/faults');
    await raw(emulator, 'POST', '/__emulator/faults', {
      json: { faults: [{ method: 'PUT', reset: true, count: 1 }] },
    });
    await expect(put('never')).rejects.toThrow(/fetch failed/);
    expect(emulator.state.tables.get(id)!.rows.get('row-00000')!.value).toBe('applied');
    const statuses = emulator.log
      .snapshot()
      .recent.filter((entry) => entry.method === 'PUT')
      .map((entry) => [entry.status, entry.fault]);
    expect(statuses).toEqual([
      [0, true],
      [0, true],
    ]);
  });

  it('refuses a fault rule that would both apply and refuse a request', async () => {
    const refused = await raw(emulator, 'POST', '/__emulator/faults', {
      json: { resetAfterApply: true, status: 503 },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/resetAfterApply/);
  });
});
