/**
 * `datatable-deploy/runtime`: read the tables the deploy wrote, at run time, from memory.
 * See the README's "Reading config at run time".
 */
export { createConfigReader, type ConfigReader, type ReadyReport } from './reader.js';
export type { ReaderOptions, TableOptions, KeyContract, MetricsOption } from './options.js';
export { contractFromFile, type ContractTableOptions } from './contract-file.js';
export type { TableView, Refusal } from './guards.js';
export type { ChangeListener, TableChange } from './callbacks.js';
export type { ReaderStats, TableStats } from './stats.js';
export type { AuditSink } from './audit.js';
export type { Timers } from './timers.js';
export { snapshotHash, buildSnapshot, parseTypedValue } from './snapshot.js';
export type { BuiltSnapshot, ValueColumns } from './snapshot.js';
export { RefreshNotConsistentError } from './fetch-table.js';
export { ConfigurationError, DatatableDeployError, GenesysApiError, AuthenticationError } from '../errors.js';
export type { AuditEvent, ConfigValue, FallbackReason, Purge, PurgeChannel, SharedTier, StoredSnapshot, TableSnapshot, TableSource, VersionRecord, } from './types.js';
export { FALLBACK_REASONS } from './types.js';
