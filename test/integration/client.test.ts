import { describe, expect, it } from 'vitest';
import { AuthenticationError, GenesysApiError } from '../../src/errors.js';
import { clientFor, countRequests, makeRows, SCHEMA, seedTable, useEmulator } from '../helpers/emulator.js';
import { RecordingClock } from '../helpers/clock.js';
import { rejection } from '../helpers/rejection.js';

const emulator = useEmulator();

const ROWS_READ = /^GET .*\/rows$/;

describe('reading rows', () => {
  it('reads a 5,000-row table in ceil(5000 / 500) pages', async () => {
    const rows = makeRows(5_000);
    const id = seedTable(emulator, 'big', rows);
    const read = await clientFor(emulator).tables.listRows(id);
    expect(read).toHaveLength(5_000);
    expect(new Map(read.map((row) => [row.key, row]))).toEqual(new Map(rows.map((row) => [row.key, row])));
    const dataRequests = countRequests(emulator, ROWS_READ);
    expect(dataRequests).toBeLessThanOrEqual(Math.ceil(5_000 / 500) + 2);
    expect(dataRequests).toBe(10);
  });

  it('falls back to 100 rows a page when the service refuses 500, and remembers it', async () => {
    emulator.config.maxPageSize = 100;
    emulator.config.pageSizeOverflow = 'reject';
    const id = seedTable(emulator, 'big', makeRows(5_000));
    const client = clientFor(emulator);
    expect(await client.tables.listRows(id)).toHaveLength(5_000);
    expect(countRequests(emulator, ROWS_READ)).toBe(1 + 50);
    emulator.log.reset();
    await client.tables.listRows(id);
    expect(countRequests(emulator, ROWS_READ)).toBe(50);
  });

  it('pages by the size the service answers with when it clamps', async () => {
    emulator.config.maxPageSize = 200;
    emulator.config.pageSizeOverflow = 'clamp';
    const id = seedTable(emulator, 'big', makeRows(1_000));
    expect(await clientFor(emulator).tables.listRows(id)).toHaveLength(1_000);
    expect(countRequests(emulator, ROWS_READ)).toBe(5);
  });

  it('returns undefined for a missing row and encodes keys with / ? # % and spaces', async () => {
    const keys = ['a/b', 'what?', 'hash#tag', '100%', 'tf test-key1'];
    const id = seedTable(
      emulator,
      't',
      keys.map((key) => ({ key, value: key, count: 1, ratio: 1, enabled: true })),
    );
    const client = clientFor(emulator);
    for (const key of keys) expect((await client.tables.getRow(id, key))?.value).toBe(key);
    expect(await client.tables.getRow(id, 'missing')).toBeUndefined();
    await client.tables.deleteRow(id, 'a/b');
    expect(await client.tables.getRow(id, 'a/b')).toBeUndefined();
  });
});

describe('writing', () => {
  it('creates a table, adds a column, writes, replaces and deletes rows', async () => {
    const client = clientFor(emulator);
    const table = await client.tables.createTable({ name: 'plugin_config', schema: SCHEMA });
    const created = await client.tables.createRow(table.id, { key: 'k1', value: 'v' });
    expect(created).toEqual({ key: 'k1', value: 'v', count: 0, ratio: 0.5, enabled: false });
    const replaced = await client.tables.replaceRow(table.id, { key: 'k1', count: 7 });
    expect(replaced).toEqual({ key: 'k1', value: '', count: 7, ratio: 0.5, enabled: false });
    const current = await client.tables.getTable(table.id);
    const widened = await client.tables.updateTable({
      ...current,
      schema: { ...current.schema!, properties: { ...current.schema!.properties, note: { type: 'string' } } },
    });
    expect(Object.keys(widened.schema!.properties)).toContain('note');
    expect(await client.tables.findTableByName('plugin_config')).toMatchObject({ id: table.id });
    expect(await client.tables.findTableByName('PLUGIN_CONFIG')).toBeUndefined();
    await client.tables.deleteRow(table.id, 'k1');
    expect(await client.tables.listRows(table.id)).toEqual([]);
    await client.tables.deleteTable(table.id);
    expect(await client.tables.listTables()).toEqual([]);
  });

  it('turns a refusal into a typed error with the code, the correlation id and a hint', async () => {
    const client = clientFor(emulator);
    const id = seedTable(emulator, 't', []);
    const error = await rejection(client.tables.createRow(id, { key: 'k', count: 'seven' }));
    expect(error).toBeInstanceOf(GenesysApiError);
    const apiError = error as GenesysApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.code).toBe('flows.datatables.syntax.error');
    expect(apiError.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(apiError.attempts).toBe(1);
    expect(apiError.message).toContain('Field "count" must be a integer');
    const missing = await rejection<GenesysApiError>(client.tables.getTable('nope'));
    expect(missing.code).toBe('flows.datatables.table.not.found');
    expect(missing.hint).toMatch(/does not exist/);
  });
});

