import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGenesysClient } from '../../src/genesys/client.js';
import { SCHEMA } from '../helpers/emulator.js';
import { CLI, runNode, startNode } from '../helpers/processes.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'datatable-deploy-cli-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('dist/cli.js', () => {
  it('runs the emulator, serves the tables command, saves state on SIGTERM and loads it again', async () => {
    const statePath = join(dir, 'state.json');
    const first = await startNode(CLI, ['emulator', '--json', '--port', '0', '--state', statePath]);
    const announced = JSON.parse(first.firstLine) as { url: string; clientId: string; clientSecret: string };
    expect(announced.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const env = {
      GENESYSCLOUD_API_URL: announced.url,
      GENESYSCLOUD_OAUTHCLIENT_ID: announced.clientId,
      GENESYSCLOUD_OAUTHCLIENT_SECRET: announced.clientSecret,
    };
    expect((await runNode(CLI, ['tables'], env)).stdout).toBe('No data tables.\n');
    const client = createGenesysClient({
      clientId: announced.clientId,
      clientSecret: announced.clientSecret,
      apiUrl: announced.url,
    });
    const table = await client.tables.createTable({ name: 'plugin_config_staging', schema: SCHEMA });
    await client.tables.createRow(table.id, { key: 'k', value: 'v' });

    const listed = await runNode(CLI, ['tables'], env);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(
      /^NAME\s+COLUMNS\s+DIVISION\s+ID\nplugin_config_staging\s+5\s+Home\s+[0-9a-f-]{36}\n$/,
    );
    const asJson = JSON.parse((await runNode(CLI, ['tables', '--json', '--name', 'plugin*'], env)).stdout);
    expect(asJson[0]).toMatchObject({ id: table.id, name: 'plugin_config_staging' });

    first.child.kill('SIGTERM');
    expect((await first.exited).code).toBe(0);
    const saved = JSON.parse(await readFile(statePath, 'utf8'));
    expect(saved.tables[0]).toMatchObject({
      name: 'plugin_config_staging',
      rows: [{ key: 'k', value: 'v' }],
    });

    const second = await startNode(CLI, ['emulator', '--port', '0', '--state', statePath]);
    expect(second.firstLine).toMatch(
      /^Genesys Cloud data-tables emulator listening on http:\/\/127\.0\.0\.1:\d+$/,
    );
    const url = second.firstLine.split(' ').at(-1)!;
    const again = await runNode(CLI, ['tables', '--api-url', url], { ...env, GENESYSCLOUD_API_URL: '' });
    expect(again.stdout).toContain('plugin_config_staging');
    second.child.kill('SIGINT');
    expect((await second.exited).code).toBe(0);
  });

  it('runs the demo end to end', async () => {
    const demo = await runNode(CLI, ['demo']);
    expect(demo.code).toBe(0);
    expect(demo.stdout).toContain(
      '2. Validated examples/config/plugin_config_production.yaml: 6 columns, 7 rows, no findings.',
    );
    expect(demo.stdout).toContain('→ applied (exit code 0); the plugin got a signed event for version 4.');
    expect(demo.stdout).toContain(
      '→ rolled-back (exit code 4); the table equals its backup: yes (7 rows compared cell by cell).',
    );
    expect(demo.stdout).toMatch(/Summary \(\d+\.\d s, \d+ API calls, no Genesys org needed\):/);
  });

  it('explains usage errors and connection errors, with exit code 1', async () => {
    const unknown = await runNode(CLI, ['deploy-everything']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/unknown command "deploy-everything"/);
    const badOption = await runNode(CLI, ['emulator', '--bogus']);
    expect(badOption.code).toBe(1);
    expect(badOption.stderr).toMatch(
      /emulator: there is no option --bogus\.[\s\S]*Run "datatable-deploy emulator --help"/,
    );
    const badPort = await runNode(CLI, ['emulator', '--port', 'eighty']);
    expect(badPort.stderr).toMatch(/--port must be a whole number; got "eighty"/);
    const noCredentials = await runNode(CLI, ['tables', '--region', 'us-east-1']);
    expect(noCredentials.code).toBe(1);
    expect(noCredentials.stderr).toMatch(
      /OAuth client id or secret is missing[\s\S]*fix: Set GENESYSCLOUD_OAUTHCLIENT_ID/,
    );
    const badRegion = await runNode(CLI, ['tables', '--region', 'moon-1'], {
      GENESYSCLOUD_OAUTHCLIENT_ID: 'a',
      GENESYSCLOUD_OAUTHCLIENT_SECRET: 'b',
    });
    expect(badRegion.stderr).toMatch(/Unknown Genesys Cloud region "moon-1"/);
    expect((await runNode(CLI, ['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect((await runNode(CLI, ['help'])).stdout).toContain('Usage: datatable-deploy <command>');
  });
});
