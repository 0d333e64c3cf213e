import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tableSchema } from '../../src/genesys/schema.js';
import { countRequests, useEmulator } from '../helpers/emulator.js';
import { emulatorEnv, runCliInProcess } from '../helpers/processes.js';

/** validate, plan and apply check the configs against the consumer contracts before any call. */
const emulator = useEmulator();
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'datatable-deploy-cli-contracts-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const SCHEMA = tableSchema({
  config_value: { type: 'string', displayOrder: 1 },
  data_type: { type: 'string', displayOrder: 2 },
});
const CONFIG = (limit: string) => `table: settings
columns:
  config_value: { type: string, typedBy: data_type }
  data_type: { type: string, enum: [string, integer, number, boolean, json], default: string }
rows:
  max_calls: { config_value: ${limit}, data_type: integer }
`;
const CONTRACT = `consumer: dialer
tables:
  settings:
    keys:
      max_calls: { type: integer, maximum: 500 }
    required: [max_calls]
`;
const CONTRACT_PATH = '.github/datatable-deploy/consumers/dialer.yaml';
const writes = () => countRequests(emulator, /^(POST|PUT|DELETE) \/api\/v2\/flows/);
const calls = () => countRequests(emulator, /\/api\/v2\/flows/);
const cli = (args: string[]) => runCliInProcess(args, emulatorEnv(emulator), dir);

beforeEach(async () => {
  emulator.state.load({ tables: [{ name: 'settings', schema: SCHEMA, rows: [] }] });
  await mkdir(join(dir, '.github/datatable-deploy/consumers'), { recursive: true });
  await writeFile(join(dir, CONTRACT_PATH), CONTRACT);
  await writeFile(join(dir, 'settings.yaml'), CONFIG('900'));
  emulator.log.reset();
});

describe('the CLI with consumer contracts', () => {
  it('validate reports a value breaking a contract at its cell, naming the consumer (exit 1)', async () => {
    const result = await cli(['validate', 'settings.yaml', '--format', 'json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout) as { files: string[]; findings: object[] };
    expect(report.files).toContain(CONTRACT_PATH);
    expect(report.findings).toEqual([
      expect.objectContaining({
        severity: 'error',
        rule: 'contract-value',
        file: 'settings.yaml',
        line: 6,
        column: 30,
        table: 'settings',
        key: 'max_calls',
      }),
    ]);
    expect(JSON.stringify(report.findings)).toContain('consumer \\"dialer\\"');
    await writeFile(join(dir, 'settings.yaml'), CONFIG('250'));
    expect((await cli(['validate', 'settings.yaml'])).code).toBe(0);
  });

  it('--contracts names other files; one that matches nothing is an error', async () => {
    await writeFile(join(dir, 'routing.yaml'), CONTRACT.replace('dialer', 'routing').replace('500', '1000'));
    await writeFile(join(dir, 'settings.yaml'), CONFIG('900'));
    const named = await cli(['validate', 'settings.yaml', '--contracts', 'routing.yaml']);
    expect(named.code).toBe(0);
    const missing = await cli(['validate', 'settings.yaml', '--contracts', 'nowhere/*.yaml']);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('nowhere/*.yaml:1:1 error no-contract-files');
  });

  it('plan and apply refuse a config that breaks a contract, before any call (0 writes)', async () => {
    const planned = await cli(['plan', 'settings.yaml']);
    expect(planned.code).toBe(1);
    expect(planned.stderr).toContain('settings.yaml:6:30 error contract-value');
    expect(planned.stderr).toContain('nothing was planned');
    const applied = await cli(['apply', 'settings.yaml', '--yes']);
    expect(applied.code).toBe(1);
    expect(applied.stderr).toContain('error contract-value');
    expect(calls()).toBe(0);
    expect(writes()).toBe(0);
    // Control: the same config within the contract applies.
    await writeFile(join(dir, 'settings.yaml'), CONFIG('250'));
    const fixed = await cli(['apply', 'settings.yaml', '--yes']);
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(writes()).toBeGreaterThan(0);
    expect(emulator.state.dump().tables[0]!.rows).toEqual([
      expect.objectContaining({ key: 'max_calls', config_value: '250', data_type: 'integer' }),
    ]);
  });
});