describe('faults', () => {
  it('survives a 429 with Retry-After, a 503 and a connection reset, waiting as told', async () => {
    const id = seedTable(emulator, 't', makeRows(3));
    emulator.faults.add({ method: 'GET', path: '/rows$', status: 429, retryAfterSeconds: 2, count: 1 });
    emulator.faults.add({ method: 'GET', path: '/rows$', status: 503, count: 1 });
    emulator.faults.add({ method: 'GET', path: '/rows$', reset: true, count: 1 });
    const clock = new RecordingClock();
    const client = clientFor(emulator, {}, { clock, retry: { timeScale: 1, random: () => 0.5 } });
    expect(await client.tables.listRows(id)).toHaveLength(3);
    expect(countRequests(emulator, ROWS_READ)).toBe(4);
    // Retry-After: 2 exactly; then backoff 0.75 × 1000 and 0.75 × 2000 (equal jitter at 0.5).
    expect(clock.sleeps).toEqual([2_000, 750, 1_500]);
    expect(client.http.stats()).toMatchObject({ retries: 3, rateLimited: 1 });
  });

  it('gives up after the configured attempts and says how many it made', async () => {
    const id = seedTable(emulator, 't', []);
    emulator.faults.add({ path: '/rows$', status: 503 });
    const client = clientFor(emulator, {}, { retry: { maxAttempts: 3, maxRetryMs: undefined } });
    const error = await rejection<GenesysApiError>(client.tables.listRows(id));
    expect(error).toBeInstanceOf(GenesysApiError);
    expect(error.status).toBe(503);
    expect(error.attempts).toBe(3);
    expect(error.message).toContain('after 3 attempts');
    expect(countRequests(emulator, ROWS_READ)).toBe(3);
  });

  it('retries what the service did not process for a time budget, not a number of attempts', async () => {
    const id = seedTable(emulator, 't', makeRows(1));
    // 60 consecutive 429s: far more than the attempts a failure that may have been processed gets.
    emulator.faults.add({ method: 'GET', path: '/rows/', status: 429, retryAfterSeconds: 1, count: 60 });
    const clock = new RecordingClock();
    const client = clientFor(emulator, { rateLimitPerMinute: 60_000 }, { clock, retry: { timeScale: 1 } });
    expect((await client.tables.getRow(id, 'row-00000'))?.key).toBe('row-00000');
    expect(client.http.stats().rateLimited).toBe(60);
    // Past the budget it gives up, and says how long it tried.
    emulator.faults.add({ method: 'GET', path: '/rows/', status: 503 });
    const tight = clientFor(
      emulator,
      {},
      { clock: new RecordingClock(), retry: { timeScale: 1, maxRetryMs: 20_000, random: () => 0.5 } },
    );
    const error = await rejection<GenesysApiError>(tight.tables.getRow(id, 'row-00000'));
    expect(error.status).toBe(503);
    // Backoffs (jitter fixed at the middle) of 0.375, 0.75, 1.5, 3 and 6 s fit in 20 s; 12 s more would not.
    expect(error.attempts).toBe(6);
  });

  it('does not repeat a POST after a connection reset (it may have been processed)', async () => {
    const id = seedTable(emulator, 't', []);
    emulator.faults.add({ method: 'POST', path: '/rows$', reset: true, count: 1 });
    const error = await rejection<GenesysApiError>(clientFor(emulator).tables.createRow(id, { key: 'k' }));
    expect(error.code).toBe('network.error');
    expect(error.attempts).toBe(1);
    expect(countRequests(emulator, /^POST .*\/rows$/)).toBe(1);
  });

  it('does repeat a POST refused with 503 (it was not processed)', async () => {
    const id = seedTable(emulator, 't', []);
    emulator.faults.add({ method: 'POST', path: '/rows$', status: 503, count: 2 });
    await clientFor(emulator).tables.createRow(id, { key: 'k' });
    expect(countRequests(emulator, /^POST .*\/rows$/)).toBe(3);
    expect(emulator.state.tables.get(id)!.rows.size).toBe(1);
  });

  it('times out a slow answer and retries a GET', async () => {
    const id = seedTable(emulator, 't', makeRows(2));
    emulator.faults.add({ method: 'GET', path: '/rows$', delayMs: 400, count: 1 });
    const client = clientFor(emulator, { timeoutMs: 100 });
    expect(await client.tables.listRows(id)).toHaveLength(2);
    expect(client.http.stats().retries).toBe(1);
  });

  it('serves a slow answer within the timeout', async () => {
    const id = seedTable(emulator, 't', makeRows(2));
    emulator.faults.add({ method: 'GET', path: '/rows$', delayMs: 150, count: 1 });
    const client = clientFor(emulator, { timeoutMs: 2_000 });
    expect(await client.tables.listRows(id)).toHaveLength(2);
    expect(client.http.stats().retries).toBe(0);
  });

  it('slows the whole client down under a steady 429 storm', async () => {
    const id = seedTable(emulator, 't', makeRows(1));
    emulator.faults.reseed(7);
    emulator.faults.add({
      method: 'GET',
      path: '/rows/',
      status: 429,
      retryAfterSeconds: 1,
      probability: 0.5,
    });
    const clock = new RecordingClock();
    const client = clientFor(emulator, { rateLimitPerMinute: 6_000 }, { clock, retry: { maxAttempts: 20 } });
    const reads = Array.from({ length: 40 }, () => client.tables.getRow(id, 'row-00000'));
    expect((await Promise.all(reads)).every((row) => row?.key === 'row-00000')).toBe(true);
    const budget = client.budget.stats();
    expect(budget.throttledBy429).toBeGreaterThan(0);
    expect(budget.throttledBy429).toBe(client.http.stats().rateLimited);
    // Each 429 paused every request; no request was refused more than a few times in a row.
    expect(client.http.stats().requests).toBe(40 + budget.throttledBy429);
  });
});

