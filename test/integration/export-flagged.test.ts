import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig } from '../../src/config/load.js';
import { tableSchema } from '../../src/genesys/schema.js';
import type { Plan } from '../../src/plan/types.js';
import { useEmulator } from '../helpers/emulator.js';
import { emulatorEnv, runCliInProcess } from '../helpers/processes.js';

const emulator = useEmulator();
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'datatable-deploy-export-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const TOKEN = 'q8VdZt3Lm9Xw4Hq2Rc6Yd1Kp8Vn5Bj7F';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwbHVnaW4ifQ.c2lnbmF0dXJlLXZhbHVl';
const SCHEMA = tableSchema({
  key: { type: 'string', title: 'config_key' },
  config_value: { type: 'string', displayOrder: 1 },
  api_token: { type: 'string', displayOrder: 2 },
});

const cli = (args: string[]) => runCliInProcess(args, emulatorEnv(emulator));

beforeEach(() => {
  emulator.state.load({
    tables: [
      {
        name: 'plugin_config',
        schema: SCHEMA,
        rows: [
          { key: 'greeting', config_value: 'Hello' },
          { key: 'cdn_key', config_value: TOKEN },
          { key: 'support_contact', config_value: 'help@example.com' },
          { key: 'legacy_password', config_value: 'plain' },
          { key: 'session', config_value: 'x', api_token: JWT },
        ],
      },
    ],
  });
});

describe('export of values the guard flags', () => {
  it('withholds them by default: no secret in the file, it validates, and planning it changes nothing', async () => {
    const file = join(dir, 'withheld.yaml');
    const run = await cli(['export', '--table', 'plugin_config', '--out', file]);
    expect(run.code).toBe(0);
    const text = await readFile(file, 'utf8');
    for (const value of [TOKEN, JWT, 'help@example.com']) {
      expect(text).not.toContain(value);
      expect(run.stderr + run.stdout).not.toContain(value);
    }
    const body = parse(text) as { prune: boolean; rows: Record<string, unknown>; columns: object };
    expect(body.prune).toBe(false);
    expect(Object.keys(body.rows)).toEqual(['greeting']);
    // The column name only suggests credentials: it is allowed on the column, its values judged.
    expect(body.columns).toMatchObject({ api_token: { type: 'string', allow: ['secret-name'] } });
    expect(text).toContain('# 4 rows withheld');
    expect(loadConfig(file, Buffer.from(text)).findings).toEqual([]);
    expect(run.stderr).toContain('warning: 4 rows withheld from the file');
    expect(run.stderr).toMatch(
      /secret-high-entropy: Row "cdn_key", column "config_value" looks like a random token or key: q8Vd…\(32 characters\)/,
    );
    expect(run.stderr).toContain(
      'secret-name: The row key "legacy_password" suggests the row holds credentials.',
    );
    expect(run.stderr).toContain('run export again with --include-flagged');
    expect(run.stderr).not.toContain('finding');

    const plan = await cli(['plan', file, '--format', 'json']);
    expect(plan.code, plan.stderr).toBe(0);
    expect((JSON.parse(plan.stdout) as Plan).verdict).toBe('no-changes');
  });

  it('--include-flagged writes them with allow annotations: the file validates and plans no changes', async () => {
    const file = join(dir, 'included.yaml');
    const run = await cli(['export', '--table', 'plugin_config', '--out', file, '--include-flagged']);
    expect(run.code).toBe(0);
    const text = await readFile(file, 'utf8');
    expect(text).toContain(TOKEN);
    const body = parse(text) as { prune: boolean; allow: unknown[]; rows: Record<string, unknown> };
    expect(body.prune).toBe(true);
    expect(Object.keys(body.rows)).toHaveLength(5);
    expect(body.allow).toEqual(
      expect.arrayContaining([
        { key: 'cdn_key', column: 'config_value', rules: ['secret-high-entropy'] },
        { key: 'support_contact', column: 'config_value', rules: ['pii-email'] },
        { key: 'legacy_password', rules: ['secret-name'] },
        { key: 'session', column: 'api_token', rules: ['secret-jwt'] },
      ]),
    );
    expect(loadConfig(file, Buffer.from(text)).findings).toEqual([]);
    expect(run.stderr).toContain('4 flagged values written with an allow annotation');
    // Messages still show masked previews only.
    expect(run.stderr).not.toContain(TOKEN);
    const plan = await cli(['plan', file, '--format', 'json']);
    expect((JSON.parse(plan.stdout) as Plan).verdict).toBe('no-changes');
  });
});
