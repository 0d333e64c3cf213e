import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../src/clock.js';
import { backupFiles, LocalBackupStore, parseBackup } from '../src/deploy/backup.js';
import { MemoryJournal } from '../src/deploy/journal.js';
import { runDeploy } from '../src/deploy/pipeline.js';
import { restoreBackup } from '../src/deploy/restore.js';
import { loadConfig } from '../src/config/load.js';
import { startEmulator } from '../src/emulator/server.js';
import { createGenesysClient } from '../src/genesys/client.js';
import { tableSchema } from '../src/genesys/schema.js';
import type { Row } from '../src/genesys/types.js';
import { silentLogger } from '../src/logger.js';
import { buildPlan } from '../src/plan/build.js';
import { readSnapshot, readTables } from '../src/plan/snapshot.js';

const RATE = 6_000;
const SCHEMA = tableSchema({
  value: { type: 'string', displayOrder: 1 },
  count: { type: 'integer', displayOrder: 2 },
});
const rows = (count: number, label: string): Row[] =>
  Array.from({ length: count }, (_, index) => ({
    key: `row-${String(index).padStart(5, '0')}`,
    value: `${label} ${index}`,
    count: index,
  }));

async function setUp(liveRows: Row[]) {
  const emulator = await startEmulator({
    config: { rateLimitPerMinute: RATE, jobDelayMs: 50 },
    state: { tables: [{ id: 'bench-table', name: 'bench', schema: SCHEMA, rows: liveRows }] },
  });
  const client = createGenesysClient(
    {
      clientId: emulator.clientId,
      clientSecret: emulator.clientSecret,
      apiUrl: emulator.url,
      rateLimitPerMinute: RATE,
    },
    { tables: { jobPollIntervalMs: 50 } },
  );
  await client.tables.listTables(); // token and connection warm-up
  await new Promise((resolve) => setTimeout(resolve, 1_100)); // let the burst allowance refill
  return { emulator, client };
}

/**
 * A whole deploy (guard, backup, apply, verify) of 1,000 changed rows, one PUT each, with the
 * emulator's limit and the client's budget at 6,000/min: calls, wall time, and the ratio of the
 * wall time to the ideal (calls ÷ budget).
 */
export async function applyThousandRows(): Promise<Record<string, number>> {
  const { emulator, client } = await setUp(rows(1_000, 'old'));
  const dir = await mkdtemp(join(tmpdir(), 'datatable-deploy-bench-'));
  try {
    const text = `table: bench\ncolumns:\n  value: { type: string }\n  count: { type: integer }\nrows:\n${rows(
      1_000,
      'new',
    )
      .map((row) => `  ${row.key}: { value: ${row.value}, count: ${row.count} }`)
      .join('\n')}\n`;
    const config = loadConfig('bench.yaml', Buffer.from(text)).config!;
    const plan = buildPlan([config], await readSnapshot(client.tables, [config]), {
      apiHost: new URL(emulator.url).host,
      strategy: 'rows',
      ratePerMinute: RATE,
    });
    const before = client.http.stats().requests;
    const started = performance.now();
    const result = await runDeploy({
      plan,
      tables: client.tables,
      backups: new LocalBackupStore(dir),
      backupName: 'b',
      journal: new MemoryJournal(),
      logger: silentLogger,
      clock: systemClock,
      actor: 'bench',
    });
    const wallMs = performance.now() - started;
    const calls = client.http.stats().requests - before;
    // The first second's worth of calls goes out as a burst; the rest at the budget rate.
    const idealMs = (Math.max(0, calls - RATE / 60) / RATE) * 60_000;
    return {
      changedRows: 1_000,
      outcome: result.outcome === 'applied' ? 1 : 0,
      budgetPerMinute: RATE,
      calls,
      rateLimited: client.http.stats().rateLimited,
      wallMs: Math.round(wallMs),
      idealMs: Math.round(idealMs),
      wallToIdeal: Number((wallMs / idealMs).toFixed(3)),
    };
  } finally {
    await emulator.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/** Restoring a 5,000-row table whose every row changed: one call per row, or one import job. */
export async function restoreFiveThousandRows(): Promise<Record<string, number>> {
  const figures: Record<string, number> = {};
  for (const strategy of ['rows', 'import'] as const) {
    const original = rows(5_000, 'backed up');
    const { emulator, client } = await setUp(rows(5_000, 'broken'));
    try {
      const [live] = await readTables(client.tables, [{ id: 'bench-table' }]);
      const backup = parseBackup(
        backupFiles({
          manifest: {
            createdAt: new Date().toISOString(),
            apiHost: new URL(emulator.url).host,
            deployment: 'default',
            planDigest: `sha256:${'0'.repeat(64)}`,
          },
          tables: [{ id: live!.id, name: live!.name, schema: live!.schema, rows: original }],
        }),
        'memory',
      );
      const before = client.http.stats().requests;
      const started = performance.now();
      const report = await restoreBackup(
        backup,
        { tables: client.tables, journal: new MemoryJournal(), logger: silentLogger, clock: systemClock },
        RATE,
        { strategy },
      );
      figures[`${strategy}WallMs`] = Math.round(performance.now() - started);
      figures[`${strategy}Calls`] = client.http.stats().requests - before;
      figures[`${strategy}Restored`] = report.restored ? 1 : 0;
    } finally {
      await emulator.close();
    }
  }
  return { rows: 5_000, budgetPerMinute: RATE, ...figures };
}