describe('authentication', () => {
  it('fails clearly on a bad secret, with one token request and no API call', async () => {
    const client = clientFor(emulator, { clientSecret: 'wrong-secret-value' });
    const error = await rejection<AuthenticationError>(client.tables.listTables());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.status).toBe(401);
    expect(error.code).toBe('invalid_client');
    expect(error.hint).toContain('GENESYSCLOUD_OAUTHCLIENT_SECRET');
    expect(error.describe()).not.toContain('wrong-secret-value');
    expect(emulator.log.snapshot().byRoute).toEqual({ 'POST /oauth/token': 1 });
  });

  it('caches the token across calls', async () => {
    const client = clientFor(emulator);
    await client.tables.listTables();
    await client.tables.listTables();
    expect(countRequests(emulator, /oauth/)).toBe(1);
  });

  it('renews an expired token once and repeats the request', async () => {
    const client = clientFor(emulator);
    await client.tables.listTables();
    emulator.tokens.expireAll();
    expect(await client.tables.listTables()).toEqual([]);
    expect(countRequests(emulator, /oauth/)).toBe(2);
    expect(emulator.log.snapshot().byStatus['401']).toBe(1);
  });

  it('renews a token before it expires', async () => {
    emulator.config.tokenLifetimeSeconds = 300;
    const clock = new RecordingClock();
    const client = clientFor(emulator, {}, { clock });
    await client.tables.listTables();
    await clock.sleep(271_000); // past the renewal margin (a tenth of 300 s) but before expiry
    await client.tables.listTables();
    expect(countRequests(emulator, /oauth/)).toBe(2);
    expect(emulator.log.snapshot().byStatus['401']).toBeUndefined();
  });

  it('stops after a second 401 in a row', async () => {
    const client = clientFor(emulator);
    emulator.faults.add({ path: '/datatables$', status: 401, code: 'bad.credentials' });
    const error = await rejection<GenesysApiError>(client.tables.listTables());
    expect(error.status).toBe(401);
    expect(countRequests(emulator, /^GET \/api/)).toBe(2);
  });
});
