import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { emulatorEnv, runCliInProcess } from '../helpers/processes.js';
import { tableSchema } from '../../src/genesys/schema.js';
import type { Plan } from '../../src/plan/types.js';
import { countRequests, TEST_RATE_LIMIT_PER_MINUTE, useEmulator } from '../helpers/emulator.js';

const emulator = useEmulator();
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'datatable-deploy-plan-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const SCHEMA = tableSchema({
  key: { type: 'string', title: 'config_key' },
  config_value: { type: 'string', displayOrder: 1 },
  priority: { type: 'integer', displayOrder: 2 },
  weight: { type: 'number', displayOrder: 3, default: 1 },
  enabled: { type: 'boolean', displayOrder: 4 },
});

// The CLI's budget raised to the emulator's test limit: the rate is not what this file tests.
const cli = (args: string[]) =>
  runCliInProcess([...args, '--rate-limit', String(TEST_RATE_LIMIT_PER_MINUTE)], emulatorEnv(emulator));

it('export → plan shows no changes; three cells edited, a row added and one removed → exactly those', async () => {
  const rows = Array.from({ length: 5_000 }, (_, index) => ({
    key: `setting_${String(index).padStart(4, '0')}`,
    config_value: index % 7 === 0 ? '' : `value ${index}`,
    priority: index % 10,
    weight: index % 3 === 0 ? 1 : index / 4,
    enabled: index % 2 === 0,
  }));
  emulator.state.load({ tables: [{ name: 'routing_config', schema: SCHEMA, rows }] });

  const file = join(dir, 'routing_config.yaml');
  const exported = await cli(['export', '--table', 'routing_config', '--out', file]);
  expect(exported.code).toBe(0);
  expect(exported.stderr).toBe(`Wrote routing_config (5 columns, 5000 rows) to ${file}.\n`);

  emulator.log.reset();
  const unchanged = await cli(['plan', file, '--format', 'json', '--detailed-exitcode']);
  expect(unchanged.code).toBe(0);
  const noChanges = JSON.parse(unchanged.stdout) as Plan;
  expect(noChanges.verdict).toBe('no-changes');
  expect(noChanges.totals).toMatchObject({
    creates: 0,
    updates: 0,
    deletes: 0,
    unchanged: 5_000,
    schemaChanges: 0,
  });
  const dataRequests = countRequests(emulator, /^GET \/api\/v2\/flows\/datatables/);
  expect(dataRequests).toBeLessThanOrEqual(Math.ceil(5_000 / 500) + 2);

  const doc = parseDocument(await readFile(file, 'utf8'));
  doc.setIn(['rows', 'setting_0001', 'config_value'], 'edited one');
  doc.setIn(['rows', 'setting_0002', 'priority'], 9);
  doc.setIn(['rows', 'setting_0003', 'enabled'], true);
  doc.deleteIn(['rows', 'setting_4999']);
  doc.setIn(['rows', 'setting_new'], doc.createNode({ config_value: 'brand new', priority: 1 }));
  await writeFile(file, doc.toString());

  const changed = await cli([
    'plan',
    file,
    '--format',
    'json',
    '--detailed-exitcode',
    '--out',
    join(dir, 'plan.json'),
  ]);
  expect(changed.code).toBe(2);
  const plan = JSON.parse(changed.stdout) as Plan;
  const [table] = plan.tables;
  expect(table!.creates).toEqual([
    { key: 'setting_new', row: { key: 'setting_new', config_value: 'brand new', priority: 1 } },
  ]);
  expect(table!.deletes.map((item) => item.key)).toEqual(['setting_4999']);
  expect(table!.updates.map((update) => ({ key: update.key, cells: update.cells }))).toEqual([
    { key: 'setting_0001', cells: [{ column: 'config_value', before: 'value 1', after: 'edited one' }] },
    { key: 'setting_0002', cells: [{ column: 'priority', before: 2, after: 9 }] },
    { key: 'setting_0003', cells: [{ column: 'enabled', before: false, after: true }] },
  ]);
  expect(table!.unchanged).toBe(4_996);
  expect(plan.verdict).toBe('needs-approval');
  expect(JSON.parse(await readFile(join(dir, 'plan.json'), 'utf8')).digest).toBe(plan.digest);

  const text = await cli(['plan', file]);
  expect(text.stdout).toContain('  ~ update setting_0001\n      config_value: "value 1" → "edited one"\n');
  expect(text.stderr).toBe(
    `Reading 1 table from ${emulator.url}…\n  routing_config: 5000 rows\n` +
      `Plan for org ${new URL(emulator.url).host}, environment (none), deployment default.\n`,
  );
});

it('plans a table that does not exist yet as a create, and refuses invalid configs before any call', async () => {
  const file = join(dir, 'new.yaml');
  await writeFile(file, 'table: brand_new\ncolumns:\n  value: { type: string }\nrows:\n  a: { value: x }\n');
  const created = await cli(['plan', file, '--format', 'json']);
  const plan = JSON.parse(created.stdout) as Plan;
  expect(plan.tables[0]!.schemaChanges).toEqual([{ kind: 'create-table', columns: 2 }]);
  expect(plan.tables[0]!.creates).toHaveLength(1);

  emulator.log.reset();
  await writeFile(file, 'table: brand_new\ncolumns:\n  value: { type: integer }\nrows:\n  a: { value: x }\n');
  const invalid = await cli(['plan', file]);
  expect(invalid.code).toBe(1);
  expect(invalid.stderr).toContain(
    'error value-type Row "a": "value" is an integer column; x is not a whole number.',
  );
  expect(invalid.stderr).toContain('error: the config files are not valid; nothing was planned.');
  expect(emulator.log.snapshot().total).toBe(0);
});

it('exits 1 on a blocked plan and shows why', async () => {
  emulator.state.load({
    tables: [{ name: 'typed', schema: tableSchema({ value: { type: 'integer' } }), rows: [] }],
  });
  const file = join(dir, 'typed.yaml');
  await writeFile(file, 'table: typed\ncolumns:\n  value: { type: string }\nrows: {}\n');
  const blocked = await cli(['plan', file]);
  expect(blocked.code).toBe(1);
  expect(blocked.stdout).toContain(
    '  ! Column "value" is integer in the live table; the file makes it string.',
  );
  expect(blocked.stdout).toContain('Blocked: Genesys would refuse part of this plan:');
});
