import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalBackupStore, parseBackup } from '../../src/deploy/backup.js';
import { PLAN_READ_MAX_AGE_MS } from '../../src/deploy/guard.js';
import { tableSchema } from '../../src/genesys/schema.js';
import type { Row } from '../../src/genesys/types.js';
import { readTables } from '../../src/plan/snapshot.js';
import { FakeClock } from '../helpers/clock.js';
import { deploy, planAgainst, rowsOf, writeRequests } from '../helpers/deploy.js';
import { clientFor, countRequests, seedTable, useEmulator } from '../helpers/emulator.js';
import { emulatorEnv, runCliInProcess } from '../helpers/processes.js';

/**
 * What a deploy and its rollback cost in calls, counted by the emulator per route (real HTTP on
 * 127.0.0.1): each table is read once per run, and only what was written is read back. At N
 * rows a table read is R = ⌈N/500⌉ + 1 calls (the listing and the pages), so a 10-row change
 * costs at most R + 10 + min(10, R): 31 at 5,000 rows. The rate is raised: the rate is not
 * what these tests are about.
 */
const emulator = useEmulator({ rateLimitPerMinute: 1_000_000 });
const RATE = ['--rate-limit', '1000000'];
const ROWS = 5_000;
const SCHEMA = tableSchema({
  value: { type: 'string', displayOrder: 1 },
  count: { type: 'integer', displayOrder: 2 },
});
const key = (index: number) => `row-${String(index).padStart(5, '0')}`;
const LIVE: Row[] = Array.from({ length: ROWS }, (_, index) => ({
  key: key(index),
  value: `value ${index}`,
  count: index,
}));

/**
 * The 10-row change: rows 0–1 removed, 2–7 changed, two new ones (the table stays at 5,000
 * rows, the emulator's row limit, so the deletes go first).
 */
function desired(changed = 10): Row[] {
  const rows = LIVE.map((row, index) =>
    index >= 2 && index < changed - 2 ? { ...row, value: `changed ${index}` } : row,
  ).slice(2);
  return [...rows, { key: 'new-1', value: 'new', count: 1 }, { key: 'new-2', value: 'new', count: 2 }];
}

function configText(rows: readonly Row[]): string {
  const body = rows.map((row) => `  ${row.key}: { value: "${row.value}", count: ${row.count} }`).join('\n');
  return `table: orders\ncolumns:\n  value: { type: string }\n  count: { type: integer }\nrows:\n${body}\n`;
}

/** Calls to the data-table API since the log was last reset (OAuth left out). */
const apiCalls = () => countRequests(emulator, / \/api\/v2\//);
const pageReads = () => countRequests(emulator, /^GET \/api\/v2\/flows\/datatables\/\{datatableId\}\/rows$/);
const rowReads = () =>
  countRequests(emulator, /^GET \/api\/v2\/flows\/datatables\/\{datatableId\}\/rows\/\{rowId\}$/);

const byKey = (rows: readonly Row[]) => new Map(rows.map((row) => [String(row.key), row]));

let dir: string;
let file: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'datatable-deploy-call-counts-'));
  file = join(dir, 'orders.yaml');
  await writeFile(file, configText(desired()));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const cli = (args: string[]) => runCliInProcess([...args, ...RATE], emulatorEnv(emulator), dir);

/** `plan --out`: the plan of the config file against the live table, in a file named after `name`. */
async function planToFile(name: string): Promise<string> {
  const planFile = join(dir, `${name}.plan.json`);
  expect((await cli(['plan', file, '--out', planFile])).code).toBe(0);
  return planFile;
}

const applyPlanFile = (planFile: string) =>
  cli(['apply', '--plan', planFile, '--yes', '--backup-dir', `${planFile}.backups`]);

async function backupIn(root: string) {
  const [name] = (await readdir(root)).filter((entry) => entry.startsWith('backup-'));
  const location = join(root, name!);
  return { location, backup: parseBackup(await new LocalBackupStore(root).load(location), location) };
}

