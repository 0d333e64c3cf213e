import type { KeyContract } from './options.js';
import type { ConfigValue } from './types.js';
/** A consumer's contract for one table, schemas compiled once (a broken schema fails at start-up). */
export declare class ContractChecker {
    private readonly contract;
    private readonly schemas;
    constructor(table: string, contract: ReadonlyMap<string, KeyContract>);
    get size(): number;
    /** Why `value` breaks the contract of `key`; undefined when it keeps it (or the key has none). */
    check(key: string, value: ConfigValue): string | undefined;
}
