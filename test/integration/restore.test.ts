import { describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.js';
import { checkBackupBinding, LocalBackupStore, parseBackup } from '../../src/deploy/backup.js';
import { MemoryJournal } from '../../src/deploy/journal.js';
import { LEFT_IN_PLACE, restoreBackup } from '../../src/deploy/restore.js';
import { BackupError } from '../../src/errors.js';
import { tableSchema } from '../../src/genesys/schema.js';
import { VERSION } from '../../src/version.js';
import { deploy, planAgainst, rowsOf, writeRequests } from '../helpers/deploy.js';
import { captureLogger, useEmulator } from '../helpers/emulator.js';

/**
 * What a restore may do besides putting rows back: delete a table only when the deploy's own
 * journal shows it created it, by that id; and a backup records the binding it is checked on.
 */
const emulator = useEmulator();

const SCHEMA = tableSchema({
  value: { type: 'string', displayOrder: 1 },
  count: { type: 'integer', displayOrder: 2 },
});
const SETTINGS_ID = '11111111-2222-4333-8444-555555555555';
function seed(): void {
  const rows = Array.from({ length: 40 }, (_, index) => ({
    key: `row-${String(index).padStart(2, '0')}`,
    value: `v${index}`,
    count: index,
  }));
  emulator.state.load({ tables: [{ id: SETTINGS_ID, name: 'settings', schema: SCHEMA, rows }] });
}
const CHANGE = `table: settings\nenvironment: prod\ncolumns:\n  value: { type: string }\n  count: { type: integer }\nrows:\n  row-00: { value: changed, count: 0 }\n`;
const THRESHOLDS = {
  thresholds: {
    maxChangedRows: 1000,
    maxChangedPercent: 100,
    maxDeletedRows: 100,
    maxTotalChangedRows: 1000,
    schemaChangesNeedApproval: false,
  },
};

describe('tables a deploy created', () => {
  const NEW_TABLE =
    'table: brand_new\ndivision: Home\ncolumns:\n  value: { type: string }\nrows:\n  a: { value: x }\n';

  it('are deleted by the rollback, by the id the journal recorded', async () => {
    seed();
    const { plan } = await planAgainst(emulator, NEW_TABLE);
    emulator.faults.add({
      method: 'POST',
      path: '/rows$',
      status: 400,
      code: 'flows.datatables.syntax.error',
    });
    const { result, journal } = await deploy(emulator, { plan });
    expect(result).toMatchObject({ outcome: 'rolled-back', restore: { restored: true, leftInPlace: [] } });
    const created = journal.entries.find((entry) => entry.op === 'create-table' && entry.status === 'done')!;
    expect(created.tableId).toEqual(expect.any(String));
    expect(journal.entries).toContainEqual(
      expect.objectContaining({
        phase: 'restore',
        op: 'delete-table',
        status: 'done',
        tableId: created.tableId,
      }),
    );
    expect([...emulator.state.tables.values()].map((table) => table.name)).toEqual(['settings']);
  });

  it('are left in place without journal evidence, or when the recorded id names another table', async () => {
    seed();
    const { plan } = await planAgainst(emulator, NEW_TABLE);
    const { result, root, client } = await deploy(emulator, { plan });
    expect(result.outcome).toBe('applied');
    const backup = parseBackup(await new LocalBackupStore(root).load(result.backup!), result.backup!);
    const context = {
      tables: client.tables,
      journal: new MemoryJournal(),
      logger: captureLogger(),
      clock: systemClock,
    };
    emulator.log.reset();
    const withoutJournal = await restoreBackup(backup, context);
    expect(withoutJournal.leftInPlace).toEqual([`brand_new: ${LEFT_IN_PLACE}`]);
    const misdirected = await restoreBackup(backup, context, 300, {
      createdTables: new Map([['brand_new', SETTINGS_ID]]),
    });
    expect(misdirected.leftInPlace).toEqual([
      `brand_new: the id its journal entry records (${SETTINGS_ID}) is now table settings; left in place`,
    ]);
    expect(writeRequests(emulator)).toBe(0);
    expect(rowsOf(emulator, 'brand_new').size).toBe(1);
    expect(rowsOf(emulator, 'settings').size).toBe(40);
  });
});

describe('backups', () => {
  it("record the plan's binding, and are refused by checkBackupBinding elsewhere", async () => {
    seed();
    const { plan } = await planAgainst(emulator, CHANGE, { ...THRESHOLDS, environment: 'prod' });
    const { result, root } = await deploy(emulator, { plan, gitSha: 'c0ffee' });
    const backup = parseBackup(await new LocalBackupStore(root).load(result.backup!), result.backup!);
    const apiHost = new URL(emulator.url).host;
    expect(backup.manifest).toMatchObject({
      apiHost,
      environment: 'prod',
      deployment: 'prod',
      planDigest: plan.digest,
      gitSha: 'c0ffee',
      producer: { name: 'datatable-deploy', version: VERSION },
    });
    expect(() =>
      checkBackupBinding(backup, { apiHost, environment: 'prod', deployment: 'prod' }),
    ).not.toThrow();
    for (const expected of [
      { apiHost: 'api.mypurecloud.com' },
      { apiHost, environment: 'staging' },
      { apiHost, deployment: 'blue' },
    ]) {
      const error = (() => {
        try {
          checkBackupBinding(backup, expected);
        } catch (caught) {
          return caught as BackupError;
        }
      })();
      expect(error).toBeInstanceOf(BackupError);
      expect(error!.message).toMatch(/^Refusing to restore the backup at .*: it (was made against|is for) /);
      expect(error!.hint).toMatch(/^Restore a backup made for this org, environment and deployment/);
    }
  });
});