describe('one read per table per run', () => {
  it('apply of a 10-row change at 5,000 rows: at most 31 calls, the backup is the table as it was', async () => {
    seedTable(emulator, 'orders', structuredClone(LIVE), SCHEMA);
    const backups = join(dir, 'apply-backups');
    const applied = await cli(['apply', file, '--yes', '--backup-dir', backups]);

    expect(applied.code, applied.stderr).toBe(0);
    expect(apiCalls()).toBeLessThanOrEqual(31);
    // One read of the table (the plan's); the verify is 10 row GETs or 10 pages, not a third read.
    expect(pageReads() + rowReads()).toBeLessThanOrEqual(20);
    expect(rowsOf(emulator, 'orders')).toEqual(byKey(desired()));
    const { backup } = await backupIn(backups);
    expect(byKey(backup.tables[0]!.rows)).toEqual(byKey(LIVE));
  });

  it('its rollback: at most 31 calls, and the table equals the backup again', async () => {
    seedTable(emulator, 'orders', structuredClone(LIVE), SCHEMA);
    const backups = join(dir, 'rollback-backups');
    expect((await cli(['apply', file, '--yes', '--backup-dir', backups])).code).toBe(0);
    const { location } = await backupIn(backups);
    emulator.log.reset();

    const rolledBack = await cli(['rollback', '--backup', location, '--yes']);

    expect(rolledBack.code, rolledBack.stderr).toBe(0);
    expect(rolledBack.stdout).toContain('Restored: the live tables equal the backup.');
    expect(apiCalls()).toBeLessThanOrEqual(31);
    expect(rowsOf(emulator, 'orders')).toEqual(byKey(LIVE));
  });

  it('apply --plan reads the table once: the guard is the backup; at most 31 calls', async () => {
    seedTable(emulator, 'orders', structuredClone(LIVE), SCHEMA);
    const planFile = await planToFile('fresh');
    emulator.log.reset();

    const applied = await applyPlanFile(planFile);

    expect(applied.code, applied.stderr).toBe(0);
    expect(apiCalls()).toBeLessThanOrEqual(31);
    expect(rowsOf(emulator, 'orders')).toEqual(byKey(desired()));
  });

  it('a stale plan is still refused: an edit between plan and apply → exit 3, nothing written', async () => {
    const id = seedTable(emulator, 'orders', structuredClone(LIVE), SCHEMA);
    const planFile = await planToFile('stale');
    // Someone edits a row the plan does not touch.
    const edited = { key: key(4_000), value: 'edited by hand', count: 4_000 };
    await clientFor(emulator).tables.replaceRow(id, edited);
    emulator.log.reset();

    const applied = await applyPlanFile(planFile);

    expect(applied.code).toBe(3);
    expect(applied.stderr).toMatch(/The plan is stale: orders changed since it was computed/);
    expect(writeRequests(emulator)).toBe(0);
    expect(rowsOf(emulator, 'orders')).toEqual(
      byKey(LIVE.map((row) => (row.key === edited.key ? edited : row))),
    );
  });

  it('a plan read in this run but older than the limit is read again, and an edit since is refused', async () => {
    const id = seedTable(emulator, 'orders', structuredClone(LIVE), SCHEMA);
    const clock = new FakeClock();
    const { plan, client } = await planAgainst(emulator, configText(desired()));
    const planRead = { tables: await readTables(client.tables, [{ id }]), readAt: clock.now() };
    await client.tables.replaceRow(id, { key: key(4_000), value: 'edited by hand', count: 4_000 });
    emulator.log.reset();
    // A confirmation left waiting for longer than the limit.
    await clock.sleep(PLAN_READ_MAX_AGE_MS + 1);

    const { result } = await deploy(emulator, { plan, planRead, clock });
    expect(result.outcome).toBe('refused');
    expect(result.refusal!.message).toMatch(/The plan is stale/);
    expect(writeRequests(emulator)).toBe(0);
  });

  it('a few rows changed are verified by row GETs; rows that read back late are the only ones read again', async () => {
    Object.assign(emulator.config, { consistencyLagMs: 1_500, consistencyLagMode: 'fixed' });
    seedTable(emulator, 'orders', structuredClone(LIVE), SCHEMA);
    const rows = LIVE.map((row, index) => (index < 3 ? { ...row, value: `changed ${index}` } : row));
    await writeFile(join(dir, 'three.yaml'), configText(rows));

    const applied = await cli([
      'apply',
      join(dir, 'three.yaml'),
      '--yes',
      '--backup-dir',
      join(dir, 'lag-backups'),
    ]);

    expect(applied.code, applied.stdout + applied.stderr).toBe(0);
    // The plan read the pages once; the verify read the 3 rows, again until they showed the writes.
    expect(pageReads()).toBe(ROWS / 500);
    expect(rowReads() % 3).toBe(0);
    expect(rowReads()).toBeGreaterThan(3);
    expect(rowsOf(emulator, 'orders')).toEqual(byKey(rows));
  });

  it('a verify row GET that keeps failing is read again within the settle window; applied', async () => {
    seedTable(emulator, 'orders', structuredClone(LIVE.slice(0, 1_000)), SCHEMA);
    const rows = LIVE.slice(0, 1_000).map((row, index) => (index === 7 ? { ...row, value: 'changed' } : row));
    const { plan } = await planAgainst(emulator, configText(rows));
    // More failures in a row than the client retries: the first verify read fails.
    emulator.faults.add({ method: 'GET', path: '/rows/[^/]+$', status: 500, count: 6 });

    const { result, logger } = await deploy(emulator, { plan, settleMs: 5_000 });

    expect(result.outcome, JSON.stringify(result.failure)).toBe('applied');
    expect(logger.lines.join('\n')).toContain('verify: the read failed');
    expect(rowsOf(emulator, 'orders').get(key(7))?.value).toBe('changed');
  });
});
