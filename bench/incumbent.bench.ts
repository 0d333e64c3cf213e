/**
 * The incumbent, measured side by side: the official Genesys SDK driven the way the Genesys
 * Terraform provider drives the API (its refresh reads the table, then one GET per row resource;
 * a change is one PUT per changed row; there is no backup, so going back is re-applying every
 * row), against this tool's CLI on the same emulator. Calls are counted by the emulator; the
 * time at budget is calls ÷ 300 requests/minute, Genesys's default per-client rate.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../src/emulator/server.js';
import type { Row } from '../src/genesys/types.js';
import { apiCalls, BENCH_SCHEMA, cli, configText, connectionEnv, rowsOf, UNTHROTTLED } from './cli-case.js';

const BUDGET_PER_SECOND = 300 / 60;
const SIZES = [100, 1_000, 5_000];
const CHANGED = 10;

// The SDK is CommonJS with ambient types; it is loaded as such.
interface ArchitectApi {
  getFlowsDatatable(id: string, options: object): Promise<unknown>;
  getFlowsDatatableRow(id: string, key: string, options: object): Promise<unknown>;
  putFlowsDatatableRow(id: string, key: string, options: object): Promise<unknown>;
}

async function sdkFor(emulator: RunningEmulator): Promise<ArchitectApi> {
  const platformClient = createRequire(import.meta.url)('purecloud-platform-client-v2');
  const apiClient = platformClient.ApiClient.instance;
  apiClient.setGateway({ host: '127.0.0.1', protocol: 'http', port: emulator.port });
  await apiClient.loginClientCredentialsGrant(emulator.clientId, emulator.clientSecret);
  return new platformClient.ArchitectApi() as ArchitectApi;
}

/** Terraform's refresh of one table: the table resource, then every row resource. */
async function terraformRefresh(api: ArchitectApi, id: string, keys: string[]): Promise<void> {
  await api.getFlowsDatatable(id, { expand: 'schema' });
  for (const key of keys) await api.getFlowsDatatableRow(id, key, { showbrief: false });
}

/** Terraform's apply: a refresh of every row resource, then one PUT per changed row. */
async function terraformApply(api: ArchitectApi, id: string, keys: string[], changed: Row[]): Promise<void> {
  await terraformRefresh(api, id, keys);
  for (const row of changed) await api.putFlowsDatatableRow(id, String(row.key), { body: row });
}

async function measure(emulator: RunningEmulator, work: () => Promise<unknown>): Promise<number> {
  emulator.log.reset();
  await work();
  return apiCalls(emulator);
}

async function compareAt(size: number): Promise<Record<string, number>> {
  const live = rowsOf(size);
  const emulator = await startEmulator({
    config: { rateLimitPerMinute: 1_000_000, maxRowsPerTable: 10_000, jobDelayMs: 5 },
    state: { tables: [{ id: 'bench-table', name: 'bench', schema: BENCH_SCHEMA, rows: live }] },
  });
  const dir = await mkdtemp(join(tmpdir(), 'datatable-deploy-incumbent-'));
  try {
    const env = connectionEnv(emulator);
    const file = join(dir, 'bench.yaml');
    await writeFile(file, configText(rowsOf(size, CHANGED)));
    const ours = {
      plan: await measure(emulator, () => cli(['plan', file, ...UNTHROTTLED], env)),
      change: await measure(emulator, () =>
        cli(['apply', file, '--yes', '--backup-dir', join(dir, 'backups'), ...UNTHROTTLED], env),
      ),
      restore: 0,
    };
    const backup = (await readdir(join(dir, 'backups'))).find((name) => name.startsWith('backup-'));
    ours.restore = await measure(emulator, () =>
      cli(['rollback', '--backup', join(dir, 'backups', backup!), '--yes', '--rate-limit', '1000000'], env),
    );

    emulator.state.load({ tables: [{ id: 'bench-table', name: 'bench', schema: BENCH_SCHEMA, rows: live }] });
    const api = await sdkFor(emulator);
    const keys = live.map((row) => String(row.key));
    const theirs = {
      plan: await measure(emulator, () => terraformRefresh(api, 'bench-table', keys)),
      change: await measure(emulator, () =>
        terraformApply(api, 'bench-table', keys, rowsOf(size, CHANGED).slice(0, CHANGED)),
      ),
      // No backup to restore from: going back is re-applying every row from an older state.
      restore: await measure(emulator, () => terraformApply(api, 'bench-table', keys, live)),
    };
    const figures: Record<string, number> = {};
    for (const work of ['plan', 'change', 'restore'] as const) {
      figures[`${work}_ours_calls`] = ours[work];
      figures[`${work}_theirs_calls`] = theirs[work];
      figures[`${work}_ours_seconds_at_budget`] = round(ours[work] / BUDGET_PER_SECOND);
      figures[`${work}_theirs_seconds_at_budget`] = round(theirs[work] / BUDGET_PER_SECOND);
      figures[`${work}_ratio`] = round(theirs[work] / ours[work]);
    }
    return figures;
  } finally {
    await emulator.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const round = (value: number) => Math.round(value * 10) / 10;

export async function incumbent(): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  for (const size of SIZES)
    for (const [name, value] of Object.entries(await compareAt(size))) figures[`rows${size}_${name}`] = value;
  return figures;
}
