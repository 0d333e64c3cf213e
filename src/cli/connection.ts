import { DEFAULT_SETTLE_MS } from '../deploy/settle.js';
import { ConfigurationError } from '../errors.js';
import { connectionSettingsFromEnv, createGenesysClient, type GenesysClient } from '../genesys/client.js';
import { stderrLogger } from '../logger.js';
import type { CliIo } from './io.js';

/** The connection options every command that calls Genesys Cloud takes. */
export const CONNECTION_OPTIONS = {
  region: { type: 'string' },
  'api-url': { type: 'string' },
  'rate-limit': { type: 'string' },
} as const;

export const CONNECTION_HELP = `  --region R       Genesys Cloud region, e.g. us-east-1 (or GENESYSCLOUD_REGION)
  --api-url URL    explicit API origin, e.g. the emulator (or GENESYSCLOUD_API_URL)
  --rate-limit N   requests per minute for this run (default 300)`;

/** A client from the environment, with the command line's overrides. */
export function clientFromOptions(
  io: CliIo,
  values: { region?: string; 'api-url'?: string; 'rate-limit'?: string },
): GenesysClient {
  const settings = connectionSettingsFromEnv(io.env);
  if (values.region) settings.region = values.region;
  if (values['api-url']) settings.apiUrl = values['api-url'];
  if (values['rate-limit'] !== undefined) settings.rateLimitPerMinute = Number(values['rate-limit']);
  return createGenesysClient(settings, { logger: stderrLogger() });
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
