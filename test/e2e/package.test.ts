import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableSchema } from '../../src/genesys/schema.js';
import { useEmulator } from '../helpers/emulator.js';
import { emulatorEnv, ROOT } from '../helpers/processes.js';

/**
 * The package as users get it: `npm pack`, installed from the tarball (globally for the CLI, into
 * a project for the runtime reader), run on Node 24 and on the lowest Node that `engines` names.
 */
const run = promisify(execFile);
const emulator = useEmulator();
let dir: string;
let cli: string;
let project: string;

/** The system's Node when it is older than the Node 24 that npm puts first on PATH. */
function olderNode(): string | undefined {
  const found = spawnSync('which', ['-a', 'node'], { encoding: 'utf8' }).stdout.split('\n');
  return found.find(
    (path) =>
      path &&
      !path.includes('node_modules') &&
      Number(/^v(\d+)/.exec(execFileSync(path, ['--version'], { encoding: 'utf8' }))?.[1]) < 24,
  );
}
const NODES = [process.execPath, olderNode()].filter((path): path is string => path !== undefined);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'datatable-deploy-package-'));
  await run('npm', ['pack', '--pack-destination', dir, '--silent'], { cwd: ROOT });
  const tarball = join(
    dir,
    (await readdir(dir)).find((name) => name.endsWith('.tgz'))!,
  );
  const npmInstall = ['install', '--no-audit', '--no-fund', '--prefer-offline', '--silent'];
  await run('npm', [...npmInstall, '-g', '--prefix', join(dir, 'global'), tarball]);
  cli = join(dir, 'global/lib/node_modules/datatable-deploy/dist/cli.js');
  project = join(dir, 'project');
  await mkdir(project);
  await writeFile(join(project, 'package.json'), '{ "name": "plugin", "private": true, "type": "module" }\n');
  await run('npm', [...npmInstall, tarball], { cwd: project });
}, 300_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

describe.each(NODES)('the packed CLI on %s', (node) => {
  const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
  const cliRun = (args: string[]) =>
    run(node, [cli, ...args], { env: { PATH: process.env.PATH, ...emulatorEnv(emulator) } });

  it(`${version}: --version, validate and plan against the emulator`, async () => {
    const packageVersion = JSON.parse(
      execFileSync('npm', ['pkg', 'get', 'version'], { cwd: ROOT, encoding: 'utf8' }),
    ) as string;
    expect((await cliRun(['--version'])).stdout.trim()).toBe(packageVersion);
    const config = resolve(ROOT, 'examples/config');
    expect((await cliRun(['validate', config])).stdout).toMatch(/^2 files valid\.$/m);
    emulator.state.load({
      tables: [{ name: 'plugin_config_production', schema: tableSchema({}), rows: [] }],
    });
    const planned = await cliRun([
      'plan',
      resolve(config, 'plugin_config_production.yaml'),
      '--format',
      'json',
    ]);
    expect(JSON.parse(planned.stdout)).toMatchObject({ tables: [{ name: 'plugin_config_production' }] });
  });
});

describe('the packed runtime reader', () => {
  it('imports as datatable-deploy/runtime, with types, and reads a table from the emulator', async () => {
    emulator.state.load({
      tables: [
        {
          name: 'plugin_config',
          schema: tableSchema({
            config_value: { type: 'string', displayOrder: 1 },
            data_type: { type: 'string', displayOrder: 2 },
          }),
          rows: [{ key: 'max_calls', config_value: '250', data_type: 'integer' }],
        },
      ],
    });
    const source = [
      "import { createConfigReader } from 'datatable-deploy/runtime';",
      'const reader = await createConfigReader({',
      "  environment: 'prod',",
      "  clientId: process.env.GENESYSCLOUD_OAUTHCLIENT_ID ?? '',",
      '  connection: {',
      "    clientId: process.env.GENESYSCLOUD_OAUTHCLIENT_ID ?? '',",
      "    clientSecret: process.env.GENESYSCLOUD_OAUTHCLIENT_SECRET ?? '',",
      '    apiUrl: process.env.GENESYSCLOUD_API_URL,',
      '  },',
      '  tables: { plugin_config: { ttlSeconds: 60, environmentColumn: false } },',
      '  versionPollSeconds: 0,',
      '});',
      'await reader.ready();',
      "const value: unknown = reader.get('plugin_config', 'max_calls');",
      'console.log(JSON.stringify(value));',
      'await reader.close();',
      '',
    ].join('\n');
    await writeFile(join(project, 'read.ts'), source);
    await writeFile(join(project, 'read.mjs'), source.replace(': unknown', ''));
    await writeFile(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2023',
          strict: true,
          noEmit: true,
          // A Node library's declarations name Node's types (NodeJS.ProcessEnv); consumers have them.
          typeRoots: [resolve(ROOT, 'node_modules/@types')],
          types: ['node'],
        },
        files: ['read.ts'],
      }),
    );
    // The declarations type-check a consumer's code (tsc exits non-zero on any error).
    await run(process.execPath, [resolve(ROOT, 'node_modules/typescript/bin/tsc'), '-p', project]).catch(
      (error: { stdout?: string }) => {
        throw new Error(`tsc refused the consumer's code:\n${error.stdout ?? String(error)}`);
      },
    );
    const read = await run(process.execPath, [join(project, 'read.mjs')], {
      cwd: project,
      env: { PATH: process.env.PATH, ...emulatorEnv(emulator) },
    });
    expect(read.stdout.trim()).toBe('250');
  });
});
