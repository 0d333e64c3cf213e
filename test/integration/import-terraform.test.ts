import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runImportCommand } from '../../src/cli/import-command.js';
import { loadConfig } from '../../src/config/load.js';
import { ConfigurationError } from '../../src/errors.js';
import { tableSchema } from '../../src/genesys/schema.js';
import type { Plan } from '../../src/plan/types.js';
import { useEmulator } from '../helpers/emulator.js';
import { emulatorEnv, ROOT, runCliInProcess } from '../helpers/processes.js';

const FIXTURES = join(ROOT, 'test/fixtures/terraform');
const HOME = { id: '4c2c7a8e-0f4f-4c5b-9a3e-000000000001', name: 'Home' };
const CARE = { id: 'c0a8e1f2-3b4c-4d5e-8f60-718293a4b5c6', name: 'Customer Care' };

// The tables as the provider creates them from the fixtures: displayOrder is the index of the
// properties block, the default converted from its string; rows hold every field (the service
// fills the ones a row leaves out).
const column = (
  displayOrder: number,
  name: string,
  type: 'string' | 'integer' | 'number' | 'boolean',
  extra = {},
) => ({
  $id: `/properties/${name}`,
  displayOrder,
  type,
  ...extra,
});
const SEED = {
  divisions: [HOME, CARE],
  tables: [
    {
      name: 'Customers',
      description: 'Table of Customers',
      division: CARE,
      schema: tableSchema({
        key: column(0, 'key', 'string', { title: 'Customer Id' }),
        identifier: column(1, 'identifier', 'integer', { title: 'Customer Identifier' }),
        address: column(2, 'address', 'string', { title: 'Address' }),
        vip: column(3, 'vip', 'boolean', { title: 'VIP' }),
        deleted: column(4, 'deleted', 'boolean', { title: 'Is Deleted', default: false }),
      }),
      rows: [
        { key: 'cust-1001', identifier: 2749, address: '123 "Main" Street', vip: true, deleted: false },
        { key: 'cust-1002', identifier: 12, address: '', vip: false, deleted: true },
        { key: 'cust-1003', identifier: 7, address: 'support@example.com', vip: false, deleted: false },
      ],
    },
    {
      name: 'Routing Config',
      division: HOME,
      schema: tableSchema({
        key: column(0, 'key', 'string'),
        queue: column(1, 'queue', 'string', { title: 'Queue Name' }),
        priority: column(2, 'priority', 'integer', { default: 5 }),
        weight: column(3, 'weight', 'number', { default: 1.5 }),
        enabled: column(4, 'enabled', 'boolean'),
      }),
      rows: [
        { key: 'default', queue: 'General', priority: 5, weight: 2.25, enabled: true },
        { key: 'billing', queue: 'Billing', priority: 2, weight: 1.5, enabled: true },
        { key: 'sales', queue: 'Sales', priority: 3, weight: 1.5, enabled: false },
      ],
    },
  ],
};

const emulator = useEmulator();
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'datatable-deploy-import-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));
beforeEach(() => emulator.state.load(SEED));

/** The import command with captured output; a thrown typed error is exit 1, as the CLI maps it. */
async function runImport(args: string[]) {
  let stdout = '';
  let stderr = '';
  const stream = (append: (chunk: string) => void) =>
    ({ write: (chunk: string) => (append(chunk), true) }) as unknown as NodeJS.WritableStream;
  const io = {
    env: {},
    cwd: ROOT,
    stdout: stream((c) => (stdout += c)),
    stderr: stream((c) => (stderr += c)),
  };
  try {
    return { code: await runImportCommand(args, io), stdout, stderr };
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    return { code: 1, stdout, stderr: stderr + error.describe() };
  }
}

const FORMATS = [
  { format: 'hcl', input: 'hcl', rows: { Customers: 2, 'Routing Config': 1 } },
  { format: 'tf-json', input: 'exporter', rows: { Customers: 2, 'Routing Config': 3 } },
  { format: 'state-v4', input: 'state-v4/terraform.tfstate', rows: { Customers: 2, 'Routing Config': 3 } },
  { format: 'state-v3', input: 'state-v3', rows: { Customers: 2, 'Routing Config': 3 } },
  { format: 'show-json', input: 'show-json/show.json', rows: { Customers: 2, 'Routing Config': 3 } },
];

