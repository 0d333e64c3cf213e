import type { Clock } from '../clock.js';
import { systemClock } from '../clock.js';
import type { KeyContract } from '../config/contract-checker.js';
import { VALUE_KINDS } from '../config/types.js';
import { ConfigurationError } from '../errors.js';
import type { ConnectionSettings } from '../genesys/client.js';
import type { Logger } from '../logger.js';
import { silentLogger } from '../logger.js';
import type { AuditSink } from './audit.js';
import type { Timers } from './timers.js';
import { systemTimers } from './timers.js';
import type { ConfigValue, PurgeChannel, SharedTier, TableSource } from './types.js';

export type { KeyContract } from '../config/contract-checker.js';

export interface TableOptions {
  /** How long a snapshot is trusted before it is read again: 30–3,600 s, default 60. */
  readonly ttlSeconds?: number;
  /** The column that must equal the reader's `environment`; `false` turns the guard off. Default `environment`. */
  readonly environmentColumn?: string | false;
  /** The config versions this plugin supports (inclusive); a snapshot outside it serves safe defaults. */
  readonly versionRange?: { readonly min?: number; readonly max?: number };
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
  readonly redis?: { readonly url: string; readonly channel?: string; readonly keyPrefix?: string };
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
export type MetricsOption = boolean | { readonly meterName?: string };

/** One table's options with every default filled in. */
export interface ResolvedTable {
  readonly name: string;
  readonly ttlMs: number;
  readonly environmentColumn: string | false;
  readonly versionMin: number;
  readonly versionMax: number;
  readonly safeDefaults: ReadonlyMap<string, ConfigValue>;
  readonly columns: { readonly valueColumn: string; readonly typeColumn: string };
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

export const TTL_BOUNDS = { min: 30, max: 3_600, default: 60 } as const;

/** Checks the options and fills in the defaults; every problem is a ConfigurationError with its fix. */
export function resolveOptions(options: ReaderOptions): ResolvedOptions {
  const names = Object.keys(options.tables ?? {});
  if (names.length === 0) {
    throw new ConfigurationError(
      'The reader was given no tables.',
      'Name at least one table under `tables`.',
    );
  }
  if (typeof options.environment !== 'string' || options.environment === '') {
    throw new ConfigurationError(
      'The reader was given no environment.',
      'Set `environment` to the runtime environment of this plugin (e.g. "prod"); rows of other environments are refused.',
    );
  }
  if (!options.source && !options.connection) {
    throw new ConfigurationError(
      'The reader has nowhere to read tables from.',
      'Pass `connection` (Genesys Cloud client credentials and region) or a `source`.',
    );
  }
  const maxStaleSeconds = positive(options.maxStaleSeconds, 3_600, 'maxStaleSeconds');
  const tables = names.map((name) => resolveTable(name, options.tables[name] ?? {}, maxStaleSeconds));
  return {
    tables,
    environment: options.environment,
    clientId: options.clientId ?? options.connection?.clientId ?? 'unknown',
    clock: options.clock ?? systemClock,
    timers: options.timers ?? systemTimers,
    random: options.random ?? Math.random,
    maxTables: positive(options.maxTables, Infinity, 'maxTables'),
    maxBytes: positive(options.maxBytes, Infinity, 'maxBytes'),
    maxStaleMs: maxStaleSeconds * 1000,
    versionPollMs: nonNegative(options.versionPollSeconds, 15, 'versionPollSeconds') * 1000,
    auditSampleRate: share(options.auditSampleRate),
    callbackTimeoutMs: positive(options.callbackTimeoutMs, 5_000, 'callbackTimeoutMs'),
    logger: options.logger ?? silentLogger,
  };
}

function resolveTable(name: string, table: TableOptions, maxStaleSeconds: number): ResolvedTable {
  const ttl = table.ttlSeconds ?? TTL_BOUNDS.default;
  if (!Number.isFinite(ttl) || ttl < TTL_BOUNDS.min || ttl > TTL_BOUNDS.max) {
    throw new ConfigurationError(
      `tables.${name}.ttlSeconds is ${ttl}; it must be between ${TTL_BOUNDS.min} and ${TTL_BOUNDS.max} seconds.`,
      `Set ttlSeconds to a value from ${TTL_BOUNDS.min} to ${TTL_BOUNDS.max} (purges and the versions table bring changes sooner).`,
    );
  }
  if (maxStaleSeconds < ttl) {
    throw new ConfigurationError(
      `maxStaleSeconds (${maxStaleSeconds}) is shorter than tables.${name}.ttlSeconds (${ttl}): values would fall back to safe defaults before their first refresh.`,
      `Raise maxStaleSeconds to at least ${ttl}, or lower the table's ttlSeconds.`,
    );
  }
  const min = table.versionRange?.min ?? 0;
  const max = table.versionRange?.max ?? Infinity;
  if (!(min <= max)) {
    throw new ConfigurationError(
      `tables.${name}.versionRange is empty (min ${min} > max ${max}).`,
      'Give versionRange a min that is not above its max.',
    );
  }
  const contract = new Map(Object.entries(table.contract ?? {}));
  for (const [key, expected] of contract) {
    if (typeof expected === 'string' && !VALUE_KINDS.includes(expected)) {
      throw new ConfigurationError(
        `tables.${name}.contract.${key} is "${expected}", which is not a value kind.`,
        `Use one of ${VALUE_KINDS.join(', ')}, or a JSON Schema object.`,
      );
    }
  }
  return {
    name,
    ttlMs: ttl * 1000,
    environmentColumn: table.environmentColumn ?? 'environment',
    versionMin: min,
    versionMax: max,
    safeDefaults: new Map(Object.entries(table.safeDefaults ?? {})),
    columns: {
      valueColumn: table.valueColumn ?? 'config_value',
      typeColumn: table.typeColumn ?? 'data_type',
    },
    contract,
  };
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!(value > 0)) {
    throw new ConfigurationError(
      `${name} is ${value}; it must be above 0.`,
      `Set ${name} to a positive number, or leave it out.`,
    );
  }
  return value;
}

function nonNegative(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (!(value >= 0) || !Number.isFinite(value)) {
    throw new ConfigurationError(
      `${name} is ${value}; it must be 0 or more.`,
      `Set ${name} to a number of seconds (0 turns it off).`,
    );
  }
  return value;
}

function share(value: number | undefined): number {
  if (value === undefined) return 0;
  if (!(value >= 0 && value <= 1)) {
    throw new ConfigurationError(
      `auditSampleRate is ${value}; it must be from 0 to 1.`,
      'Set auditSampleRate to a share such as 0.01 (1 % of reads).',
    );
  }
  return value;
}
