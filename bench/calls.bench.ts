/**
 * Data-table API calls of whole CLI runs, counted by the emulator per route: the plan, the apply
 * of a 10-row change and its rollback at 5,000 and 50,000 rows, and 1,000 deletes in a
 * 5,000-row table; next to the physical limit R + writes + min(writes, R), R = ⌈N/500⌉ + 1
 * (one listing and the pages of one read, the writes, a verify of only what was written).
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator } from '../src/emulator/server.js';
import {
  apiCalls,
  apiCallsByRoute,
  BENCH_SCHEMA,
  cli,
  configText,
  connectionEnv,
  rowsOf,
  UNTHROTTLED,
} from './cli-case.js';

const PAGE = 500;

interface Counted {
  calls: number;
  byRoute: Record<string, number>;
}

async function counted(emulator: RunningEmulator, work: () => Promise<unknown>): Promise<Counted> {
  emulator.log.reset();
  await work();
  return { calls: apiCalls(emulator), byRoute: apiCallsByRoute(emulator) };
}

/** Plan, apply and rollback of `desired` over a live table of `size` rows. */
async function deployAndRollBack(size: number, desired: ReturnType<typeof rowsOf>, writes: number) {
  const emulator = await startEmulator({
    config: { rateLimitPerMinute: 1_000_000, maxRowsPerTable: Math.max(5_000, size), jobDelayMs: 5 },
    state: { tables: [{ id: 'bench-table', name: 'bench', schema: BENCH_SCHEMA, rows: rowsOf(size) }] },
  });
  const dir = await mkdtemp(join(tmpdir(), 'datatable-deploy-calls-'));
  try {
    const env = connectionEnv(emulator);
    const file = join(dir, 'bench.yaml');
    await writeFile(file, configText(desired, size));
    const backups = join(dir, 'backups');
    const plan = await counted(emulator, () => cli(['plan', file, ...UNTHROTTLED], env));
    const apply = await counted(emulator, () =>
      cli(['apply', file, '--yes', '--backup-dir', backups, ...UNTHROTTLED], env),
    );
    const backup = (await readdir(backups)).find((name) => name.startsWith('backup-'))!;
    const rollback = await counted(emulator, () =>
      cli(['rollback', '--backup', join(backups, backup), '--yes', '--rate-limit', '1000000'], env),
    );
    const read = Math.ceil(size / PAGE) + 1;
    return {
      rows: size,
      writes,
      physicalLimit: read + writes + Math.min(writes, read),
      plan,
      apply,
      rollback,
    };
  } finally {
    await emulator.close();
    await rm(dir, { recursive: true, force: true });
  }
}

export async function deployCalls(): Promise<Record<string, unknown>> {
  return {
    tenRowChangeAt5000: await deployAndRollBack(5_000, rowsOf(5_000, 10), 10),
    tenRowChangeAt50000: await deployAndRollBack(50_000, rowsOf(50_000, 10), 10),
    thousandDeletesAt5000: await deployAndRollBack(5_000, rowsOf(4_000), 1_000),
  };
}
