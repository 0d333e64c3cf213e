import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEmulator } from '../../src/emulator/server.js';
import { emulatorWith, makeRows, seedTable } from '../helpers/emulator.js';
import { ACTION, runNode } from '../helpers/processes.js';

let emulator: RunningEmulator;
let dir: string;
beforeAll(async () => {
  emulator = await emulatorWith({ clients: [{ id: 'action-client', secret: 'action-secret-123' }] });
  dir = await mkdtemp(join(tmpdir(), 'datatable-deploy-action-'));
});
afterAll(async () => {
  await emulator.close();
  await rm(dir, { recursive: true, force: true });
});

/** The environment a runner gives a node24 action step. */
async function runnerEnv(inputs: Record<string, string>) {
  const output = join(dir, `output-${Math.random()}`);
  await writeFile(output, '');
  const env: NodeJS.ProcessEnv = { GITHUB_OUTPUT: output, GITHUB_ACTIONS: 'true', RUNNER_TEMP: dir };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  return { env, output };
}

describe('dist/index.js (connection check)', () => {
  it('connects, masks the secret, and outputs the table names', async () => {
    seedTable(emulator, 'plugin_config_production', makeRows(1));
    const { env, output } = await runnerEnv({
      'genesys-client-id': 'action-client',
      'genesys-client-secret': 'action-secret-123',
      'genesys-api-url': emulator.url,
      'rate-limit-per-minute': '240',
    });
    const run = await runNode(ACTION, [], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('::add-mask::action-secret-123');
    expect(run.stdout).toContain(`Connected to ${emulator.url}: 1 data tables.`);
    const written = await readFile(output, 'utf8');
    expect(written).toMatch(/^tables<<ghadelimiter_[\w-]+\n\["plugin_config_production"\]\n/);
  });

  it('fails the step with the fix when the secret is wrong, without printing the secret', async () => {
    const { env } = await runnerEnv({
      'genesys-client-id': 'action-client',
      'genesys-client-secret': 'not-the-secret',
      'genesys-api-url': emulator.url,
    });
    const run = await runNode(ACTION, [], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /::error::401 invalid_client: .*fix: Genesys Cloud refused the OAuth client "action-client"/,
    );
    expect(run.stdout.replace('::add-mask::not-the-secret', '')).not.toContain('not-the-secret');
  });

  it('refuses a bad rate limit input by name', async () => {
    const { env } = await runnerEnv({
      'genesys-client-id': 'a',
      'genesys-client-secret': 'b',
      'genesys-api-url': emulator.url,
      'rate-limit-per-minute': 'fast',
    });
    const run = await runNode(ACTION, [], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '::error::Input "rate-limit-per-minute" must be a positive number; got "fast".',
    );
  });
});
