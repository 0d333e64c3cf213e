import { beforeEach, describe, expect, it } from 'vitest';
import { makeRows, SCHEMA, seedTable, useEmulator } from '../helpers/emulator.js';
import { raw, tokenFor } from '../helpers/raw-http.js';

const emulator = useEmulator();
let token: string;
const TABLES = '/api/v2/flows/datatables';

beforeEach(async () => {
  token = await tokenFor(emulator);
});

const call = (method: string, path: string, json?: unknown) =>
  raw(emulator, method, path, { token, ...(json !== undefined ? { json } : {}) });

function schemaWith(changes: Record<string, unknown>) {
  return { ...structuredClone(SCHEMA), ...changes };
}

describe('OAuth', () => {
  it('issues a bearer token for good credentials, Basic or form', async () => {
    const basic = await raw(emulator, 'POST', '/oauth/token', {
      headers: {
        authorization: `Basic ${Buffer.from('emulator-client:emulator-secret').toString('base64')}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'grant_type=client_credentials',
    });
    expect(basic.status).toBe(200);
    expect(basic.body).toMatchObject({ token_type: 'bearer', expires_in: 86_400 });
    expect(basic.body.access_token).toEqual(expect.any(String));
    const form = await raw(emulator, 'POST', '/oauth/token', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&client_id=emulator-client&client_secret=emulator-secret',
    });
    expect(form.status).toBe(200);
  });

  it('answers 401 invalid_client for a bad secret and 400 for another grant', async () => {
    const bad = await raw(emulator, 'POST', '/oauth/token', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&client_id=emulator-client&client_secret=nope',
    });
    expect(bad.status).toBe(401);
    expect(bad.body.error).toBe('invalid_client');
    const grant = await raw(emulator, 'POST', '/oauth/token', { body: 'grant_type=password' });
    expect(grant.status).toBe(400);
    expect(grant.body.error).toBe('unsupported_grant_type');
  });

  it('requires a valid bearer token on every API call', async () => {
    const none = await raw(emulator, 'GET', TABLES);
    expect(none.status).toBe(401);
    expect(none.body.code).toBe('authentication.required');
    const wrong = await raw(emulator, 'GET', TABLES, { token: 'made-up' });
    expect(wrong.body.code).toBe('bad.credentials');
    emulator.tokens.expireAll();
    const expired = await call('GET', TABLES);
    expect(expired.status).toBe(401);
    expect(expired.body.message).toMatch(/expired/);
  });
});

describe('errors and headers', () => {
  it('answers in the ErrorBody shape with a correlation id header equal to contextId', async () => {
    const response = await call('GET', `${TABLES}/no-such-table`);
    expect(response.status).toBe(404);
    expect(response.body).toEqual({
      message: 'Not found',
      code: 'flows.datatables.table.not.found',
      status: 404,
      contextId: response.headers.get('inin-correlation-id'),
      details: [],
      errors: [],
    });
    expect(response.headers.get('cache-control')).toBe('no-cache, no-store, must-revalidate');
  });

  it('answers 429 with Retry-After and the normalised body when the per-token limit is spent', async () => {
    await raw(emulator, 'PATCH', '/__emulator/config', { json: { rateLimitPerMinute: 3 } });
    for (let index = 0; index < 3; index++) expect((await call('GET', TABLES)).status).toBe(200);
    const limited = await call('GET', TABLES);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited.body).toMatchObject({ code: 'too.many.requests.retry.after', status: 429 });
    expect(limited.body.message).toMatch(
      /^Rate limit exceeded the maximum\. Retry the request in \[\d+\] seconds$/,
    );
    // Another token has its own budget.
    const other = await tokenFor(emulator);
    expect((await raw(emulator, 'GET', TABLES, { token: other })).status).toBe(200);
  });

  it('refuses a body over 512,000 bytes with 413', async () => {
    const id = seedTable(emulator, 't', []);
    const response = await call('POST', `${TABLES}/${id}/rows`, { key: 'k', value: 'x'.repeat(512_001) });
    expect(response.status).toBe(413);
    expect(response.body.code).toBe('request.entity.too.large');
    expect(response.body.limit).toMatchObject({ key: 'request.bytes.max', value: 512_000 });
  });

  it('answers 404 for unknown paths and 405 for a wrong method', async () => {
    expect((await call('GET', '/api/v2/nothing')).status).toBe(404);
    expect((await call('PATCH', TABLES)).status).toBe(405);
  });
});

describe('tables', () => {
  it('creates a table: the name overrides the schema title; GET shows the schema only when expanded', async () => {
    const created = await call('POST', TABLES, { name: 'Sample Table', description: 'd', schema: SCHEMA });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      name: 'Sample Table',
      description: 'd',
      division: { name: 'Home' },
    });
    expect(created.body.schema.title).toBe('Sample Table');
    expect(created.body.selfUri).toBe(`${TABLES}/${created.body.id}`);
    const plain = await call('GET', `${TABLES}/${created.body.id}`);
    expect(plain.body.schema).toBeUndefined();
    const expanded = await call('GET', `${TABLES}/${created.body.id}?expand=schema`);
    expect(Object.keys(expanded.body.schema.properties)).toEqual(Object.keys(SCHEMA.properties));
  });

  it.each([
    ['a draft other than 04', { $schema: 'http://json-schema.org/draft-07/schema#' }, /draft-04/],
    ['required other than ["key"]', { required: ['key', 'value'] }, /exactly \["key"\]/],
    ['additionalProperties true', { additionalProperties: true }, /additionalProperties/],
    ['no key property', { properties: { value: { type: 'string' } } }, /property "key"/],
    ['a key that is not a string', { properties: { key: { type: 'integer' } } }, /property "key"/],
    [
      'an unsupported type',
      { properties: { key: { type: 'string' }, when: { type: 'date' } } },
      /"when" must have type/,
    ],
    [
      'a default of the wrong type',
      { properties: { key: { type: 'string' }, n: { type: 'integer', default: 'x' } } },
      /default of field "n"/,
    ],
  ])('refuses a schema with %s', async (_what, change, message) => {
    const response = await call('POST', TABLES, { name: 't', schema: schemaWith(change) });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('flows.datatables.schema.exception');
    expect(response.body.message).toMatch(message);
  });

  it('allows 50 fields and refuses 51', async () => {
    const properties = (count: number) =>
      Object.fromEntries([
        ['key', { type: 'string' }],
        ...Array.from({ length: count - 1 }, (_, i) => [`c${i}`, { type: 'string' }]),
      ]);
    expect(
      (await call('POST', TABLES, { name: 'fifty', schema: schemaWith({ properties: properties(50) }) }))
        .status,
    ).toBe(200);
    const over = await call('POST', TABLES, {
      name: 'fifty-one',
      schema: schemaWith({ properties: properties(51) }),
    });
    expect(over.status).toBe(400);
    expect(over.body.limit.value).toBe(50);
  });

  it('refuses duplicate names (case-insensitively), slashes and the table limit', async () => {
    expect((await call('POST', TABLES, { name: 'One', schema: SCHEMA })).status).toBe(200);
    const clash = await call('POST', TABLES, { name: 'one', schema: SCHEMA });
    expect(clash.status).toBe(409);
    expect((await call('POST', TABLES, { name: 'a/b', schema: SCHEMA })).status).toBe(400);
    emulator.config.maxTablesPerOrg = 1;
    const limit = await call('POST', TABLES, { name: 'Two', schema: SCHEMA });
    expect(limit.status).toBe(400);
    expect(limit.body.code).toBe('flows.datatables.table.limit.exceeded');
  });

  it('lets an update add a field but not remove or retype one', async () => {
    const id = seedTable(emulator, 't', makeRows(1));
    const table = (await call('GET', `${TABLES}/${id}?expand=schema`)).body;
    const added = structuredClone(table);
    added.schema.properties.extra = { type: 'boolean' };
    const ok = await call('PUT', `${TABLES}/${id}?expand=schema`, added);
    expect(ok.status).toBe(200);
    expect(ok.body.schema.properties.extra).toEqual({ type: 'boolean' });
    const removed = structuredClone(added);
    delete removed.schema.properties.count;
    expect((await call('PUT', `${TABLES}/${id}`, removed)).body.message).toMatch(/"count" cannot be removed/);
    const retyped = structuredClone(added);
    retyped.schema.properties.count.type = 'string';
    expect((await call('PUT', `${TABLES}/${id}`, retyped)).body.message).toMatch(/cannot change type/);
  });

  it('lists tables in pages with the Genesys envelope, name filter, division filter and sort', async () => {
    for (const name of ['alpha', 'beta', 'gamma']) await call('POST', TABLES, { name, schema: SCHEMA });
    const page = await call('GET', `${TABLES}?pageSize=2&sortBy=name`);
    expect(page.body).toMatchObject({ pageSize: 2, pageNumber: 1, total: 3, pageCount: 2 });
    expect(page.body.entities.map((table: { name: string }) => table.name)).toEqual(['alpha', 'beta']);
    expect(page.body.nextUri).toBe(`${TABLES}?pageSize=2&sortBy=name&pageNumber=2`);
    expect(page.body.previousUri).toBeNull();
    expect(page.body.lastUri).toBe(`${TABLES}?pageSize=2&sortBy=name&pageNumber=2`);
    const filtered = await call('GET', `${TABLES}?name=*MM*`);
    expect(filtered.body.entities.map((table: { name: string }) => table.name)).toEqual(['gamma']);
    const division = emulator.state.divisions[0]!.id;
    expect((await call('GET', `${TABLES}?divisionId=${division},other`)).body.total).toBe(3);
    expect((await call('GET', `${TABLES}?divisionId=other`)).body.total).toBe(0);
    expect(
      (await call('GET', `${TABLES}/divisionviews?sortBy=name&sortOrder=descending`)).body.entities[0].name,
    ).toBe('gamma');
  });

  it('deletes a table with its rows', async () => {
    const id = seedTable(emulator, 't', makeRows(3));
    expect((await call('DELETE', `${TABLES}/${id}?force=true`)).status).toBe(204);
    expect((await call('GET', `${TABLES}/${id}/rows`)).status).toBe(404);
  });
});

describe('rows', () => {
  let id: string;
  beforeEach(() => {
    id = seedTable(emulator, 't', []);
  });

  it('fills defaults on create: schema default, else false / 0 / ""', async () => {
    const created = await call('POST', `${TABLES}/${id}/rows`, { key: 'k' });
    expect(created.status).toBe(200);
    expect(created.body).toEqual({ key: 'k', value: '', count: 0, ratio: 0.5, enabled: false });
  });

  it('returns only keys unless showbrief=false, on the list and on one row', async () => {
    await call('POST', `${TABLES}/${id}/rows`, { key: 'k', value: 'v' });
    expect((await call('GET', `${TABLES}/${id}/rows`)).body.entities).toEqual([{ key: 'k' }]);
    expect((await call('GET', `${TABLES}/${id}/rows/k`)).body).toEqual({ key: 'k' });
    expect((await call('GET', `${TABLES}/${id}/rows?showbrief=false`)).body.entities[0].value).toBe('v');
    expect((await call('GET', `${TABLES}/${id}/rows/k?showbrief=false`)).body.value).toBe('v');
  });

  it('replaces the whole row on PUT: omitted fields revert to defaults', async () => {
    await call('POST', `${TABLES}/${id}/rows`, { key: 'k', value: 'v', count: 3, enabled: true });
    const put = await call('PUT', `${TABLES}/${id}/rows/k`, { key: 'k', count: 4 });
    expect(put.body).toEqual({ key: 'k', value: '', count: 4, ratio: 0.5, enabled: false });
    expect((await call('PUT', `${TABLES}/${id}/rows/k`, { key: 'other' })).status).toBe(400);
    expect((await call('PUT', `${TABLES}/${id}/rows/missing`, { key: 'missing' })).status).toBe(404);
  });

  it.each([
    ['an unknown field', { key: 'k', colour: 'red' }, /"colour" is not in the table's schema/],
    ['a string where an integer goes', { key: 'k', count: '3' }, /"count" must be a integer/],
    ['a fraction where an integer goes', { key: 'k', count: 1.5 }, /"count" must be a integer/],
    ['a string where a boolean goes', { key: 'k', enabled: 'yes' }, /"enabled" must be a boolean/],
    ['no key', { value: 'v' }, /non-empty string "key"/],
    ['an empty key', { key: '' }, /non-empty string "key"/],
    ['a key of 257 characters', { key: 'k'.repeat(257) }, /at most 256/],
    ['an array body', [{ key: 'k' }], /JSON object/],
  ])('refuses %s with 400 flows.datatables.syntax.error', async (_what, body, message) => {
    const response = await call('POST', `${TABLES}/${id}/rows`, body);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('flows.datatables.syntax.error');
    expect(response.body.message).toMatch(message);
  });

  it('accepts a key of exactly 256 characters', async () => {
    expect((await call('POST', `${TABLES}/${id}/rows`, { key: 'k'.repeat(256) })).status).toBe(200);
  });

  it('refuses a duplicate key with the configured status (409 by default, 400 if set)', async () => {
    await call('POST', `${TABLES}/${id}/rows`, { key: 'k' });
    const duplicate = await call('POST', `${TABLES}/${id}/rows`, { key: 'k' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('flows.datatables.duplicate.key');
    emulator.config.duplicateKeyStatus = 400;
    expect((await call('POST', `${TABLES}/${id}/rows`, { key: 'k' })).status).toBe(400);
  });

  it('enforces the row limit', async () => {
    emulator.config.maxRowsPerTable = 2;
    await call('POST', `${TABLES}/${id}/rows`, { key: 'a' });
    await call('POST', `${TABLES}/${id}/rows`, { key: 'b' });
    const over = await call('POST', `${TABLES}/${id}/rows`, { key: 'c' });
    expect(over.status).toBe(400);
    expect(over.body.code).toBe('flows.datatables.row.limit.exceeded');
    expect(over.body.limit.value).toBe(2);
  });

  it('deletes a row (204 by default) and 404s a missing one', async () => {
    await call('POST', `${TABLES}/${id}/rows`, { key: 'k' });
    expect((await call('DELETE', `${TABLES}/${id}/rows/k`)).status).toBe(204);
    const again = await call('DELETE', `${TABLES}/${id}/rows/k`);
    expect(again.status).toBe(404);
    expect(again.body.code).toBe('flows.datatables.row.not.found');
  });

  it('uses the configured create and delete statuses', async () => {
    emulator.config.createStatus = 201;
    emulator.config.deleteStatus = 200;
    expect((await call('POST', `${TABLES}/${id}/rows`, { key: 'k' })).status).toBe(201);
    expect((await call('DELETE', `${TABLES}/${id}/rows/k`)).status).toBe(200);
  });

  it('pages rows sorted by key, both orders, with page-size maximum reject or clamp', async () => {
    seedTable(emulator, 'x', []);
    const big = seedTable(emulator, 'big', makeRows(12));
    const page = await call('GET', `${TABLES}/${big}/rows?pageSize=5&pageNumber=3&showbrief=false`);
    expect(page.body).toMatchObject({ pageSize: 5, pageNumber: 3, total: 12, pageCount: 3, nextUri: null });
    expect(page.body.entities.map((row: { key: string }) => row.key)).toEqual(['row-00010', 'row-00011']);
    expect(page.body.previousUri).toBe(`${TABLES}/${big}/rows?pageSize=5&pageNumber=2&showbrief=false`);
    const descending = await call('GET', `${TABLES}/${big}/rows?sortOrder=descending&pageSize=1`);
    expect(descending.body.entities).toEqual([{ key: 'row-00011' }]);
    expect((await call('GET', `${TABLES}/${big}/rows?pageSize=501`)).status).toBe(400);
    emulator.config.pageSizeOverflow = 'clamp';
    expect((await call('GET', `${TABLES}/${big}/rows?pageSize=501`)).body.pageSize).toBe(500);
    expect((await call('GET', `${TABLES}/${big}/rows?pageSize=0`)).status).toBe(400);
  });
});

describe('admin API', () => {
  it('dumps and loads state, counts requests and resets the log', async () => {
    seedTable(emulator, 't', makeRows(2));
    const dump = (await raw(emulator, 'GET', '/__emulator/state')).body;
    expect(dump.tables[0].rows).toHaveLength(2);
    await raw(emulator, 'PUT', '/__emulator/state', { json: { tables: [] } });
    expect((await raw(emulator, 'GET', '/__emulator/health')).body).toEqual({ status: 'ok', tables: 0 });
    await raw(emulator, 'PUT', '/__emulator/state', { json: dump });
    expect((await call('GET', TABLES)).body.total).toBe(1);
    const requests = (await raw(emulator, 'GET', '/__emulator/requests')).body;
    expect(requests.byRoute[`GET ${TABLES}`]).toBe(1);
    expect(requests.recent.at(-1)).toMatchObject({
      method: 'GET',
      path: TABLES,
      status: 200,
      clientId: 'emulator-client',
    });
    await raw(emulator, 'DELETE', '/__emulator/requests');
    expect((await raw(emulator, 'GET', '/__emulator/requests')).body.total).toBe(0);
    expect((await raw(emulator, 'PUT', '/__emulator/state', { json: { nope: 1 } })).status).toBe(400);
  });

  it('injects faults by method, path, count and after-N, and clears them', async () => {
    const added = await raw(emulator, 'POST', '/__emulator/faults', {
      json: { faults: [{ method: 'GET', path: '/datatables$', status: 503, after: 1, count: 2 }] },
    });
    expect(added.status).toBe(201);
    const statuses = [];
    for (let index = 0; index < 4; index++) statuses.push((await call('GET', TABLES)).status);
    expect(statuses).toEqual([200, 503, 503, 200]);
    expect((await raw(emulator, 'GET', '/__emulator/faults')).body.faults[0]).toMatchObject({ fired: 2 });
    await raw(emulator, 'DELETE', '/__emulator/faults');
    expect((await raw(emulator, 'GET', '/__emulator/faults')).body.faults).toEqual([]);
    expect(
      (await raw(emulator, 'POST', '/__emulator/faults', { json: { path: '(', status: 500 } })).status,
    ).toBe(400);
    expect((await raw(emulator, 'POST', '/__emulator/faults', { json: { method: 'GET' } })).status).toBe(400);
  });

  it('makes probabilistic faults repeatable with a seed', async () => {
    const run = async () => {
      await raw(emulator, 'DELETE', '/__emulator/faults');
      await raw(emulator, 'POST', '/__emulator/faults', {
        json: { seed: 42, faults: [{ path: '/datatables$', status: 500, probability: 0.5 }] },
      });
      const statuses = [];
      for (let index = 0; index < 12; index++) statuses.push((await call('GET', TABLES)).status);
      return statuses;
    };
    const first = await run();
    expect(first).toContain(500);
    expect(first).toContain(200);
    expect(await run()).toEqual(first);
  });

  it('changes the configuration and refuses unknown keys or wrong types', async () => {
    const changed = await raw(emulator, 'PUT', '/__emulator/config', { json: { maxRowsPerTable: 10 } });
    expect(changed.body.maxRowsPerTable).toBe(10);
    expect((await raw(emulator, 'PATCH', '/__emulator/config', { json: { bogus: 1 } })).status).toBe(400);
    expect(
      (await raw(emulator, 'PATCH', '/__emulator/config', { json: { maxRowsPerTable: 'ten' } })).status,
    ).toBe(400);
    const clients = await raw(emulator, 'PATCH', '/__emulator/config', {
      json: { clients: [{ id: 'ci', secret: 's3' }] },
    });
    expect(clients.status).toBe(200);
    expect(await tokenFor(emulator, 'ci', 's3')).toEqual(expect.any(String));
  });
});
