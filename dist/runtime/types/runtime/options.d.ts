import type { Clock } from '../clock.js';
import type { KeyContract } from '../config/contract-checker.js';
import type { ConnectionSettings } from '../genesys/client.js';
import type { Logger } from '../logger.js';
import type { AuditSink } from './audit.js';
import type { Timers } from './timers.js';
import type { ConfigValue, PurgeChannel, SharedTier, TableSource } from './types.js';
export type { KeyContract } from '../config/contract-checker.js';
export interface TableOptions {
    /** How long a snapshot is trusted before it is read again: 30–3,600 s, default 60. */
    readonly ttlSeconds?: number;
    /** The column that must equal the reader's `environment`; `false` turns the guard off. Default `environment`. */
    readonly environmentColumn?: string | false;
    /** The config versions this plugin supports (inclusive); a snapshot outside it serves safe defaults. */
    readonly versionRange?: {
        readonly min?: number;
        readonly max?: number;
    };
    /** What `get` returns when a value cannot be served (and for absent keys). */
    readonly safeDefaults?: Readonly<Record<string, ConfigValue>>;
    /** Default `config_value`. */
    readonly valueColumn?: string;
    /** Default `data_type`. */
    readonly typeColumn?: string;
    /** Per key, what the consumer expects; a value that breaks it serves the key's safe default. */
    readonly contract?: Readonly<Record<string, KeyContract>>;
}
export interface ReaderOptions {
    readonly tables: Readonly<Record<string, TableOptions>>;
    /** The plugin's runtime environment, compared with each row's environment column. */
    readonly environment: string;
    /** The OAuth client id written into audit lines (default: the connection's client id). */
    readonly clientId?: string;
    /** Where tables come from; or `connection` to read Genesys Cloud directly. */
    readonly source?: TableSource;
    readonly connection?: ConnectionSettings;
    /** The name of the versions table (for `connection`). */
    readonly versionsTable?: string;
    /** A shared Redis tier and purge channel, connected for you (node-redis, an optional peer dependency). */
    readonly redis?: {
        readonly url: string;
        readonly channel?: string;
        readonly keyPrefix?: string;
    };
    readonly tier?: SharedTier;
    readonly purges?: PurgeChannel;
    readonly clock?: Clock;
    /** Timers for refreshes and backoff (default: Node's, unref'd). Tests pass simulated ones. */
    readonly timers?: Timers;
    /** For jitter and audit sampling; default Math.random. */
    readonly random?: () => number;
    /** At most this many tables in memory, least recently used evicted first. */
    readonly maxTables?: number;
    /** At most this many bytes of snapshots (estimated) in memory. */
    readonly maxBytes?: number;
    /** How old a snapshot may get while refreshes fail before safe defaults are served. Default 3,600. */
    readonly maxStaleSeconds?: number;
    /** How often the versions table is read; 0 turns polling off. Default 15. */
    readonly versionPollSeconds?: number;
    readonly audit?: AuditSink;
    /** Share of successful reads written to the audit log, 0–1. Default 0. */
    readonly auditSampleRate?: number;
    /** How long one onChange callback may run. Default 5,000 ms. */
    readonly callbackTimeoutMs?: number;
    readonly logger?: Logger;
    /**
     * OpenTelemetry metrics through the host's `@opentelemetry/api` (an optional peer dependency):
     * on by default when it is installed (a no-op until the host registers a MeterProvider, which
     * it must do before creating the reader); `false` turns them off; `meterName` defaults to
     * `datatable-deploy`.
     */
    readonly metrics?: MetricsOption;
}
/** `false` turns metrics off; `true` or an object turns them on when the API is installed (the default). */
export type MetricsOption = boolean | {
    readonly meterName?: string;
};
/** One table's options with every default filled in. */
export interface ResolvedTable {
    readonly name: string;
    readonly ttlMs: number;
    readonly environmentColumn: string | false;
    readonly versionMin: number;
    readonly versionMax: number;
    readonly safeDefaults: ReadonlyMap<string, ConfigValue>;
    readonly columns: {
        readonly valueColumn: string;
        readonly typeColumn: string;
    };
    readonly contract: ReadonlyMap<string, KeyContract>;
}
export interface ResolvedOptions {
    readonly tables: readonly ResolvedTable[];
    readonly environment: string;
    readonly clientId: string;
    readonly clock: Clock;
    readonly timers: Timers;
    readonly random: () => number;
    readonly maxTables: number;
    readonly maxBytes: number;
    readonly maxStaleMs: number;
    readonly versionPollMs: number;
    readonly auditSampleRate: number;
    readonly callbackTimeoutMs: number;
    readonly logger: Logger;
}
export declare const TTL_BOUNDS: {
    readonly min: 30;
    readonly max: 3600;
    readonly default: 60;
};
/** Checks the options and fills in the defaults; every problem is a ConfigurationError with its fix. */
export declare function resolveOptions(options: ReaderOptions): ResolvedOptions;
