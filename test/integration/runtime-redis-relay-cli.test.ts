import { spawn } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/clock.js';
import { parseRelayArgs, runRelayCommand } from '../../src/cli/relay-command.js';
import { postInvalidation } from '../../src/deploy/webhook.js';
import { ConfigurationError } from '../../src/errors.js';
import { connectRedis } from '../../src/runtime/redis.js';
import type { Purge } from '../../src/runtime/types.js';
import { ROOT } from '../helpers/processes.js';
import { describeRedis, startRedis, type TestRedis } from '../helpers/redis.js';

/** `datatable-deploy relay`: its arguments, and the command as a real process stopped by SIGTERM. */

const SECRET = 'cli-relay-secret';
const ENV = { DATATABLE_DEPLOY_WEBHOOK_SECRET: SECRET, REDIS_URL: 'redis://127.0.0.1:6379' };

describe('relay arguments', () => {
  it('takes the Redis URL from --redis or REDIS_URL, and the secret from the environment', () => {
    expect(parseRelayArgs([], ENV)).toMatchObject({
      redisUrl: ENV.REDIS_URL,
      secret: SECRET,
      host: '127.0.0.1',
      port: 0,
    });
    expect(parseRelayArgs(['--redis', 'redis://elsewhere:1', '--port', '8080'], ENV)).toMatchObject({
      redisUrl: 'redis://elsewhere:1',
      port: 8080,
    });
  });

  it('refuses a secret on the command line, a missing secret or Redis, and a bad port, saying the fix', () => {
    const refusal = (args: string[], env: NodeJS.ProcessEnv): ConfigurationError => {
      try {
        parseRelayArgs(args, env);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigurationError);
        return error as ConfigurationError;
      }
      throw new Error(`accepted ${args.join(' ')}`);
    };
    expect(refusal(['--secret', 'leaks-in-ps'], ENV).hint).toContain('DATATABLE_DEPLOY_WEBHOOK_SECRET');
    expect(refusal([], { REDIS_URL: ENV.REDIS_URL }).message).toContain(
      'DATATABLE_DEPLOY_WEBHOOK_SECRET is not set',
    );
    expect(refusal([], { DATATABLE_DEPLOY_WEBHOOK_SECRET: SECRET }).hint).toContain('--redis');
    expect(refusal(['--port', '70000'], ENV).message).toContain('--port must be from 0 to 65535');
  });

  it('prints its usage with --help', async () => {
    const stdout = new PassThrough();
    let text = '';
    stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    expect(await runRelayCommand(['--help'], { env: {}, stdout, stderr: new PassThrough() })).toBe(0);
    expect(text).toContain('Usage: datatable-deploy relay');
  });
});

describeRedis('the relay command', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(() => redis.close());

  it('relays a deploy webhook to a subscriber, and stops cleanly on SIGTERM', async () => {
    const channel = `${redis.prefix()}purges`;
    const reader = await connectRedis({ url: redis.url, channel });
    const seen: Purge[] = [];
    await reader.purges.subscribe({ onPurge: (purge) => seen.push(purge), onReconnect: () => {} });

    const relay = startRelayProcess(['--redis', redis.url, '--channel', channel]);
    const url = (await relay.firstLine).replace(/^.* listening on /, '');
    const [result] = await postInvalidation([url], SECRET, deployEvent(), { clock: systemClock });
    expect(result).toMatchObject({ ok: true, status: 204 });
    while (seen.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen[0]).toMatchObject({ table: 'plugin_config', version: 4 });

    relay.child.kill('SIGTERM');
    const exit = await relay.exited;
    expect(exit).toMatchObject({ code: 0 });
    expect(exit.stderr).toContain('relay stopped');
    await Promise.all([reader.tier.close(), reader.purges.close()]);
  });
});

function deployEvent() {
  return {
    event: 'datatables.deployed' as const,
    tables: ['plugin_config'],
    version: 4,
    versions: { plugin_config: 4 },
    deployId: 'deploy-4',
    digest: 'sha256:x',
    environment: 'production',
    actor: 'tester',
    deployedAt: new Date().toISOString(),
  };
}

/** The command in a process of its own (through tsx: it is not in dist/cli.js yet). */
function startRelayProcess(args: string[]) {
  const script =
    "const { runRelayCommand } = await import('./src/cli/relay-command.ts');" +
    'process.exitCode = await runRelayCommand(process.argv.slice(1), { env: process.env, stdout: process.stdout, stderr: process.stderr });';
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', '--input-type=module', '-e', script, '--', ...args],
    {
      cwd: ROOT,
      env: { PATH: process.env.PATH, DATATABLE_DEPLOY_WEBHOOK_SECRET: SECRET },
    },
  );
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stderr })),
  );
  const firstLine = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('\n')) resolve(stdout.slice(0, stdout.indexOf('\n')));
    });
    void exited.then(() => reject(new Error(`the relay exited before listening: ${stderr}`)));
  });
  return { child, firstLine, exited };
}
