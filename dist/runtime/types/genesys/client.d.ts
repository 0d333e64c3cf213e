import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import { DataTablesApi, type DataTablesOptions } from './datatables.js';
import { GenesysHttp } from './http.js';
import { RateBudget } from './rate-budget.js';
import { type Endpoints } from './regions.js';
import { type RetryPolicy } from './retry.js';
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
export declare const DEFAULT_RATE_LIMIT_PER_MINUTE = 300;
export declare const DEFAULT_MAX_CONCURRENCY = 8;
export declare function createGenesysClient(settings: ConnectionSettings, options?: ClientOptions): GenesysClient;
/** Connection settings from the environment variables Genesys's own tools use. */
export declare function connectionSettingsFromEnv(env: NodeJS.ProcessEnv): ConnectionSettings;
