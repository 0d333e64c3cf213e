import { DEFAULT_SETTLE_MS } from '../deploy/settle.js';
import { ConfigurationError } from '../errors.js';
import {
  connectionSettingsFromEnv,
  createGenesysClient,
  type ConnectionSettings,
  type GenesysClient,
} from '../genesys/client.js';
import { proxyAwareFetch } from '../genesys/proxy.js';
import { parseOrigin, resolveEndpoints } from '../genesys/regions.js';
import { stderrLogger } from '../logger.js';
import type { CliIo } from './io.js';

/** The connection options every command that calls Genesys Cloud takes. */
export const CONNECTION_OPTIONS = {
  region: { type: 'string' },
  'api-url': { type: 'string' },
  'rate-limit': { type: 'string' },
} as const;

export const CONNECTION_HELP = `  --region R       Genesys Cloud region, e.g. us-east-1 or mypurecloud.ie (or GENESYSCLOUD_REGION)
  --api-url URL    explicit API origin, e.g. the emulator (or GENESYSCLOUD_API_URL)
  --rate-limit N   requests per minute for this run (default 300)`;

type ConnectionValues = { region?: string; 'api-url'?: string; 'rate-limit'?: string };

/**
 * The environment's settings with the command line's overrides: --region replaces an API URL
 * from the environment (an explicit --api-url still wins, as documented).
 */
function settingsOf(io: CliIo, values: ConnectionValues): ConnectionSettings {
  const settings = connectionSettingsFromEnv(io.env);
  if (values.region !== undefined) {
    settings.region = values.region;
    settings.apiUrl = undefined;
  }
  if (values['api-url'] !== undefined) settings.apiUrl = values['api-url'];
  if (values['rate-limit'] !== undefined) settings.rateLimitPerMinute = rateLimitOf(values['rate-limit']);
  return settings;
}

/**
 * Refuses a malformed API URL, an unknown region or rate limit before anything is read or
 * planned; a missing region or credentials are left to the client, when it is needed.
 */
export function checkConnectionOptions(io: CliIo, values: ConnectionValues): void {
  const settings = settingsOf(io, values);
  if (settings.apiUrl)
    parseOrigin(settings.apiUrl, values['api-url'] !== undefined ? '--api-url' : 'GENESYSCLOUD_API_URL');
  else if (settings.region) resolveEndpoints({ region: settings.region });
}

/**
 * A client from the environment, with the command line's overrides. Its requests go through
 * the proxy HTTPS_PROXY / HTTP_PROXY name, as curl's would, unless NO_PROXY names the host.
 */
export function clientFromOptions(io: CliIo, values: ConnectionValues): GenesysClient {
  checkConnectionOptions(io, values);
  return createGenesysClient(settingsOf(io, values), {
    logger: stderrLogger(),
    fetch: proxyAwareFetch(io.env),
  });
}

function rateLimitOf(text: string): number {
  const rate = /^\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : NaN;
  if (!(rate > 0))
    throw new ConfigurationError(
      `--rate-limit must be a number of requests per minute above 0; got ${JSON.stringify(text)}.`,
      'Give e.g. --rate-limit 300 (the default), or less to leave room for other clients.',
    );
  return rate;
}

/** The settle window of commands that write (apply, rollback). */
export const SETTLE_OPTION = { 'settle-seconds': { type: 'string' } } as const;

export const SETTLE_HELP = `  --settle-seconds N  how long read-backs may lag behind writes before a difference
                      counts (Genesys Cloud is eventually consistent), and how long a write
                      whose answer was lost may still land (default ${DEFAULT_SETTLE_MS / 1000})`;

/** --settle-seconds in ms: a number of seconds from 0 to 3600. */
export function settleMsOf(values: { 'settle-seconds'?: string }): number {
  const text = values['settle-seconds'];
  if (text === undefined) return DEFAULT_SETTLE_MS;
  const seconds = /^\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : NaN;
  if (!(seconds >= 0 && seconds <= 3600))
    throw new ConfigurationError(
      `--settle-seconds ${JSON.stringify(text)} is not a number of seconds from 0 to 3600.`,
      `Give e.g. --settle-seconds ${DEFAULT_SETTLE_MS / 1000} (the default), or 0 to trust the first read.`,
    );
  return seconds * 1000;
}
