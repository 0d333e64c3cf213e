import type { Clock } from '../clock.js';
import { systemClock } from '../clock.js';
import { ConfigurationError } from '../errors.js';
import type { Logger } from '../logger.js';
import { silentLogger } from '../logger.js';
import { checkCredentials, tokenSourceFor } from './credentials.js';
import { DataTablesApi, type DataTablesOptions } from './datatables.js';
import { GenesysHttp } from './http.js';
import { RateBudget } from './rate-budget.js';
import { resolveEndpoints, type Endpoints } from './regions.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry.js';

/** Everything needed to reach one Genesys Cloud org. */
export interface ConnectionSettings {
  clientId: string;
  clientSecret: string;
  /** A token to use as is, instead of the OAuth client (which must then be empty). */
  accessToken?: string | undefined;
  /** Region name (`us-east-1` or `us_east_1`); ignored when `apiUrl` is set. */
  region?: string | undefined;
  /** Explicit API origin (emulator, proxy). OAuth is then served on the same origin unless `loginUrl` is set. */
  apiUrl?: string | undefined;
  loginUrl?: string | undefined;
  /** Requests per minute for this process. Default 300, Genesys's per-token default. */
  rateLimitPerMinute?: number | undefined;
  /** Requests in flight at once. Default 8. */
  maxConcurrency?: number | undefined;
  /** Per-request timeout. Default 30 s. */
  timeoutMs?: number | undefined;
}

export interface ClientOptions {
  retry?: Partial<RetryPolicy>;
  tables?: DataTablesOptions;
  clock?: Clock;
  logger?: Logger;
  fetch?: typeof fetch;
}

/** The wired-up client: the data-tables resource plus its shared plumbing, for stats. */
export interface GenesysClient {
  readonly endpoints: Endpoints;
  readonly tables: DataTablesApi;
  readonly http: GenesysHttp;
  readonly budget: RateBudget;
}

export const DEFAULT_RATE_LIMIT_PER_MINUTE = 300;
export const DEFAULT_MAX_CONCURRENCY = 8;

export function createGenesysClient(
  settings: ConnectionSettings,
  options: ClientOptions = {},
): GenesysClient {
  checkCredentials(settings);
  const rate = settings.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE;
  const concurrency = settings.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY;
  if (!Number.isFinite(rate) || rate <= 0) {
    throw new ConfigurationError(
      `The rate limit ${rate} per minute is not a positive number.`,
      'Give e.g. 300 or 240.',
    );
  }
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new ConfigurationError(
      `The concurrency ${concurrency} is not a positive whole number.`,
      'Give e.g. 8.',
    );
  }
  const endpoints = resolveEndpoints(settings);
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentLogger;
  const retry = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const timeoutMs = settings.timeoutMs ?? 30_000;
  const tokens = tokenSourceFor(settings, endpoints.loginBase, {
    fetch: options.fetch,
    clock,
    retry,
    timeoutMs,
    logger,
  });
  const budget = new RateBudget({ requestsPerMinute: rate, maxConcurrency: concurrency, clock });
  const http = new GenesysHttp({
    apiBase: endpoints.apiBase,
    tokens,
    budget,
    retry,
    timeoutMs,
    fetch: options.fetch,
    clock,
    logger,
  });
  const tables = new DataTablesApi(http, { clock, logger, ...options.tables });
  return { endpoints, tables, http, budget };
}

/** Connection settings from the environment variables Genesys's own tools use. */
export function connectionSettingsFromEnv(env: NodeJS.ProcessEnv): ConnectionSettings {
  return {
    clientId: env.GENESYSCLOUD_OAUTHCLIENT_ID ?? '',
    clientSecret: env.GENESYSCLOUD_OAUTHCLIENT_SECRET ?? '',
    accessToken: env.GENESYSCLOUD_ACCESS_TOKEN || undefined,
    region: env.GENESYSCLOUD_REGION || undefined,
    apiUrl: env.GENESYSCLOUD_API_URL || undefined,
  };
}
