import { execFileSync, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tableSchema } from '../../src/genesys/schema.js';
import { useEmulator } from '../helpers/emulator.js';
import { CLI, emulatorEnv, ROOT, runCliInProcess } from '../helpers/processes.js';

/**
 * Every CLI error is one "error:" line and one "fix:" line that name the option or path, and
 * options that name paths or URLs are checked before the first request, so a typo costs nothing.
 */
const emulator = useEmulator();
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'datatable-deploy-cli-errors-'));
  await mkdir(join(dir, 'tables/more'), { recursive: true });
  await mkdir(join(dir, 'empty'));
  await writeFile(join(dir, 'tables/jobs.yaml'), CONFIG('jobs'));
  await writeFile(join(dir, 'tables/more/queues.yml'), CONFIG('queues'));
  await writeFile(join(dir, 'tables/notes.txt'), 'not a config file\n');
  await writeFile(join(dir, 'a-file'), 'x\n');
  await writeFile(join(dir, 'not-json.json'), 'plan: no\n');
});
afterAll(() => rm(dir, { recursive: true, force: true }));
beforeEach(() => {
  emulator.state.load({ tables: [{ name: 'jobs', schema: SCHEMA, rows: [{ key: 'a', value: 'old' }] }] });
  emulator.log.reset();
});

const SCHEMA = tableSchema({ value: { type: 'string', displayOrder: 1 } });
const CONFIG = (table: string) =>
  `table: ${table}\ncolumns:\n  value: { type: string }\nrows:\n  a: { value: new }\n`;
const SECRET = { DATATABLE_DEPLOY_WEBHOOK_SECRET: 'a-webhook-secret-of-some-length' };
const cli = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  runCliInProcess(args, { ...emulatorEnv(emulator), ...SECRET, ...env }, dir);
const requests = () => emulator.log.snapshot().total;

/** The whole of stderr: the error and its fix, nothing else (no stack, no Node message). */
async function refused(args: string[], error: string, fix: string, env: NodeJS.ProcessEnv = {}) {
  const run = await cli(args, env);
  expect(run.stderr).toBe(`error: ${error}\n  fix: ${fix}\n`);
  expect(run.code).toBe(1);
  expect(requests()).toBe(0);
}

describe('config paths', () => {
  it('takes a directory (with or without a trailing slash) as every YAML file under it', async () => {
    for (const path of ['tables', 'tables/', `${dir}/tables`]) {
      const run = await cli(['validate', path]);
      expect(run.stdout).toBe('2 files valid.\n');
      expect(run.code).toBe(0);
    }
    const planned = await cli(['plan', '--config', 'tables']);
    expect(planned.code).toBe(0);
    expect(planned.stdout).toMatch(/^Plan: .* in 2 tables\.$/m);
  });

  it('says so when a directory holds no YAML file, and refuses empty paths', async () => {
    await refused(
      ['validate', 'empty'],
      `"empty" is a directory with no .yml or .yaml file under it (in ${dir}).`,
      'Give the directory that holds the config files, or a glob such as "datatables/**/*.yaml".',
    );
    await refused(
      ['plan', '--config', ''],
      'plan: --config needs a value; got an empty one.',
      'Give --config a value, or leave it out (an unset shell variable?).',
    );
    await refused(
      ['validate', ''],
      'validate: an empty argument was given where a file or glob goes.',
      'Remove the empty argument (an unset shell variable?), or give a path.',
    );
  });
});

