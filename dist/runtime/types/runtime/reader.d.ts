import { type ChangeListener } from './callbacks.js';
import { type FetchTuning } from './fetch-table.js';
import type { TableView } from './guards.js';
import { type ReaderOptions } from './options.js';
import { type ReaderStats } from './stats.js';
import type { ConfigValue, FallbackReason } from './types.js';
/** How each table came out of its first load. */
export interface ReadyReport {
    readonly tables: Readonly<Record<string, {
        loaded: boolean;
        version?: number | undefined;
        reason?: FallbackReason;
        error?: string | undefined;
    }>>;
}
/** The plugin's view of its configuration: reads are synchronous, from memory. */
export interface ConfigReader {
    /** Resolves once every table is loaded, or has failed to its safe defaults (with the reason). */
    ready(): Promise<ReadyReport>;
    /** The typed value; a safe default when it cannot be served; for an absent key, its safe default or undefined. */
    get(table: string, key: string): ConfigValue | undefined;
    /** The whole table as served (guards applied); undefined when it is not in memory. */
    table(name: string): TableView | undefined;
    stats(): ReaderStats;
    /** Called after each new snapshot is installed; returns a function that removes the listener. */
    onChange(listener: ChangeListener): () => void;
    /** Resolves when the onChange callbacks queued so far have run (or timed out). */
    callbacksIdle(): Promise<void>;
    /** Stops every timer and subscription; values already read stay usable. */
    close(): Promise<void>;
}
/**
 * Starts a reader: validates the options (a ConfigurationError says what to fix), connects the
 * source and, when asked, Redis, then begins loading every table. `ready()` waits for the loads.
 */
export declare function createConfigReader(options: ReaderOptions, tuning?: Partial<FetchTuning>): Promise<ConfigReader>;
