import type { CliIo } from '../cli/io.js';
import { writeLine } from '../cli/io.js';
import { startEmulator } from '../emulator/server.js';
import { createGenesysClient } from '../genesys/client.js';
import { tableSchema } from '../genesys/schema.js';
import type { Row } from '../genesys/types.js';
import type { Logger } from '../logger.js';

/** The example table: a configuration store for dialer and routing plugins. */
const SCHEMA = tableSchema({
  key: { title: 'config_key', type: 'string', $id: '/properties/key', displayOrder: 0 },
  config_value: { title: 'config_value', type: 'string', $id: '/properties/config_value', displayOrder: 1 },
  data_type: { title: 'data_type', type: 'string', $id: '/properties/data_type', displayOrder: 2 },
  environment: { title: 'environment', type: 'string', $id: '/properties/environment', displayOrder: 3 },
  version: { title: 'version', type: 'integer', $id: '/properties/version', displayOrder: 4 },
});

const SEED: Row[] = [
  { key: 'max_concurrent_calls', config_value: '250', data_type: 'integer', environment: 'prod', version: 1 },
  { key: 'dialer_enabled', config_value: 'true', data_type: 'boolean', environment: 'prod', version: 1 },
  { key: 'abandon_rate_target', config_value: '0.03', data_type: 'number', environment: 'prod', version: 1 },
  {
    key: 'fallback_queue',
    config_value: '{"queueId":"q123","priority":1}',
    data_type: 'json',
    environment: 'prod',
    version: 1,
  },
  {
    key: 'greeting_prompt',
    config_value: 'Welcome to Example Co.',
    data_type: 'string',
    environment: 'prod',
    version: 1,
  },
];

/**
 * The guided demo: everything runs against an in-process emulator, so it needs no Genesys org.
 * For now it shows the client and the emulator; later stages add validate, plan and deploy.
 */
export async function runDemo(_args: string[], io: CliIo): Promise<number> {
  const say = (text = ''): void => writeLine(io.stdout, text);
  const started = Date.now();
  await using emulator = await startEmulator();
  say(`1. Started the Genesys Cloud data-tables emulator at ${emulator.url}`);

  const logger: Logger = {
    debug() {},
    info: (message) => say(`     client: ${message}`),
    warn: (message) => say(`     client: ${message}`),
  };
  const client = createGenesysClient(
    { clientId: emulator.clientId, clientSecret: emulator.clientSecret, apiUrl: emulator.url },
    { logger, tables: { jobPollIntervalMs: 50 } },
  );

  const table = await client.tables.createTable({
    name: 'plugin_config_production',
    description: 'Configuration store for dialer and routing plugins',
    schema: SCHEMA,
  });
  say(`2. Created table "${table.name}" (${Object.keys(SCHEMA.properties).length} columns, id ${table.id})`);

  const imported = await client.tables.importRows({ ...table, schema: SCHEMA }, SEED, 'Append');
  say(`3. Seeded it with one CSV import job: ${imported.updated} rows loaded, ${imported.failed} failed`);

  emulator.faults.add({ method: 'GET', path: '/rows$', status: 503, count: 1 });
  emulator.faults.add({ method: 'GET', path: '/rows$', status: 429, retryAfterSeconds: 1, count: 1 });
  say('4. Injected a 503 and a 429 (Retry-After: 1) into the next row reads; reading all rows back:');
  const rows = await client.tables.listRows(table.id);
  for (const row of rows)
    say(`     ${String(row.key).padEnd(22)} ${String(row.config_value).padEnd(34)} ${row.data_type}`);

  await client.tables.replaceRow(table.id, {
    ...rows.find((row) => row.key === 'max_concurrent_calls')!,
    config_value: '300',
    version: 2,
  });
  await client.tables.deleteRow(table.id, 'greeting_prompt');
  const after = await client.tables.listRows(table.id);
  say(
    `5. Replaced max_concurrent_calls (now ${after.find((row) => row.key === 'max_concurrent_calls')?.config_value}) and deleted greeting_prompt: ${after.length} rows left`,
  );

  const requests = emulator.log.snapshot();
  const http = client.http.stats();
  say();
  say(
    `Done in ${((Date.now() - started) / 1000).toFixed(1)} s: ${http.requests} API requests (${http.retries} retried, ${http.rateLimited} rate-limited), emulator saw ${requests.total} requests in all.`,
  );
  say('Next: "datatable-deploy emulator" serves the same API for your own scripts (see README).');
  return 0;
}