describe('paths checked before anything is read or written', () => {
  it('plan --out in a missing directory, or a directory', async () => {
    await refused(
      ['plan', 'tables/jobs.yaml', '--out', '/nonexistent/p.json'],
      '--out /nonexistent/p.json: the directory /nonexistent does not exist.',
      'Create it first (mkdir -p /nonexistent), or give --out a path in an existing directory.',
    );
    await refused(
      ['plan', 'tables/jobs.yaml', '--out', 'tables'],
      '--out tables is a directory; it takes a file name.',
      'Give --out the path of a file, in that directory or elsewhere.',
    );
  });

  it('apply --backup-dir under a file', async () => {
    await refused(
      ['apply', 'tables/jobs.yaml', '--yes', '--backup-dir', 'a-file/backups'],
      `--backup-dir a-file/backups: ${dir}/a-file is a file, so the directory cannot be created there.`,
      'Give --backup-dir a directory path (one that exists, or can be created).',
    );
    expect(await readdir(dir)).not.toContain('.datatable-deploy');
  });

  it('apply --health-checks that is missing or a directory', async () => {
    const fix =
      'Give the health-check file (see docs/deploy.md#health-checks), or leave --health-checks out.';
    await refused(
      ['apply', 'tables/jobs.yaml', '--yes', '--health-checks', 'nope.yaml'],
      `--health-checks nope.yaml: there is no such file (looked for ${dir}/nope.yaml).`,
      fix,
    );
    await refused(
      ['apply', 'tables/jobs.yaml', '--yes', '--health-checks', 'tables'],
      '--health-checks tables is a directory, not a file.',
      fix,
    );
  });

  it('apply --plan that is missing, a directory or not JSON', async () => {
    const fix = 'Give the file "datatable-deploy plan --out FILE" wrote.';
    await refused(
      ['apply', '--plan', 'nope.json', '--yes'],
      `--plan nope.json: there is no such file (looked for ${dir}/nope.json).`,
      fix,
    );
    await refused(['apply', '--plan', 'tables', '--yes'], '--plan tables is a directory, not a file.', fix);
    const notJson = await cli(['apply', '--plan', 'not-json.json', '--yes']);
    expect(notJson.stderr).toMatch(
      /^error: not-json\.json is not a usable plan: it is not JSON \([^]*\)\.\n {2}fix: /,
    );
    expect(requests()).toBe(0);
  });

  it('rollback --backup that is a file', async () => {
    await refused(
      ['rollback', '--backup', 'a-file', '--yes'],
      '--backup a-file is not a directory.',
      'Give the backup directory that apply printed (it holds manifest.json).',
    );
  });
});

describe('URLs checked before anything is read or written', () => {
  it('refuses a --webhook that is not an http(s) URL, hiding credentials', async () => {
    const fix =
      'Give the full address the receiver listens on, such as --webhook https://cache.example.com/invalidate.';
    await refused(
      ['apply', 'tables/jobs.yaml', '--yes', '--webhook', 'not-a-url'],
      '--webhook "not-a-url" is not an http(s) URL.',
      fix,
    );
    await refused(
      [
        'apply',
        'tables/jobs.yaml',
        '--yes',
        '--webhook',
        'ftp://deploy:hunter2@cache.example.com/?token=t0ps3cret',
      ],
      '--webhook "ftp://***@cache.example.com/?token=***" is not an http(s) URL.',
      fix,
    );
  });

  it('refuses an API URL ending in /api/v2, with the base URL or region to give instead', async () => {
    const base = emulator.url;
    await refused(
      ['plan', 'tables/jobs.yaml', '--api-url', 'https://api.mypurecloud.com/api/v2'],
      'The --api-url "https://api.mypurecloud.com/api/v2" has a path (/api/v2); it takes a base URL only (the client adds /api/v2 and /oauth/token itself).',
      'Give https://api.mypurecloud.com, or the region us-east-1 instead.',
    );
    await refused(
      ['apply', 'tables/jobs.yaml', '--yes'],
      `The GENESYSCLOUD_API_URL "${base}/api/v2/" has a path (/api/v2); it takes a base URL only (the client adds /api/v2 and /oauth/token itself).`,
      `Give ${base}.`,
      { GENESYSCLOUD_API_URL: `${base}/api/v2/` },
    );
    await refused(
      ['tables', '--api-url', 'https://user:pass@api.mypurecloud.ie'],
      'The --api-url "https://***@api.mypurecloud.ie" contains a user name or password.',
      "Give https://api.mypurecloud.ie; the OAuth client's id and secret go in GENESYSCLOUD_OAUTHCLIENT_ID and GENESYSCLOUD_OAUTHCLIENT_SECRET.",
    );
    await refused(
      ['validate', 'tables', '--against-live', '--api-url', 'api.mypurecloud.com'],
      'The --api-url "api.mypurecloud.com" is not a URL.',
      'Give the base URL of the API, such as https://api.mypurecloud.com, or a region name instead (such as us-east-1).',
    );
  });

  it('lets --region replace an API URL from the environment', async () => {
    const run = await cli(['tables', '--region', 'mars-1']);
    expect(run.stderr).toMatch(
      /^error: Unknown Genesys Cloud region "mars-1"\.\n {2}fix: Use a region name or its domain: us-east-1 \(mypurecloud\.com\), [^\n]*; or give the API URL explicitly\.\n$/,
    );
    expect(run.code).toBe(1);
    expect(requests()).toBe(0);
  });
});

