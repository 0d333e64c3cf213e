import type { CellValue, Row } from '../genesys/types.js';
import type { ConfigValue, TableSnapshot } from './types.js';
/** Where a table keeps each row's value and the kind its text holds (examples/config/*.yaml). */
export interface ValueColumns {
    readonly valueColumn: string;
    readonly typeColumn: string;
}
export declare const DEFAULT_VALUE_COLUMNS: ValueColumns;
/** The key of a row: the API stores it in the field `key`. */
export declare function rowKey(row: Readonly<Row>): string;
/**
 * The content hash the deploy writes into the versions table after a table's rows; one function
 * for both sides, so a reader can tell a consistent read from one torn across a deploy.
 */
export { snapshotHash } from './content-hash.js';
export type ParsedValue = {
    ok: true;
    value: ConfigValue;
} | {
    ok: false;
    problem: string;
};
/** Reads a cell's text as the kind its typing column names (a missing kind is a string). */
export declare function parseTypedValue(cell: CellValue | undefined, kind: string | undefined): ParsedValue;
/** Freezes a value and everything it holds. */
export declare function deepFreeze<T>(value: T): T;
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
