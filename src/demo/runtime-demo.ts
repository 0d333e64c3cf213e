import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startEmulator } from '../emulator/server.js';
import type { StateDump } from '../emulator/state.js';
import { PROJECT_ROOT } from './processes.js';
import { REDIS_MISSING, redisServerInstalled, startDemoRedis, type DemoRedis } from './redis-server.js';
import {
  EXAMPLE_CONFIG,
  VERSIONS_TABLE,
  deployExample,
  readHealth,
  rollbackExample,
  startRuntimeStack,
  switchDelays,
  waitForHealth,
  type PluginHealth,
  type RuntimeStack,
  type StackOptions,
} from './runtime-stack.js';

const LIVE = 'examples/live/plugin_config_production.json';

/** What one step of the demo saw, for its summary (and for the test of the demo). */
export interface SwitchReport {
  readonly version: number;
  readonly delaysMs: readonly number[];
}

/** Where the demo writes, and the environment it reads REDIS_URL from. */
export interface RuntimeDemoIo {
  env: NodeJS.ProcessEnv;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export interface RuntimeDemoResult {
  readonly exitCode: number;
  readonly deploy?: SwitchReport;
  readonly rollback?: SwitchReport;
}

/**
 * The runtime demo: Redis, the emulator, the relay and two processes of the example plugin;
 * a deploy of the example config reaches both through the signed webhook, the relay and Redis
 * pub/sub; a rollback of its backup brings them back, under a newer version. Cleans up after.
 */
export async function runRuntimeDemo(io: RuntimeDemoIo): Promise<RuntimeDemoResult> {
  const say = (text = ''): void => void io.stdout.write(`${text}\n`);
  const redisUrl = io.env.REDIS_URL;
  if (!redisUrl && !redisServerInstalled()) {
    io.stderr.write(`${REDIS_MISSING}\n`);
    return { exitCode: 1 };
  }
  const started = Date.now();
  const redis: DemoRedis = redisUrl ? { url: redisUrl, close: async () => {} } : await startDemoRedis();
  const live = JSON.parse(await readFile(join(PROJECT_ROOT, LIVE), 'utf8')) as StateDump;
  await using emulator = await startEmulator({ state: live });
  const backupDir = await mkdtemp(join(tmpdir(), 'datatable-deploy-runtime-demo-'));
  const options: StackOptions = {
    connectionEnv: {
      GENESYSCLOUD_API_URL: emulator.url,
      GENESYSCLOUD_OAUTHCLIENT_ID: emulator.clientId,
      GENESYSCLOUD_OAUTHCLIENT_SECRET: emulator.clientSecret,
    },
    redisUrl: redis.url,
    // A Redis of the user's (REDIS_URL) may serve others: keep to keys and a channel of our own.
    redisPrefix: redisUrl ? `datatable-deploy-demo-${randomUUID().slice(0, 8)}:` : undefined,
    webhookSecret: `demo-${randomUUID()}`,
    instances: 2,
  };
  let stack: RuntimeStack | undefined;
  try {
    stack = await startRuntimeStack(options);
    return await runSteps(stack, options, backupDir, say, { redis: redis.url, started });
  } finally {
    await stack?.close();
    await Promise.all([redis.close(), rm(backupDir, { recursive: true, force: true })]);
  }
}

type Say = (text?: string) => void;

async function runSteps(
  stack: RuntimeStack,
  options: StackOptions,
  backupDir: string,
  say: Say,
  context: { redis: string; started: number },
): Promise<RuntimeDemoResult> {
  say(`1. Redis at ${context.redis}, the emulated org with ${LIVE}, the relay at ${stack.relayUrl},`);
  say('   and two instances of examples/plugin/server.mjs reading it through datatable-deploy/runtime:');
  const before = await Promise.all(stack.plugins.map(readHealth));
  for (const health of before) say(`   ${describeHealth(health)}`);

  const deploy = await deployExample(stack, options, backupDir);
  say(`2. Deploy ${EXAMPLE_CONFIG} with the versions table ${VERSIONS_TABLE} and the webhook to the relay:`);
  say(indent(pick(deploy.stdout, /^(Deployed|\s+webhook)/)));
  if (deploy.code !== 0 || deploy.version === undefined || deploy.backup === undefined) {
    say(indent(deploy.stderr));
    return { exitCode: 1 };
  }
  const { report: deployed, healths: deployedHealths } = await reportSwitch(
    stack,
    before,
    deploy.version,
    say,
  );

  const rollback = await rollbackExample(stack, options, deploy.backup);
  say(`3. Roll back to the backup the deploy made (${deploy.backup}):`);
  say(indent(pick(rollback.stderr, /marked at version/)));
  say(indent(pick(rollback.stdout, /^(Restored|\s+webhook)/)));
  if (rollback.code !== 0) return { exitCode: 1, deploy: deployed };
  const restored = await waitForHealth(stack.plugins, (health) => health.configVersion > deploy.version!);
  const { report: rolledBack } = await reportSwitch(stack, deployedHealths, restored[0]!.configVersion, say);

  say();
  say(`Summary (${((Date.now() - context.started) / 1000).toFixed(1)} s, no Genesys org needed):`);
  say(
    `  deploy    v${deployed.version} served by both instances ${slowest(deployed)} after the relay published it`,
  );
  say(`  rollback  v${rolledBack.version} (the old values) served by both ${slowest(rolledBack)} after`);
  say('Next: examples/plugin/README.md runs the plugin against your own emulator or org.');
  return { exitCode: 0, deploy: deployed, rollback: rolledBack };
}

/** Waits for every plugin to serve `version`, and says when each switched. */
async function reportSwitch(
  stack: RuntimeStack,
  before: readonly PluginHealth[],
  version: number,
  say: Say,
): Promise<{ report: SwitchReport; healths: PluginHealth[] }> {
  const after = await waitForHealth(stack.plugins, (health) => health.configVersion >= version);
  const delaysMs = await switchDelays(stack, version, after);
  after.forEach((health, index) => {
    const old = before[index]?.values.max_concurrent_calls;
    const change = `max_concurrent_calls ${old} → ${health.values.max_concurrent_calls}`;
    say(
      `   ${health.instance} switched to v${health.configVersion} (${change}) ${delaysMs[index]} ms after the relay published it`,
    );
  });
  return { report: { version, delaysMs }, healths: after };
}

function describeHealth(health: PluginHealth): string {
  const values = `max_concurrent_calls=${health.values.max_concurrent_calls}, dialer_enabled=${health.values.dialer_enabled}`;
  return `${health.instance}: ${health.status}, config v${health.configVersion}, Redis ${health.redis}, ${values}`;
}

function slowest(report: SwitchReport): string {
  return `within ${Math.max(...report.delaysMs)} ms`;
}

/** The lines of a command's output that match. */
function pick(text: string, pattern: RegExp): string {
  return text
    .split('\n')
    .filter((line) => pattern.test(line))
    .map((line) => line.trim())
    .join('\n');
}

function indent(text: string): string {
  return text
    .trimEnd()
    .split('\n')
    .map((line) => `   ${line}`)
    .join('\n');
}

// `npm run demo:runtime` runs this file with tsx.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { exitCode } = await runRuntimeDemo({
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
  });
  process.exitCode = exitCode;
}
