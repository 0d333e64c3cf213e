import type { ContractChecker } from './contract.js';
import type { ResolvedTable } from './options.js';
import type { BuiltSnapshot } from './snapshot.js';
import type { ConfigValue, FallbackReason, TableSnapshot } from './types.js';
/** Why one key is not served from the snapshot. */
export interface Refusal {
    readonly reason: FallbackReason;
    readonly detail: string;
}
/** An installed snapshot as the plugin sees it: guards, version range and contract applied. */
export interface TableView {
    readonly snapshot: TableSnapshot;
    /** What `get` serves per key: refused keys hold their safe default, or are absent without one. */
    readonly values: ReadonlyMap<string, ConfigValue>;
    /** The keys refused, and why (every key when the version is out of range). */
    readonly refused: ReadonlyMap<string, Refusal>;
    readonly versionInRange: boolean;
    /** The rows disagree with the versions row: the table was edited by hand after its deploy. */
    readonly drifted: boolean;
}
/** The view plus the two maps `get` reads: values that passed, and refusals. */
export interface GuardedTable extends TableView {
    readonly passed: ReadonlyMap<string, ConfigValue>;
}
/** Applies the environment guard, the version range and the consumer contract to a snapshot. */
export declare function guardSnapshot(built: BuiltSnapshot, table: ResolvedTable, environment: string, contract: ContractChecker, drifted: boolean): GuardedTable;
