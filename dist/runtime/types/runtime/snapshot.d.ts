import { type ValueColumns } from '../config/typed-value.js';
import type { Row } from '../genesys/types.js';
import type { TableSnapshot } from './types.js';
export { DEFAULT_VALUE_COLUMNS, type ValueColumns } from '../config/typed-value.js';
/** The key of a row: the API stores it in the field `key`. */
export declare function rowKey(row: Readonly<Row>): string;
/**
 * The content hash the deploy writes into the versions table after a table's rows; one function
 * for both sides, so a reader can tell a consistent read from one torn across a deploy.
 */
export { snapshotHash } from './content-hash.js';
export { deepFreeze, parseTypedValue, type ParsedValue } from '../config/typed-value.js';
/** A Map that refuses changes once built: Object.freeze does not stop Map.set. */
export declare class FrozenMap<K, V> extends Map<K, V> {
    constructor(entries: Iterable<readonly [K, V]>);
    set(key: K, value: V): this;
    delete(): boolean;
    clear(): void;
}
export interface SnapshotInput {
    readonly table: string;
    readonly version: number;
    readonly rows: readonly Readonly<Row>[];
    readonly fetchedAt: number;
    readonly columns?: ValueColumns | undefined;
    /** Already computed by the caller (the torn-read check): not hashed again. */
    readonly hash?: string | undefined;
}
export interface BuiltSnapshot {
    readonly snapshot: TableSnapshot;
    /** Keys whose value text cannot be read as its kind, with why: served as safe defaults. */
    readonly unreadable: ReadonlyMap<string, string>;
}
/** Builds the immutable snapshot of one table; an unparsable value is reported, never thrown. */
export declare function buildSnapshot(input: SnapshotInput): BuiltSnapshot;
