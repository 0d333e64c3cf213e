import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { tableSchema } from '../../src/genesys/schema.js';
import { planDigest } from '../../src/plan/build.js';
import { SIGNING_KEY_VARIABLE } from '../../src/plan/signing.js';
import { rowsOf } from '../helpers/deploy.js';
import { countRequests, emulatorWith, useEmulator } from '../helpers/emulator.js';
import { emulatorEnv, runCliInProcess } from '../helpers/processes.js';

/**
 * Plans are bound to the org, environment and deployment they were computed for: `apply --plan`
 * refuses any other (exit 1, nothing written), and a forged plan whose digest was recomputed is
 * refused because the org is required and, with a signing key, because the signature fails.
 */
const emulator = useEmulator();
/** A second org: another emulator, so another API host. */
let otherOrg: RunningEmulator;
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'datatable-deploy-plan-binding-'));
  otherOrg = await emulatorWith();
});
afterAll(async () => {
  await otherOrg.close();
  await rm(dir, { recursive: true, force: true });
});

const KEY = 'a-signing-key-of-enough-length-0123456789';
const SCHEMA = tableSchema({ value: { type: 'string', displayOrder: 1 } });
const host = (org: RunningEmulator) => new URL(org.url).host;
const writes = (org: RunningEmulator) => countRequests(org, /^(POST|PUT|DELETE) \/api\/v2\/flows/);
const cli = (args: string[], env: NodeJS.ProcessEnv = {}, org: RunningEmulator = emulator) =>
  runCliInProcess(args, { ...emulatorEnv(org), ...env }, dir);

const seed = (org: RunningEmulator) =>
  org.state.load({ tables: [{ name: 'jobs', schema: SCHEMA, rows: [{ key: 'a', value: 'old' }] }] });
beforeEach(async () => {
  seed(emulator);
  seed(otherOrg);
  await writeFile(
    join(dir, 'jobs.yaml'),
    'table: jobs\nenvironment: prod\ncolumns:\n  value: { type: string }\nrows:\n  a: { value: new }\n',
  );
});

/** Plans jobs.yaml into `file` (signed when `env` holds a key) and starts counting requests. */
async function planFile(file: string, args: string[] = [], env: NodeJS.ProcessEnv = {}, org = emulator) {
  const planned = await cli(['plan', 'jobs.yaml', '--out', file, ...args], env, org);
  expect(planned.code).toBe(0);
  emulator.log.reset();
  return JSON.parse(await readFile(join(dir, file), 'utf8')) as Record<string, unknown>;
}

/** Rewrites a plan file the way a forger would: edited, digest recomputed. */
async function forge(file: string, plan: Record<string, unknown>): Promise<void> {
  const { digest: _digest, ...rest } = plan;
  await writeFile(join(dir, file), JSON.stringify({ ...rest, digest: planDigest(rest as never) }));
}

function expectRefused(run: { code: number; stderr: string }, message: string, fix: RegExp): void {
  expect(run.code).toBe(1);
  expect(run.stderr).toContain(message);
  expect(run.stderr).toMatch(fix);
  expect(writes(emulator)).toBe(0);
  expect(rowsOf(emulator, 'jobs').get('a')).toEqual({ key: 'a', value: 'old' });
}

