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
