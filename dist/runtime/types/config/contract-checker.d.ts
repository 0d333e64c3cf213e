import type { TypedValue } from './typed-value.js';
import type { ValueKind } from './types.js';
import { type BrokenSchemaReport } from './value-schemas.js';
/** What a consumer expects of one key: a value kind, or a JSON Schema the value must match. */
export type KeyContract = ValueKind | {
    readonly [keyword: string]: unknown;
};
/**
 * A consumer's contract for one table, schemas compiled once. The runtime reader and validate
 * share it, so that a value validate accepts is one the reader serves. By default a broken
 * schema throws (the reader fails at start-up); validate passes `onBroken` to report it instead.
 */
export declare class ContractChecker {
    private readonly contract;
    private readonly schemas;
    constructor(table: string, contract: ReadonlyMap<string, KeyContract>, onBroken?: BrokenSchemaReport);
    get size(): number;
    /** Why `value` breaks the contract of `key`; undefined when it keeps it (or the key has none). */
    check(key: string, value: TypedValue): string | undefined;
}