describe('apply --plan refuses a plan bound elsewhere', () => {
  it('records the binding and the producer in the plan file', async () => {
    const plan = await planFile('bound.json', ['--environment', 'prod']);
    expect(plan).toMatchObject({
      formatVersion: 2,
      producer: { name: 'datatable-deploy' },
      apiHost: host(emulator),
      environment: 'prod',
      deployment: 'prod',
      tables: [{ name: 'jobs', id: expect.any(String) }],
    });
    expect(plan.signature).toBeUndefined();
  });

  it('refuses a plan of another environment than --environment', async () => {
    await planFile('prod.json', ['--environment', 'prod']);
    const run = await cli(['apply', '--plan', 'prod.json', '--environment', 'staging', '--yes']);
    expectRefused(
      run,
      'Refusing to apply prod.json: it is for environment "prod", not "staging". Nothing was written.',
      /fix: Apply a plan made for this org, environment and deployment/,
    );
  });

  it('refuses a plan of another deployment than --deployment', async () => {
    await planFile('blue.json', ['--deployment', 'blue']);
    const run = await cli(['apply', '--plan', 'blue.json', '--deployment', 'green', '--yes']);
    expectRefused(run, 'it is for deployment "blue", not "green". Nothing was written.', /fix: /);
  });

  it('refuses a plan made against another org', async () => {
    await planFile('other-org.json', [], {}, otherOrg);
    const run = await cli(['apply', '--plan', 'other-org.json', '--yes']);
    expectRefused(
      run,
      `Refusing to apply other-org.json: it was made against the org at ${host(otherOrg)}, not ${host(emulator)}.`,
      /fix: Apply a plan made for this org/,
    );
  });

  it('refuses a forged plan with apiHost removed and its digest recomputed (no key: the org is required)', async () => {
    const { apiHost: _apiHost, ...forged } = await planFile('no-host.json');
    await forge('no-host.json', forged);
    const run = await cli(['apply', '--plan', 'no-host.json', '--yes']);
    expectRefused(
      run,
      'no-host.json is not a usable plan: it does not name the org it was planned against (apiHost).',
      /fix: Write a new one with "datatable-deploy plan --out FILE"/,
    );
  });

  it('refuses, with a key, a forged plan whose signature no longer matches, and an unsigned plan', async () => {
    const signed = await planFile('signed.json', [], { [SIGNING_KEY_VARIABLE]: KEY });
    expect(signed.signature).toMatch(/^hmac-sha256:[0-9a-f]{64}$/);
    const { apiHost: _apiHost, ...forged } = signed;
    await forge('signed-forged.json', forged);
    const run = await cli(['apply', '--plan', 'signed-forged.json', '--yes'], {
      [SIGNING_KEY_VARIABLE]: KEY,
    });
    expectRefused(
      run,
      'signed-forged.json is not a usable plan: its signature does not match its content with the configured signing key',
      /fix: Use a plan written with this signing key/,
    );

    await planFile('unsigned.json');
    const unsigned = await cli(['apply', '--plan', 'unsigned.json', '--yes'], {
      [SIGNING_KEY_VARIABLE]: KEY,
    });
    expectRefused(
      unsigned,
      'unsigned.json is not a usable plan: it is not signed, and a signing key is configured.',
      /fix: Use a plan written with the same signing key \(DATATABLE_DEPLOY_SIGNING_KEY\)/,
    );
  });

  it('refuses a signing key that is set but empty, before any call', async () => {
    const run = await cli(['plan', 'jobs.yaml'], { [SIGNING_KEY_VARIABLE]: '' });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('DATATABLE_DEPLOY_SIGNING_KEY is set but empty');
    expect(run.stderr).toContain('fix: Set it to a long random secret');
    expect(emulator.log.snapshot().total).toBe(0);
  });
});

describe('apply --plan applies a genuine plan', () => {
  it('with its own environment and deployment, printing the binding', async () => {
    await planFile('genuine.json', ['--environment', 'prod']);
    const run = await cli([
      'apply',
      '--plan',
      'genuine.json',
      '--environment',
      'prod',
      '--deployment',
      'prod',
      '--yes',
      '--backup-dir',
      'backups',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Target: org ${host(emulator)}, environment prod, deployment prod.`);
    expect(rowsOf(emulator, 'jobs').get('a')).toEqual({ key: 'a', value: 'new' });
  });

  it('signed, with the key; and without a key, saying once that the signature was not checked', async () => {
    await planFile('signed-ok.json', [], { [SIGNING_KEY_VARIABLE]: KEY });
    const withKey = await cli(['apply', '--plan', 'signed-ok.json', '--yes', '--backup-dir', 'backups'], {
      [SIGNING_KEY_VARIABLE]: KEY,
    });
    expect(withKey.code).toBe(0);
    expect(withKey.stderr).not.toContain('signature not checked');
    expect(rowsOf(emulator, 'jobs').get('a')).toEqual({ key: 'a', value: 'new' });

    seed(emulator);
    await planFile('signed-again.json', [], { [SIGNING_KEY_VARIABLE]: KEY });
    const withoutKey = await cli([
      'apply',
      '--plan',
      'signed-again.json',
      '--yes',
      '--backup-dir',
      'backups',
    ]);
    expect(withoutKey.code).toBe(0);
    expect(
      withoutKey.stderr.match(/warning: signature not checked: no signing key configured\n/g),
    ).toHaveLength(1);
    expect(rowsOf(emulator, 'jobs').get('a')).toEqual({ key: 'a', value: 'new' });
  });
});

describe('config files bound to several environments', () => {
  beforeEach(() =>
    writeFile(
      join(dir, 'staging.yaml'),
      'table: jobs_staging\nenvironment: staging\ncolumns:\n  value: { type: string }\nrows:\n  a: { value: s }\n',
    ),
  );

  it('are refused without --environment, by plan and apply, before any call', async () => {
    for (const command of [['plan'], ['apply', '--yes']]) {
      const run = await cli([...command, 'jobs.yaml', 'staging.yaml']);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        'The config files bind to prod and staging; a deploy goes to one environment.',
      );
      expect(run.stderr).toContain(
        'fix: Pass --environment (CLI) or the environment input (action) to choose one',
      );
    }
    expect(emulator.log.snapshot().total).toBe(0);
  });

  it('plan only the files of --environment, bound to it', async () => {
    const run = await cli([
      'plan',
      'jobs.yaml',
      'staging.yaml',
      '--environment',
      'staging',
      '--format',
      'json',
    ]);
    expect(run.code).toBe(0);
    const plan = JSON.parse(run.stdout) as { environment: string; deployment: string; tables: unknown[] };
    expect(plan).toMatchObject({ environment: 'staging', deployment: 'staging' });
    expect(plan.tables).toEqual([expect.objectContaining({ name: 'jobs_staging' })]);
    expect(run.stderr).toContain('skipping jobs.yaml: bound to environment "prod"');
  });
});
