import { startEmulator } from '../src/emulator/server.js';
import { createGenesysClient } from '../src/genesys/client.js';
import { tableSchema } from '../src/genesys/schema.js';
import type { Row } from '../src/genesys/types.js';

const SCHEMA = tableSchema({
  config_value: { type: 'string' },
  data_type: { type: 'string' },
  version: { type: 'integer' },
  enabled: { type: 'boolean' },
});

function rows(count: number): Row[] {
  return Array.from({ length: count }, (_, index) => ({
    key: `config_${String(index).padStart(6, '0')}`,
    config_value: `value ${index} `.repeat(4),
    data_type: 'string',
    version: index,
    enabled: index % 3 === 0,
  }));
}

/**
 * Reading a 5,000-row table at the production rate limit, and a 100,000-row table with the
 * emulator's and the client's limits raised so that the emulator's own cost per page shows.
 */
export async function readRows(): Promise<Record<string, Record<string, number>>> {
  return {
    fiveThousandRows: await readTable(5_000),
    hundredThousandRows: await readTable(100_000, 100_000),
  };
}

/** Reading a table of `count` rows: data requests and wall time. */
async function readTable(count: number, rateLimitPerMinute = 300): Promise<Record<string, number>> {
  await using emulator = await startEmulator({
    config: { rateLimitPerMinute, maxRowsPerTable: Math.max(count, 5_000) },
    state: { tables: [{ id: 'bench', name: 'bench', schema: SCHEMA, rows: rows(count) }] },
  });
  const client = createGenesysClient({
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
    apiUrl: emulator.url,
    rateLimitPerMinute,
  });
  await client.tables.listTables(); // token and connection warm-up, not counted
  emulator.log.reset();
  const started = performance.now();
  const read = await client.tables.listRows('bench');
  const wallMs = performance.now() - started;
  const byRoute = emulator.log.snapshot().byRoute;
  return {
    rows: read.length,
    pageSize: 500,
    budgetPerMinute: rateLimitPerMinute,
    dataRequests: byRoute['GET /api/v2/flows/datatables/{datatableId}/rows'] ?? 0,
    wallMs: Math.round(wallMs),
  };
}

/**
 * Writing 1,000 rows one POST each against an emulator limit raised to 6,000/min, with the
 * client's budget set to the same: how close the achieved rate comes to the budget.
 */
export async function writeRowsAtBudget(): Promise<Record<string, number>> {
  const budgetPerMinute = 6_000;
  await using emulator = await startEmulator({
    config: { rateLimitPerMinute: budgetPerMinute },
    state: { tables: [{ id: 'bench', name: 'bench', schema: SCHEMA, rows: [] }] },
  });
  const client = createGenesysClient({
    clientId: emulator.clientId,
    clientSecret: emulator.clientSecret,
    apiUrl: emulator.url,
    rateLimitPerMinute: budgetPerMinute,
  });
  await client.tables.listTables();
  await new Promise((resolve) => setTimeout(resolve, 1_100)); // let the burst allowance refill
  emulator.log.reset();
  const before = client.http.stats();
  const started = performance.now();
  const results = await Promise.allSettled(rows(1_000).map((row) => client.tables.createRow('bench', row)));
  const wallMs = performance.now() - started;
  const after = client.http.stats();
  const requests = after.requests - before.requests;
  const achievedPerMinute = (requests / wallMs) * 60_000;
  return {
    rows: 1_000,
    budgetPerMinute,
    emulatorLimitPerMinute: budgetPerMinute,
    requests,
    failed: results.filter((result) => result.status === 'rejected').length,
    rateLimited: after.rateLimited - before.rateLimited,
    wallMs: Math.round(wallMs),
    achievedPerMinute: Math.round(achievedPerMinute),
    ratioToBudget: Number((achievedPerMinute / budgetPerMinute).toFixed(3)),
    // The first second's worth goes out as a burst; the rest at the budget rate.
    idealWallMs: Math.round(((1_000 - budgetPerMinute / 60) / budgetPerMinute) * 60_000),
    wallToIdeal: Number((wallMs / (((1_000 - budgetPerMinute / 60) / budgetPerMinute) * 60_000)).toFixed(3)),
    rowsStored: emulator.state.tables.get('bench')!.rows.size,
  };
}
