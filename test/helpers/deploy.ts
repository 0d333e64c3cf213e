import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../../src/clock.js';
import { LocalBackupStore } from '../../src/deploy/backup.js';
import { MemoryJournal } from '../../src/deploy/journal.js';
import { runDeploy, type DeployOptions } from '../../src/deploy/pipeline.js';
import type { RunningEmulator } from '../../src/emulator/server.js';
import type { ClientOptions } from '../../src/genesys/client.js';
import type { Row } from '../../src/genesys/types.js';
import { buildPlan, type PlanOptions } from '../../src/plan/build.js';
import { readSnapshot } from '../../src/plan/snapshot.js';
import { loadValid } from './config.js';
import { captureLogger, clientFor } from './emulator.js';

/**
 * Plans a config (YAML text) against the emulator, with a client whose waits are shrunk; the
 * plan is bound to the emulator's host unless the options say otherwise.
 */
export async function planAgainst(
  emulator: RunningEmulator,
  configText: string,
  options: Partial<PlanOptions> = {},
  client = clientFor(emulator),
) {
  const config = loadValid(configText);
  const snapshot = await readSnapshot(client.tables, [config]);
  const plan = buildPlan([config], snapshot, { apiHost: new URL(emulator.url).host, ...options });
  return { config, client, plan };
}

/** Runs the deploy pipeline with a local backup store in a temp dir and an in-memory journal. */
export async function deploy(
  emulator: RunningEmulator,
  options: Partial<DeployOptions> & Pick<DeployOptions, 'plan'>,
  clientOptions: ClientOptions = {},
) {
  const root = await mkdtemp(join(tmpdir(), 'datatable-deploy-backups-'));
  const journal = new MemoryJournal();
  const logger = captureLogger();
  const client = clientFor(emulator, {}, clientOptions);
  const result = await runDeploy({
    tables: client.tables,
    backups: new LocalBackupStore(root),
    backupName: 'backup-test',
    journal,
    logger,
    clock: systemClock,
    actor: 'ci-bot',
    ...options,
  });
  return { result, journal, logger, root, client };
}

/** The emulator's rows of a table, by key. */
export function rowsOf(emulator: RunningEmulator, name: string): Map<string, Row> {
  const table = [...emulator.state.tables.values()].find((candidate) => candidate.name === name);
  if (!table) throw new Error(`no table ${name}`);
  return new Map([...table.rows.entries()].map(([key, row]) => [key, { ...row }]));
}

/** Counts of write requests (POST, PUT, DELETE) under /api/v2 the emulator answered. */
export function writeRequests(emulator: RunningEmulator): number {
  return Object.entries(emulator.log.snapshot().byRoute)
    .filter(([route]) => /^(POST|PUT|DELETE) \/api\/v2/.test(route))
    .reduce((sum, [, count]) => sum + count, 0);
}
