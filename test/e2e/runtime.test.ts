import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  EXAMPLE_TABLE,
  deployExample,
  readHealth,
  rollbackExample,
  startRuntimeStack,
  switchDelays,
  waitForHealth,
  type RuntimeStack,
  type StackOptions,
} from '../../src/demo/runtime-stack.js';
import { startEmulator, type RunningEmulator } from '../../src/emulator/server.js';
import type { StateDump } from '../../src/emulator/state.js';
import { ROOT, emulatorEnv } from '../helpers/processes.js';
import { canRestartRedis, describeRedis, startRedis, type TestRedis } from '../helpers/redis.js';

/**
 * The runtime half end to end, every piece real: redis-server, the emulator on a socket, the
 * relay (dist/cli.js relay) and two processes of the example plugin (examples/plugin/server.mjs,
 * reading through datatable-deploy/runtime). A CLI deploy reaches both plugins through the
 * signed webhook, the relay and Redis pub/sub; a Redis outage leaves them serving; a rollback
 * brings them back to the old values under a newer version. Only outcomes are asserted: the
 * delays are printed, not bounded (a loaded CI machine must not fail the test).
 */

const SECRET = 'e2e-runtime-webhook-secret';

describeRedis('runtime end to end: a deploy and a rollback reach two plugin processes', () => {
  let redis: TestRedis;
  let emulator: RunningEmulator;
  let stack: RuntimeStack;
  let options: StackOptions;
  let backupDir: string;
  const deployed: { version?: number; backup?: string } = {};

  beforeAll(async () => {
    const live = JSON.parse(
      await readFile(join(ROOT, 'examples/live/plugin_config_production.json'), 'utf8'),
    ) as StateDump;
    [redis, emulator, backupDir] = await Promise.all([
      startRedis(),
      startEmulator({ state: live }),
      mkdtemp(join(tmpdir(), 'runtime-e2e-')),
    ]);
    options = {
      connectionEnv: emulatorEnv(emulator),
      redisUrl: redis.url,
      redisPrefix: redis.prefix(),
      webhookSecret: SECRET,
      instances: 2,
    };
    stack = await startRuntimeStack(options);
  });

  afterAll(async () => {
    const codes = await stack?.close();
    await Promise.all([
      redis?.close(),
      emulator?.[Symbol.asyncDispose](),
      rm(backupDir, { recursive: true }),
    ]);
    // A plugin stops cleanly on SIGTERM: it closes its reader and exits 0.
    expect(codes?.every((code) => code === 0)).toBe(true);
  });

  it('starts with the live table (no versions table yet: version 0)', async () => {
    const healths = await Promise.all(stack.plugins.map(readHealth));
    for (const health of healths) {
      expect(health).toMatchObject({ status: 'ok', configVersion: 0, redis: 'up' });
      expect(health.values.max_concurrent_calls).toBe(200);
    }
  });

  it('serves the deployed version on both instances soon after a CLI deploy', async () => {
    const run = await deployExample(stack, options, backupDir);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/webhook .*: delivered/);
    Object.assign(deployed, { version: run.version, backup: run.backup });
    expect(deployed.version).toBeGreaterThan(0);
    const healths = await waitForHealth(stack.plugins, (health) => health.configVersion === deployed.version);
    for (const health of healths) expect(health.values.max_concurrent_calls).toBe(250);
    const delays = await switchDelays(stack, deployed.version!, healths);
    console.log(
      `deploy → both plugins on v${deployed.version}: ${delays.map((ms) => `${ms} ms`).join(', ')}`,
    );
  });

  it.skipIf(!canRestartRedis)(
    'keeps serving while Redis is down, and reconnects when it is back',
    async () => {
      await redis.stop();
      const down = await waitForHealth(stack.plugins, (health) => health.redis === 'down');
      for (const health of down) {
        expect(health).toMatchObject({ status: 'degraded', configVersion: deployed.version });
        expect(health.values.max_concurrent_calls).toBe(250);
      }
      const config = await fetch(`${stack.plugins[0]!.firstLine}/config/max_concurrent_calls`);
      expect(await config.json()).toMatchObject({ value: 250, version: deployed.version });

      await redis.start();
      await waitForHealth(stack.plugins, (health) => health.redis === 'up' && health.status === 'ok');
      // The relay reconnects too before the rollback's webhook reaches it.
      await stack.relay.waitForLine(/Redis at .* is reachable again/);
    },
  );

  it('switches both instances back to the restored values, under a newer version, after a rollback', async () => {
    expect(deployed.backup).toBeDefined();
    const run = await rollbackExample(stack, options, deployed.backup!);
    expect(run.code, run.stderr).toBe(0);
    const healths = await waitForHealth(
      stack.plugins,
      (health) => health.configVersion > deployed.version! && health.values.max_concurrent_calls === 200,
    );
    const version = healths[0]!.configVersion;
    expect(healths.every((health) => health.configVersion === version)).toBe(true);
    const delays = await switchDelays(stack, version, healths);
    console.log(`rollback → both plugins on v${version}: ${delays.map((ms) => `${ms} ms`).join(', ')}`);
    const table = await fetch(`${stack.plugins[1]!.firstLine}/config/max_concurrent_calls`);
    expect(await table.json()).toMatchObject({ table: EXAMPLE_TABLE, value: 200, version });
  });
});
