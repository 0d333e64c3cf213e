/**
 * One live table, one file: two files naming the same table (by name and by table_id) are
 * refused before any write; files bound to different environments may name the same table.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { LIVE_EXAMPLE, tableWrites } from '../helpers/action.js';
import { useEmulator } from '../helpers/emulator.js';
import { emulatorEnv, ROOT, runCliInProcess } from '../helpers/processes.js';

const emulator = useEmulator();
const TABLE_ID = LIVE_EXAMPLE.tables[0]!.id!;
const EXAMPLE = join(ROOT, 'examples/config/plugin_config_production.yaml');

beforeEach(() => emulator.state.load(structuredClone(LIVE_EXAMPLE)));

async function files(entries: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'datatable-deploy-identity-'));
  for (const [name, text] of Object.entries(entries)) await writeFile(join(dir, name), text);
  return dir;
}

const tombstoneById = `table_id: ${TABLE_ID}\nenvironment: prod\ndelete: true\n`;

describe('one live table, one file', () => {
  it('refuses a file by name and a tombstone by table_id of the same table: nothing written, the table stays', async () => {
    const dir = await files({ 'a.yaml': await readFile(EXAMPLE, 'utf8'), 'b.yaml': tombstoneById });
    for (const command of [['plan'], ['apply', '--yes', '--backup-dir', join(dir, 'backups')]]) {
      const run = await runCliInProcess([...command, dir], emulatorEnv(emulator));
      expect(run.code, run.stdout).toBe(1);
      expect(run.stderr).toMatch(
        /a\.yaml and .*b\.yaml both describe the live table plugin_config_production/s,
      );
      expect(run.stderr).toContain('fix: Keep one file per table');
    }
    expect(tableWrites(emulator)).toEqual([]);
    expect(emulator.state.dump().tables.map((table) => table.id)).toContain(TABLE_ID);
  });

  it('accepts the same table name in files bound to different environments', async () => {
    const example = await readFile(EXAMPLE, 'utf8');
    const dir = await files({
      'prod.yaml': example,
      'staging.yaml': 'table: plugin_config_production\nenvironment: staging\ndelete: true\n',
    });
    const run = await runCliInProcess(['plan', dir, '--environment', 'prod'], emulatorEnv(emulator));
    expect(run.stderr).not.toContain('table-duplicate');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('DELETE TABLE');
  });

  it('still refuses the same table in a file bound to no environment and one bound to prod', async () => {
    const example = await readFile(EXAMPLE, 'utf8');
    const dir = await files({
      'prod.yaml': example,
      'any.yaml': 'table: plugin_config_production\ndelete: true\n',
    });
    const run = await runCliInProcess(['validate', dir], {});
    expect(run.code).toBe(1);
    expect(run.stdout + run.stderr).toContain('table-duplicate');
  });
});

describe('an apply after one that never ended', () => {
  it('warns before the plan, even when the tables now plan no changes', async () => {
    const dir = await files({ 'a.yaml': await readFile(EXAMPLE, 'utf8') });
    const backups = join(dir, 'backups');
    // Bring the table to the config, then leave a backup whose apply started writing and never
    // recorded how it ended (as a kill -9 mid-apply leaves it).
    const first = await runCliInProcess(
      ['apply', dir, '--yes', '--backup-dir', backups],
      emulatorEnv(emulator),
    );
    expect(first.code, first.stderr).toBe(0);
    const [backup] = (await readdir(backups)).filter((name) => name.startsWith('backup-'));
    await rm(join(backups, backup!, 'result.json'));
    const again = await runCliInProcess(
      ['apply', dir, '--yes', '--backup-dir', backups],
      emulatorEnv(emulator),
    );
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('No changes');
    expect(again.stderr).toMatch(/warning: an earlier apply did not finish .*rollback --backup/s);
  });
});
