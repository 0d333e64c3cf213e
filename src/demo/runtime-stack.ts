import { CLI_BUNDLE, PLUGIN_SERVER, runCli, startService, type Finished, type Service } from './processes.js';

/**
 * The runtime half as it runs in production, on one machine: the relay and N instances of the
 * example plugin (examples/plugin/server.mjs), wired to an org (the emulator) and to Redis. Used
 * by the runtime demo and its end-to-end test.
 */

export const EXAMPLE_CONFIG = 'examples/config/plugin_config_production.yaml';
export const EXAMPLE_TABLE = 'plugin_config_production';
export const VERSIONS_TABLE = 'datatable_deploy_versions';

export interface StackOptions {
  /** GENESYSCLOUD_* variables that point at the org (the emulator). */
  readonly connectionEnv: NodeJS.ProcessEnv;
  readonly redisUrl: string;
  readonly webhookSecret: string;
  readonly instances: number;
  /** Keeps runs that share one Redis apart (keys and the purge channel). */
  readonly redisPrefix?: string | undefined;
  /** How often the plugins poll the versions table (their default is 15 s). */
  readonly versionPollSeconds?: number | undefined;
}

export interface RuntimeStack {
  readonly relay: Service;
  readonly relayUrl: string;
  readonly plugins: readonly Service[];
  /** Stops the plugins and the relay (SIGTERM); resolves with their exit codes. */
  close(): Promise<(number | null)[]>;
}

/** What GET /health of the example plugin answers (the parts the demo and the test look at). */
export interface PluginHealth {
  readonly status: 'ok' | 'degraded';
  readonly instance: string;
  readonly configVersion: number;
  readonly redis: 'up' | 'down' | 'off';
  readonly values: { readonly max_concurrent_calls?: number; readonly dialer_enabled?: boolean };
  readonly lastChange?: { readonly version: number; readonly at: number };
}

/** Starts the relay and the plugins (in parallel); on a failure, stops what did start. */
export async function startRuntimeStack(options: StackOptions): Promise<RuntimeStack> {
  const prefix = options.redisPrefix;
  const redisArgs = prefix ? ['--key-prefix', prefix, '--channel', `${prefix}purges`] : [];
  const starting = [
    startService('relay', CLI_BUNDLE, ['relay', '--redis', options.redisUrl, ...redisArgs], {
      DATATABLE_DEPLOY_WEBHOOK_SECRET: options.webhookSecret,
    }),
    ...Array.from({ length: options.instances }, (_, index) =>
      startService(`plugin-${String.fromCharCode(97 + index)}`, PLUGIN_SERVER, [], pluginEnv(options, index)),
    ),
  ];
  const settled = await Promise.allSettled(starting);
  const started = settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failed = settled.find((result) => result.status === 'rejected');
  if (failed) {
    await Promise.all(started.map((service) => service.stop()));
    throw failed.reason;
  }
  const [relay, ...plugins] = started as [Service, ...Service[]];
  return {
    relay,
    relayUrl: relay.firstLine.replace(/^.* listening on /, ''),
    plugins,
    close: () => Promise.all([...plugins, relay].map((service) => service.stop())),
  };
}

function pluginEnv(options: StackOptions, index: number): NodeJS.ProcessEnv {
  return {
    ...options.connectionEnv,
    PLUGIN_NAME: `plugin-${String.fromCharCode(97 + index)}`,
    PLUGIN_ENVIRONMENT: 'prod',
    PORT: '0',
    REDIS_URL: options.redisUrl,
    ...(options.redisPrefix ? { PLUGIN_REDIS_PREFIX: options.redisPrefix } : {}),
    ...(options.versionPollSeconds !== undefined
      ? { PLUGIN_VERSION_POLL_SECONDS: String(options.versionPollSeconds) }
      : {}),
  };
}

export async function readHealth(plugin: Service): Promise<PluginHealth> {
  const response = await fetch(`${plugin.firstLine}/health`);
  if (!response.ok) throw new Error(`${plugin.name}: GET /health answered ${response.status}`);
  return (await response.json()) as PluginHealth;
}

/** Polls every plugin's /health until each satisfies `done`; resolves with the last answers. */
export async function waitForHealth(
  plugins: readonly Service[],
  done: (health: PluginHealth) => boolean,
  timeoutMs = 10_000,
): Promise<PluginHealth[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const healths = await Promise.all(plugins.map(readHealth));
    if (healths.every(done)) return healths;
    if (Date.now() > deadline) {
      throw new Error(`the plugins did not get there within ${timeoutMs} ms: ${JSON.stringify(healths)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * Milliseconds from the relay publishing `version` (its log line) to each plugin installing it
 * (the time its onChange recorded). Both clocks are this machine's.
 */
export async function switchDelays(
  stack: RuntimeStack,
  version: number,
  healths: PluginHealth[],
): Promise<number[]> {
  const published = await stack.relay.waitForLine(
    new RegExp(`Published ${EXAMPLE_TABLE} v${version}\\b`),
    5_000,
  );
  return healths.map((health) => (health.lastChange?.at ?? NaN) - published.at);
}

/** `apply` of the example config with the versions table and the relay's webhook. */
export async function deployExample(
  stack: RuntimeStack,
  options: StackOptions,
  backupDir: string,
): Promise<Finished & { version: number | undefined; backup: string | undefined }> {
  const args = ['apply', EXAMPLE_CONFIG, '--environment', 'prod', '--yes', '--backup-dir', backupDir];
  const run = await runCli([...args, ...invalidationArgs(stack)], cliEnv(options));
  return {
    ...run,
    version: Number(/Deployed version (\d+)/.exec(run.stdout)?.[1]) || undefined,
    backup: /^\s*backup: (.+)$/m.exec(run.stdout)?.[1]?.trim(),
  };
}

/**
 * `rollback` of a backup, with `--versions-table` and `--webhook`: the restored rows get a new
 * version and the relay is told, so the plugins switch back (an older version they would ignore).
 */
export async function rollbackExample(
  stack: RuntimeStack,
  options: StackOptions,
  backup: string,
): Promise<Finished> {
  const args = ['rollback', '--backup', backup, '--yes', ...invalidationArgs(stack)];
  return runCli(args, cliEnv(options));
}

function invalidationArgs(stack: RuntimeStack): string[] {
  return ['--versions-table', VERSIONS_TABLE, '--webhook', stack.relayUrl];
}

function cliEnv(options: StackOptions): NodeJS.ProcessEnv {
  return { ...options.connectionEnv, DATATABLE_DEPLOY_WEBHOOK_SECRET: options.webhookSecret };
}