describe('--help and ports', () => {
  it('--help works on every command and does nothing else (demo included)', async () => {
    for (const command of [
      'validate',
      'plan',
      'export',
      'import',
      'apply',
      'rollback',
      'tables',
      'relay',
      'emulator',
      'demo',
    ]) {
      const run = await cli([command, '--help']);
      expect(run.code, command).toBe(0);
      expect(run.stdout, command).toMatch(new RegExp(`^Usage: datatable-deploy ${command}`));
      expect(run.stderr, command).toBe('');
    }
    expect(requests()).toBe(0);
  });

  it('emulator --port above 65535', async () => {
    await refused(
      ['emulator', '--port', '99999'],
      '--port must be from 0 to 65535; got 99999.',
      'Give a free port such as 8080, or 0 (the default) for any free port.',
    );
  });

  it('a host name that does not resolve is tried twice, then named with the fix', async () => {
    const run = await cli(['tables'], { GENESYSCLOUD_API_URL: 'http://no-such-host.invalid' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^error: could not reach the OAuth service at http:\/\/no-such-host\.invalid \(ENOTFOUND: the host name does not resolve\) \(POST \/oauth\/token after 2 attempts\)\n {2}fix: Check the region \(or API URL\)/m,
    );
  });
});

describe('arguments', () => {
  it('refuses a single-valued option given twice, a missing value, a value on a switch', async () => {
    await refused(
      ['plan', 'tables/jobs.yaml', '--out', 'a.json', '--out', 'b.json'],
      'plan: --out is given twice ("a.json" and "b.json"); it takes one value.',
      'Give --out once.',
    );
    await refused(
      ['validate', '--format'],
      'validate: --format needs a value.',
      'Give --format VALUE, or leave it out; run "datatable-deploy validate --help" for what it takes.',
    );
    await refused(
      ['validate', '--strict=yes'],
      'validate: --strict is a switch and takes no value.',
      'Give --strict alone (without =VALUE).',
    );
    await refused(
      ['tables', 'extra'],
      'tables: it takes no arguments besides options; got "extra".',
      'Remove it, or put the option it belongs to before it; run "datatable-deploy tables --help".',
    );
    await refused(
      ['validate', '--format', 'xml'],
      '--format must be text or json; got "xml".',
      'Give one of them, e.g. --format text.',
    );
    await refused(
      ['tables', '--rate-limit', 'fast'],
      '--rate-limit must be a number of requests per minute above 0; got "fast".',
      'Give e.g. --rate-limit 300 (the default), or less to leave room for other clients.',
    );
  });

  it('the emulator: --load missing or not JSON, --state in a missing directory', async () => {
    const fix =
      'Give a file that "datatable-deploy emulator --state FILE" wrote, such as examples/live/*.json.';
    await refused(
      ['emulator', '--load', 'nope.json'],
      `--load nope.json: there is no such file (looked for ${dir}/nope.json).`,
      fix,
    );
    await refused(
      ['emulator', '--load', 'not-json.json'],
      `--load not-json.json is not a state dump: it is not JSON (Unexpected token 'p', "plan: no\n" is not valid JSON).`,
      fix,
    );
    await refused(
      ['emulator', '--state', '/nonexistent/state.json'],
      '--state /nonexistent/state.json: the directory /nonexistent does not exist.',
      'Create it first (mkdir -p /nonexistent), or give --state a path in an existing directory.',
    );
  });

  it('export --out in a missing directory, before the table is read', async () => {
    await refused(
      ['export', '--table', 'jobs', '--out', '/nonexistent/jobs.yaml'],
      '--out /nonexistent/jobs.yaml: the directory /nonexistent does not exist.',
      'Create it first (mkdir -p /nonexistent), or give --out a path in an existing directory.',
    );
  });
});

/** The system's Node (not the one npm puts first on PATH), when it is older than 22. */
function systemNode(): string | undefined {
  const found = spawnSync('which', ['-a', 'node'], { encoding: 'utf8' }).stdout.split('\n');
  return found.find((path) => {
    if (!path || path.includes('node_modules')) return false;
    const version = execFileSync(path, ['--version'], { encoding: 'utf8' });
    return Number(/^v(\d+)/.exec(version)?.[1]) < 22;
  });
}

const node20 = systemNode();
describe('Node 20, allowed by "engines"', () => {
  it.skipIf(!node20)(
    `validates a directory with the committed bundle (${node20 ?? 'no Node below 22 on PATH: skipped'})`,
    () => {
      const run = spawnSync(node20!, [CLI, 'validate', 'examples/config'], { cwd: ROOT, encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.stdout).toBe('2 files valid.\n');
      expect(run.status).toBe(0);
    },
  );
});
