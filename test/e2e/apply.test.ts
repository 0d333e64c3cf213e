import { readdir, readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableSchema } from '../../src/genesys/schema.js';
import { useEmulator } from '../helpers/emulator.js';
import { rowsOf } from '../helpers/deploy.js';
import { CLI, emulatorEnv, ROOT, runNode } from '../helpers/processes.js';

const emulator = useEmulator();
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'datatable-deploy-apply-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const SCHEMA = tableSchema({
  value: { type: 'string', displayOrder: 1 },
  count: { type: 'integer', displayOrder: 2 },
});
const env = () => emulatorEnv(emulator);
const configText = (rows: number) =>
  `table: jobs\ncolumns:\n  value: { type: string }\n  count: { type: integer }\nrows:\n${Array.from({ length: rows }, (_, index) => `  job-${String(index).padStart(3, '0')}: { value: run ${index}, count: ${index} }\n`).join('')}`;

async function journalsIn(root: string): Promise<string[]> {
  const entries = (await readdir(root).catch(() => [] as string[])).filter((entry) => !entry.startsWith('.'));
  return entries.map((entry) => join(root, entry, 'journal.jsonl'));
}

describe('datatable-deploy apply (the committed bundle)', () => {
  for (const killAfter of [3, 40, 150])
    it(`converges when re-run after being killed (SIGKILL) after ${killAfter} writes`, async () => {
      emulator.state.load({ tables: [{ name: 'jobs', schema: SCHEMA, rows: [] }] });
      const file = join(dir, 'jobs.yaml');
      await writeFile(file, configText(200));
      const backups = join(dir, `killed-${killAfter}`);
      emulator.faults.add({ method: 'POST', path: '/rows$', delayMs: 15 });
      const args = [
        'apply',
        file,
        '--yes',
        '--strategy',
        'rows',
        '--rate-limit',
        '6000',
        '--backup-dir',
        backups,
        '--max-changed-rows',
        '1000',
      ];
      const child = spawn(process.execPath, [CLI, ...args], {
        env: { PATH: process.env.PATH, ...env() },
        cwd: ROOT,
        stdio: 'ignore',
      });
      const exited = new Promise<number | null>((resolve) =>
        child.on('close', (_code, signal) => resolve(signal === 'SIGKILL' ? -9 : _code)),
      );
      // Kill it once a good part, but not all, of the rows are written.
      let done = 0;
      for (let waited = 0; waited < 20_000 && done < killAfter; waited += 20) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        const [journal] = await journalsIn(backups);
        const text = journal ? await readFile(journal, 'utf8').catch(() => '') : '';
        done = text.split('\n').filter((line) => line.includes('"status":"done"')).length;
      }
      child.kill('SIGKILL');
      expect(await exited).toBe(-9);
      // Requests in flight at the kill still land (the service does not know the client died).
      for (let last = -1; rowsOf(emulator, 'jobs').size !== last;) {
        last = rowsOf(emulator, 'jobs').size;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const written = rowsOf(emulator, 'jobs').size;
      expect(written).toBeGreaterThanOrEqual(killAfter);
      expect(written).toBeLessThan(200);
      const [journal] = await journalsIn(backups);
      const lines = (await readFile(journal!, 'utf8'))
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { status: string; key?: string });
      expect(lines.filter((line) => line.status === 'done').length).toBeLessThan(200);

      emulator.faults.clear();
      const rerun = await runNode(
        CLI,
        [...args.slice(0, 3), '--rate-limit', '6000', '--backup-dir', backups, '--max-changed-rows', '1000'],
        env(),
      );
      expect(rerun.code).toBe(0);
      expect(rerun.stderr).toMatch(
        /an earlier apply did not finish \(it was killed after \d+ write\(s\); backup and journal in .*killed/,
      );
      expect(rerun.stderr).toContain('datatable-deploy rollback --backup');
      expect(rerun.stdout).toMatch(
        new RegExp(`Plan: ${200 - written} to create, 0 to update, 0 to delete, ${written} unchanged`),
      );
      const rows = rowsOf(emulator, 'jobs');
      expect(rows.size).toBe(200);
      for (let index = 0; index < 200; index++) {
        const key = `job-${String(index).padStart(3, '0')}`;
        expect(rows.get(key)).toEqual({ key, value: `run ${index}`, count: index });
      }
    });

  it('refuses a stale --plan with exit 3, and restores a backup with rollback', async () => {
    emulator.state.load({
      tables: [{ name: 'jobs', schema: SCHEMA, rows: [{ key: 'job-000', value: 'old', count: 0 }] }],
    });
    const file = join(dir, 'small.yaml');
    await writeFile(file, configText(3));
    const planFile = join(dir, 'plan.json');
    expect((await runNode(CLI, ['plan', file, '--out', planFile], env())).code).toBe(0);
    rowsOf(emulator, 'jobs'); // the table exists
    [...emulator.state.tables.values()][0]!.rows.get('job-000')!.value = 'edited by hand';
    const stale = await runNode(
      CLI,
      ['apply', '--plan', planFile, '--yes', '--backup-dir', join(dir, 'stale')],
      env(),
    );
    expect(stale.code).toBe(3);
    expect(stale.stderr).toMatch(
      /refused: The plan is stale: jobs changed since it was computed[\s\S]*fix: Plan again/,
    );
    expect(rowsOf(emulator, 'jobs').get('job-000')!.value).toBe('edited by hand');

    const backups = join(dir, 'applied');
    const applied = await runNode(CLI, ['apply', file, '--yes', '--backup-dir', backups], env());
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('Deployed: 3 operations.');
    const [backup] = (await readdir(backups)).filter((entry) => !entry.startsWith('.'));
    const restored = await runNode(CLI, ['rollback', '--backup', join(backups, backup!), '--yes'], env());
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain('jobs: 0 rows to put back, 1 to revert, 2 to remove');
    expect(restored.stdout).toContain('Restored: the live tables equal the backup.');
    expect(rowsOf(emulator, 'jobs')).toEqual(
      new Map([['job-000', { key: 'job-000', value: 'edited by hand', count: 0 }]]),
    );

    const tableFile = (await readdir(join(backups, backup!, 'tables')))[0]!;
    await writeFile(join(backups, backup!, 'tables', tableFile), '{"rows":[]}');
    const corrupted = await runNode(CLI, ['rollback', '--backup', join(backups, backup!), '--yes'], env());
    expect(corrupted.code).toBe(1);
    expect(corrupted.stderr).toContain('cannot be used: the checksum of tables/');
  });

  it('refuses to apply without --yes when there is no terminal to ask on', async () => {
    emulator.state.load({ tables: [{ name: 'jobs', schema: SCHEMA, rows: [] }] });
    const file = join(dir, 'ask.yaml');
    await writeFile(file, configText(1));
    emulator.log.reset();
    const run = await runNode(CLI, ['apply', file], env());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Refusing to apply without --yes: there is no terminal to ask on.');
    expect(
      Object.keys(emulator.log.snapshot().byRoute).some((route) => /^(POST|PUT|DELETE) \/api/.test(route)),
    ).toBe(false);
  });

  it('deletes a table with a tombstone only with --yes, and rollback --backup creates it again', async () => {
    const rows = [
      { key: 'job-000', value: 'a', count: 0 },
      { key: 'job-001', value: 'b', count: 1 },
    ];
    emulator.state.load({ tables: [{ name: 'jobs', description: 'runs', schema: SCHEMA, rows }] });
    const file = join(dir, 'tombstone.yaml');
    await writeFile(file, 'table: jobs\ndelete: true\n');
    const loose = ['--max-changed-rows', '1000', '--max-deleted-rows', '1000'];
    const plan = await runNode(CLI, ['plan', file, ...loose], env());
    expect(plan.stdout).toContain('- DELETE TABLE jobs (2 rows)');
    expect(plan.stdout).toContain('deleting a table always needs approval');
    const asked = await runNode(CLI, ['apply', file, ...loose], env());
    expect(asked.code).toBe(1);
    expect(asked.stderr).toContain('Refusing to apply without --yes');
    rowsOf(emulator, 'jobs'); // still there

    const backups = join(dir, 'tombstone-backups');
    const applied = await runNode(CLI, ['apply', file, '--yes', '--backup-dir', backups, ...loose], env());
    expect(applied.code).toBe(0);
    // Nothing keeps a version here (no managed column, no versions table): none is named.
    expect(applied.stdout + applied.stderr).toContain('▶ apply\n');
    expect(applied.stdout + applied.stderr).not.toMatch(/version \d/);
    expect([...emulator.state.tables.values()].some((table) => table.name === 'jobs')).toBe(false);
    const [backup] = (await readdir(backups)).filter((entry) => !entry.startsWith('.'));
    const restored = await runNode(CLI, ['rollback', '--backup', join(backups, backup!), '--yes'], env());
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain(
      'jobs: the table no longer exists; it is created again from the backup',
    );
    expect(restored.stdout).toContain('Restored: the live tables equal the backup.');
    expect(new Map([...rowsOf(emulator, 'jobs')].sort())).toEqual(new Map(rows.map((row) => [row.key, row])));
  });
});