describe('import terraform', () => {
  for (const { format, input, rows } of FORMATS) {
    it(`${format}: the written files validate and plan with no changes against the same tables`, async () => {
      const out = join(dir, format);
      const run = await runImport(['terraform', join(FIXTURES, input), '--out-dir', out]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain(`(${format})`);
      const files = (await readdir(out)).sort();
      expect(files).toEqual(['Customers.yaml', 'Routing_Config.yaml']);
      for (const file of files) {
        const text = await readFile(join(out, file), 'utf8');
        const loaded = loadConfig(file, Buffer.from(text));
        expect(loaded.findings, `${format} ${file}`).toEqual([]);
        expect(loaded.config!.rows).toHaveLength(rows[loaded.config!.table.name as keyof typeof rows]);
      }
      const plan = await runCliInProcess(
        ['plan', ...files.map((file) => join(out, file)), '--format', 'json'],
        emulatorEnv(emulator),
      );
      expect(plan.code, plan.stderr).toBe(0);
      const result = JSON.parse(plan.stdout) as Plan;
      expect(result.verdict).toBe('no-changes');
      expect(result.tables.map((table) => table.schemaChanges)).toEqual([[], []]);
      expect(run.stdout).toContain("terraform state rm '");
    });
  }

  it('hcl: columns, defaults and jsonencode rows come through; what needs Terraform is reported with its line', async () => {
    const out = join(dir, 'hcl-detail');
    const run = await runImport(['terraform', join(FIXTURES, 'hcl/main.tf'), '--out-dir', out]);
    expect(run.code, run.stderr).toBe(0);
    const customers = parse(await readFile(join(out, 'Customers.yaml'), 'utf8')) as Record<string, unknown>;
    expect(customers).toMatchObject({
      table: 'Customers',
      division: 'Customer Care',
      key: { title: 'Customer Id' },
      prune: false,
      columns: { identifier: { type: 'integer', title: 'Customer Identifier' }, deleted: { default: false } },
      rows: {
        'cust-1001': { identifier: 2749, address: '123 "Main" Street', vip: true },
        'cust-1002': { identifier: 12, deleted: true },
      },
    });
    const routing = parse(await readFile(join(out, 'Routing_Config.yaml'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(routing).not.toHaveProperty('division');
    expect(routing).toMatchObject({ columns: { priority: { default: 5 }, weight: { default: 1.5 } } });
    expect(run.stdout).toMatch(
      /main\.tf:110:1: genesyscloud_architect_datatable_row\.routing_rows: its rows are made by for_each \(\{ for row in csvdecode/,
    );
    expect(run.stdout).toMatch(
      /main\.tf:122:1: genesyscloud_architect_datatable_row\.legacy_flag: datatable_id refers to genesyscloud_architect_datatable\.legacy, which is not in the input/,
    );
    // The flagged row is withheld, named with a masked preview, and stays with Terraform.
    expect(run.stderr).toContain('row "cust-1003" withheld: pii-email');
    expect(run.stdout + run.stderr).not.toContain('support@example.com');
    expect(run.stdout).toContain("terraform state rm 'genesyscloud_architect_datatable_row.cust_1001'");
    expect(run.stdout).not.toContain('cust_1003');
    expect(run.stdout).not.toContain("legacy_flag'");
  });

  it('configuration and state together: state resolves the for_each rows, configuration keeps its labels', async () => {
    const out = join(dir, 'hcl-and-state');
    const run = await runImport([
      'terraform',
      join(FIXTURES, 'hcl'),
      join(FIXTURES, 'state-v4/terraform.tfstate'),
      '--out-dir',
      out,
    ]);
    expect(run.code, run.stderr).toBe(0);
    const routing = parse(await readFile(join(out, 'Routing_Config.yaml'), 'utf8')) as { rows: object };
    expect(Object.keys(routing.rows)).toEqual(['billing', 'default', 'sales']);
    expect(run.stdout).not.toContain('made by for_each');
    expect(run.stdout).toContain(
      `terraform state rm 'genesyscloud_architect_datatable_row.routing_rows["billing"]'`,
    );
  });

  it('refuses to overwrite files without --force, and overwrites with it', async () => {
    const out = join(dir, 'overwrite');
    expect((await runImport(['terraform', join(FIXTURES, 'exporter'), '--out-dir', out])).code).toBe(0);
    await writeFile(join(out, 'Customers.yaml'), 'edited by hand\n');
    const refused = await runImport(['terraform', join(FIXTURES, 'exporter'), '--out-dir', out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('would overwrite');
    expect(refused.stderr).toContain('--force');
    expect(await readFile(join(out, 'Customers.yaml'), 'utf8')).toBe('edited by hand\n');
    const forced = await runImport(['terraform', join(FIXTURES, 'exporter'), '--out-dir', out, '--force']);
    expect(forced.code).toBe(0);
    expect(await readFile(join(out, 'Customers.yaml'), 'utf8')).toContain('table: Customers');
  });

  it('a malformed .tf is refused with file:line:column, and nothing is written', async () => {
    const out = join(dir, 'malformed');
    const run = await runImport(['terraform', join(FIXTURES, 'malformed'), '--out-dir', out]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^test\/fixtures\/terraform\/malformed\/broken\.tf:5:11: Invalid expression/);
    expect(run.stderr).toContain('fix: ');
    await expect(readdir(out)).rejects.toThrow();
  });

  it('--help, and usage errors that say the fix', async () => {
    expect((await runImport(['--help'])).stdout).toContain(
      'Usage: datatable-deploy import terraform PATH...',
    );
    const noSource = await runImport([]);
    expect(noSource.code).toBe(1);
    expect(noSource.stderr).toContain('fix: Run "datatable-deploy import terraform PATH..."');
    expect((await runImport(['terraform'])).stderr).toContain('needs at least one PATH');
  });
});
