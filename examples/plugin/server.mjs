#!/usr/bin/env node
// An example plugin service that reads its settings with datatable-deploy/runtime.
// Plain ESM, no build step. See README.md next to this file for how to run it.
import { createServer } from 'node:http';
import { createConfigReader } from 'datatable-deploy/runtime';

const TABLE = 'plugin_config_production';
const NAME = process.env.PLUGIN_NAME || `plugin-${process.pid}`;

/**
 * What this plugin serves when a value cannot be used: the table is unreadable, a row belongs to
 * another environment, the config version is outside the supported range, or a value breaks the
 * contract below. Chosen so that the plugin is safe, not busy: few calls, dialer off.
 */
const SAFE_DEFAULTS = {
  max_concurrent_calls: 50,
  dialer_enabled: false,
  abandon_rate_target: 0.03,
  greeting_prompt: 'Welcome. Calls may be recorded.',
  callback_retry_minutes: 15,
};

/** The keys this plugin reads and what it expects of each (checked on every new snapshot). */
const CONTRACT = {
  max_concurrent_calls: { type: 'integer', minimum: 1, maximum: 1000 },
  dialer_enabled: 'boolean',
  abandon_rate_target: { type: 'number', minimum: 0, maximum: 1 },
  greeting_prompt: 'string',
  callback_retry_minutes: 'integer',
  fallback_queue: {
    type: 'object',
    required: ['queueId', 'priority'],
    properties: { queueId: { type: 'string' }, priority: { type: 'integer' } },
  },
};

const log = (line) => process.stderr.write(`[${NAME}] ${line}\n`);

/** Reads the settings from the environment; a missing one stops the plugin with what to set. */
function settings(env) {
  const missing = [
    'PLUGIN_ENVIRONMENT',
    'GENESYSCLOUD_OAUTHCLIENT_ID',
    'GENESYSCLOUD_OAUTHCLIENT_SECRET',
  ].filter((name) => !env[name]);
  if (missing.length > 0) {
    log(`set ${missing.join(', ')} (see examples/plugin/README.md)`);
    process.exit(1);
  }
  return {
    port: Number(env.PORT ?? 0),
    environment: env.PLUGIN_ENVIRONMENT,
    redisUrl: env.REDIS_URL || undefined,
    // Keeps several deployments (or test runs) on one Redis apart; the relay's must match.
    redisPrefix: env.PLUGIN_REDIS_PREFIX || undefined,
    versionsTable: env.PLUGIN_VERSIONS_TABLE || 'datatable_deploy_versions',
    // Seconds between reads of the versions table: the safety net for a purge that never came.
    versionPollSeconds: env.PLUGIN_VERSION_POLL_SECONDS ? Number(env.PLUGIN_VERSION_POLL_SECONDS) : 15,
    connection: {
      clientId: env.GENESYSCLOUD_OAUTHCLIENT_ID,
      clientSecret: env.GENESYSCLOUD_OAUTHCLIENT_SECRET,
      region: env.GENESYSCLOUD_REGION || undefined,
      apiUrl: env.GENESYSCLOUD_API_URL || undefined,
    },
  };
}

/** The relay is started with the same prefix: --key-prefix P --channel Ppurges. */
function redisOptions({ redisUrl, redisPrefix }) {
  if (!redisPrefix) return { url: redisUrl };
  return { url: redisUrl, keyPrefix: redisPrefix, channel: `${redisPrefix}purges` };
}

/** The reader's log lines, to stderr. */
const readerLogger = {
  debug() {},
  info: (line) => log(line),
  warn: (line) => log(`warning: ${line}`),
};

/** up, down or off: a Redis tier or purge channel that is down makes the plugin degraded. */
function redisState({ sharedTier, purgeChannel }) {
  if (sharedTier === 'none' && purgeChannel === 'none') return 'off';
  return sharedTier === 'down' || purgeChannel === 'down' ? 'down' : 'up';
}

/** GET /health: the config version per table, the snapshot's age, and the values this plugin runs on. */
function health(reader, lastChange) {
  const stats = reader.stats();
  const { tables, safeDefaults } = stats;
  const table = tables[TABLE];
  const redis = redisState(stats);
  const degraded = !table?.loaded || table.lastError !== undefined || redis === 'down';
  return {
    status: degraded ? 'degraded' : 'ok',
    instance: NAME,
    // The shape examples/health-checks.yaml probes after a deploy ($.status, $.configVersion).
    configVersion: table?.version ?? 0,
    redis,
    tables: Object.fromEntries(
      Object.entries(tables).map(([name, stats]) => [
        name,
        { version: stats.version, ageSeconds: stats.ageSeconds, pendingVersion: stats.pendingVersion },
      ]),
    ),
    values: {
      max_concurrent_calls: reader.get(TABLE, 'max_concurrent_calls'),
      dialer_enabled: reader.get(TABLE, 'dialer_enabled'),
    },
    safeDefaultsServed: safeDefaults,
    lastChange,
  };
}

function handle(reader, lastChange, req, res) {
  const reply = (status, body) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(`${JSON.stringify(body)}\n`);
  };
  const url = new URL(req.url ?? '/', 'http://plugin');
  if (req.method !== 'GET') return reply(405, { error: 'only GET' });
  if (url.pathname === '/health') return reply(200, health(reader, lastChange.current));
  const key = /^\/config\/([^/]+)$/.exec(url.pathname)?.[1];
  if (key === undefined) return reply(404, { error: 'try /health or /config/:key' });
  const name = decodeURIComponent(key);
  // get() is a read from memory: no API call, even for a key the table does not have.
  const value = reader.get(TABLE, name);
  const version = reader.stats().tables[TABLE]?.version;
  if (value === undefined) return reply(404, { table: TABLE, key: name, version, error: 'no such key' });
  return reply(200, { table: TABLE, key: name, value, version });
}

async function main() {
  const config = settings(process.env);
  const reader = await createConfigReader({
    environment: config.environment,
    connection: config.connection,
    versionsTable: config.versionsTable,
    versionPollSeconds: config.versionPollSeconds,
    ...(config.redisUrl ? { redis: redisOptions(config) } : {}),
    tables: {
      [TABLE]: { ttlSeconds: 60, safeDefaults: SAFE_DEFAULTS, contract: CONTRACT },
    },
    logger: readerLogger,
  });
  const report = await reader.ready();
  const first = report.tables[TABLE];
  log(first?.loaded ? `loaded ${TABLE} v${first.version}` : `serving safe defaults (${first?.error})`);

  const lastChange = { current: undefined };
  const server = createServer((req, res) => handle(reader, lastChange, req, res));
  await new Promise((resolve) => server.listen(config.port, '127.0.0.1', resolve));
  // The first line on stdout is the URL: scripts and tests read it.
  process.stdout.write(`http://127.0.0.1:${server.address().port}\n`);

  reader.onChange((table, { before, after, changedKeys }) => {
    // The time is for the demo's delay measure: when this instance began to serve the version.
    lastChange.current = { table, version: after.version, at: Date.now(), changedKeys };
    const from = before === undefined ? 'nothing' : `v${before.version}`;
    process.stdout.write(
      `${table}: ${from} → v${after.version} (changed: ${changedKeys.join(', ') || 'none'})\n`,
    );
  });

  const stop = async () => {
    log('stopping');
    server.closeAllConnections();
    await Promise.all([new Promise((resolve) => server.close(resolve)), reader.close()]);
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

await main();
