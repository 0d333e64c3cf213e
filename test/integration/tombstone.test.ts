import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.js';
import { LocalBackupStore, parseBackup } from '../../src/deploy/backup.js';
import { MemoryJournal } from '../../src/deploy/journal.js';
import { restoreBackup } from '../../src/deploy/restore.js';
import { tableSchema } from '../../src/genesys/schema.js';
import { renderText } from '../../src/plan/render-text.js';
import { deploy, planAgainst, rowsOf } from '../helpers/deploy.js';
import { brief, load } from '../helpers/config.js';
import { captureLogger, clientFor, useEmulator } from '../helpers/emulator.js';

/** Deleting a table with a tombstone file: validated, planned loudly, gated, backed up, undone. */
const emulator = useEmulator();

const SCHEMA = tableSchema({
  value: { type: 'string', displayOrder: 1 },
  count: { type: 'integer', displayOrder: 2 },
});
const ROWS = Array.from({ length: 12 }, (_, index) => ({
  key: `row-${String(index).padStart(2, '0')}`,
  value: `v${index}`,
  count: index,
}));
function seed(): void {
  emulator.state.load({
    tables: [{ name: 'retired', description: 'old routing', schema: SCHEMA, rows: ROWS }],
  });
}
const TOMBSTONE = 'table: retired\nenvironment: prod\ndelete: true\n';
/** Thresholds loose enough that nothing but the table delete needs approval. */
const LOOSE = {
  thresholds: {
    maxChangedRows: 100_000,
    maxChangedPercent: 100,
    maxDeletedRows: 100_000,
    maxTotalChangedRows: 100_000,
    schemaChangesNeedApproval: false,
  },
};
const sortedRows = () =>
  [...rowsOf(emulator, 'retired').values()].sort((a, b) => String(a.key).localeCompare(String(b.key)));
const tableNamed = (name: string) => [...emulator.state.tables.values()].find((table) => table.name === name);

describe('tombstone files', () => {
  it('are located findings when they also hold columns or rows, or delete is not a boolean', () => {
    expect(brief(load('table: t\ndelete: true\ncolumns: {}\nrows: {}\n'))).toEqual([
      { severity: 'error', rule: 'tombstone-content', line: 3, column: 1 },
      { severity: 'error', rule: 'tombstone-content', line: 4, column: 1 },
    ]);
    const mistyped = load('table: t\ndelete: "yes"\n');
    expect(brief(mistyped)).toEqual([{ severity: 'error', rule: 'schema-type', line: 2, column: 9 }]);
    expect(mistyped.findings[0]!.message).toBe('"delete" must be a boolean.');
    // delete: false is an ordinary file, which needs its columns and rows.
    expect(load('table: t\ndelete: false\n').findings.map((item) => item.rule)).toContain('schema-required');
    expect(load(TOMBSTONE)).toMatchObject({ findings: [], config: { delete: true, columns: [], rows: [] } });
  });

  it('plan a loud table delete that needs approval even with loose thresholds', async () => {
    seed();
    const { plan } = await planAgainst(emulator, TOMBSTONE, LOOSE);
    expect(plan.verdict).toBe('needs-approval');
    expect(plan.thresholds).toEqual([
      expect.objectContaining({ kind: 'table-delete', table: 'retired', actual: 12 }),
    ]);
    expect(plan.tables[0]).toMatchObject({
      tombstone: true,
      schemaChanges: [{ kind: 'delete-table', rows: 12 }],
    });
    expect(renderText(plan)).toContain('- DELETE TABLE retired (12 rows)');
  });

  it('are a no-op for a table that is already gone', async () => {
    emulator.state.load({ tables: [] });
    const { plan } = await planAgainst(emulator, TOMBSTONE, LOOSE);
    expect(plan.verdict).toBe('no-changes');
    expect(renderText(plan)).toContain('= already gone: no table retired exists, nothing to delete');
    const { result } = await deploy(emulator, { plan });
    expect(result.outcome).toBe('no-changes');
  });

  it('delete the table after backing it up, and journal the delete', async () => {
    seed();
    const id = tableNamed('retired')!.id;
    const { plan } = await planAgainst(emulator, TOMBSTONE, LOOSE);
    const { result, journal } = await deploy(emulator, { plan, settleMs: 5_000 });
    expect(result.outcome).toBe('applied');
    expect(tableNamed('retired')).toBeUndefined();
    expect(journal.entries).toContainEqual(
      expect.objectContaining({ phase: 'deploy', op: 'delete-table', status: 'done', tableId: id }),
    );
    const files = await new LocalBackupStore('/').load(result.backup!);
    const backup = parseBackup(files, result.backup!);
    expect(backup.tables).toEqual([
      expect.objectContaining({ id, name: 'retired', description: 'old routing', rows: expect.any(Array) }),
    ]);
    expect(backup.tables[0]!.rows).toHaveLength(12);
  });

  it('are undone by the rollback when a health check fails after the delete, and by a restore of the backup', async () => {
    seed();
    const server = createServer((_req, res) => res.writeHead(503).end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`;
      const { plan } = await planAgainst(emulator, TOMBSTONE, LOOSE);
      const { result, journal } = await deploy(emulator, {
        plan,
        settleMs: 5_000,
        health: { probes: [{ name: 'plugin', http: { url, timeoutSeconds: 2 } }] },
      });
      expect(result).toMatchObject({
        outcome: 'rolled-back',
        failure: { phase: 'health' },
        restore: { restored: true, tables: [expect.objectContaining({ recreatedTable: true, creates: 12 })] },
      });
      expect(journal.entries).toContainEqual(
        expect.objectContaining({ phase: 'restore', op: 'create-table', status: 'done' }),
      );
      const recreated = tableNamed('retired')!;
      expect(recreated).toMatchObject({ description: 'old routing', division: { name: 'Home' } });
      expect(Object.keys(recreated.schema.properties).sort()).toEqual(['count', 'key', 'value']);
      expect(sortedRows()).toEqual(ROWS);

      // The same backup restored again after a second delete (as `rollback --backup` does).
      const client = clientFor(emulator);
      await client.tables.deleteTable(recreated.id);
      const backup = parseBackup(await new LocalBackupStore('/').load(result.backup!), result.backup!);
      const report = await restoreBackup(
        backup,
        { tables: client.tables, journal: new MemoryJournal(), logger: captureLogger(), clock: systemClock },
        60_000,
        { settleMs: 5_000, strategy: 'import' },
      );
      expect(report).toMatchObject({
        restored: true,
        tables: [expect.objectContaining({ recreatedTable: true })],
      });
      expect(sortedRows()).toEqual(ROWS);

      // Restored once more while the table created again is there (half-restored, under its new
      // id): the rows go back into that table; no second table is created (names are unique).
      const again = tableNamed('retired')!;
      await client.tables.deleteRow(again.id, String(ROWS[0]!.key));
      const third = await restoreBackup(
        backup,
        { tables: client.tables, journal: new MemoryJournal(), logger: captureLogger(), clock: systemClock },
        60_000,
        { settleMs: 5_000 },
      );
      expect(third.restored).toBe(true);
      expect(third.tables[0]).toMatchObject({ creates: 1 });
      expect(third.tables[0]!.recreatedTable).toBeFalsy();
      expect(third.leftInPlace.join('\n')).toContain(
        `restoring into the table of that name created since (id ${again.id})`,
      );
      expect(tableNamed('retired')!.id).toBe(again.id);
      expect(sortedRows()).toEqual(ROWS);
    } finally {
      server.close();
    }
  });
});
