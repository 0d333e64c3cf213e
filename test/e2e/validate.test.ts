import { describe, expect, it } from 'vitest';
import { useEmulator } from '../helpers/emulator.js';
import { CLI, emulatorEnv, runCliInProcess, runNode } from '../helpers/processes.js';

const emulator = useEmulator();

const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => runCliInProcess(args, env);

describe('datatable-deploy validate', () => {
  it('passes the examples (exit 0) from the committed bundle', async () => {
    const run = await runNode(CLI, ['validate', '--config', 'examples/config/*.yaml']);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('2 files valid.\n');
  });

  it('reports every invalid fixture with file:line:col, rule and fix, and makes no API request', async () => {
    const env = emulatorEnv(emulator);
    const run = await cli(['validate', '--config', 'test/fixtures/invalid/*.yaml', '--against-live'], env);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'test/fixtures/invalid/email.yaml:7:15 error pii-email Row "a", column "value" looks like an e-mail address: jane…(20 characters).\n  fix: ',
    );
    expect(run.stdout).toContain('test/fixtures/invalid/tab-indent.yaml:7:1 error yaml-tab-indent');
    expect(run.stdout).not.toContain('jane.doe@example.com');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/^\d+ errors and 1 warning in 84 files\.$/);
    expect(emulator.log.snapshot().total).toBe(0);
  });

  it('writes the JSON report', async () => {
    const run = await cli([
      'validate',
      '--config',
      'test/fixtures/invalid/enum-violation.yaml',
      '--format',
      'json',
    ]);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({
      valid: false,
      files: ['test/fixtures/invalid/enum-violation.yaml'],
      errors: 1,
      warnings: 0,
      findings: [
        {
          severity: 'error',
          rule: 'value-enum',
          file: 'test/fixtures/invalid/enum-violation.yaml',
          line: 5,
          column: 14,
          table: 't',
          key: 'a',
          field: 'tier',
          message: 'Row "a": "tier" must be one of "gold", "silver"; got "bronze".',
          hint: "Use one of the values the column's enum lists.",
        },
      ],
    });
  });

  it('exits 0 for warnings alone, 1 with --strict', async () => {
    const file = 'test/fixtures/invalid/yaml11-boolean-in-string.yaml';
    expect((await cli(['validate', '--config', file])).code).toBe(0);
    expect((await cli(['validate', '--config', file, '--strict'])).code).toBe(1);
  });

  it('checks schema evolution against the live table with --against-live', async () => {
    const env = emulatorEnv(emulator);
    emulator.state.load({
      tables: [
        {
          name: 'plugin_config_production',
          schema: {
            type: 'object',
            required: ['key'],
            additionalProperties: false,
            properties: {
              key: { type: 'string' },
              config_value: { type: 'integer' },
              owner: { type: 'boolean' },
            },
          },
          rows: [],
        },
      ],
    });
    const run = await cli(
      ['validate', '--config', 'examples/config/plugin_config_production.yaml', '--against-live'],
      env,
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'examples/config/plugin_config_production.yaml:15:3 error schema-column-retyped Column "config_value" is integer in the live table; the file makes it string.',
    );
    expect(run.stdout).toContain(
      'schema-column-removed Column "owner" (boolean) exists in the live table but not in the file.',
    );
    expect(emulator.log.snapshot().total).toBeGreaterThan(0);
  });

  it('takes the files of an unquoted glob that the shell expanded', async () => {
    const run = await cli([
      'validate',
      '--config',
      'examples/config/plugin_config_production.yaml',
      'examples/config/plugin_config_staging.yaml',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('2 files valid.\n');
  });

  it('explains a bad option and a glob that matches nothing', async () => {
    expect((await cli(['validate', '--format', 'xml'])).stderr).toContain(
      '--format must be text or json; got "xml".',
    );
    const none = await cli(['validate', '--config', 'nowhere/*.yaml']);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(
      /No config files match "nowhere\/\*\.yaml"[\s\S]*fix: Check the --config globs/,
    );
  });
});
