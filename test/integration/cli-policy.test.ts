import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tableSchema } from '../../src/genesys/schema.js';
import { POLICY_PATH } from '../../src/policy/policy.js';
import { countRequests, useEmulator } from '../helpers/emulator.js';
import { emulatorEnv, runCliInProcess } from '../helpers/processes.js';

/** The CLI under the policy file: thresholds it only tightens, change windows, the override. */
const emulator = useEmulator();
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'datatable-deploy-cli-policy-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const SCHEMA = tableSchema({ value: { type: 'string', displayOrder: 1 } });
const writes = () => countRequests(emulator, /^(POST|PUT|DELETE) \/api\/v2\/flows/);
const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  runCliInProcess(args, { ...emulatorEnv(emulator), ...env }, dir);
const weekday = (offset: number) =>
  ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'][(new Date().getUTCDay() + offset) % 7];
/** A prod policy whose only window is three days from now, with dave as emergency approver. */
const CLOSED = `version: 1\nenvironments:\n  prod:\n    thresholds: { maxChangedRows: 1 }\n    windows:\n      - { days: [${weekday(3)}], from: "00:00", to: "24:00" }\n    emergency: { approvers: [dave] }\n`;

async function writePolicy(text: string | undefined) {
  await rm(join(dir, '.github'), { recursive: true, force: true });
  if (text === undefined) return;
  await mkdir(join(dir, '.github/datatable-deploy'), { recursive: true });
  await writeFile(join(dir, POLICY_PATH), text);
}

beforeEach(async () => {
  emulator.state.load({ tables: [{ name: 'jobs', schema: SCHEMA, rows: [{ key: 'a', value: 'old' }] }] });
  await writeFile(
    join(dir, 'jobs.yaml'),
    'table: jobs\nenvironment: prod\ncolumns:\n  value: { type: string }\nrows:\n  a: { value: new }\n  b: { value: new }\n',
  );
  await writePolicy(CLOSED);
  emulator.log.reset();
});

describe('the CLI under the policy file', () => {
  it("plans with the policy's thresholds, which options only tighten, and shows the window", async () => {
    const planned = await cli(['plan', 'jobs.yaml', '--max-changed-rows', '1000']);
    expect(planned.code).toBe(0);
    expect(planned.stdout).toContain('jobs: 2 rows change; the limit is 1.');
    expect(planned.stderr).toContain(
      "warning: --max-changed-rows 1000 is looser than the policy's 1 for prod; the policy's limit applies (the options only tighten it).",
    );
    expect(planned.stdout).toMatch(/Change window \(prod\): closed: outside the change windows .* opens/);
    await writePolicy(undefined);
    const defaults = await cli(['plan', 'jobs.yaml', '--max-changed-percent', '12.5']);
    expect(defaults.code).toBe(0);
    expect(defaults.stdout).toContain('the limit is 12.5%');
    expect(defaults.stderr).not.toContain('looser');
    expect(defaults.stdout).toContain('Change window (prod): open now (no change windows set');
  });

  it('refuses apply outside the window (exit 3, nothing written), and an override by someone not listed', async () => {
    const refused = await cli(['apply', 'jobs.yaml', '--yes', '--actor', 'mallory']);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain(
      'refused: The change window of environment "prod" is closed: outside the change windows',
    );
    expect(refused.stderr).toContain('the next window opens');
    const override = await cli([
      'apply',
      'jobs.yaml',
      '--yes',
      '--actor',
      'mallory',
      '--emergency-reason',
      'x',
    ]);
    expect(override.code).toBe(3);
    expect(override.stderr).toContain('none of the emergency approvers (dave)');
    expect(writes()).toBe(0);
    expect(await readdir(join(dir, '.datatable-deploy')).catch(() => [])).toEqual([]);
    // Control: the emergency approver's override deploys, and says so.
    const granted = await cli(['apply', 'jobs.yaml', '--yes', '--emergency-reason', 'incident 42'], {
      GITHUB_ACTOR: 'Dave',
    });
    expect(granted.code, granted.stderr).toBe(0);
    expect(granted.stderr).toContain('emergency override of the change window by dave: incident 42');
  });

  it('refuses a manual rollback outside the window', async () => {
    await writePolicy(undefined);
    const applied = await cli(['apply', 'jobs.yaml', '--yes', '--backup-dir', 'backups']);
    expect(applied.code, applied.stderr).toBe(0);
    const [backup] = (await readdir(join(dir, 'backups'))).filter((entry) => !entry.startsWith('.'));
    await writePolicy(CLOSED);
    emulator.log.reset();
    const refused = await cli(['rollback', '--backup', join('backups', backup!), '--yes', '--actor', 'erin']);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain('outside the change windows');
    expect(writes()).toBe(0);
  });

  it('validates the policy file with the config files, each finding at its place', async () => {
    await writePolicy(
      'version: 1\nenvironments:\n  prod:\n    timezone: Mars/Olympus\n    windows: [{ days: [mon], from: "09:00", to: "17:00" }]\n    approvals: { required: 0 }\n',
    );
    const run = await cli(['validate', 'jobs.yaml']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`${POLICY_PATH}:6:`);
    expect(run.stdout).toContain('2 files');
    await writePolicy(
      'version: 1\nenvironments:\n  prod:\n    timezone: Mars/Olympus\n    windows: [{ days: [mon], from: "09:00", to: "17:00" }]\n',
    );
    const zone = await cli(['validate', 'jobs.yaml', '--format', 'json']);
    expect(zone.code).toBe(1);
    const report = JSON.parse(zone.stdout) as {
      findings: Array<{ file: string; line: number; message: string }>;
    };
    expect(report.findings).toEqual([
      expect.objectContaining({
        file: POLICY_PATH,
        line: 4,
        message: expect.stringContaining('Mars/Olympus'),
      }),
    ]);
    await writePolicy(undefined);
    expect((await cli(['validate', 'jobs.yaml'])).code).toBe(0);
    expect((await cli(['validate', 'jobs.yaml', '--policy', 'none.yaml'])).stdout).toContain(
      'The policy file cannot be read (there is no such file or directory)',
    );
    expect(emulator.log.snapshot().total).toBe(0);
  });

  it('refuses a broken policy file or a bad limit before reading anything', async () => {
    await writePolicy('version: 1\nenvironments:\n  prod:\n    approvals: { required: 0 }\n');
    const broken = await cli(['plan', 'jobs.yaml']);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`${POLICY_PATH}:4:`);
    expect(broken.stderr).toContain('fix:');
    const missing = await cli(['plan', 'jobs.yaml', '--policy', 'nowhere.yaml']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(
      'The policy file nowhere.yaml cannot be read (there is no such file or directory)',
    );
    await writePolicy(undefined);
    const limit = await cli(['plan', 'jobs.yaml', '--max-changed-rows', '1.5']);
    expect(limit.code).toBe(1);
    expect(limit.stderr).toContain('--max-changed-rows must be a whole number (0 or more); got "1.5".');
    expect(emulator.log.snapshot().total).toBe(0);
  });
});
